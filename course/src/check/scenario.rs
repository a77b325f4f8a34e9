//! Structural rules for one scenario.

use crate::manifest::{CulpritPolicy, ExpectedOutcome, Scenario, ScenarioStyle};
use crate::policy_text::PolicyText;
use crate::problem::{is_kebab_case, Report};
use iamplay_engine::json::Span;
use iamplay_engine::policy_kind::PolicyKind;

use super::policies::{check_document, check_fixed, check_request, named_fixed};

/// A scenario has between this many checks: one is not a test, six is a chore.
pub const MIN_CHECKS: usize = 2;
pub const MAX_CHECKS: usize = 5;

/// Checks `scenario`, which the file holds at `place` (where a missing field points).
pub(crate) fn check(scenario: &Scenario, place: Span, field: &str, report: &mut Report<'_>) {
    let at = |name: &str| format!("{field}.{name}");
    if !is_kebab_case(&scenario.id) {
        report.push(
            scenario.id.place,
            &at("id"),
            format!("scenario id `{}` is not kebab-case", scenario.id),
            "use lowercase words joined by hyphens; it appears in the lesson's URL",
        );
    }
    report.non_empty(&at("title"), &scenario.title);
    report.non_empty(&at("task"), &scenario.task);
    report.non_empty(&at("edit.name"), &scenario.edit.name);
    report.non_empty(&at("explanation"), &scenario.explanation);
    for (name, policy) in [("starter", &scenario.starter), ("answer", &scenario.answer)] {
        check_document(policy, policy.place, &[policy.span], &at(name), report);
    }
    if let Some(fixed) = &scenario.fixed {
        check_fixed(fixed, scenario.edit.kind, &at("fixed"), report);
    }
    check_hints(scenario, field, report);
    check_checks(scenario, field, report);
    check_style(scenario, place, field, report);
}

fn check_hints(scenario: &Scenario, field: &str, report: &mut Report<'_>) {
    if scenario.hints.is_empty() {
        report.push(
            scenario.hints.place,
            &format!("{field}.hints"),
            "the scenario has no hints",
            "add hints from a gentle nudge to nearly the answer",
        );
    }
    for (index, hint) in scenario.hints.iter().enumerate() {
        report.non_empty(&format!("{field}.hints[{index}]"), hint);
    }
}

