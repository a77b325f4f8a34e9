//! One pass over the learner's text: lint, grade, and the view of each check.

use crate::course::Scenario;
use iamplay_course::{ExpectedOutcome, GradeError, Prepared};
use iamplay_engine::catalog::Catalog;
use iamplay_engine::eval::Decision;
use iamplay_engine::json::LineIndex;
use iamplay_engine::lint::{self, LintOptions};
use iamplay_engine::policy::parse_policy_lenient;

use crate::labels;

use super::explain::{explain_check, Explanation};
use super::least::LeastPrivilege;
use crate::interop::markers::Marker;

/// Everything the panel shows for one version of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub checks: Vec<CheckView>,
    pub findings: Vec<FindingView>,
    /// Why the checks could not run (the text is not a valid policy).
    pub invalid: Option<String>,
    /// Present once every check passes and the scenario bounds its grants.
    pub least_privilege: Option<LeastPrivilege>,
    /// Every check passes and nothing is over-granted: the scenario is solved.
    pub solved: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckView {
    pub id: String,
    /// The request in plain words.
    pub title: String,
    pub expect: ExpectedOutcome,
    pub decision: Decision,
    pub passed: bool,
    pub hint: Option<String>,
    pub explanation: Explanation,
}

/// A lint finding: its squiggle in the editor, and its entry in the list under it (which links
/// to the lesson the course says teaches `code`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingView {
    pub code: &'static str,
    pub severity_label: &'static str,
    pub message: String,
    pub help: String,
    /// Where it is and how the editor shows it.
    pub marker: Marker,
}

impl Report {
    pub fn passing(&self) -> usize {
        self.checks.iter().filter(|c| c.passed).count()
    }

    pub fn markers(&self) -> Vec<Marker> {
        self.findings.iter().map(|f| f.marker.clone()).collect()
    }
}

/// Lints and grades `text` for `scenario`, preparing the scenario first: for one-off reports.
pub fn report(scenario: &Scenario, text: &str, catalog: Option<&Catalog>) -> Report {
    report_prepared(scenario, &Prepared::new(scenario), text, catalog)
}

