//! What each kind of policy may contain.

use super::check::Check;
use super::context::Context;
use crate::json::Span;
use crate::policy::{Effect, Policy, Principal, PrincipalKind, Statement};
use crate::policy_kind::PolicyKind;

/// The actions a trust policy may name. IAM rejects others with "AssumeRole policy may only
/// specify STS AssumeRole actions" (IAM User Guide, "Role trust policies").
const TRUST_ACTIONS: [&str; 6] = [
    "sts:AssumeRole",
    "sts:AssumeRoleWithSAML",
    "sts:AssumeRoleWithWebIdentity",
    "sts:TagSession",
    "sts:SetSourceIdentity",
    "sts:SetContext",
];

/// Where a statement is "about": its Effect value (a missing element has no span of its own).
fn anchor(statement: &Statement) -> Span {
    statement.effect.span
}

pub(super) fn check(cx: &mut Context<'_>, statement: &Statement) {
    let kind = cx.kind();
    resource_element(cx, kind, statement);
    principal_element(cx, kind, statement);
    if kind == PolicyKind::Trust {
        trust_actions(cx, statement);
    }
    if kind == PolicyKind::Rcp {
        rcp(cx, statement);
    }
}

fn resource_element(cx: &mut Context<'_>, kind: PolicyKind, statement: &Statement) {
    match (&statement.resource, kind) {
        (Some(_), PolicyKind::Trust) => {
            let span = Context::key_span(statement, "Resource")
                .or_else(|| Context::key_span(statement, "NotResource"))
                .unwrap_or(anchor(statement));
            cx.report(
                Check::ResourceInTrustPolicy,
                span,
                Some(statement),
                "a trust policy has no `Resource`: the resource is the role itself".to_owned(),
                "remove `Resource`; say who may assume the role in `Principal` (IAM User Guide, Role trust policies)",
            );
        }
        (None, PolicyKind::Trust) => {}
        (None, _) => {
            cx.report(
                Check::MissingResource,
                anchor(statement),
                Some(statement),
                format!(
                    "the statement has no `Resource`, which {} requires",
                    kind.described()
                ),
                "add `\"Resource\"` with the ARNs the statement applies to (`\"*\"` for all)",
            );
        }
        _ => {}
    }
}

/// SCPs: `Principal` and `NotPrincipal` are not supported. Since 19 September 2025 SCPs accept
/// the rest of the IAM language in Allow statements too (conditions, resource ARNs, NotAction,
/// NotResource, wildcards anywhere in an action: AWS Security Blog, "AWS Organizations service
/// control policy now supports full IAM language"), so no other element is restricted here.
fn principal_element(cx: &mut Context<'_>, kind: PolicyKind, statement: &Statement) {
    let Some(principal) = &statement.principal else {
        if kind.needs_principal() {
            cx.report(
                Check::MissingPrincipal,
                anchor(statement),
                Some(statement),
                format!("the statement has no `Principal`, which {} requires", kind.described()),
                if kind == PolicyKind::Rcp {
                    "add `\"Principal\": \"*\"`; narrow who it applies to with conditions"
                } else {
                    "add `\"Principal\"` naming who the statement is about, e.g. `{\"AWS\": \"arn:aws:iam::111122223333:root\"}`"
                },
            );
        }
        return;
    };
    let name = if principal.negated {
        "NotPrincipal"
    } else {
        "Principal"
    };
    let key = Context::key_span(statement, name).unwrap_or(principal.span);
    if !kind.needs_principal() {
        cx.report(
            Check::PrincipalNotAllowed,
            key,
            Some(statement),
            format!("{} cannot have `{name}`", kind.described()),
            match kind {
                PolicyKind::Scp => "an SCP applies to the accounts it is attached to; remove the element and use `aws:PrincipalArn` conditions to single out principals",
                _ => "the principal is whoever the policy is attached to; remove the element",
            },
        );
        return;
    }
    if principal.negated {
        if matches!(kind, PolicyKind::Trust | PolicyKind::Rcp) {
            cx.report(
                Check::NotPrincipalNotAllowed,
                key,
                Some(statement),
                format!("{} cannot use `NotPrincipal`", kind.described()),
                "use `Principal` with an `ArnNotLike` condition on `aws:PrincipalArn` instead (IAM User Guide, NotPrincipal)",
            );
        } else if statement.effect.node == Effect::Allow {
            cx.report(
                Check::AllowNotPrincipal,
                key,
                Some(statement),
                "`NotPrincipal` with `Allow` is not supported".to_owned(),
                "AWS supports `NotPrincipal` only with `Deny`; to allow, name the principals in `Principal` (IAM User Guide, NotPrincipal)",
            );
        }
    }
    if kind == PolicyKind::Rcp && !principal.negated && !is_everyone(&principal.principal) {
        cx.report(
            Check::RcpPrincipalNotStar,
            principal.span,
            Some(statement),
            "the `Principal` of a resource control policy must be `\"*\"`".to_owned(),
            "write `\"Principal\": \"*\"` and single out principals with conditions such as `aws:PrincipalOrgID` (Organizations User Guide, RCP syntax)",
        )
        .suggest(Some("\"*\"".to_owned()));
    }
}

