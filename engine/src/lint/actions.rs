//! Action values: their shape, and grants that are too broad or risky.

use super::check::Check;
use super::context::Context;
use crate::catalog::{covered, AccessLevel, Risk};
use crate::policy::{Effect, Node, Statement};
use crate::policy_kind::PolicyKind;

pub(super) fn check(cx: &mut Context<'_>, statement: &Statement) {
    for action in &statement.action.values {
        format(cx, statement, action);
    }
    // Guardrails (SCP, RCP, boundary, session) allow `*` on purpose: they only cap.
    let grants = statement.effect.node == Effect::Allow
        && matches!(cx.kind(), PolicyKind::Identity | PolicyKind::Resource);
    if !grants {
        return;
    }
    if statement.action.negated {
        let span = Context::key_span(statement, "NotAction").unwrap_or(statement.action.span);
        cx.report(
            Check::AllowNotAction,
            span,
            Some(statement),
            "`Allow` with `NotAction` allows every action except those listed, in every service, including ones AWS adds later".to_owned(),
            "list the actions to allow in `Action` instead",
        );
        return;
    }
    let resource_is_all = statement
        .resource
        .as_ref()
        .is_some_and(|r| !r.negated && r.values.iter().any(|v| v.node == "*"));
    for action in &statement.action.values {
        wildcards(cx, statement, action);
        risky(cx, statement, action, resource_is_all);
    }
    mfa(cx, statement);
}

fn format(cx: &mut Context<'_>, statement: &Statement, action: &Node<String>) {
    let text = &action.node;
    if text == "*" {
        return;
    }
    let valid = match text.split_once(':') {
        Some((service, name)) => {
            !service.is_empty()
                && !name.is_empty()
                && !name.contains(':')
                && service
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '*' | '?'))
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '*' | '?'))
        }
        None => false,
    };
    if !valid {
        let fixed = text.trim().replacen(' ', "", usize::MAX);
        cx.report(
            Check::InvalidActionFormat,
            action.span,
            Some(statement),
            format!("`{text}` is not an action"),
            "write actions as `service:ActionName`, e.g. `s3:GetObject`, or `*` for all",
        )
        .suggest((fixed != *text && fixed.contains(':')).then_some(fixed));
    }
}

fn wildcards(cx: &mut Context<'_>, statement: &Statement, action: &Node<String>) {
    let text = action.node.as_str();
    if text == "*" || text == "*:*" {
        cx.report(
            Check::FullWildcardAction,
            action.span,
            Some(statement),
            "`*` allows every action of every AWS service".to_owned(),
            "list only the actions the task needs; even administrators are better served by the AWS managed policy `AdministratorAccess` than by a hand-written `*`",
        );
    } else if let Some((service, "*")) = text.split_once(':') {
        cx.report(
            Check::ServiceWildcardAction,
            action.span,
            Some(statement),
            format!("`{text}` allows every action of `{service}`, including deleting and changing permissions"),
            "list the actions the task needs, or a narrower pattern such as `s3:Get*`",
        );
    }
}

fn risky(
    cx: &mut Context<'_>,
    statement: &Statement,
    action: &Node<String>,
    resource_is_all: bool,
) {
    let text = action.node.as_str();
    // A full or service wildcard is already reported; naming each risky action again adds noise.
    let broad = text == "*" || text == "*:*" || text.ends_with(":*");
    if crate::matching::action_matches(text, "iam:PassRole") && resource_is_all {
        cx.report(
            Check::PassRoleWildcardResource,
            action.span,
            Some(statement),
            "`iam:PassRole` on every role lets the caller hand any role, even an administrator role, to a service it controls".to_owned(),
            "limit `Resource` to the ARNs of the roles to pass, and add an `iam:PassedToService` condition",
        );
    }
    if crate::matching::action_matches(text, "sts:AssumeRole") && resource_is_all {
        cx.report(
            Check::AssumeRoleWildcardResource,
            action.span,
            Some(statement),
            "`sts:AssumeRole` on `*` lets the caller assume every role whose trust policy allows it".to_owned(),
            "limit `Resource` to the ARNs of the roles to assume",
        );
    }
    if broad {
        return;
    }
    let escalation: Vec<&str> = covered(text, Risk::PrivilegeEscalation)
        .into_iter()
        .filter(|a| !matches!(*a, "iam:PassRole" | "sts:AssumeRole"))
        .collect();
    if !escalation.is_empty() && resource_is_all {
        cx.report(
            Check::PrivilegeEscalation,
            action.span,
            Some(statement),
            format!(
                "`{text}` on every resource allows privilege escalation ({})",
                escalation.join(", ")
            ),
            "with these actions a principal can give itself more permissions; limit `Resource` to specific ARNs and keep them for administrators",
        );
    }
    let exposure = covered(text, Risk::ResourceExposure);
    if !exposure.is_empty() && resource_is_all {
        cx.report(
            Check::ResourceExposure,
            action.span,
            Some(statement),
            format!("`{text}` on every resource can open resources to other accounts or the public ({})", exposure.join(", ")),
            "limit `Resource` to the resources whose policies this principal must manage",
        );
    }
}

