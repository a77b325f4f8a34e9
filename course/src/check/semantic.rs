//! The semantic checker: runs the engine on every scenario. The reference answer must pass
//! every check and the least-privilege bound; a `write`/`fix` starter must fail something (or
//! there is nothing to do); `predict`/`spot` expectations must be what the engine decides; a
//! `spot` culprit must be a statement that actually decides a deny.

use crate::grade::{grade_parsed, is_culprit, Grade, GradeError};
use crate::load::Course;
use serde_json::json;

use crate::manifest::{Culprit, ExpectedOutcome, Scenario, ScenarioStyle};
use crate::policy_text::PolicyText;
use crate::problem::{Problem, Report};
use iamplay_engine::catalog::Catalog;
use iamplay_engine::eval::Decision;
use iamplay_engine::json::{Span, Spanned};
use iamplay_engine::policy::{parse_policy, Policy};
use iamplay_engine::policy_kind::PolicyKind;

/// The catalogue `iamplay check` grades with: compiled in for the CLI and the tests, else none
/// (as the app grades before its catalogue loads).
fn default_catalog() -> Option<&'static Catalog> {
    #[cfg(feature = "embedded-catalog")]
    return Some(Catalog::embedded());
    #[cfg(not(feature = "embedded-catalog"))]
    None
}

/// Checks every scenario of the course against the engine; each lesson's problems are filed
/// under its folder.
pub fn check_semantics(course: &Course) -> Vec<Problem> {
    let mut problems = Vec::new();
    for lesson in &course.lessons {
        let file = format!("{}/lesson.json", lesson.folder());
        let mut report = Report {
            file: &file,
            problems: &mut problems,
        };
        for scenario in &lesson.manifest.scenarios {
            check_scenario(
                scenario,
                scenario.place,
                &format!("scenarios[{}]", scenario.id),
                default_catalog(),
                &mut report,
            );
        }
    }
    problems
}

/// Checks one scenario, which the file holds at `place`, against the engine; `catalog` makes
/// the least-privilege bound exact.
pub(crate) fn check_scenario(
    scenario: &Scenario,
    place: Span,
    field: &str,
    catalog: Option<&Catalog>,
    report: &mut Report<'_>,
) {
    let graded = |policy: &Policy| grade_parsed(scenario, policy, catalog);
    let parsed = |document: &Spanned<PolicyText>, name: &str, report: &mut Report<'_>| {
        match document.parse() {
            Ok(policy) => Some(policy),
            Err(error) => {
                let help = error
                    .help()
                    .unwrap_or_else(|| "fix the policy so that AWS would accept it".to_owned());
                let field = format!("{field}.{name}");
                let message = format!("the engine rejects this policy: {error}");
                if document.span == Span::default() {
                    // Built in code, not read from a file: only the field can be named.
                    report.push(document.place, &field, message, help);
                } else {
                    // At the mistake itself: its offset is in the policy's re-indented text,
                    // which the file holds at the document's span.
                    report.push_in_policy(
                        vec![document.span],
                        error.span.start,
                        &field,
                        message,
                        help,
                    );
                }
                None
            }
        }
    };
    let starter = parsed(&scenario.starter, "starter", report);
    let Some(answer) = parsed(&scenario.answer, "answer", report) else {
        return;
    };
    let answer_grade = match graded(&answer) {
        Ok(grade) => grade,
        Err(error) => return report_grade_error(&error, scenario, place, field, report),
    };
    for result in answer_grade.checks.iter().filter(|r| !r.passed) {
        let decision = result.evaluation.decision.as_str();
        let is_graded = matches!(scenario.style, ScenarioStyle::Write | ScenarioStyle::Fix);
        let (message, help) = if is_graded {
            (
                format!("the reference answer fails check `{}`: the engine says `{decision}`, the check expects `{}`", result.id, result.expect.as_str()),
                format!("fix the answer or the check; the engine's reason: {}", result.evaluation.summary),
            )
        } else {
            (
                format!("check `{}` expects `{}` but the engine decides `{decision}`", result.id, result.expect.as_str()),
                format!("learners would be marked wrong for the right prediction; the engine's reason: {}", result.evaluation.summary),
            )
        };
        let expect = scenario.checks.iter().find(|check| *check.id == result.id);
        report.push(
            expect.map_or(place, |check| check.expect.place),
            &format!("{field}.checks[{}].expect", result.id),
            message,
            help,
        );
    }
    for over in &answer_grade.over_grants {
        report.push(
            scenario.answer.place,
            &format!("{field}.answer"),
            format!("the reference answer exceeds the least-privilege bound: {}", over.message),
            "narrow the answer, or list the action in `leastPrivilege.allowExtra` if the task needs it",
        );
    }
    if matches!(scenario.style, ScenarioStyle::Write | ScenarioStyle::Fix) {
        if let Some(starter) = starter {
            match graded(&starter) {
                Ok(grade) if grade.passed => report.push(
                    scenario.starter.place,
                    &format!("{field}.starter"),
                    "the starter already passes every check, so there is nothing to do",
                    "add a check the starter fails, or change the starter",
                ),
                Ok(_) => {}
                Err(error) => report_grade_error(&error, scenario, place, field, report),
            }
        }
    }
    if matches!(scenario.style, ScenarioStyle::Write | ScenarioStyle::Fix) {
        check_allow_everything_fails(scenario, field, catalog, report);
    }
    if let (ScenarioStyle::Spot, Some(culprit)) = (scenario.style, &scenario.culprit) {
        check_culprit(scenario, culprit, &answer_grade, field, report);
    }
}

