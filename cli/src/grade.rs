//! `iamplay check SCENARIO --policy FILE`: grades a policy against a lesson scenario with the
//! same checks, hints and least-privilege bound the app uses.

use std::path::Path;
use std::process::ExitCode;

use iamplay_course::{grade_with_catalog, load_course, Course, Grade, GradeError, Scenario};
use iamplay_engine::catalog::Catalog;
use iamplay_engine::json::LineIndex;

use std::fmt::Write as _;

use crate::lessons::{builtin_files, print_out, read_course};

const USAGE: &str = "\
Usage: iamplay check SCENARIO --policy FILE [--course DIR] [--json]

Grades the policy in FILE against a lesson scenario. SCENARIO is `LESSON/SCENARIO`
(`policy-anatomy/fix-bucket-vs-object`) or a scenario id that only one lesson uses.
  --course DIR   use the course in DIR instead of the built-in one
  --json         print the grade as JSON (checks, decisions, explanations)
Exit status: 0 when every check passes, 1 when some fail, 2 on a usage or input error.
";

struct Options {
    scenario: String,
    policy: String,
    course: Option<String>,
    json: bool,
}

/// Runs `iamplay check ARGS`.
pub fn run(args: &[String]) -> ExitCode {
    let options = match parse_args(args) {
        Ok(options) => options,
        Err(message) => {
            eprint!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match grade_file(&options) {
        Ok(passed) if passed => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let (mut scenario, mut policy, mut course, mut json) = (None, None, None, false);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--policy" => policy = Some(rest.next().ok_or("`--policy` needs a file")?.clone()),
            "--course" => course = Some(rest.next().ok_or("`--course` needs a folder")?.clone()),
            "--json" => json = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            id if scenario.is_none() => scenario = Some(id.to_owned()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    Ok(Options {
        scenario: scenario.ok_or("name the scenario to grade")?,
        policy: policy.ok_or("give the policy with `--policy FILE`")?,
        course,
        json,
    })
}

fn grade_file(options: &Options) -> Result<bool, String> {
    let files = match &options.course {
        Some(dir) => read_course(Path::new(dir)).map_err(|m| format!("error: {m}"))?,
        None => builtin_files(),
    };
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
            let at = LineIndex::new(&text).position(error.span.start);
            let mut message = format!(
                "error: {}:{}:{}: {error}",
                options.policy, at.line, at.column
            );
            if let Some(help) = error.help() {
                message.push_str(&format!("\n  help: {help}"));
            }
            return Err(message);
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
                .map(move |s| (id, s))
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

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn arguments_in_any_order() {
        let options = parse_args(&args(&["--policy", "p.json", "a/b", "--json"])).expect("valid");
        assert_eq!(
            (
                options.scenario.as_str(),
                options.policy.as_str(),
                options.json
            ),
            ("a/b", "p.json", true)
        );
        assert!(parse_args(&args(&["a/b"])).is_err_and(|m| m.contains("--policy")));
        assert!(parse_args(&args(&["a", "b", "--policy", "p"])).is_err_and(|m| m.contains("`b`")));
        assert!(parse_args(&args(&["a", "--polcy", "p"])).is_err_and(|m| m.contains("`--polcy`")));
    }

    #[test]
    fn scenarios_are_found_by_qualified_or_unique_id() {
        let course = load_course(&builtin_files())
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
        let course = load_course(&builtin_files())
            .course
            .expect("built-in course");
        let (_, scenario) =
            find_scenario(&course, "least-privilege/fix-lambda-s3-star").expect("scenario");
        let answer = serde_json::to_string(&scenario.answer).expect("json");
        assert!(
            grade_with_catalog(scenario, &answer, Catalog::embedded())
                .expect("gradable")
                .passed
        );
        let starter = serde_json::to_string(&scenario.starter).expect("json");
        let graded = grade_with_catalog(scenario, &starter, Catalog::embedded()).expect("gradable");
        assert!(!graded.passed);
        assert!(graded.checks.iter().any(|c| !c.passed && c.hint.is_some()));
    }
}
