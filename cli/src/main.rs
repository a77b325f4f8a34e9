//! `iamplay`: the IAM Playground engine on the command line.
//!
//! Each subcommand lives in its own module with an `Args` struct (its clap definition) and a
//! `run(args) -> ExitCode`; this file only names them. Exit status, everywhere: 0 success,
//! 1 when the input has problems (an invalid case, a lint error, a failing check), 2 on bad
//! usage or a file that cannot be read or written.

mod actions;
mod completions;
mod denial;
mod diagnostics;
mod drill;
mod eval;
mod grade;
mod lessons;
mod lint;
mod output;
mod progress;
mod render;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

/// Learn AWS IAM by evaluating real policies.
#[derive(Debug, Parser)]
#[command(name = "iamplay", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    Eval(eval::Args),
    Lint(lint::Args),
    Actions(actions::Args),
    Lessons(lessons::Args),
    Check(grade::Args),
    Drill(drill::Args),
    Progress(progress::Args),
    Denial(denial::Args),
    Completions(completions::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Eval(args)) => eval::run(args),
        Some(Command::Lint(args)) => lint::run(args),
        Some(Command::Actions(args)) => actions::run(args),
        Some(Command::Lessons(args)) => lessons::run(args),
        Some(Command::Check(args)) => grade::run(args),
        Some(Command::Drill(args)) => drill::run(args),
        Some(Command::Progress(args)) => progress::run(args),
        Some(Command::Denial(args)) => denial::run(args),
        Some(Command::Completions(args)) => completions::run(args, Cli::command()),
        // A bare `iamplay` is a request for the overview, not a mistake.
        None => {
            let _ = Cli::command().print_help();
            ExitCode::SUCCESS
        }
    }
}

/// Parses one subcommand's arguments alone, as its unit tests need.
#[cfg(test)]
fn parse_args<A: clap::Args>(list: &[&str]) -> Result<A, clap::Error> {
    let command = A::augment_args(clap::Command::new("iamplay-test"));
    let matches = command
        .try_get_matches_from(std::iter::once("iamplay-test").chain(list.iter().copied()))?;
    A::from_arg_matches(&matches)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Every subcommand, at every depth, answers `--help` (and so shows up in completions).
    #[test]
    fn every_subcommand_has_help() {
        fn paths(command: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
            for sub in command.get_subcommands() {
                let mut path = prefix.clone();
                path.push(sub.get_name().to_owned());
                out.push(path.clone());
                paths(sub, path, out);
            }
        }
        let mut all = Vec::new();
        paths(&Cli::command(), Vec::new(), &mut all);
        assert!(all.len() >= 7, "{all:?}");
        for path in all {
            let argv = std::iter::once("iamplay".to_owned())
                .chain(path.iter().cloned())
                .chain(std::iter::once("--help".to_owned()));
            let err = Cli::try_parse_from(argv).expect_err("help is an early exit");
            assert_eq!(err.kind(), ErrorKind::DisplayHelp, "{path:?}");
            assert!(!err.to_string().is_empty(), "{path:?}");
        }
    }

    #[test]
    fn unknown_commands_are_usage_errors() {
        let err = Cli::try_parse_from(["iamplay", "frobnicate"]).expect_err("unknown");
        assert_eq!(err.exit_code(), 2);
        let err = Cli::try_parse_from(["iamplay", "--version"]).expect_err("early exit");
        assert_eq!(err.kind(), ErrorKind::DisplayVersion);
    }
}