pub(super) fn is_everyone(principal: &Principal) -> bool {
    match principal {
        Principal::Any => true,
        Principal::Entries(entries) => entries
            .iter()
            .any(|e| e.kind.node == PrincipalKind::Aws && e.values.iter().any(|v| v.node == "*")),
    }
}

fn trust_actions(cx: &mut Context<'_>, statement: &Statement) {
    if statement.action.negated {
        return;
    }
    for action in &statement.action.values {
        let allowed = TRUST_ACTIONS
            .iter()
            .any(|t| crate::matching::action_matches(&action.node, t));
        if !allowed {
            cx.report(
                Check::TrustPolicyAction,
                action.span,
                Some(statement),
                format!("a trust policy can name only STS role actions, not `{}`", action.node),
                "a trust policy says who may assume the role: use `sts:AssumeRole` (or `sts:AssumeRoleWithWebIdentity`, `sts:AssumeRoleWithSAML`, `sts:TagSession`); grant other permissions in the role's permissions policy",
            );
        }
    }
}

fn rcp(cx: &mut Context<'_>, statement: &Statement) {
    if statement.effect.node == Effect::Allow {
        cx.report(
            Check::RcpAllow,
            statement.effect.span,
            Some(statement),
            "custom resource control policies can only deny".to_owned(),
            "`Allow` is supported only in the AWS-managed `RCPFullAWSAccess`; write the guardrail as a `Deny` with conditions (Organizations User Guide, RCP syntax)",
        )
        .suggest(Some("Deny".to_owned()));
    }
    if statement.action.negated {
        let span = Context::key_span(statement, "NotAction").unwrap_or(statement.action.span);
        cx.report(
            Check::NotActionNotAllowed,
            span,
            Some(statement),
            "resource control policies do not support `NotAction`".to_owned(),
            "list the actions in `Action` (Organizations User Guide, RCP syntax)",
        );
        return;
    }
    for action in &statement.action.values {
        let service = action.node.split(':').next().unwrap_or_default();
        // The same list the evaluator uses, so lint and decisions agree on what RCPs cover.
        if action.node != "*" && !crate::eval::rcp_supports_service(service) {
            cx.report(
                Check::RcpUnsupportedService,
                action.span,
                Some(statement),
                format!("resource control policies do not apply to `{service}`"),
                "RCPs support only s3, sts, kms, sqs, secretsmanager, dynamodb, logs, ecr and the other services the Organizations User Guide lists (List of AWS services that support RCPs)".to_owned(),
            );
        }
    }
}

