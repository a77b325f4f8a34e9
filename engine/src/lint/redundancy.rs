//! Values and statements that say the same thing twice.

use super::check::Check;
use super::context::Context;
use crate::matching::{action_matches, Pattern};
use crate::policy::{Node, Policy, Statement};

pub(super) fn check_statement(cx: &mut Context<'_>, statement: &Statement) {
    let actions = &statement.action.values;
    duplicates(cx, statement, actions, "action", true);
    for (i, action) in actions.iter().enumerate() {
        let covering = actions.iter().enumerate().find(|(j, other)| {
            *j != i
                && !other.node.eq_ignore_ascii_case(&action.node)
                && covers_action(&other.node, &action.node)
        });
        if let Some((_, other)) = covering {
            cx.report(
                Check::RedundantAction,
                action.span,
                Some(statement),
                format!("`{}` is already covered by `{}`", action.node, other.node),
                "remove it: the wider pattern already includes it",
            );
        }
    }
    if let Some(resource) = &statement.resource {
        duplicates(cx, statement, &resource.values, "resource", false);
        for (i, value) in resource.values.iter().enumerate() {
            let covering = resource.values.iter().enumerate().find(|(j, other)| {
                *j != i && other.node != value.node && covers_resource(&other.node, &value.node)
            });
            if let Some((_, other)) = covering {
                cx.report(
                    Check::RedundantResource,
                    value.span,
                    Some(statement),
                    format!("`{}` is already covered by `{}`", value.node, other.node),
                    "remove it, or narrow the wider pattern if it grants more than intended",
                );
            }
        }
    }
    for entry in statement.condition.iter().flat_map(|b| &b.entries) {
        duplicates(cx, statement, &entry.values, "condition value", false);
    }
}

fn duplicates(
    cx: &mut Context<'_>,
    statement: &Statement,
    values: &[Node<String>],
    what: &str,
    ignore_case: bool,
) {
    for (i, value) in values.iter().enumerate() {
        let earlier = values[..i].iter().any(|v| {
            if ignore_case {
                v.node.eq_ignore_ascii_case(&value.node)
            } else {
                v.node == value.node
            }
        });
        if earlier {
            cx.report(
                Check::DuplicateValue,
                value.span,
                Some(statement),
                format!("the {what} `{}` is listed twice", value.node),
                "remove the second one",
            );
        }
    }
}

/// Whether pattern `wide` matches everything `narrow` does. Exact for a literal `narrow`; for
/// a pattern `narrow` only the obvious cases (`*`, or `wide` ending in `*` and a prefix of it).
fn covers_action(wide: &str, narrow: &str) -> bool {
    if !narrow.contains(['*', '?']) {
        return action_matches(wide, narrow);
    }
    wide == "*" || prefix_pattern_covers(wide, narrow, true)
}

fn covers_resource(wide: &str, narrow: &str) -> bool {
    if narrow.contains("${") || wide.contains("${") {
        return false;
    }
    if !narrow.contains(['*', '?']) {
        return Pattern::wildcard(wide).matches_arn(narrow);
    }
    wide == "*" || prefix_pattern_covers(wide, narrow, false)
}

/// `s3:Get*` covers `s3:GetObject*`: `wide` is a prefix then a final `*`, and `narrow` starts
/// with that prefix.
fn prefix_pattern_covers(wide: &str, narrow: &str, ignore_case: bool) -> bool {
    let Some(prefix) = wide.strip_suffix('*') else {
        return false;
    };
    if prefix.contains(['*', '?']) || narrow.len() < prefix.len() {
        return false;
    }
    let head = narrow.get(..prefix.len()).unwrap_or_default();
    // A resource wildcard does not cross the colons of an ARN.
    (if ignore_case {
        head.eq_ignore_ascii_case(prefix)
    } else {
        head == prefix
    }) && (ignore_case || !narrow[prefix.len()..].contains(':'))
}

/// Statements identical in all but their Sid.
pub(super) fn check_policy(cx: &mut Context<'_>, policy: &Policy) {
    for (i, statement) in policy.statements.iter().enumerate() {
        let same = policy.statements[..i].iter().find(|earlier| {
            earlier.effect == statement.effect
                && earlier.principal == statement.principal
                && earlier.action == statement.action
                && earlier.resource == statement.resource
                && earlier.condition == statement.condition
        });
        if let Some(earlier) = same {
            cx.report(
                Check::DuplicateStatement,
                statement.effect.span,
                Some(statement),
                format!("this statement repeats statement {}", earlier.index + 1),
                "remove one of them",
            );
        }
    }
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::DuplicateValue,
        r#"The same value listed twice in one element.

The second copy changes nothing; remove it."#,
    ),
    (
        Check::RedundantAction,
        r#"An action already covered by a wider pattern in the same statement.

`s3:GetObject` next to `s3:Get*` adds nothing; remove it (or narrow the pattern)."#,
    ),
    (
        Check::RedundantResource,
        r#"A resource already covered by a wider pattern in the same statement.

Remove it, or narrow the wider pattern if it grants more than intended."#,
    ),
    (
        Check::DuplicateStatement,
        r#"A statement that repeats an earlier one.

It changes nothing; remove one of them."#,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_of_actions_and_resources() {
        assert!(covers_action("s3:*", "s3:GetObject"));
        assert!(covers_action("s3:Get*", "s3:getobjectacl"));
        assert!(covers_action("s3:Get*", "s3:GetObject*"));
        assert!(!covers_action("s3:GetObject", "s3:Get*"));
        assert!(covers_resource("arn:aws:s3:::b/*", "arn:aws:s3:::b/key"));
        assert!(!covers_resource("arn:aws:s3:::b/*", "arn:aws:s3:::b"));
        assert!(covers_resource("*", "arn:aws:s3:::b/*"));
    }
}
