//! The least-privilege bound of a `write`/`fix` scenario: on the bound's resources, the policy
//! may allow only the actions of its must-allow checks and the listed extras.
//!
//! Without an action catalogue a wildcard action cannot be expanded, so a wildcard counts as
//! an over-grant unless the author listed that exact pattern in `allowExtra`: `s3:Get*` grants
//! `s3:GetBucketPolicy` whether or not the learner meant it.

use serde::Serialize;

use super::manifest::{Check, ExpectedOutcome, LeastPrivilegeBound};
use crate::json::Span;
use crate::matching::Pattern;
use crate::policy::{Effect, Patterns, Policy, Statement};

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
}

/// Every over-grant of `policy` under `bound`.
pub fn over_grants(
    policy: &Policy,
    bound: &LeastPrivilegeBound,
    checks: &[Check],
) -> Vec<OverGrant> {
    let needed: Vec<String> = checks
        .iter()
        .filter(|c| c.expect == ExpectedOutcome::Allowed)
        .filter_map(|c| c.request.get("action").and_then(|a| a.as_str()))
        .chain(bound.allow_extra.iter().map(String::as_str))
        .map(str::to_ascii_lowercase)
        .collect();
    let mut found = Vec::new();
    for statement in &policy.statements {
        if statement.effect.node != Effect::Allow || !touches_bound(statement, &bound.resources) {
            continue;
        }
        let sid = statement.sid.as_ref().map(|s| s.node.clone());
        let actions = &statement.action;
        if actions.node.negated {
            found.push(OverGrant {
                statement_index: statement.index,
                sid: sid.clone(),
                action: "NotAction".to_owned(),
                span: actions.span,
                message: "an Allow with `NotAction` grants every action except the listed ones"
                    .to_owned(),
            });
            continue;
        }
        for action in &actions.node.values {
            let text = action.node.as_str();
            if needed.contains(&text.to_ascii_lowercase()) {
                continue;
            }
            let message = if Pattern::wildcard(text).has_wildcards() {
                format!("`{text}` grants every matching action, more than the task needs; list the actions instead")
            } else {
                format!("`{text}` is not needed for this task")
            };
            found.push(OverGrant {
                statement_index: statement.index,
                sid: sid.clone(),
                action: text.to_owned(),
                span: action.span,
                message,
            });
        }
    }
    found
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
mod tests {
    use super::*;
    use crate::policy::parse_policy;

    fn check(action: &str) -> Check {
        serde_json::from_value(serde_json::json!({
            "id": "c", "title": "t", "expect": "allowed", "hint": "h",
            "request": {"principal": "arn:aws:iam::111122223333:user/a", "action": action, "resource": "arn:aws:s3:::raw-data/x"}
        }))
        .expect("check")
    }

    fn found(statements: &str, extra: &[&str]) -> Vec<String> {
        let policy = parse_policy(&format!(
            r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#
        ))
        .expect("policy");
        let bound = LeastPrivilegeBound {
            resources: vec![
                "arn:aws:s3:::raw-data".into(),
                "arn:aws:s3:::raw-data/*".into(),
            ],
            allow_extra: extra.iter().map(|s| (*s).to_owned()).collect(),
        };
        over_grants(&policy, &bound, &[check("s3:GetObject")])
            .into_iter()
            .map(|o| o.action)
            .collect()
    }

    #[test]
    fn only_needed_or_listed_actions_on_the_bound() {
        let exact = r#"{"Effect": "Allow", "Action": "S3:GETOBJECT", "Resource": "arn:aws:s3:::raw-data/*"}"#;
        assert_eq!(found(exact, &[]), Vec::<String>::new());
        let wildcard =
            r#"{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*"}"#;
        assert_eq!(found(wildcard, &[]), vec!["s3:Get*"]);
        assert_eq!(found(wildcard, &["s3:get*"]), Vec::<String>::new());
        let not_action =
            r#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "arn:aws:s3:::raw-data/*"}"#;
        assert_eq!(found(not_action, &[]), vec!["NotAction"]);
    }

    #[test]
    fn other_resources_and_denies_are_not_measured() {
        let elsewhere =
            r#"{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::curated-lake/*"}"#;
        assert_eq!(found(elsewhere, &[]), Vec::<String>::new());
        let deny = r#"{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}"#;
        assert_eq!(found(deny, &[]), Vec::<String>::new());
    }
}
