//! Set operators: `ForAllValues:` and `ForAnyValue:` in front of any operator but Null.
//!
//! IAM User Guide, "Set operators for multivalued context keys": `ForAllValues` is true when
//! every request value satisfies the operator, and also when the key is absent or resolves to a
//! null dataset such as an empty string; `ForAnyValue` needs at least one value that satisfies
//! it and is false for an absent or empty key. A negated operator inside either applies per
//! request value: that value must match none of the policy values. On a single-valued key the
//! set is that one value ("Single-valued vs. multivalued context keys" warns this can be overly
//! permissive, which only makes sense if AWS evaluates it).

use super::evaluate::{satisfied_by, show_uncompared, Outcome, PolicyValue};
use super::operator::SetOperator;
use super::Operator;
use crate::context::ContextEntry;

pub(super) fn with_set(
    operator: &Operator,
    set: SetOperator,
    key: &str,
    entry: Option<&ContextEntry>,
    policies: &[PolicyValue],
    outcome: &mut Outcome,
) -> bool {
    let name = &operator.name;
    let values = entry.map_or(&[][..], |e| e.values.as_slice());
    let empty = values.is_empty() || values == [""];
    if empty {
        show_uncompared(policies, outcome);
        let state = if entry.is_none() {
            "is not in the request"
        } else {
            "has no values"
        };
        let matched = match set {
            SetOperator::ForAllValues => {
                outcome.note(format!(
                    "`{key}` {state}, and ForAllValues matches an empty set: there is no value \
                     that fails, so {name} matches (beware with Allow)."
                ));
                true
            }
            SetOperator::ForAnyValue if entry.is_none() && operator.if_exists => {
                outcome.note(format!(
                    "`{key}` is not in the request, so {name} matches: ...IfExists treats a \
                     missing key as a match."
                ));
                true
            }
            SetOperator::ForAnyValue => {
                outcome.note(format!(
                    "`{key}` {state}, and ForAnyValue needs at least one matching value, so \
                     {name} does not match."
                ));
                false
            }
        };
        return matched;
    }
    if entry.is_some_and(|e| !e.multivalued) {
        outcome.note(format!(
            "`{key}` is single-valued; a set operator treats it as a set of one value (the \
             guide advises against set operators on single-valued keys: they can be overly \
             permissive)."
        ));
    }
    if operator.base.negated() {
        outcome.note(format!(
            "With the negated {}, a request value passes when it matches none of the policy \
             values.",
            operator.base.name()
        ));
    }
    let results: Vec<bool> = values
        .iter()
        .map(|v| satisfied_by(operator.base, policies, v, outcome))
        .collect();
    match set {
        SetOperator::ForAllValues => results.iter().all(|r| *r),
        SetOperator::ForAnyValue => results.iter().any(|r| *r),
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::{check, Req::*};

    // IAM User Guide, "Set operators for multivalued context keys" and "Single-valued vs.
    // multivalued context keys".
    #[rustfmt::skip]
    #[test]
    fn set_operators_table() {
        check(&[
            ("ForAllValues:StringEquals", &["a", "b"], Many(&["a", "b"]), true, "ForAllValues: every request value is in the policy"),
            ("ForAllValues:StringEquals", &["a", "b"], Many(&["a", "c"]), false, "ForAllValues: `c` is not in the policy"),
            ("ForAllValues:StringEquals", &["a"], Absent, true, "ForAllValues: true when the key is absent"),
            ("ForAllValues:StringEquals", &["a"], Many(&[]), true, "ForAllValues: true for an empty set"),
            ("ForAllValues:StringEquals", &["a"], One(""), true, "ForAllValues: an empty string is a null dataset"),
            ("ForAnyValue:StringEquals", &["a", "b"], Many(&["c", "b"]), true, "ForAnyValue: one value matches"),
            ("ForAnyValue:StringEquals", &["a", "b"], Many(&["c", "d"]), false, "ForAnyValue: none matches"),
            ("ForAnyValue:StringEquals", &["a"], Absent, false, "ForAnyValue: false when the key is absent"),
            ("ForAnyValue:StringEquals", &["a"], Many(&[]), false, "ForAnyValue: false for an empty set"),
            ("ForAnyValue:StringEqualsIfExists", &["a"], Absent, true, "...IfExists: absent key is true"),
            ("ForAllValues:StringLike", &["team-*"], Many(&["team-a", "team-b"]), true, "ForAllValues with wildcards"),
            ("ForAllValues:StringNotEquals", &["admin"], Many(&["dev", "ops"]), true, "negated inside ForAllValues: no value is `admin`"),
            ("ForAllValues:StringNotEquals", &["admin"], Many(&["dev", "admin"]), false, "negated inside ForAllValues: `admin` present"),
            ("ForAnyValue:StringNotEquals", &["admin"], Many(&["dev", "admin"]), true, "negated inside ForAnyValue: `dev` is not `admin`"),
            ("ForAnyValue:StringNotEquals", &["admin"], Many(&["admin"]), false, "negated inside ForAnyValue: every value is `admin`"),
            ("ForAllValues:StringNotEquals", &["admin"], Absent, true, "ForAllValues: absent key is true even when negated"),
            ("ForAnyValue:StringNotEquals", &["admin"], Absent, false, "ForAnyValue: absent key is false even when negated"),
            ("ForAnyValue:StringEquals", &["a"], One("a"), true, "a set operator on a single-valued key: a set of one"),
            ("ForAllValues:NumericLessThan", &["10"], Many(&["1", "2"]), true, "set operators work for every family"),
            // The guide's own table in "Multivalued context key examples" > "Deny policy with
            // condition set operator ForAllValues".
            ("ForAllValues:StringNotLike", &["key1*"], Many(&["key1:legal"]), false, "examples: key1:legal does not match"),
            ("ForAllValues:StringNotLike", &["key1*"], Many(&["key1:hr", "key1:personnel"]), false, "examples: key1 tags do not match"),
            ("ForAllValues:StringNotLike", &["key1*"], Many(&["key2:audit"]), true, "examples: key2:audit matches"),
            ("ForAllValues:StringNotLike", &["key1*"], Absent, true, "examples: no aws:TagKeys matches"),
            ("StringEquals", &["a", "b"], Many(&["a", "b"]), false, "multivalued key without a set operator does not match"),
            ("StringNotEquals", &["x"], Many(&["a", "b"]), true, "multivalued key without a set operator: nothing matches, so NOR holds"),
            ("StringEquals", &["a"], Many(&["a"]), true, "a list of one value is compared as that value"),
        ]);
    }
}
