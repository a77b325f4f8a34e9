//! Resource values: the shape of each ARN.

use super::check::Check;
use super::context::Context;
use super::values::{arn_parts, has_wildcard_or_variable, is_region, PARTITIONS};
use crate::policy::{Effect, Node, Statement};
use crate::policy_kind::PolicyKind;

pub(super) fn check(cx: &mut Context<'_>, statement: &Statement) {
    let Some(resource) = &statement.resource else {
        return;
    };
    for value in &resource.values {
        arn(cx, statement, value);
    }
    if resource.negated
        && statement.effect.node == Effect::Allow
        && matches!(cx.kind(), PolicyKind::Identity | PolicyKind::Resource)
    {
        let span = Context::key_span(statement, "NotResource").unwrap_or(resource.span);
        cx.report(
            Check::AllowNotResource,
            span,
            Some(statement),
            "`Allow` with `NotResource` allows the actions on every resource except those listed, in every account".to_owned(),
            "list the resources to allow in `Resource` instead",
        );
    }
}

fn arn(cx: &mut Context<'_>, statement: &Statement, value: &Node<String>) {
    let text = value.node.as_str();
    if text == "*" {
        return;
    }
    let Some(parts) = arn_parts(text).filter(|p| p[0] == "arn" && !p[2].is_empty()) else {
        // `arn:aws:s3:::bucket` has six parts; a bare name or a path is the usual mistake.
        let fixed = (!text.contains(':') && !text.is_empty() && !text.contains(' '))
            .then(|| format!("arn:aws:s3:::{text}"));
        cx.report(
            Check::InvalidArn,
            value.span,
            Some(statement),
            format!("`{text}` is not an ARN"),
            "resources are ARNs of the form `arn:partition:service:region:account:resource`, e.g. `arn:aws:s3:::my-bucket/*`, or `*`",
        )
        .suggest(fixed.filter(|_| text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '/' | '*'))));
        return;
    };
    let [_, partition, _, region, account, _] = parts;
    if !has_wildcard_or_variable(partition) && !PARTITIONS.contains(&partition) {
        let fixed = PARTITIONS
            .iter()
            .find(|p| p.eq_ignore_ascii_case(partition))
            .map(|p| p.to_string());
        cx.report(
            Check::InvalidArnPartition,
            value.span,
            Some(statement),
            format!("`{partition}` is not an AWS partition"),
            "the partition is `aws` in commercial regions (`aws-cn` in China, `aws-us-gov` in GovCloud)",
        )
        .suggest(fixed.or_else(|| Some("aws".to_owned())));
    }
    if !region.is_empty() && !has_wildcard_or_variable(region) && !is_region(region) {
        cx.report(
            Check::InvalidArnRegion,
            value.span,
            Some(statement),
            format!("`{region}` is not a region code"),
            "write a region code such as `us-east-1`, `*`, or nothing for global services such as IAM and S3",
        );
    }
    let account_ok = account.is_empty()
        || has_wildcard_or_variable(account)
        || account == "aws"
        || account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
    if !account_ok {
        cx.report(
            Check::InvalidArnAccount,
            value.span,
            Some(statement),
            format!("`{account}` is not an account ID"),
            "account IDs are 12 digits, e.g. `111122223333`; S3 bucket ARNs leave the account empty",
        );
    }
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::InvalidArn,
        r#"A resource that is not an ARN.

Resources are ARNs, `arn:partition:service:region:account:resource`, or `*`; AWS rejects other
values."#,
    ),
    (
        Check::InvalidArnPartition,
        r#"An ARN whose partition is not an AWS partition.

The partition is `aws` in the commercial regions, `aws-cn` in China and `aws-us-gov` in
GovCloud (US)."#,
    ),
    (
        Check::InvalidArnRegion,
        r#"An ARN whose region is not a region code.

Write a region code such as `us-east-1`, a wildcard, or nothing for global services such as
IAM and S3."#,
    ),
    (
        Check::InvalidArnAccount,
        r#"An ARN whose account is not a 12-digit account ID.

S3 bucket and object ARNs leave the account empty: `arn:aws:s3:::bucket/key`."#,
    ),
    (
        Check::AllowNotResource,
        r#"`NotResource` with `Allow`.

It allows the actions on every resource except the listed ones, in every account, including
resources created later. List the resources in `Resource` instead."#,
    ),
];
