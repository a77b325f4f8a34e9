//! Condition keys checked against the AWS catalogue: unknown keys, keys the actions do not
//! support, operator/key type mismatches and set operators on single- or multivalued keys.

use super::check::Check;
use super::context::Context;
use crate::catalog::{Catalog, ConditionKeyRef, KeySource, KeyType};
use crate::condition::Family;
use crate::condition::OperatorName;
use crate::policy::{ConditionBlock, ConditionEntry, Statement};

/// Checking a service key against more actions than this would slow every keystroke; a
/// pattern that broad is reported by the wildcard checks anyway.
const MAX_ACTIONS_FOR_KEY_SUPPORT: usize = 400;

pub(super) fn check(cx: &mut Context<'_>, catalog: &Catalog, statement: &Statement) {
    for block in &statement.condition {
        let op = OperatorName::of(&block.operator);
        for entry in &block.entries {
            let Some(key) = known_key(cx, catalog, statement, entry) else {
                continue;
            };
            types(cx, statement, block, op, entry, &key);
            if !matches!(key.source, KeySource::Global { .. }) {
                support(cx, catalog, statement, entry);
            }
        }
    }
}

fn known_key<'c>(
    cx: &mut Context<'_>,
    catalog: &'c Catalog,
    statement: &Statement,
    entry: &ConditionEntry,
) -> Option<ConditionKeyRef<'c>> {
    let name = entry.key.node.as_str();
    if let Some(key) = catalog.condition_key(name) {
        return Some(key);
    }
    let prefix = name.split_once(':').map_or(name, |(p, _)| p);
    // Identity-provider keys (`token.actions.githubusercontent.com:sub`) are named after the
    // provider's host and are not in the catalogue.
    if prefix.contains('.') {
        return None;
    }
    let suggestion = catalog
        .suggest_condition_keys(name, 1)
        .first()
        .map(|k| k.name.to_owned());
    if prefix.eq_ignore_ascii_case("aws") {
        cx.report(
            Check::UnknownGlobalKey,
            entry.key.span,
            Some(statement),
            format!("`{name}` is not an AWS global condition key"),
            "a condition on a key that is never in the request never matches (or, negated, always matches)",
        )
        .suggest(suggestion);
    } else {
        cx.report(
            Check::UnknownServiceKey,
            entry.key.span,
            Some(statement),
            format!("`{name}` is not a condition key of any AWS service"),
            "condition keys are `service:KeyName`, as listed in the Service Authorization Reference",
        )
        .suggest(suggestion);
    }
    None
}

fn compatible(family: Family, key: KeyType) -> bool {
    match family {
        Family::Null => true,
        // IAM compares ARN keys with String operators too (they are text); the reverse does not
        // hold: ARN operators on a plain string key split it at colons.
        Family::String => matches!(key, KeyType::String | KeyType::Arn),
        Family::Arn => key == KeyType::Arn,
        Family::Numeric => key == KeyType::Numeric,
        Family::Date => key == KeyType::Date,
        Family::Bool => key == KeyType::Bool,
        Family::Binary => key == KeyType::Binary,
        Family::IpAddress => key == KeyType::IpAddress,
    }
}

fn types(
    cx: &mut Context<'_>,
    statement: &Statement,
    block: &ConditionBlock,
    op: OperatorName,
    entry: &ConditionEntry,
    key: &ConditionKeyRef<'_>,
) {
    let element = key.key_type.element();
    if !compatible(op.family(), element) {
        cx.report(
            Check::OperatorTypeMismatch,
            block.operator.span,
            Some(statement),
            format!(
                "`{}` is a {} key, but `{}` compares {}",
                entry.key.node,
                element,
                op.base,
                family_word(op.family())
            ),
            format!("use an operator for {element} values"),
        )
        .suggest(Some(operator_for(element).to_owned()));
    }
    let multivalued = key.key_type.is_multivalued();
    match (op.set, multivalued) {
        (Some("ForAllValues"), false) => {
            cx.report(
                Check::ForAllValuesSingleValued,
                block.operator.span,
                Some(statement),
                format!("`ForAllValues` on the single-valued key `{}`", entry.key.node),
                "`ForAllValues` also matches when the key is absent, which can allow more than meant; use the operator without the prefix",
            )
            .suggest(Some(block.operator.name.replacen("ForAllValues:", "", 1)));
        }
        (Some("ForAnyValue"), false) => {
            cx.report(
                Check::ForAnyValueSingleValued,
                block.operator.span,
                Some(statement),
                format!(
                    "`ForAnyValue` on the single-valued key `{}`",
                    entry.key.node
                ),
                "set operators are for multivalued keys; use the operator without the prefix",
            )
            .suggest(Some(block.operator.name.replacen("ForAnyValue:", "", 1)));
        }
        (None, true) if op.family() != Family::Null => {
            cx.report(
                Check::MultivaluedWithoutSet,
                block.operator.span,
                Some(statement),
                format!("`{}` can hold several values, and `{}` has no set operator", entry.key.node, block.operator.name),
                "say whether any value or every value must match: `ForAnyValue:` or `ForAllValues:` (IAM User Guide, Set operators for multivalued context keys)",
            )
            .suggest(Some(format!("ForAnyValue:{}", block.operator.name)));
        }
        _ => {}
    }
}

