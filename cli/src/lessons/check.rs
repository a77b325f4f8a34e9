//! `iamplay lessons check [DIR]`: validates a course folder (default: the built-in course) with
//! the same checker the project's tests run, so trainers can check a course of their own.

use std::path::PathBuf;
use std::process::ExitCode;

use iamplay_course::{check_files, load_course};

use crate::output::print_out;

/// Check a course folder and list its problems
#[derive(Debug, PartialEq, Eq, clap::Args)]
#[command(
    after_help = "Exit status: 0 without problems, 1 with problems, 2 on a usage or read error."
)]
pub struct Args {
    /// The course folder (default: the course built into iamplay)
    dir: Option<PathBuf>,
    /// Print the problems as a JSON array (file, position, field, message, help)
    #[arg(long)]
    json: bool,
}

/// Runs `iamplay lessons check`.
pub fn run(args: Args) -> ExitCode {
    let what = match &args.dir {
        Some(dir) => format!("`{}`", dir.display()),
        None => "the built-in course".to_owned(),
    };
    match super::course_files(args.dir.as_deref()) {
        Ok(files) => report(&what, &files, args.json),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn report(what: &str, files: &[(String, String)], json: bool) -> ExitCode {
    let problems = check_files(files);
    let mut out = String::new();
    if json {
        out = serde_json::to_string_pretty(&problems).unwrap_or_default() + "\n";
    } else if problems.is_empty() {
        out = format!("{what}: {}, no problems\n", summary(files));
    } else {
        for problem in &problems {
            out.push_str(&format!("error: {problem}\n\n"));
        }
        out.push_str(&format!("{what}: {} problem(s)\n", problems.len()));
    }
    print_out(&out);
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// "14 lessons, 47 scenarios (195 checks), 110 questions".
fn summary(files: &[(String, String)]) -> String {
    let Some(course) = load_course(files).course else {
        return String::new();
    };
    let scenarios: Vec<_> = course
        .lessons
        .iter()
        .flat_map(|l| &l.manifest.scenarios)
        .collect();
    let checks: usize = scenarios.iter().map(|s| s.checks.len()).sum();
    let questions: usize = course
        .lessons
        .iter()
        .map(|l| l.manifest.questions.len())
        .sum();
    format!(
        "{} lessons, {} scenarios ({checks} checks), {questions} questions",
        course.lessons.len(),
        scenarios.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_is_optional_and_json_a_flag() {
        let parsed = crate::parse_args::<Args>(&["--json", "my-course"]).unwrap();
        assert_eq!(
            parsed,
            Args {
                dir: Some("my-course".into()),
                json: true
            }
        );
        assert_eq!(crate::parse_args::<Args>(&[]).unwrap().dir, None);
        assert!(crate::parse_args::<Args>(&["a", "b"]).is_err());
    }
}
