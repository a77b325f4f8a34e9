//! The document: Version, empty elements, Sids.

use super::check::Check;
use super::context::Context;
use crate::json::Span;
use crate::policy::{Policy, Statement, Version};
use crate::policy_kind::PolicyKind;

pub(super) fn check(cx: &mut Context<'_>, policy: &Policy, parse_failed: bool) {
    version(cx, policy);
    if policy.statements.is_empty() && !parse_failed {
        let span = key(policy, "Statement").unwrap_or(policy.span);
        cx.report(
            Check::EmptyElement,
            span,
            None,
            "the policy has no statements".to_owned(),
            "add at least one statement; AWS rejects a policy without one",
        );
    }
    for statement in &policy.statements {
        empty_elements(cx, statement, parse_failed);
    }
    sids(cx, policy);
}

fn key(policy: &Policy, name: &str) -> Option<Span> {
    policy.keys.iter().find(|k| k.node == name).map(|k| k.span)
}

fn version(cx: &mut Context<'_>, policy: &Policy) {
    match &policy.version {
        None if key(policy, "Version").is_none() => {
            let span = Span::new(policy.span.start, policy.span.start + 1);
            cx.report(
                Check::MissingVersion,
                span,
                None,
                "the policy has no `Version`".to_owned(),
                "add `\"Version\": \"2012-10-17\"`: without it policy variables such as `${aws:username}` are plain text",
            )
            .suggest(Some("\"Version\": \"2012-10-17\"".to_owned()));
        }
        Some(version) if version.node == Version::V2008_10_17 => {
            cx.report(
                Check::OldVersion,
                version.span,
                None,
                "`2008-10-17` is the old policy language version".to_owned(),
                "use `2012-10-17`: the old version has no policy variables and lacks newer features",
            )
            .suggest(Some("2012-10-17".to_owned()));
        }
        _ => {}
    }
}

fn empty_elements(cx: &mut Context<'_>, statement: &Statement, parse_failed: bool) {
    let empty = |cx: &mut Context<'_>, name: &str, span: Span| {
        cx.report(
            Check::EmptyElement,
            span,
            Some(statement),
            format!("`{name}` is empty"),
            format!("list at least one value in `{name}`, or remove it"),
        );
    };
    if statement.action.values.is_empty() {
        let name = if statement.action.negated {
            "NotAction"
        } else {
            "Action"
        };
        empty(cx, name, statement.action.span);
    }
    if let Some(resource) = &statement.resource {
        if resource.values.is_empty() {
            let name = if resource.negated {
                "NotResource"
            } else {
                "Resource"
            };
            empty(cx, name, resource.span);
        }
    }
    if let Some(principal) = &statement.principal {
        if let crate::policy::Principal::Entries(entries) = &principal.principal {
            let name = if principal.negated {
                "NotPrincipal"
            } else {
                "Principal"
            };
            if entries.is_empty() || entries.iter().any(|e| e.values.is_empty()) {
                empty(cx, name, principal.span);
            }
        }
    }
    // After a parse error the blocks left out were not empty, only unreadable.
    if statement.condition.is_empty() && !parse_failed {
        if let Some(span) = Context::key_span(statement, "Condition") {
            empty(cx, "Condition", span);
        }
    }
    for block in &statement.condition {
        if block.entries.is_empty() {
            empty(cx, &block.operator.name, block.operator.span);
        }
        for entry in &block.entries {
            if entry.values.is_empty() {
                empty(cx, &entry.key.node, entry.key.span);
            }
        }
    }
}

/// IAM User Guide, "IAM JSON policy elements: Sid": in IAM the Sid supports only ASCII letters
/// and digits, and must be unique within the policy. Other services' resource policies (SQS,
/// SNS) accept more characters, so the character rule applies to IAM and Organizations kinds.
fn sids(cx: &mut Context<'_>, policy: &Policy) {
    let mut seen: Vec<&str> = Vec::new();
    for statement in &policy.statements {
        let Some(sid) = &statement.sid else { continue };
        if cx.kind() != PolicyKind::Resource && !sid.node.chars().all(|c| c.is_ascii_alphanumeric())
        {
            let fixed: String = sid
                .node
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect();
            cx.report(
                Check::InvalidSid,
                sid.span,
                Some(statement),
                format!("`{}` is not a valid Sid", sid.node),
                "in IAM a Sid may contain only letters A-Z, a-z and digits 0-9",
            )
            .suggest((!fixed.is_empty()).then_some(fixed));
        }
        if seen.contains(&sid.node.as_str()) {
            cx.report(
                Check::DuplicateSid,
                sid.span,
                Some(statement),
                format!("the Sid `{}` is used by another statement", sid.node),
                "give every statement a different Sid",
            );
        } else {
            seen.push(&sid.node);
        }
    }
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::MissingVersion,
        r#"The policy has no `Version`.

Without it AWS reads the policy as version `2008-10-17`, in which policy variables such as
`${aws:username}` are plain text. Always write `"Version": "2012-10-17"`."#,
    ),
    (
        Check::OldVersion,
        r#"The policy uses the old language version `2008-10-17`.

The old version has no policy variables and lacks newer features; write `2012-10-17`."#,
    ),
    (
        Check::EmptyElement,
        r#"An element with no values, such as `"Action": []`.

An empty list grants or denies nothing and AWS rejects it; list at least one value or remove
the element."#,
    ),
    (
        Check::DuplicateSid,
        r#"Two statements share a `Sid`.

In IAM, a `Sid` must be unique within the policy, so that each statement can be referred to."#,
    ),
    (
        Check::InvalidSid,
        r#"A `Sid` with characters IAM does not accept.

In identity policies a `Sid` may contain only ASCII letters and digits."#,
    ),
];