/// The culprit must decide at least one explicit deny (an implicit deny has no deciding
/// statement to point at, so only the statement's existence is checked for those).
fn check_culprit(
    scenario: &Scenario,
    culprit: &Spanned<Culprit>,
    grade: &Grade,
    field: &str,
    report: &mut Report<'_>,
) {
    let explicit: Vec<_> = grade
        .checks
        .iter()
        .filter(|r| {
            r.expect == ExpectedOutcome::ExplicitDeny
                || r.evaluation.decision == Decision::ExplicitDeny
        })
        .collect();
    if explicit.is_empty() {
        return;
    }
    let decides = explicit.iter().any(|r| {
        r.evaluation
            .deciding
            .iter()
            .any(|s| is_culprit(scenario, culprit, s))
    });
    if !decides {
        report.push(
            culprit.place,
            &format!("{field}.culprit"),
            format!(
                "statement `{}` of `{}` does not decide any denied check",
                culprit.sid, culprit.policy
            ),
            "name the Deny statement the engine reports as deciding the explicit deny",
        );
    }
}

/// The laziest answer (allow every action, to everyone, on everything) must fail a check;
/// otherwise the scenario cannot tell a least-privilege answer from a reckless one.
fn check_allow_everything_fails(
    scenario: &Scenario,
    field: &str,
    catalog: Option<&Catalog>,
    report: &mut Report<'_>,
) {
    let statement = match scenario.edit.kind {
        PolicyKind::Trust => json!({"Effect": "Allow", "Principal": "*", "Action": "*"}),
        PolicyKind::Resource => {
            json!({"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"})
        }
        _ => json!({"Effect": "Allow", "Action": "*", "Resource": "*"}),
    };
    let document = json!({"Version": "2012-10-17", "Statement": [statement]});
    let Ok(policy) = parse_policy(&document.to_string()) else {
        return;
    };
    if let Ok(grade) = grade_parsed(scenario, &policy, catalog) {
        if grade.checks.iter().all(|check| check.passed) {
            report.push(
                scenario.checks.place,
                &format!("{field}.checks"),
                "a policy that allows everything passes every check",
                "add a must-deny check that an over-broad answer fails (another bucket, a delete, another principal)",
            );
        }
    }
}

/// Reports why a policy could not be graded: at the check whose case is broken, else at the
/// scenario (`place`).
fn report_grade_error(
    error: &GradeError,
    scenario: &Scenario,
    place: Span,
    field: &str,
    report: &mut Report<'_>,
) {
    let (place, at) = match error {
        GradeError::Scenario { check, .. } => {
            let found = scenario.checks.iter().find(|c| *c.id == *check);
            (
                found.map_or(place, |c| c.place),
                format!("{field}.checks[{check}]"),
            )
        }
        GradeError::Policy(_) => (place, field.to_owned()),
    };
    report.push(
        place,
        &at,
        error.to_string(),
        error.help().unwrap_or_default(),
    );
}
