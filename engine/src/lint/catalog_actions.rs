//! Actions and resources checked against the AWS catalogue: unknown names (with did-you-mean)
//! and resources that the listed actions cannot apply to.

use super::check::Check;
use super::context::Context;
use super::values::arn_parts;
use super::PolicyKind;
use crate::catalog::{AccessLevel, ActionRef, Catalog, ResourceTypeRef};
use crate::policy::{Effect, Node, Statement};

pub(super) fn check(cx: &mut Context<'_>, catalog: &Catalog, statement: &Statement) {
    let mut known: Vec<(ActionRef<'_>, &Node<String>)> = Vec::new();
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
    let types: Vec<Vec<ResourceTypeRef<'_>>> = resource
        .values
        .iter()
        .map(|v| catalog.resource_types_for_arn(&v.node))
        .collect();
    for (value, found) in resource.values.iter().zip(&types) {
        let service = arn_parts(&value.node).map(|p| p[2]).unwrap_or_default();
        if found.is_empty()
            && !service.contains(['*', '?', '$'])
            && catalog.service(service).is_some()
        {
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
        let applies = if uses.is_empty() {
            false
        } else {
            uses.iter().any(|u| {
                let wanted = u.resource_type();
                types.iter().flatten().any(|t| same_type(t, &wanted))
            })
        };
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
