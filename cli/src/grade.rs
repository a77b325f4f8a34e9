//! `iamplay check SCENARIO --policy FILE`: grades a policy against a lesson scenario with the
//! same checks, hints and least-privilege bound the app uses.

use std::path::Path;
use std::process::ExitCode;

use iamplay_course::{grade_with_catalog, load_course, Course, Grade, GradeError, Scenario};
use iamplay_engine::catalog::Catalog;

use std::fmt::Write as _;

use crate::diagnostics;
use crate::lessons::course_files;
use crate::output::print_out;

/// Grade a policy against a lesson scenario
///
/// Uses the same checks, hints and least-privilege bound as the app.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when every check passes, 1 when some fail, 2 on a usage or input error."
)]
pub struct Args {
    /// `LESSON/SCENARIO` (`policy-anatomy/fix-bucket-vs-object`), or a scenario id that only
    /// one lesson uses
    scenario: String,
    /// The policy to grade
    #[arg(long, value_name = "FILE")]
    policy: String,
    /// Use the course in DIR instead of the built-in one
    #[arg(long, value_name = "DIR")]
    course: Option<String>,
    /// Print the grade as JSON (checks, decisions, explanations)
    #[arg(long)]
    json: bool,
}

/// Runs `iamplay check`.
pub fn run(args: Args) -> ExitCode {
    match grade_file(&args) {
        Ok(passed) if passed => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn grade_file(options: &Args) -> Result<bool, String> {
    let files = course_files(options.course.as_deref().map(Path::new))
        .map_err(|m| format!("error: {m}"))?;
    let loaded = load_course(&files);
    let Some(course) = loaded.course.filter(|_| loaded.problems.is_empty()) else {
        return Err("error: the course has problems; run `iamplay lessons check` first".to_owned());
    };
    let (lesson_id, scenario) = find_scenario(&course, &options.scenario)?;
    let text = std::fs::read_to_string(&options.policy)
        .map_err(|e| format!("error: cannot read `{}`: {e}", options.policy))?;
    let grade = match grade_with_catalog(scenario, &text, Catalog::embedded()) {
        Ok(grade) => grade,
        Err(GradeError::Policy(error)) => {
            let colour = diagnostics::colour_for(&std::io::stderr());
            let rendered = diagnostics::render(&options.policy, &text, error.as_ref(), &[], colour);
            return Err(rendered.trim_end().to_owned());
        }
        Err(other) => {
            return Err(format!(
                "error: scenario `{lesson_id}/{}` is broken: {other}",
                scenario.id
            ))
        }
    };
    if options.json {
        let json = serde_json::to_string_pretty(&grade).map_err(|e| e.to_string())?;
        print_out(&(json + "\n"));
    } else {
        print_grade(lesson_id, scenario, &grade);
    }
    Ok(grade.passed)
}

fn find_scenario<'a>(course: &'a Course, wanted: &str) -> Result<(&'a str, &'a Scenario), String> {
    let (lesson_filter, scenario_id) = match wanted.split_once('/') {
        Some((lesson, scenario)) => (Some(lesson), scenario),
        None => (None, wanted),
    };
    let found: Vec<_> = course
        .lessons
        .iter()
        .filter(|lesson| lesson_filter.is_none_or(|id| lesson.manifest.id == id))
        .flat_map(|lesson| {
            let id = lesson.manifest.id.as_str();
            lesson
                .manifest
                .scenarios
                .iter()
                .filter(|s| s.id == scenario_id)
                .map(move |s| (id, &s.value))
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!("error: no scenario `{wanted}`\n  help: scenario ids are listed in each lesson's `lesson.json`; write `LESSON/SCENARIO`")),
        many => {
            let names: Vec<String> = many.iter().map(|(lesson, s)| format!("`{lesson}/{}`", s.id)).collect();
            Err(format!("error: `{wanted}` is ambiguous: {}", names.join(", ")))
        }
    }
}

fn print_grade(lesson_id: &str, scenario: &Scenario, grade: &Grade) {
    let mut out = String::new();
    let _ = writeln!(out, "{lesson_id}/{}: {}\n", scenario.id, scenario.title);
    for check in &grade.checks {
        let mark = if check.passed { "pass" } else { "FAIL" };
        let _ = writeln!(out, "  {mark}  {}", check.title);
        let _ = writeln!(
            out,
            "        expected {}, got {}",
            check.expect.as_str(),
            check.evaluation.decision.as_str()
        );
        let _ = writeln!(out, "        {}", check.evaluation.summary);
        if let Some(hint) = &check.hint {
            let _ = writeln!(out, "        hint: {hint}");
        }
    }
    for over in &grade.over_grants {
        let sid = over
            .sid
            .as_deref()
            .map(|s| format!(" `{s}`"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  FAIL  least privilege: statement {}{sid}: {}",
            over.statement_index, over.message
        );
    }
    let passed = grade.checks.iter().filter(|c| c.passed).count();
    let _ = writeln!(out, "\n{passed} of {} checks pass", grade.checks.len());
    if grade.passed {
        let _ = writeln!(out, "\nSolved. {}", scenario.explanation);
    }
    print_out(&out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_in_any_order() {
        let options =
            crate::parse_args::<Args>(&["--policy", "p.json", "a/b", "--json"]).expect("valid");
        assert_eq!(
            (
                options.scenario.as_str(),
                options.policy.as_str(),
                options.json
            ),
            ("a/b", "p.json", true)
        );
        let error = |list: &[&str]| crate::parse_args::<Args>(list).unwrap_err().to_string();
        assert!(error(&["a/b"]).contains("--policy"));
        assert!(error(&["a", "b", "--policy", "p"]).contains("'b'"));
        assert!(error(&["a", "--polcy", "p"]).contains("--polcy"));
    }

    #[test]
    fn scenarios_are_found_by_qualified_or_unique_id() {
        let course = load_course(&crate::lessons::builtin_files())
            .course
            .expect("built-in course");
        let (lesson, scenario) =
            find_scenario(&course, "policy-anatomy/fix-bucket-vs-object").expect("qualified");
        assert_eq!(
            (lesson, scenario.id.as_str()),
            ("policy-anatomy", "fix-bucket-vs-object")
        );
        assert!(find_scenario(&course, "fix-bucket-vs-object").is_ok());
        assert!(
            find_scenario(&course, "no-such-scenario").is_err_and(|m| m.contains("no scenario"))
        );
        assert!(find_scenario(&course, "users-and-groups/fix-bucket-vs-object").is_err());
    }

    #[test]
    fn the_reference_answer_of_a_built_in_scenario_passes() {
        let course = load_course(&crate::lessons::builtin_files())
            .course
            .expect("built-in course");
        let (_, scenario) =
            find_scenario(&course, "least-privilege/fix-lambda-s3-star").expect("scenario");
        let answer = scenario.answer.as_str();
        assert!(
            grade_with_catalog(scenario, answer, Catalog::embedded())
                .expect("gradable")
                .passed
        );
        let starter = scenario.starter.as_str();
        let graded = grade_with_catalog(scenario, starter, Catalog::embedded()).expect("gradable");
        assert!(!graded.passed);
        assert!(graded.checks.iter().any(|c| !c.passed && c.hint.is_some()));
    }
}
