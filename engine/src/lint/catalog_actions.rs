//! Actions and resources checked against the AWS catalogue: unknown names (with did-you-mean)
//! and resources that the listed actions cannot apply to.

use super::check::Check;
use super::context::Context;
use super::values::arn_parts;
use crate::catalog::{AccessLevel, ActionRef, Catalog, ResourceTypeRef};
use crate::policy::{Effect, Node, Statement};
use crate::policy_kind::PolicyKind;

pub(super) fn check<'c>(cx: &mut Context<'_>, catalog: &'c Catalog, statement: &Statement) {
    let mut known: Vec<(ActionRef<'c>, &Node<String>)> = Vec::new();
    for action in &statement.action.values {
        if let Some(found) = name(cx, catalog, statement, action) {
            known.push((found, action));
        }
    }
    if statement.action.negated || cx.kind() == PolicyKind::Trust {
        return;
    }
    let Some(resource) = statement.resource.as_ref().filter(|r| !r.negated) else {
        return;
    };
    if resource.values.iter().any(|v| v.node == "*") {
        wildcard_resource(cx, statement, &known, resource.values.len());
        return;
    }
    // Values that are not ARNs are reported on their own; what they name is unknown.
    if resource
        .values
        .iter()
        .any(|v| arn_parts(&v.node).is_none_or(|p| p[0] != "arn"))
    {
        return;
    }
    // The catalogue remembers each ARN's types, so repeated ARNs are looked up once.
    let types_of =
        |text: &str| -> Vec<ResourceTypeRef<'c>> { catalog.resource_types_for_arn(text) };
    for value in &resource.values {
        let service = arn_parts(&value.node).map(|p| p[2]).unwrap_or_default();
        if service.contains(['*', '?', '$']) || catalog.service(service).is_none() {
            continue;
        }
        // Any known action whose type the ARN names strictly settles it without a full look-up.
        let named = known.iter().any(|(a, _)| {
            a.resource_types()
                .any(|u| catalog.arn_matches_type_strictly(&value.node, &u.resource_type()))
        });
        if !named && types_of(&value.node).is_empty() {
            cx.report(
                Check::ResourceTypeMismatch,
                value.span,
                Some(statement),
                format!("`{}` matches no resource type of `{service}`", value.node),
                "check the ARN format in the Service Authorization Reference for the service",
            );
        }
    }
    for (action, value) in &known {
        let uses: Vec<_> = action.resource_types().collect();
        // A strict match puts the type in the look-up's answer; otherwise ask the full look-up,
        // which falls back to loose matching when no type of the service matches strictly.
        let applies = !uses.is_empty()
            && (uses.iter().any(|u| {
                resource
                    .values
                    .iter()
                    .any(|v| catalog.arn_matches_type_strictly(&v.node, &u.resource_type()))
            }) || uses.iter().any(|u| {
                let wanted = u.resource_type();
                resource
                    .values
                    .iter()
                    .any(|v| types_of(&v.node).iter().any(|t| same_type(t, &wanted)))
            }));
        if applies {
            continue;
        }
        let full = action.full_name();
        let help = if uses.is_empty() {
            format!("`{full}` does not support resource-level permissions: grant it on `\"Resource\": \"*\"` in its own statement")
        } else {
            let wanted: Vec<String> = uses
                .iter()
                .map(|u| {
                    format!(
                        "{} (`{}`)",
                        u.resource_type().name(),
                        u.resource_type().arn_template()
                    )
                })
                .collect();
            format!("`{full}` works on {}", wanted.join(", "))
        };
        cx.report(
            Check::ResourceTypeMismatch,
            value.span,
            Some(statement),
            format!(
                "`{full}` applies to none of the statement's resources, so this grants nothing"
            ),
            help,
        );
    }
}

/// Same ARN format: some services list another's resource type (`sts:AssumeRole` works on the
/// `role` type, whose ARN is IAM's), and a lookup by ARN finds it under the owning service.
fn same_type(a: &ResourceTypeRef<'_>, b: &ResourceTypeRef<'_>) -> bool {
    a.arn_template().eq_ignore_ascii_case(b.arn_template())
}