fn check_checks(scenario: &Scenario, field: &str, report: &mut Report<'_>) {
    let count = scenario.checks.len();
    if !(MIN_CHECKS..=MAX_CHECKS).contains(&count) {
        report.push(
            scenario.checks.place,
            &format!("{field}.checks"),
            format!("the scenario has {count} check(s); it needs {MIN_CHECKS} to {MAX_CHECKS}"),
            "each check is one request the policy must allow or deny",
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for (index, check) in scenario.checks.iter().enumerate() {
        let here = format!("{field}.checks[{index}]");
        if !is_kebab_case(&check.id) {
            report.push(
                check.id.place,
                &format!("{here}.id"),
                format!("check id `{}` is not kebab-case", check.id),
                "use lowercase words joined by hyphens",
            );
        }
        if seen.contains(&check.id.as_str()) {
            report.push(
                check.id.place,
                &format!("{here}.id"),
                format!("check id `{}` is used twice in this scenario", check.id),
                "give each check its own id",
            );
        }
        seen.push(&check.id);
        report.non_empty(&format!("{here}.title"), &check.title);
        report.non_empty(&format!("{here}.hint"), &check.hint);
        check_request(&check.request, &format!("{here}.request"), report);
        let action = check.request.action.as_str();
        let graded = matches!(scenario.style, ScenarioStyle::Write | ScenarioStyle::Fix);
        if graded
            && scenario.edit.kind == PolicyKind::Trust
            && !action.to_ascii_lowercase().starts_with("sts:")
        {
            report.push(
                check.request.action.place,
                &format!("{here}.request.action"),
                format!("the learner edits a trust policy, which only decides `sts:` actions, not `{action}`"),
                "grade a trust policy with `sts:AssumeRole` (or `sts:TagSession`, `sts:AssumeRoleWithWebIdentity`...) on the role's ARN; a `predict` scenario may contrast other actions",
            );
        }
    }
}

fn check_style(scenario: &Scenario, place: Span, field: &str, report: &mut Report<'_>) {
    let allows = scenario
        .checks
        .iter()
        .any(|c| *c.expect == ExpectedOutcome::Allowed);
    let denies = scenario
        .checks
        .iter()
        .any(|c| *c.expect != ExpectedOutcome::Allowed);
    let graded = matches!(scenario.style, ScenarioStyle::Write | ScenarioStyle::Fix);
    if graded && !(allows && denies) {
        report.push(
            scenario.checks.place,
            &format!("{field}.checks"),
            "a write or fix scenario needs at least one must-allow and one must-deny check",
            "without a must-allow check an empty policy passes; without a must-deny check `*` on `*` passes",
        );
    }
    if scenario.style == ScenarioStyle::Predict {
        for (index, check) in scenario.checks.iter().enumerate() {
            if *check.expect == ExpectedOutcome::Denied {
                report.push(
                    check.expect.place,
                    &format!("{field}.checks[{index}].expect"),
                    "a predict check must say which deny: `explicitDeny` or `implicitDeny`",
                    "learners choose between allowed, explicit deny and implicit deny",
                );
            }
        }
    }
    if !graded && !same_document(&scenario.answer, &scenario.starter) {
        report.push(
            scenario.answer.place,
            &format!("{field}.answer"),
            "in a predict or spot scenario the answer must be the starter itself",
            "the learner does not edit the policy here: copy `starter` into `answer`",
        );
    }
    if let Some(bound) = scenario.least_privilege.as_ref().filter(|_| !graded) {
        report.push(
            bound.place,
            &format!("{field}.leastPrivilege"),
            "a least-privilege bound only applies to write and fix scenarios",
            "remove `leastPrivilege`",
        );
    }
    if let Some(bound) = &scenario.least_privilege {
        if bound.resources.is_empty() || bound.resources.iter().any(|r| r.trim().is_empty()) {
            report.push(
                bound.resources.place,
                &format!("{field}.leastPrivilege.resources"),
                "list the resource ARNs on which over-granting is measured",
                "e.g. `[\"arn:aws:s3:::raw-data\", \"arn:aws:s3:::raw-data/*\"]`",
            );
        }
    }
    match (scenario.style, &scenario.culprit) {
        (ScenarioStyle::Spot, None) => report.push(
            place,
            &format!("{field}.culprit"),
            "a spot scenario needs a culprit",
            "add `\"culprit\": {\"policy\": \"edited\", \"sid\": \"...\"}` naming the statement that causes the deny",
        ),
        (ScenarioStyle::Spot, Some(culprit)) => {
            if !denies {
                report.push(scenario.checks.place, &format!("{field}.checks"), "a spot scenario needs at least one denied check", "the culprit must cause a deny the learner can see");
            }
            let document = if *culprit.policy == CulpritPolicy::Edited {
                Some(vec![&scenario.starter.value])
            } else {
                let named = named_fixed(scenario.fixed.as_ref());
                let matching: Vec<_> = named.into_iter().filter(|(name, _)| name == culprit.policy.as_str()).map(|(_, doc)| doc).collect();
                (!matching.is_empty()).then_some(matching)
            };
            match document {
                None => report.push(
                    culprit.policy.place,
                    &format!("{field}.culprit.policy"),
                    format!("no policy is called `{}`", culprit.policy),
                    "use `edited` for the policy under study, the `name` of a fixed identity policy, or a slot such as `resource`, `permissionBoundary`, `scps`",
                ),
                Some(documents) if !documents.iter().any(|doc| doc.sids().contains(&culprit.sid)) => report.push(
                    culprit.sid.place,
                    &format!("{field}.culprit.sid"),
                    format!("policy `{}` has no statement with Sid `{}`", culprit.policy, culprit.sid),
                    "give the culprit statement a `Sid` and name it here",
                ),
                Some(_) => {}
            }
        }
        (_, Some(culprit)) => report.push(culprit.place, &format!("{field}.culprit"), "only a spot scenario has a culprit", "remove `culprit`, or make the style `spot`"),
        (_, None) => {}
    }
}

/// Whether two policies are the same document, whatever their layout.
fn same_document(a: &PolicyText, b: &PolicyText) -> bool {
    let read = |text: &PolicyText| serde_json::from_str::<serde_json::Value>(text.as_str()).ok();
    match (read(a), read(b)) {
        (Some(a), Some(b)) => a == b,
        _ => a == b,
    }
}
