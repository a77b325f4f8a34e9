//! The command line's conventions, as a shell user meets them: `--version`, help on a bare
//! command, usage errors exit 2, completions for the shells clap supports.

#![allow(clippy::unwrap_used)] // A test.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iamplay"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn version_and_help() {
    let version = run(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        stdout(&version),
        format!("iamplay {}\n", env!("CARGO_PKG_VERSION"))
    );
    // A bare `iamplay` lists the commands and is not an error.
    let bare = run(&[]);
    assert_eq!(bare.status.code(), Some(0));
    assert!(stdout(&bare).contains("lessons"), "{}", stdout(&bare));
    let help = run(&["lessons", "bundle", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("--out <FILE>"), "{}", stdout(&help));
}

#[test]
fn a_group_without_its_subcommand_is_a_usage_error() {
    let lessons = run(&["lessons"]);
    assert_eq!(lessons.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&lessons.stderr).contains("check"));
}

#[test]
fn completions_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = run(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = stdout(&output);
        for word in [
            "eval",
            "lint",
            "actions",
            "lessons",
            "bundle",
            "new",
            "progress",
            "report",
            "require-mfa",
        ] {
            assert!(script.contains(word), "{shell} completions lack `{word}`");
        }
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}
