//! `iamplay`: the IAM Playground engine on the command line.

mod actions;
mod bundle;
mod drill;
mod eval;
mod grade;
mod lessons;
mod lint;
mod render;

use std::process::ExitCode;

const USAGE: &str = "\
iamplay: learn AWS IAM by evaluating real policies

Usage: iamplay <COMMAND> [ARGS]

Commands:
  eval      Evaluate requests against policies and explain the decision
  lint      Check a policy and point at what is wrong
  actions   List the AWS actions a pattern matches, with access levels
  lessons   Check a course folder, or bundle it for the app: `iamplay lessons check [DIR]`
  drill     Generate practice drills: `iamplay drill --seed S --count K`
  check     Grade a policy against a lesson scenario: `iamplay check LESSON/SCENARIO --policy FILE`
  help      Show this message

Run `iamplay eval --help` for the options of a command.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("actions") => actions::run(&args[1..]),
        Some("lessons") => lessons::run(&args[1..]),
        Some("check") => grade::run(&args[1..]),
        Some("drill") => drill::run(&args[1..]),
        Some("eval") => eval::run(&args[1..]),
        Some("lint") => lint::run(&args[1..]),
        Some(other) => {
            eprintln!("iamplay: unknown command `{other}`\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
