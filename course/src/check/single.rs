//! One scenario on its own, outside any course: what the scenario builder runs while a trainer
//! types.

use iamplay_engine::catalog::Catalog;
use iamplay_engine::json::Span;

use crate::manifest::Scenario;
use crate::problem::{Problem, Report};

/// The field prefix the checkers get, stripped again from what they report.
const ROOT: &str = "scenario";

/// The structural rules and the engine's for one scenario (the reference answer passes every
/// check and the bound, a `write`/`fix` starter fails one, allowing everything fails one);
/// `catalog` makes the least-privilege bound exact. Each problem's field is relative to the
/// scenario (`title`, `answer`, `checks[1].expect`): checks are named by their index, also where
/// the course checker names them by id. A problem about the whole scenario has no field.
pub fn check_scenario(scenario: &Scenario, catalog: Option<&Catalog>) -> Vec<Problem> {
    let mut problems = Vec::new();
    // Not read from a file: problems have no position.
    super::scenario::check(
        scenario,
        Span::default(),
        ROOT,
        &mut Report {
            file: ROOT,
            problems: &mut problems,
        },
    );
    let mut semantic = Vec::new();
    super::semantic::check_scenario(
        scenario,
        Span::default(),
        ROOT,
        catalog,
        &mut Report {
            file: ROOT,
            problems: &mut semantic,
        },
    );
    for problem in &mut semantic {
        problem.field = problem.field.take().map(|f| check_by_index(&f, scenario));
    }
    problems.extend(semantic);
    for problem in &mut problems {
        problem.file.clear();
        problem.field = problem.field.take().and_then(|field| {
            let relative = field.strip_prefix(ROOT)?.trim_start_matches('.');
            (!relative.is_empty()).then(|| relative.to_owned())
        });
    }
    problems
}

/// `scenario.checks[<id>]…` as `scenario.checks[<index>]…`.
fn check_by_index(field: &str, scenario: &Scenario) -> String {
    let prefix = format!("{ROOT}.checks[");
    let Some(rest) = field.strip_prefix(&prefix) else {
        return field.to_owned();
    };
    let Some((id, tail)) = rest.split_once(']') else {
        return field.to_owned();
    };
    match scenario.checks.iter().position(|check| check.id == id) {
        Some(index) => format!("{prefix}{index}]{tail}"),
        None => field.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn scenario() -> Scenario {
        iamplay_engine::json::from_str(&json!({
            "id": "read", "title": "Read", "style": "write", "task": "Let Alice read.",
            "edit": {"kind": "identity", "name": "alice"},
            "starter": {"Version": "2012-10-17", "Statement": []},
            "checks": [
                {"id": "reads", "title": "reads", "expect": "allowed", "hint": "allow it",
                 "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::raw-data/a.csv"}},
                {"id": "no-delete", "title": "no delete", "expect": "denied", "hint": "not that",
                 "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:DeleteObject", "resource": "arn:aws:s3:::raw-data/a.csv"}}
            ],
            "hints": ["s3:GetObject"], "explanation": "done",
            "answer": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::raw-data/*"}]},
            "leastPrivilege": {"resources": ["arn:aws:s3:::raw-data/*"]}
        })
        .to_string())
        .unwrap()
    }

    fn fields(problems: &[Problem]) -> Vec<Option<&str>> {
        problems.iter().map(|p| p.field.as_deref()).collect()
    }

    #[test]
    fn a_sound_scenario_has_no_problems() {
        assert_eq!(check_scenario(&scenario(), None), Vec::new());
        let catalog = Catalog::embedded();
        assert_eq!(check_scenario(&scenario(), Some(catalog)), Vec::new());
    }

    #[test]
    fn problems_name_fields_relative_to_the_scenario_and_checks_by_index() {
        let mut s = scenario();
        *s.title = " ".to_owned();
        *s.checks[1].expect = crate::ExpectedOutcome::Allowed;
        let problems = check_scenario(&s, None);
        assert_eq!(
            fields(&problems),
            // The last: with no must-deny check, allowing everything passes.
            [
                Some("title"),
                Some("checks"),
                Some("checks[1].expect"),
                Some("checks")
            ],
            "{problems:#?}"
        );
        assert!(problems.iter().all(|p| p.file.is_empty()));
    }

    #[test]
    fn the_engine_rules_run_too() {
        let mut s = scenario();
        s.starter = s.answer.clone();
        s.answer.value = crate::PolicyText::new(
            json!({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})
            .to_string(),
        );
        let problems = check_scenario(&s, None);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            fields(&problems),
            [Some("checks[1].expect"), Some("answer"), Some("starter")],
            "{messages:#?}"
        );
    }
}
