//! Policy variables (`${aws:username}`): where they work and how they are written.

use super::check::Check;
use super::context::Context;
use crate::condition::OperatorName;
use crate::policy::{Node, Policy, Principal, Statement};

pub(super) fn check(cx: &mut Context<'_>, policy: &Policy, statement: &Statement) {
    let enabled = policy.variables_enabled();
    // IAM User Guide, "IAM policy elements: Variables and tags" > "Where you can use policy
    // variables": in the Resource element and in string comparisons of the Condition element
    // (String, Bool and ARN operators), not in Action or Principal.
    for action in statement
        .action
        .values
        .iter()
        .filter(|a| a.node.contains("${"))
    {
        not_allowed(cx, statement, action, "`Action`");
    }
    if let Some(principal) = &statement.principal {
        if let Principal::Entries(entries) = &principal.principal {
            for value in entries
                .iter()
                .flat_map(|e| &e.values)
                .filter(|v| v.node.contains("${"))
            {
                not_allowed(cx, statement, value, "`Principal`");
            }
        }
    }
    if let Some(resource) = &statement.resource {
        for value in &resource.values {
            usable(cx, statement, value, enabled);
        }
    }
    for block in &statement.condition {
        let op = OperatorName::of(&block.operator);
        let supports = block.operator.base.supports_variables();
        for value in block.entries.iter().flat_map(|e| &e.values) {
            if !value.node.contains("${") {
                continue;
            }
            if supports {
                usable(cx, statement, value, enabled);
            } else {
                not_allowed(cx, statement, value, &format!("`{}` values", op.base));
            }
        }
    }
}

fn not_allowed(cx: &mut Context<'_>, statement: &Statement, value: &Node<String>, place: &str) {
    cx.report(
        Check::VariableNotAllowed,
        value.span,
        Some(statement),
        format!("policy variables do not work in {place}"),
        "variables are substituted only in `Resource` and in String, Bool and ARN condition values; here `${...}` is compared as plain text",
    );
}

fn usable(cx: &mut Context<'_>, statement: &Statement, value: &Node<String>, enabled: bool) {
    if !value.node.contains("${") {
        return;
    }
    if let Some(problem) = malformed(&value.node) {
        cx.report(
            Check::MalformedVariable,
            value.span,
            Some(statement),
            problem,
            "write a variable as `${key}`, e.g. `${aws:username}`, or with a default: `${aws:username, 'none'}`",
        );
        return;
    }
    if !enabled {
        cx.report(
            Check::VariableInOldVersion,
            value.span,
            Some(statement),
            format!(
                "`{}` is plain text: variables need `\"Version\": \"2012-10-17\"`",
                value.node
            ),
            "set the policy's `Version` to `2012-10-17`; without it `${...}` is matched literally",
        );
    }
}

/// Unclosed or empty `${...}`.
fn malformed(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(at) = rest.find("${") {
        let after = &rest[at + 2..];
        let Some(end) = after.find('}') else {
            return Some(format!("`{text}` has a `${{` that is never closed"));
        };
        let name = after[..end].split(',').next().unwrap_or_default().trim();
        if name.is_empty() {
            return Some(format!("`{text}` has an empty variable `${{}}`"));
        }
        rest = &after[end + 1..];
    }
    None
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::VariableInOldVersion,
        r#"A policy variable in a policy without `"Version": "2012-10-17"`.

Policy variables need version `2012-10-17`; otherwise `${aws:username}` is plain text."#,
    ),
    (
        Check::VariableNotAllowed,
        r#"A policy variable where variables are not substituted.

Variables work only in `Resource` and in condition values of string, ARN and Bool operators;
elsewhere `${...}` is compared as plain text."#,
    ),
    (
        Check::MalformedVariable,
        r#"A policy variable that is not written `${key}`.

Write `${aws:username}`, or with a default value `${aws:username, 'none'}`."#,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_variables_are_found() {
        assert!(malformed("arn:aws:s3:::b/${aws:username}/*").is_none());
        assert!(malformed("${aws:username, 'x'}").is_none());
        assert!(malformed("arn:aws:s3:::b/${aws:username").is_some());
        assert!(malformed("${}").is_some());
    }
}