/// Unknown services and actions, with the closest known name.
fn name<'c>(
    cx: &mut Context<'_>,
    catalog: &'c Catalog,
    statement: &Statement,
    action: &Node<String>,
) -> Option<ActionRef<'c>> {
    let text = action.node.as_str();
    let (service, name) = text.split_once(':')?;
    if service.is_empty() || name.is_empty() || name.contains(':') {
        return None;
    }
    let wildcard = |s: &str| s.contains(['*', '?']);
    if !wildcard(service) && catalog.service(service).is_none() {
        let suggestion = catalog
            .suggest_services(service, 1)
            .first()
            .map(|s| format!("{}:{name}", s.prefix()));
        cx.report(
            Check::UnknownService,
            action.span,
            Some(statement),
            format!("`{service}` is not an AWS service prefix"),
            "service prefixes are lower case, e.g. `s3`, `ec2`, `dynamodb`, `iam`",
        )
        .suggest(suggestion);
        return None;
    }
    if wildcard(text) {
        if catalog.count_matches(text) == 0 {
            cx.report(
                Check::ActionMatchesNothing,
                action.span,
                Some(statement),
                format!("`{text}` matches no AWS action"),
                "check the spelling; the pattern is compared with every action of the catalogue",
            );
        }
        return None;
    }
    let Some(found) = catalog.action(text) else {
        let suggestion = catalog
            .suggest_actions(text, 1)
            .first()
            .map(ActionRef::full_name);
        cx.report(
            Check::UnknownAction,
            action.span,
            Some(statement),
            format!("`{name}` is not an action of `{service}`"),
            "AWS ignores actions it does not know, so this grants nothing",
        )
        .suggest(suggestion);
        return None;
    };
    let canonical = found.full_name();
    if canonical != text {
        cx.report(
            Check::ActionCase,
            action.span,
            Some(statement),
            format!("`{text}` is written `{canonical}` in the AWS documentation"),
            "action names are case-insensitive, so this works; the usual spelling is easier to search for",
        )
        .suggest(Some(canonical));
    }
    Some(found)
}

/// `"Resource": "*"` with actions that could be limited to specific resources.
fn wildcard_resource(
    cx: &mut Context<'_>,
    statement: &Statement,
    known: &[(ActionRef<'_>, &Node<String>)],
    resources: usize,
) {
    if cx.kind() != PolicyKind::Identity || statement.effect.node != Effect::Allow || resources != 1
    {
        return;
    }
    let scopable: Vec<String> = known
        .iter()
        .filter(|(a, _)| {
            matches!(
                a.access_level(),
                AccessLevel::Write | AccessLevel::PermissionsManagement | AccessLevel::Tagging
            ) && a.resource_types().len() > 0
        })
        .map(|(a, _)| a.full_name())
        .collect();
    if scopable.is_empty() {
        return;
    }
    if let Some(resource) = &statement.resource {
        cx.report(
            Check::WildcardResourceWrite,
            resource.span,
            Some(statement),
            format!(
                "{} can be limited to specific resources but are granted on all",
                scopable.join(", ")
            ),
            "list the ARNs of the resources the task changes instead of `*`",
        );
    }
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::UnknownService,
        r#"An action whose service prefix is not an AWS service.

AWS ignores actions of unknown services, so the statement grants nothing there. Prefixes are
lower case, e.g. `s3`, `dynamodb`, `iam`."#,
    ),
    (
        Check::UnknownAction,
        r#"An action that its service does not have.

AWS ignores unknown actions, so the statement grants nothing for it; usually a typo."#,
    ),
    (
        Check::ActionMatchesNothing,
        r#"A wildcard action pattern that matches no action.

The pattern is compared with every action of the catalogue; one that matches none grants
nothing."#,
    ),
    (
        Check::ActionCase,
        r#"An action written in another case than the AWS documentation's.

Action names are case-insensitive, so this works; the usual spelling is easier to read and to
search for."#,
    ),
    (
        Check::ResourceTypeMismatch,
        r#"A resource that no action of the statement applies to.

An action applies only to its own resource types (`s3:GetObject` to objects, not buckets); a
statement whose resources match none of its actions' types grants nothing for them."#,
    ),
    (
        Check::WildcardResourceWrite,
        r#"Write actions that could be limited to resources, granted on `*`.

When an action supports resource-level permissions, name the resources it may change."#,
    ),
];
