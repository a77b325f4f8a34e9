//! What a policy grants beyond the requests a task needs, decided by the evaluator.

use super::expand::granted;
use crate::case::{Case, NamedPolicy, PolicySet, Request};
use crate::catalog::{risk_of, Risk};
use crate::catalog::{AccessLevel, ActionRef, Catalog, ResourceTypeRef};
use crate::eval::{decide, Decision};
use crate::matching::Pattern;
use crate::policy::Policy;
use serde::Serialize;
use std::collections::BTreeMap;

/// The principal used when a task gives no request to copy one from.
const DEFAULT_PRINCIPAL: &str = "arn:aws:iam::111122223333:user/learner";

/// What a task needs: the requests that must be allowed (each a full case: principal, context
/// and the policies in play, the learner's among them) and the resources to examine.
#[derive(Debug, Clone, Copy)]
pub struct Task<'a> {
    pub must_allow: &'a [Case],
    pub resources: &'a [String],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequiredCheck {
    pub action: String,
    pub resource: String,
    pub decision: Decision,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtraGrant {
    pub action: String,
    pub resources: Vec<String>,
    pub risks: Vec<Risk>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtraGroup {
    pub level: AccessLevel,
    pub actions: Vec<ExtraGrant>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverGrantReport {
    /// Each must-allow request and what evaluation decided.
    pub required: Vec<RequiredCheck>,
    /// Allowed beyond the task, grouped by access level (List, Read, Write, ...).
    pub extra: Vec<ExtraGroup>,
    pub extra_count: usize,
    /// The extra grants that are risky, as `action (risk, risk)`.
    pub risky: Vec<String>,
    /// The report in a sentence or two.
    pub summary: String,
}

/// Every catalogue action the policy's Allow statements name that applies to one of the task's
/// resources, asked of the evaluator with the task's principal, context and policies; those
/// allowed and not among the must-allow requests are the over-grant.
pub fn over_grant(policy: &Policy, task: &Task<'_>, catalog: &Catalog) -> OverGrantReport {
    let required: Vec<RequiredCheck> = task
        .must_allow
        .iter()
        .map(|case| RequiredCheck {
            action: case.request.action.clone(),
            resource: case.request.resource.clone(),
            decision: decide(case),
        })
        .collect();
    let Some(mut case) = base_case(policy, task) else {
        return report(required, BTreeMap::new());
    };
    case.expect = None;
    let actions = granted(catalog, policy);
    let mut extra: BTreeMap<AccessLevel, BTreeMap<String, ExtraGrant>> = BTreeMap::new();
    for resource in task.resources {
        let types = catalog.resource_types_for_arn(resource);
        for (action, statements) in &actions {
            if !applies(action, &types, resource) || !may_match(policy, statements, resource) {
                continue;
            }
            let name = action.full_name();
            let needed = required
                .iter()
                .any(|r| r.action.eq_ignore_ascii_case(&name) && r.resource == *resource);
            if needed {
                continue;
            }
            case.request.action.clone_from(&name);
            case.request.resource.clone_from(resource);
            if decide(&case) != Decision::Allowed {
                continue;
            }
            let grant = extra
                .entry(action.access_level())
                .or_default()
                .entry(name.clone())
                .or_insert_with(|| ExtraGrant {
                    risks: risk_of(&name),
                    action: name,
                    resources: Vec::new(),
                });
            grant.resources.push(resource.clone());
        }
    }
    report(required, extra)
}

/// The case every extra request is built from: the first must-allow case (its principal,
/// context and policies), or the policy alone as an identity policy of a learner.
fn base_case(policy: &Policy, task: &Task<'_>) -> Option<Case> {
    if let Some(first) = task.must_allow.first() {
        return Some(first.clone());
    }
    let request = Request::new(DEFAULT_PRINCIPAL, "", "").ok()?;
    let policies = PolicySet {
        identity: vec![NamedPolicy::new(None, policy.clone())],
        ..PolicySet::default()
    };
    Some(Case::new(request, policies))
}

/// Whether one of the Allow statements that name the action could cover `resource`, ignoring
/// conditions (a pattern with a policy variable might): only then can the policy be what
/// allows the request, so only then is the evaluator asked.
fn may_match(policy: &Policy, statements: &[usize], resource: &str) -> bool {
    statements
        .iter()
        .filter_map(|i| policy.statements.get(*i))
        .any(|statement| {
            let Some(element) = &statement.resource else {
                return true;
            };
            // A value with a variable depends on the request: let the evaluator decide.
            if element.values.iter().any(|v| v.node.contains("${")) {
                return true;
            }
            let listed = element
                .values
                .iter()
                .any(|v| Pattern::wildcard(&v.node).matches_arn(resource));
            listed != element.negated
        })
}

/// Whether `action` can act on `resource`: one of its resource types has the ARN format the
/// resource matches; actions without resource types act only on `*`.
fn applies(action: &ActionRef<'_>, types: &[ResourceTypeRef<'_>], resource: &str) -> bool {
    let mut uses = action.resource_types().peekable();
    if uses.peek().is_none() {
        return resource == "*";
    }
    uses.any(|u| {
        let template = u.resource_type().arn_template();
        types
            .iter()
            .any(|t| t.arn_template().eq_ignore_ascii_case(template))
    })
}

fn report(
    required: Vec<RequiredCheck>,
    extra: BTreeMap<AccessLevel, BTreeMap<String, ExtraGrant>>,
) -> OverGrantReport {
    let groups: Vec<ExtraGroup> = extra
        .into_iter()
        .map(|(level, actions)| ExtraGroup {
            level,
            actions: actions.into_values().collect(),
        })
        .collect();
    let extra_count = groups.iter().map(|g| g.actions.len()).sum();
    let risky: Vec<String> = groups
        .iter()
        .flat_map(|g| &g.actions)
        .filter(|a| !a.risks.is_empty())
        .map(|a| {
            let risks: Vec<&str> = a.risks.iter().map(|r| r.as_str()).collect();
            format!("{} ({})", a.action, risks.join(", "))
        })
        .collect();
    let summary = summary(&required, &groups, extra_count, &risky);
    OverGrantReport {
        required,
        extra: groups,
        extra_count,
        risky,
        summary,
    }
}

fn summary(
    required: &[RequiredCheck],
    groups: &[ExtraGroup],
    extra: usize,
    risky: &[String],
) -> String {
    let denied: Vec<String> = required
        .iter()
        .filter(|r| r.decision != Decision::Allowed)
        .map(|r| format!("`{}` on `{}`", r.action, r.resource))
        .collect();
    let mut text = if denied.is_empty() {
        format!(
            "All {} requests the task needs are allowed.",
            required.len()
        )
    } else {
        format!(
            "{} of {} requests the task needs are denied: {}.",
            denied.len(),
            required.len(),
            denied.join(", ")
        )
    };
    if extra == 0 {
        text.push_str(" The policy grants nothing more on the task's resources.");
        return text;
    }
    let levels: Vec<String> = groups
        .iter()
        .map(|g| format!("{} {}", g.actions.len(), g.level.as_str()))
        .collect();
    text.push_str(&format!(
        " Beyond them it also allows {extra} action{} on the task's resources ({}).",
        if extra == 1 { "" } else { "s" },
        levels.join(", ")
    ));
    if !risky.is_empty() {
        text.push_str(&format!(" Risky: {}.", risky.join("; ")));
    }
    text
}