/// Lints and grades `text` for `scenario`, prepared once by the caller (an editor keeps it
/// across keystrokes). The catalogue, once loaded, adds the catalogue lint checks and grades
/// least privilege exactly, counting over-granted actions.
pub fn report_prepared(
    scenario: &Scenario,
    prepared: &Prepared,
    text: &str,
    catalog: Option<&Catalog>,
) -> Report {
    let index = LineIndex::new(text);
    let options = LintOptions::new(scenario.edit.kind, catalog);
    // One parse per keystroke: lint reads it leniently, grading takes its strict verdict.
    let parsed = parse_policy_lenient(text);
    let findings: Vec<FindingView> = lint::lint_parsed(text, &parsed, &options)
        .into_iter()
        .map(|finding| FindingView {
            code: finding.code,
            severity_label: labels::severity(finding.severity),
            marker: Marker::of(&finding, &index),
            message: finding.message,
            help: finding.help,
        })
        .collect();
    // With the catalogue the least-privilege bound is exact: the grader expands each pattern
    // and asks the evaluator which actions it really allows on the task's resources. That is
    // the costliest part of a keystroke, so it is measured only once every check passes.
    let graded = parsed
        .strict()
        .map_err(|e| GradeError::Policy(Box::new(e)))
        .and_then(|policy| prepared.grade_policy_for_editor(scenario, policy, catalog));
    let grade = match graded {
        Ok(grade) => grade,
        Err(err) => {
            let invalid = match &err {
                GradeError::Policy(_) => format!(
                    "The checks run once the policy is valid: {}.",
                    err.to_string()
                        .trim_start_matches("the policy is not valid: ")
                ),
                GradeError::Scenario { .. } => format!("This scenario cannot be checked: {err}."),
            };
            return Report {
                checks: Vec::new(),
                findings,
                invalid: Some(invalid),
                least_privilege: None,
                solved: false,
            };
        }
    };
    let checks: Vec<CheckView> = grade
        .checks
        .iter()
        .map(|check| CheckView {
            id: check.id.clone(),
            title: check.title.clone(),
            expect: check.expect,
            decision: check.evaluation.decision,
            passed: check.passed,
            hint: check.hint.clone(),
            explanation: explain_check(scenario, &check.evaluation, &index),
        })
        .collect();
    let all_pass = checks.iter().all(|c| c.passed);
    let least_privilege = (all_pass && scenario.least_privilege.is_some())
        .then(|| LeastPrivilege::new(&grade.over_grants, catalog, &index));
    Report {
        checks,
        findings,
        invalid: None,
        least_privilege,
        solved: grade.passed,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::course::test_course;
    use crate::interop::markers::Severity;

    pub(crate) fn scenario(lesson: &str, id: &str) -> Scenario {
        let course = test_course();
        let lesson = course.lesson(lesson).expect("lesson");
        lesson
            .manifest
            .scenarios
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.value.clone())
            .expect("scenario")
    }

    #[test]
    fn with_the_catalogue_least_privilege_counts_what_the_grader_found() {
        let s = scenario("what-iam-answers", "first-allow");
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Action": ["s3:GetObject", "s3:PutObjectAcl"],
            "Resource": "arn:aws:s3:::raw-data/reports/2026.csv"}]}"#;
        let catalog = Catalog::from_str(include_str!("../../../engine/data/catalog.json")).unwrap();
        let without = report(&s, text, None)
            .least_privilege
            .expect("all checks pass");
        assert_eq!(without.action_count, None);
        let with = report(&s, text, Some(&catalog))
            .least_privilege
            .expect("all checks pass");
        assert_eq!(
            (with.action_count, with.permissions_management),
            (Some(1), Some(1))
        );
        assert_eq!(
            with.summary(),
            "Passes, but also grants 1 more action, 1 of them permissions management."
        );
    }

    fn pretty(text: &iamplay_course::PolicyText) -> String {
        text.as_str().to_owned()
    }

    #[test]
    fn the_reference_answer_solves_every_write_scenario_and_the_starter_does_not() {
        let course = test_course();
        for lesson in &course.lessons {
            for scenario in &lesson.manifest.scenarios {
                if !matches!(
                    scenario.style,
                    iamplay_course::ScenarioStyle::Write | iamplay_course::ScenarioStyle::Fix
                ) {
                    continue;
                }
                let answer = report(scenario, &pretty(&scenario.answer), None);
                assert!(answer.solved, "{}: {:?}", scenario.id, answer.checks);
                assert_eq!(answer.passing(), answer.checks.len());
                let starter = report(scenario, &pretty(&scenario.starter), None);
                assert!(!starter.solved, "{}", scenario.id);
            }
        }
    }

    #[test]
    fn a_broken_policy_gives_a_marker_where_it_breaks_and_no_checks() {
        let s = scenario("policy-anatomy", "write-two-statements");
        let text = "{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": []\n}";
        let report = report(&s, text, None);
        assert!(report.checks.is_empty());
        assert!(report
            .invalid
            .as_deref()
            .is_some_and(|m| m.starts_with("The checks run once")));
        let first = &report.findings[0];
        assert_eq!(first.marker.severity, Severity::Error);
        // The missing comma is reported where the next member starts: line 3.
        assert_eq!(first.marker.range.start_line, 3, "{first:?}");
        assert!(report.markers()[0].message.contains("\nhelp: "));
    }

    #[test]
    fn a_failing_check_is_described_in_words() {
        let s = scenario("policy-anatomy", "fix-bucket-vs-object");
        let report = report(&s, &pretty(&s.starter), None);
        let failing = report
            .checks
            .iter()
            .find(|c| !c.passed)
            .expect("a failing check");
        assert!(failing.hint.is_some());
        assert!(!failing.explanation.summary.is_empty());
        assert!(!failing.expect.accepts(failing.decision));
    }
}
