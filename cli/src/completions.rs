//! `iamplay completions SHELL`: a completion script for the shell, generated from the same
//! definition that parses the arguments, so it never falls behind a new subcommand.

use clap_complete::Shell;
use std::process::ExitCode;

/// Print a shell completion script
///
/// Bash: `iamplay completions bash > ~/.local/share/bash-completion/completions/iamplay`;
/// zsh: write `_iamplay` into a folder on `$fpath`; fish:
/// `iamplay completions fish > ~/.config/fish/completions/iamplay.fish`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for
    shell: Shell,
}

/// Writes the script for `args.shell` describing `command` to standard output.
pub fn run(args: Args, mut command: clap::Command) -> ExitCode {
    let name = command.get_name().to_owned();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, name, &mut script);
    crate::output::print_out(&String::from_utf8_lossy(&script));
    ExitCode::SUCCESS
}
