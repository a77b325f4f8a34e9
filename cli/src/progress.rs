//! `iamplay progress`: what learners did, from the progress files the app exports.

mod csv;
mod html;
mod markdown;
mod regrade;
mod report;
mod table;

use std::process::ExitCode;

/// Report on progress files exported from the app
#[derive(Debug, clap::Args)]
#[command(subcommand_required = true, arg_required_else_help = true)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    Report(report::Args),
}

/// Runs `iamplay progress SUBCOMMAND`.
pub fn run(args: Args) -> ExitCode {
    match args.command {
        Command::Report(args) => report::run(args),
    }
}
