//! Condition blocks: operator and value shapes, set operators, and well-known traps.

use super::check::Check;
use super::context::Context;
use super::values::{is_bool, is_date, is_ip, is_number};
use crate::condition::{Family, OperatorName};
use crate::policy::{ConditionBlock, ConditionEntry, Effect, Policy, Statement};

pub(super) fn check(cx: &mut Context<'_>, _policy: &Policy, statement: &Statement) {
    for block in &statement.condition {
        let op = OperatorName::of(&block.operator);
        for entry in &block.entries {
            values(cx, statement, op, entry);
            traps(cx, statement, block, op, entry);
        }
    }
}

fn values(cx: &mut Context<'_>, statement: &Statement, op: OperatorName, entry: &ConditionEntry) {
    for value in &entry.values {
        let text = value.node.as_str();
        let (check, ok, expected) = match op.family() {
            Family::Date => (
                Check::InvalidDateValue,
                is_date(text),
                "a date such as `2026-01-31T00:00:00Z` or epoch seconds",
            ),
            Family::IpAddress => (
                Check::InvalidIpValue,
                is_ip(text),
                "an IP address or CIDR range such as `203.0.113.0/24`",
            ),
            Family::Numeric => (
                Check::InvalidNumberValue,
                is_number(text),
                "a number such as `10` or `1.5`",
            ),
            Family::Bool | Family::Null => {
                (Check::InvalidBoolValue, is_bool(text), "`true` or `false`")
            }
            Family::Arn => (
                Check::InvalidArnValue,
                text.starts_with("arn:") || text == "*" || text.contains("${"),
                "an ARN such as `arn:aws:iam::111122223333:role/reader`",
            ),
            Family::String | Family::Binary => continue,
        };
        if !ok {
            cx.report(
                check,
                value.span,
                Some(statement),
                format!("`{text}` is not a valid value for `{}`", op.full()),
                format!("`{}` compares {expected}", op.base),
            );
        }
    }
}

fn traps(
    cx: &mut Context<'_>,
    statement: &Statement,
    block: &ConditionBlock,
    op: OperatorName,
    entry: &ConditionEntry,
) {
    let variables = |t: &str| t.contains("${");
    if op.is_like()
        && entry
            .values
            .iter()
            .all(|v| !v.node.contains(['*', '?']) && !variables(&v.node))
    {
        let fixed = block.operator.name.replace("Like", "Equals");
        cx.report(
            Check::LikeWithoutWildcard,
            block.operator.span,
            Some(statement),
            format!("`{}` is used without wildcards", block.operator.name),
            format!("without `*` or `?` it compares exactly; `{fixed}` says so more clearly"),
        )
        .suggest(Some(fixed));
    }
    if matches!(
        op.base,
        "StringEquals" | "StringNotEquals" | "StringEqualsIgnoreCase" | "StringNotEqualsIgnoreCase"
    ) {
        for value in entry
            .values
            .iter()
            .filter(|v| v.node.contains('*') && !variables(&v.node))
        {
            let fixed = block
                .operator
                .name
                .replace("Equals", "Like")
                .replace("IgnoreCase", "");
            cx.report(
                Check::WildcardInEquals,
                value.span,
                Some(statement),
                format!(
                    "`{}` treats `*` in `{}` as a literal character",
                    op.base, value.node
                ),
                format!("to match a pattern use `{fixed}`"),
            )
            .suggest(Some(fixed));
        }
    }
    // IAM User Guide, "AWS global condition context keys" > aws:MultiFactorAuthPresent: the key
    // is absent for long-term access keys, so a Deny with `Bool ... false` never matches them;
    // AWS recommends `BoolIfExists` for that deny.
    if statement.effect.node == Effect::Deny
        && op.base == "Bool"
        && !op.if_exists
        && entry
            .key
            .node
            .eq_ignore_ascii_case("aws:MultiFactorAuthPresent")
        && entry
            .values
            .iter()
            .any(|v| v.node.eq_ignore_ascii_case("false"))
    {
        cx.report(
            Check::MfaDenyWithoutIfExists,
            block.operator.span,
            Some(statement),
            "this deny does not apply to requests signed with long-term access keys, which carry no `aws:MultiFactorAuthPresent`".to_owned(),
            "use `BoolIfExists` so that requests without the key are denied too",
        )
        .suggest(Some("BoolIfExists".to_owned()));
    }
    // IAM User Guide, "Set operators for multivalued context keys": ForAllValues is true when
    // the key is absent or empty, so an Allow with it also allows requests without the key.
    if statement.effect.node == Effect::Allow
        && op.set == Some("ForAllValues")
        && !op.negated()
        && !has_null_check(statement, &entry.key.node)
    {
        cx.report(
            Check::ForAllValuesAllow,
            block.operator.span,
            Some(statement),
            format!(
                "`ForAllValues` also matches requests that carry no `{}` at all",
                entry.key.node
            ),
            format!(
                "add `\"Null\": {{\"{}\": \"false\"}}` so that the key must be present",
                entry.key.node
            ),
        );
    }
}

fn has_null_check(statement: &Statement, key: &str) -> bool {
    statement.condition.iter().any(|b| {
        b.operator.name == "Null"
            && b.entries.iter().any(|e| {
                e.key.node.eq_ignore_ascii_case(key) && e.values.iter().any(|v| v.node == "false")
            })
    })
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::InvalidDateValue,
        r#"A date condition value that is not a date.

Dates are ISO 8601, such as `2026-01-31T00:00:00Z`, or epoch seconds."#,
    ),
    (
        Check::InvalidIpValue,
        r#"An IP condition value that is not an address or a CIDR range.

Write an address or a range such as `203.0.113.0/24`."#,
    ),
    (
        Check::InvalidNumberValue,
        r#"A numeric condition value that is not a number."#,
    ),
    (
        Check::InvalidBoolValue,
        r#"A `Bool` or `Null` condition value other than `true` or `false`."#,
    ),
    (
        Check::InvalidArnValue,
        r#"An ARN condition value that is not an ARN."#,
    ),
    (
        Check::ForAllValuesAllow,
        r#"`ForAllValues` in an `Allow` statement with no check that the key is present.

`ForAllValues` also matches requests that carry no value for the key, so the statement
allows them. Add a `Null` condition that requires the key."#,
    ),
    (
        Check::LikeWithoutWildcard,
        r#"A `...Like` operator with a value that has no wildcard.

Without `*` or `?` it compares exactly; the `...Equals` operator says so more clearly."#,
    ),
    (
        Check::WildcardInEquals,
        r#"A wildcard in a value compared with an `...Equals` operator.

`StringEquals` and `ArnEquals` treat `*` as a literal character; use `StringLike` or `ArnLike`
to match a pattern."#,
    ),
    (
        Check::MfaDenyWithoutIfExists,
        r#"A deny on `aws:MultiFactorAuthPresent` with `Bool` instead of `BoolIfExists`.

Requests signed with long-term access keys carry no `aws:MultiFactorAuthPresent`, so a `Bool`
condition does not apply to them and they are not denied. Use `BoolIfExists`."#,
    ),
];
