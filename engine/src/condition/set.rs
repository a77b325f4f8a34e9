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
use super::index::PolicyIndex;
use super::operator::SetOperator;
use super::{Operator, ValueComparison};
use crate::context::ContextEntry;
use crate::sink::Sink;
use std::collections::HashSet;

/// Up to this many request value × policy value pairs, every pair is compared and shown.
const COMPARE_ONE_BY_ONE: usize = 64;

pub(super) fn with_set<S: Sink>(
    operator: &Operator,
    set: SetOperator,
    key: &str,
    entry: Option<&ContextEntry>,
    policies: &[PolicyValue],
    outcome: &mut Outcome<S>,
) -> bool {
    let name = &operator.name;
    let values = entry.map_or(&[][..], |e| &e.values[..]);
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
                outcome.note(|| {
                    format!(
                    "`{key}` {state}, and ForAllValues matches an empty set: there is no value \
                     that fails, so {name} matches (beware with Allow)."
                )
                });
                true
            }
            SetOperator::ForAnyValue if entry.is_none() && operator.if_exists => {
                outcome.note(|| {
                    format!(
                        "`{key}` is not in the request, so {name} matches: ...IfExists treats a \
                     missing key as a match."
                    )
                });
                true
            }
            SetOperator::ForAnyValue => {
                outcome.note(|| {
                    format!(
                        "`{key}` {state}, and ForAnyValue needs at least one matching value, so \
                     {name} does not match."
                    )
                });
                false
            }
        };
        return matched;
    }
    if entry.is_some_and(|e| !e.multivalued) {
        outcome.note(|| {
            format!(
                "`{key}` is single-valued; a set operator treats it as a set of one value (the \
             guide advises against set operators on single-valued keys: they can be overly \
             permissive)."
            )
        });
    }
    if operator.base.negated() {
        outcome.note(|| {
            format!(
                "With the negated {}, a request value passes when it matches none of the policy \
             values.",
                operator.base.name()
            )
        });
    }
    let settles = |holds: bool| match set {
        SetOperator::ForAllValues => !holds,
        SetOperator::ForAnyValue => holds,
    };
    // Many values on both sides: compile the policy values once, look each request value up
    // instead of comparing it with every policy value, and skip repeated request values (they
    // give the same answer).
    let large = values.len().saturating_mul(policies.len()) > COMPARE_ONE_BY_ONE;
    let index = large.then(|| PolicyIndex::new(operator.base, policies));
    let mut seen = HashSet::new();
    let mut unmatched = 0usize;
    let mut settled_at = None;
    for (position, value) in values.iter().enumerate() {
        let holds = match &index {
            None => satisfied_by(operator.base, policies, value, outcome),
            Some(_) if !seen.insert(value.as_str()) => continue,
            Some(index) => {
                let found = index.find(value);
                match found {
                    Some(policy_index) => outcome.compared(|| ValueComparison {
                        policy_index,
                        policy_value: policies[policy_index].text().to_owned(),
                        request_value: Some(value.clone()),
                        matched: true,
                        problem: None,
                    }),
                    None => unmatched += 1,
                }
                found.is_some() != operator.base.negated()
            }
        };
        // The first value that settles the set operator ends the work.
        if settles(holds) {
            settled_at = Some(position);
            break;
        }
    }
    if unmatched > 0 {
        outcome.note(|| {
            format!(
                "{unmatched} distinct request value(s) matched none of the {} policy values.",
                policies.len()
            )
        });
    }
    if let Some(position) = settled_at {
        let rest = values.len() - position - 1;
        if rest > 0 {
            outcome.note(|| {
                format!(
                    "Request value {} of {} settles {name}, so the other {rest} were not compared.",
                    position + 1,
                    values.len()
                )
            });
        }
    }
    match set {
        SetOperator::ForAllValues => settled_at.is_none(),
        SetOperator::ForAnyValue => settled_at.is_some(),
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