fn family_word(family: Family) -> &'static str {
    match family {
        Family::String => "strings",
        Family::Numeric => "numbers",
        Family::Date => "dates",
        Family::Bool => "booleans",
        Family::Binary => "binary values",
        Family::IpAddress => "IP addresses",
        Family::Arn => "ARNs",
        Family::Null => "presence",
    }
}

fn operator_for(key: KeyType) -> &'static str {
    match key {
        KeyType::Numeric => "NumericEquals",
        KeyType::Date => "DateGreaterThan",
        KeyType::Bool => "Bool",
        KeyType::IpAddress => "IpAddress",
        KeyType::Arn => "ArnLike",
        KeyType::Binary => "BinaryEquals",
        _ => "StringEquals",
    }
}

/// A service key none of the statement's actions supports never appears in their requests.
fn support(cx: &mut Context<'_>, catalog: &Catalog, statement: &Statement, entry: &ConditionEntry) {
    if statement.action.negated {
        return;
    }
    let mut actions = Vec::new();
    for pattern in &statement.action.values {
        if pattern.node == "*" {
            return;
        }
        actions.extend(catalog.expand(&pattern.node));
        if actions.len() > MAX_ACTIONS_FOR_KEY_SUPPORT {
            return;
        }
    }
    if actions.is_empty() {
        return;
    }
    let supported = actions
        .iter()
        .any(|a| catalog.action_supports_key(*a, &entry.key.node).is_some());
    if !supported {
        cx.report(
            Check::KeyNotSupported,
            entry.key.span,
            Some(statement),
            format!("none of the statement's actions supports `{}`", entry.key.node),
            "the key is never in these requests, so the condition never matches (a negated operator always does); check the action's condition keys in the Service Authorization Reference",
        );
    }
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::UnknownGlobalKey,
        r#"An `aws:` condition key that is not a global condition key.

A key that is never in the request never matches (and a negated operator always does); often
a typo."#,
    ),
    (
        Check::UnknownServiceKey,
        r#"A service condition key that no service defines.

Condition keys are `service:KeyName` as listed in the Service Authorization Reference; an
unknown one is never in the request."#,
    ),
    (
        Check::KeyNotSupported,
        r#"A condition key that none of the statement's actions supports.

The key is never in these requests, so the condition never matches (a negated operator always
does)."#,
    ),
    (
        Check::OperatorTypeMismatch,
        r#"An operator of the wrong type for its key.

A date key needs a `Date` operator, an IP key `IpAddress`, and so on; a mismatched operator
does not compare the way it reads."#,
    ),
    (
        Check::ForAllValuesSingleValued,
        r#"`ForAllValues` on a single-valued key.

`ForAllValues` is true when the key is absent from the request, so on a single-valued key it
can allow more than meant. Use the operator without the prefix."#,
    ),
    (
        Check::ForAnyValueSingleValued,
        r#"`ForAnyValue` on a single-valued key.

Set operators are for multivalued keys; on a single-valued key the plain operator says the
same thing more clearly."#,
    ),
    (
        Check::MultivaluedWithoutSet,
        r#"A multivalued key compared without a set operator.

Say whether any value or every value of the request must match: `ForAnyValue:` or
`ForAllValues:`."#,
    ),
];
