//! The least-privilege bound of a `write`/`fix` scenario: on the bound's resources, the policy
//! may allow only the actions of its must-allow checks and the listed extras.
//!
//! With the action catalogue the bound is exact: [`over_grant`] asks the evaluator about every
//! action the policy's patterns expand to on the bound's resources, and an over-grant names the
//! actions it grants beyond the task. Without the catalogue (the app before it has loaded it) a
//! wildcard cannot be expanded, so it counts as an over-grant unless an `allowExtra` pattern
//! covers it as written: `s3:Get*` grants `s3:GetBucketPolicy` whether or not the learner meant it.
//! Both paths share the walk over the statements, so they agree on exact actions.

use serde::Serialize;

use super::manifest::{Check, ExpectedOutcome, LeastPrivilegeBound};
use iamplay_engine::case::Case;
use iamplay_engine::catalog::Catalog;
use iamplay_engine::json::Span;
use iamplay_engine::json::Spanned;
use iamplay_engine::least_privilege::{over_grant, ExtraGrant, Task};
use iamplay_engine::matching::{action_matches, Pattern};
use iamplay_engine::policy::{Effect, Patterns, Policy, Statement};

/// A grant beyond the bound: which statement, which action pattern, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverGrant {
    pub statement_index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    /// The action pattern as written (`s3:*`), or `NotAction`.
    pub action: String,
    /// Where it is in the policy text.
    pub span: Span,
    pub message: String,
    /// The catalogue actions it allows beyond the task on the bound's resources; empty when
    /// graded without the catalogue.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<String>,
}

/// Every over-grant of `policy` under `bound`, without a catalogue: exact actions are compared
/// with the task's, wildcards must be covered by an `allowExtra` pattern as written.
pub fn over_grants(
    policy: &Policy,
    bound: &LeastPrivilegeBound,
    checks: &[Spanned<Check>],
) -> Vec<OverGrant> {
    let allowance = Allowance::new(bound, checks);
    walk(policy, bound, |_, text| {
        match text {
        None => Some(Finding::message(
            "an Allow with `NotAction` grants every action except the listed ones",
        )),
        Some(text) if allowance.covers_written(text) => None,
        Some(text) if Pattern::wildcard(text).has_wildcards() => Some(Finding::message(format!(
            "`{text}` grants every matching action, more than the task needs; list the actions instead"
        ))),
        Some(text) => Some(Finding::message(format!(
            "`{text}` is not needed for this task"
        ))),
    }
    })
}

/// Every over-grant of `policy` under `bound`, decided by the evaluator on every catalogue
/// action the policy grants: `must_allow` are the cases of the scenario's must-allow checks.
pub fn over_grants_with_catalog(
    policy: &Policy,
    bound: &LeastPrivilegeBound,
    checks: &[Spanned<Check>],
    must_allow: &[Case],
    catalog: &Catalog,
) -> Vec<OverGrant> {
    let allowance = Allowance::new(bound, checks);
    let resources = probed_resources(bound, must_allow);
    let task = Task {
        must_allow,
        resources: &resources,
    };
    let report = over_grant(policy, &task, catalog);
    let extra: Vec<&ExtraGrant> = report
        .extra
        .iter()
        .flat_map(|group| &group.actions)
        .filter(|grant| !allowance.covers_action(&grant.action))
        .collect();
    walk(policy, bound, |element, text| {
        // `text` is one value of an Action element; `None` stands for a whole NotAction.
        let grants: Vec<&ExtraGrant> = extra
            .iter()
            .copied()
            .filter(|grant| match text {
                Some(pattern) => !element.negated && action_matches(pattern, &grant.action),
                None => !element
                    .values
                    .iter()
                    .any(|v| action_matches(&v.node, &grant.action)),
            })
            .collect();
        (!grants.is_empty()).then(|| Finding::expanded(text.unwrap_or("NotAction"), &grants))
    })
}

/// What the bound lets a policy grant: the must-allow checks' actions and the listed extras.
struct Allowance<'a> {
    patterns: Vec<&'a str>,
}

impl<'a> Allowance<'a> {
    fn new(bound: &'a LeastPrivilegeBound, checks: &'a [Spanned<Check>]) -> Self {
        let patterns = checks
            .iter()
            .filter(|c| *c.expect == ExpectedOutcome::Allowed)
            .map(|c| c.request.action.as_str())
            .chain(bound.allow_extra.iter().map(String::as_str))
            .collect();
        Allowance { patterns }
    }

    /// Whether a catalogue action is needed or allowed extra.
    fn covers_action(&self, action: &str) -> bool {
        self.patterns.iter().any(|p| action_matches(p, action))
    }