/// Sensitive actions where a lesson asks for MFA: Allow statements that can change things,
/// with no `aws:MultiFactorAuthPresent` / `aws:MultiFactorAuthAge` condition.
fn mfa(cx: &mut Context<'_>, statement: &Statement) {
    if !cx.options.require_mfa {
        return;
    }
    let has_mfa = statement.condition.iter().any(|block| {
        block.entries.iter().any(|e| {
            e.key
                .node
                .eq_ignore_ascii_case("aws:MultiFactorAuthPresent")
                || e.key.node.eq_ignore_ascii_case("aws:MultiFactorAuthAge")
        })
    });
    if has_mfa {
        return;
    }
    let sensitive = statement
        .action
        .values
        .iter()
        .any(|a| match cx.options.catalog {
            // With the catalogue: any action the pattern covers is above the Read level.
            Some(catalog) => catalog.expand(&a.node).iter().any(|found| {
                !matches!(found.access_level(), AccessLevel::List | AccessLevel::Read)
            }),
            None => !is_read_only(&a.node),
        });
    if sensitive {
        cx.report(
            Check::MissingMfa,
            statement.action.span,
            Some(statement),
            "these actions are allowed without MFA".to_owned(),
            "add `\"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}`",
        );
    }
}

/// Read-only by naming convention, when there is no catalogue: `Get`, `List`, `Describe`,
/// `View`, `Head` (errs on the side of asking for MFA).
fn is_read_only(action: &str) -> bool {
    let name = action.split_once(':').map_or(action, |(_, n)| n);
    ["Get", "List", "Describe", "View", "Head"].iter().any(|p| {
        name.len() > p.len()
            && name
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
    })
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::InvalidActionFormat,
        r#"An action that is not written `service:ActionName`.

Actions are a service prefix, a colon and an action name, e.g. `s3:GetObject`; `*` alone
means every action."#,
    ),
    (
        Check::FullWildcardAction,
        r#"`"Action": "*"` in an `Allow` statement.

It allows every action of every service, now and in the future. List the actions the task
needs."#,
    ),
    (
        Check::ServiceWildcardAction,
        r#"`service:*` in an `Allow` statement.

It allows every action of the service, including deleting resources and changing their
permissions. List the actions the task needs, or a narrower pattern such as `s3:Get*`."#,
    ),
    (
        Check::AllowNotAction,
        r#"`NotAction` with `Allow`.

It allows every action except the listed ones, in every service, including services AWS adds
later. List the actions to allow in `Action` instead."#,
    ),
    (
        Check::PrivilegeEscalation,
        r#"Actions on every resource that let the caller raise their own permissions.

Actions such as `iam:PutUserPolicy`, `iam:AttachRolePolicy` or `iam:CreatePolicyVersion` on
`*` let a principal grant itself (or a role it controls) any permission. Limit `Resource`."#,
    ),
    (
        Check::PassRoleWildcardResource,
        r#"`iam:PassRole` on every role.

It lets the caller hand any role, including an administrator role, to a service it controls
(a Lambda function, an EC2 instance) and act with that role's permissions. Limit `Resource`
to the roles to pass and add an `iam:PassedToService` condition."#,
    ),
    (
        Check::AssumeRoleWildcardResource,
        r#"`sts:AssumeRole` on every role.

The caller can assume every role whose trust policy lets it in, in any account. Limit
`Resource` to the roles it needs."#,
    ),
    (
        Check::ResourceExposure,
        r#"Actions on every resource that can open resources to other accounts or the public.

Actions that write resource policies or ACLs (`s3:PutBucketPolicy`, `kms:PutKeyPolicy`, ...)
on `*` let the caller share any such resource with anyone. Limit `Resource`."#,
    ),
    (
        Check::MissingMfa,
        r#"Actions that change things, allowed without MFA (with `--require-mfa`).

Asked for when a lesson or an organisation requires MFA for sensitive actions: add a
condition on `aws:MultiFactorAuthPresent`."#,
    ),
];