/// A permissions boundary or session policy with no Allow statement allows nothing: every
/// request of the principal is then denied (IAM User Guide, "Permissions boundaries").
pub(super) fn check_policy(cx: &mut Context<'_>, policy: &Policy) {
    let kind = cx.kind();
    if !matches!(kind, PolicyKind::Boundary | PolicyKind::Session) || policy.statements.is_empty() {
        return;
    }
    if policy
        .statements
        .iter()
        .all(|s| s.effect.node == Effect::Deny)
    {
        let first = &policy.statements[0];
        cx.report(
            Check::GuardrailGrantsNothing,
            first.effect.span,
            None,
            format!("{} with only `Deny` statements allows nothing", kind.described()),
            "a boundary or session policy caps permissions: an action must also be allowed here; add an `Allow` statement for what may be used",
        );
    }
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::MissingResource,
        r#"A statement without `Resource` in a policy that needs one.

Identity policies, permission boundaries, session policies and resource control policies
name the resources each statement applies to; only resource-based policies (where the resource
is the one the policy is attached to) and trust policies leave it out."#,
    ),
    (
        Check::MissingPrincipal,
        r#"A statement without `Principal` in a policy that needs one.

A resource-based policy is attached to the resource, so each statement must say who it
applies to; a resource control policy writes `"Principal": "*"`."#,
    ),
    (
        Check::PrincipalNotAllowed,
        r#"A `Principal` in a policy that cannot have one.

Identity policies, permission boundaries, session policies and SCPs apply to whoever they are
attached to, so they have no `Principal`; AWS rejects one."#,
    ),
    (
        Check::ResourceInTrustPolicy,
        r#"A trust policy with `Resource`.

A role's trust policy is a resource-based policy whose resource is the role itself; it says
who may assume the role, in `Principal`, and has no `Resource`."#,
    ),
    (
        Check::TrustPolicyAction,
        r#"A trust policy that names actions other than the STS role actions.

A trust policy only controls who may assume the role (`sts:AssumeRole`,
`sts:AssumeRoleWithWebIdentity`, `sts:AssumeRoleWithSAML`, `sts:TagSession`, ...). What the
role may do afterwards belongs in its permissions policies."#,
    ),
    (
        Check::RcpPrincipalNotStar,
        r#"A resource control policy whose `Principal` is not `"*"`.

RCPs apply to every principal that calls the resources of the accounts they cover; their
`Principal` must be `"*"`, and conditions such as `aws:PrincipalOrgID` single callers out."#,
    ),
    (
        Check::RcpAllow,
        r#"An `Allow` statement in a custom resource control policy.

RCPs only set limits: the AWS-managed `RCPFullAWSAccess` is the only one that allows; custom
RCPs consist of `Deny` statements."#,
    ),
    (
        Check::RcpUnsupportedService,
        r#"A resource control policy statement about a service RCPs do not cover.

RCPs apply only to a fixed set of services (such as S3, STS, KMS, SQS and Secrets Manager); a
statement about another service has no effect."#,
    ),
    (
        Check::NotActionNotAllowed,
        r#"`NotAction` in a resource control policy.

The RCP syntax does not support `NotAction`; list the actions to restrict in `Action`."#,
    ),
    (
        Check::NotPrincipalNotAllowed,
        r#"`NotPrincipal` in a policy that cannot use it.

`NotPrincipal` exists only in resource-based policies (and only with `Deny`); elsewhere,
exclude principals with a condition on `aws:PrincipalArn`."#,
    ),
    (
        Check::GuardrailGrantsNothing,
        r#"A permission boundary or session policy with only `Deny` statements.

A boundary or session policy caps what other policies allow: an action must be allowed both
there and here. With no `Allow` at all, it allows nothing, and every request is denied."#,
    ),
    (
        Check::AllowNotPrincipal,
        r#"`NotPrincipal` with `Allow`.

AWS supports `NotPrincipal` only with `Deny`; to allow, name the principals in `Principal`."#,
    ),
];