    /// Whether every action a pattern written in the policy can stand for is allowed, known
    /// without a catalogue: an allowed pattern with no `?` that matches the written text
    /// covers every expansion of it (each `*` written lies inside a `*` of the allowed one).
    fn covers_written(&self, written: &str) -> bool {
        self.patterns
            .iter()
            .any(|p| !p.contains('?') && action_matches(p, written))
    }
}

/// Why one action pattern (or a NotAction) is an over-grant.
struct Finding {
    message: String,
    grants: Vec<String>,
}

impl Finding {
    fn message(message: impl Into<String>) -> Finding {
        Finding {
            message: message.into(),
            grants: Vec::new(),
        }
    }

    fn expanded(written: &str, grants: &[&ExtraGrant]) -> Finding {
        /// Actions named in the message; the rest are counted (all are in `grants`).
        const NAMED: usize = 5;
        let names: Vec<String> = grants.iter().map(|g| g.action.clone()).collect();
        let mut listed = names
            .iter()
            .take(NAMED)
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        if names.len() > NAMED {
            listed.push_str(&format!(" and {} more", names.len() - NAMED));
        }
        let what = if written == "NotAction" {
            "an Allow with `NotAction`".to_owned()
        } else {
            format!("`{written}`")
        };
        let count = names.len();
        // An exact action grants only itself: say so as the catalogue-less bound does.
        let mut message = if count == 1 && names[0].eq_ignore_ascii_case(written) {
            format!("`{written}` is not needed for this task")
        } else {
            format!(
                "{what} also allows {count} action{} the task does not need on its resources: {listed}",
                if count == 1 { "" } else { "s" }
            )
        };
        let risky: Vec<&str> = grants
            .iter()
            .filter(|g| !g.risks.is_empty())
            .map(|g| g.action.as_str())
            .collect();
        if !risky.is_empty() {
            message.push_str(&format!(" (risky: {})", risky.join(", ")));
        }
        Finding {
            message,
            grants: names,
        }
    }
}

/// The shared walk: every Allow statement that touches the bound, each Action value (or the
/// whole NotAction, as `None`) judged by `judge`.
fn walk(
    policy: &Policy,
    bound: &LeastPrivilegeBound,
    judge: impl Fn(&Patterns, Option<&str>) -> Option<Finding>,
) -> Vec<OverGrant> {
    let mut found = Vec::new();
    for statement in &policy.statements {
        if statement.effect.node != Effect::Allow || !touches_bound(statement, &bound.resources) {
            continue;
        }
        let sid = statement.sid.as_ref().map(|s| s.node.clone());
        let element = &statement.action;
        let mut push = |action: &str, span: Span, finding: Finding| {
            found.push(OverGrant {
                statement_index: statement.index,
                sid: sid.clone(),
                action: action.to_owned(),
                span,
                message: finding.message,
                grants: finding.grants,
            })
        };
        if element.node.negated {
            if let Some(finding) = judge(&element.node, None) {
                push("NotAction", element.span, finding);
            }
            continue;
        }
        for value in &element.node.values {
            if let Some(finding) = judge(&element.node, Some(&value.node)) {
                push(&value.node, value.span, finding);
            }
        }
    }
    found
}

/// The resources the evaluator is asked about: the bound's (patterns stand for themselves) and
/// the must-allow requests' resources inside it, so a grant on a narrower prefix is seen too.
fn probed_resources(bound: &LeastPrivilegeBound, must_allow: &[Case]) -> Vec<String> {
    let mut resources = bound.resources.value.clone();
    for case in must_allow {
        let resource = &case.request.resource;
        let inside = bound
            .resources
            .iter()
            .any(|limit| Pattern::wildcard(limit).matches_arn(resource));
        if inside && !resources.contains(resource) {
            resources.push(resource.clone());
        }
    }
    resources
}

/// Whether the statement's resources overlap the bound's: one pattern matches the other's text.
fn touches_bound(statement: &Statement, bound: &[String]) -> bool {
    let Some(resource) = &statement.resource else {
        // Trust policies have no Resource: the statement is about the role itself.
        return true;
    };
    let Patterns { negated, values } = &resource.node;
    if *negated {
        return true;
    }
    values.iter().any(|value| {
        bound.iter().any(|limit| {
            Pattern::wildcard(&value.node).matches_arn(limit)
                || Pattern::wildcard(limit).matches_arn(&value.node)
        })
    })
}

#[cfg(test)]
#[path = "least_privilege_tests.rs"]
mod tests;
