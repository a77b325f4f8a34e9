//! The rules shared by every operator family, from the IAM User Guide:
//! - "IAM JSON policy elements: Condition operators" (Important box): a key absent from the
//!   request makes a positive operator false and a negated one (`StringNotLike`, `ArnNotLike`)
//!   true; `...IfExists` makes an absent key true; `Null` tests presence itself.
//! - "Conditions with multiple context keys or values": OR across the values of one key, NOR
//!   for a negated operator.
//! - "Set operators for multivalued context keys": `ForAllValues` is true when every request
//!   value matches, and also when the key is absent or resolves to an empty set (an empty
//!   string counts as empty); `ForAnyValue` needs one matching value and is false for an absent
//!   or empty key.
//! - "Single-valued vs. multivalued context keys": multivalued keys require a set operator. The
//!   guide gives no meaning to a plain operator on a key with several values; AWS has been
//!   observed to match nothing then (`StringEquals` on a two-service `aws:CalledVia` denied,
//!   `ForAnyValue:StringEquals` allowed: boogy/iam-policy-validator#161). We pin that: no policy
//!   value matches, so positive operators fail and negated ones (NOR) hold. A list of exactly
//!   one value is compared as that value. A set operator on a single-valued key treats it as a
//!   set of one value, which is why the guide warns it can be overly permissive.
//! - "IAM policy elements: Variables and tags" > "Policy variables with no value": a variable
//!   with no value matches nothing, so positive operators fail and negated ones hold.

use super::operator::{BaseOperator, Family};
use super::{
    arn, binary, boolean, date, ip, numeric, string, KeyOutcome, Operator, ValueComparison,
};
use crate::context::{ContextEntry, RequestContext};
use crate::limits::SHOWN_VALUES;
use crate::matching::{substitute, Pattern, ResolvedVariable, UnresolvedVariable};
use crate::sink::{Record, Sink};
use std::marker::PhantomData;

/// A policy value ready to compare.
pub(super) enum PolicyValue {
    Ready(Pattern),
    Unresolved {
        written: String,
        variable: UnresolvedVariable,
    },
}

impl PolicyValue {
    /// The value as it will be shown: after substitution, or as written when unresolved.
    pub(super) fn text(&self) -> &str {
        match self {
            PolicyValue::Ready(pattern) => pattern.text(),
            PolicyValue::Unresolved { written, .. } => written,
        }
    }
}

/// Collects what the outcome will show while comparing; with a silent sink, nothing. At most
/// [`SHOWN_VALUES`] comparisons are kept; the others are counted.
pub(super) struct Outcome<S> {
    comparisons: Vec<ValueComparison>,
    comparisons_omitted: usize,
    notes: Vec<String>,
    sink: PhantomData<S>,
}

impl<S: Sink> Outcome<S> {
    /// Adds a sentence once, starting it with a capital letter so notes read well together.
    pub(super) fn note(&mut self, make: impl FnOnce() -> String) {
        if !S::RECORDS {
            return;
        }
        let text = make();
        let mut chars = text.chars();
        let sentence = match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => return,
        };
        if !self.notes.contains(&sentence) {
            self.notes.push(sentence);
        }
    }

    pub(super) fn compared(&mut self, make: impl FnOnce() -> ValueComparison) {
        if self.comparisons.len() < SHOWN_VALUES {
            S::push(&mut self.comparisons, make);
        } else if S::RECORDS {
            self.comparisons_omitted += 1;
        }
    }
}

/// Evaluates one key of a condition block. `policy_values` are the values as written (numbers
/// and booleans already turned into their text); `variables` is false under Version 2008-10-17.
pub fn evaluate(
    operator: &Operator,
    key: &str,
    policy_values: &[String],
    ctx: &RequestContext,
    variables: bool,
) -> KeyOutcome {
    evaluate_with::<Record, _>(operator, key, policy_values, ctx, variables)
}

/// [`evaluate`] for the evaluator: the policy values as parsed, the explanation kept or not.
pub(crate) fn evaluate_with<S: Sink, V: AsRef<str>>(
    operator: &Operator,
    key: &str,
    policy_values: &[V],
    ctx: &RequestContext,
    variables: bool,
) -> KeyOutcome {
    let entry = ctx.get(key);
    let mut outcome = Outcome::<S> {
        comparisons: Vec::new(),
        comparisons_omitted: 0,
        notes: Vec::new(),
        sink: PhantomData,
    };
    let mut resolved = Vec::new();
    let matched = if operator.base == BaseOperator::Null {
        super::null::evaluate(key, entry, policy_values, &mut outcome)
    } else {
        let policies: Vec<PolicyValue> = policy_values
            .iter()
            .map(|raw| prepare::<S>(operator.base, raw.as_ref(), ctx, variables, &mut resolved))
            .collect();
        if policies.is_empty() {
            outcome
                .note(|| "the policy lists no values for this key, so no value can match.".into());
        }
        match operator.set {
            None => plain(operator, key, entry, &policies, &mut outcome),
            Some(set) => super::set::with_set(operator, set, key, entry, &policies, &mut outcome),
        }
    };
    KeyOutcome {
        matched,
        operator: S::text(|| operator.name.clone()),
        key: S::text(|| key.to_owned()),
        request_values: entry
            .and_then(|e| S::keep(|| e.values.iter().take(SHOWN_VALUES).cloned().collect())),
        request_values_omitted: entry.map_or(0, |e| {
            if S::RECORDS {
                e.values.len().saturating_sub(SHOWN_VALUES)
            } else {
                0
            }
        }),
        comparisons: outcome.comparisons,
        comparisons_omitted: outcome.comparisons_omitted,
        variables: resolved,
        note: (!outcome.notes.is_empty()).then(|| outcome.notes.join(" ")),
    }
}

fn prepare<S: Sink>(
    base: BaseOperator,
    raw: &str,
    ctx: &RequestContext,
    variables: bool,
    resolved: &mut Vec<ResolvedVariable>,
) -> PolicyValue {
    if matches!(
        base.family(),
        Family::Numeric | Family::Date | Family::Binary | Family::IpAddress
    ) {
        // `compare` reads only the text of these (and they take no variables).
        return PolicyValue::Ready(Pattern::text_only(raw));
    }
    if !(variables && base.supports_variables()) {
        return PolicyValue::Ready(if base.wildcards() {
            Pattern::wildcard(raw)
        } else {
            Pattern::literal(raw)
        });
    }
    match substitute(raw, ctx, base.wildcards()) {
        Ok(substituted) => {
            for variable in substituted.variables {
                if S::RECORDS && !resolved.contains(&variable) {
                    resolved.push(variable);
                }
            }
            PolicyValue::Ready(substituted.pattern)
        }
        Err(variable) => PolicyValue::Unresolved {
            written: raw.to_owned(),
            variable,
        },
    }
}

pub(super) fn compare(base: BaseOperator, policy: &Pattern, request: &str) -> Result<bool, String> {
    match base.family() {
        Family::String => string::compare(base, policy, request),
        Family::Numeric => numeric::compare(base, policy.text(), request),
        Family::Date => date::compare(base, policy.text(), request),
        Family::Bool => boolean::compare(policy, request),
        Family::Binary => binary::compare(policy.text(), request),
        Family::IpAddress => ip::compare(policy.text(), request),
        Family::Arn => arn::compare(policy, request),
        Family::Null => Ok(false),
    }
}

fn unresolved_problem(variable: &UnresolvedVariable) -> String {
    if variable.multivalued {
        format!(
            "`{}` is multivalued and cannot be used as a policy variable",
            variable.name
        )
    } else {
        format!("`${{{}}}` has no value in this request", variable.name)
    }
}

/// Compares one request value with every policy value: whether the operator holds for it.
pub(super) fn satisfied_by<S: Sink>(
    base: BaseOperator,
    policies: &[PolicyValue],
    request: &str,
    outcome: &mut Outcome<S>,
) -> bool {
    let mut any = false;
    for (policy_index, policy) in policies.iter().enumerate() {
        let (policy_value, result) = match policy {
            PolicyValue::Ready(pattern) => (pattern.text(), compare(base, pattern, request)),
            PolicyValue::Unresolved { written, variable } => {
                (written.as_str(), Err(unresolved_problem(variable)))
            }
        };
        let (matched, problem) = match result {
            Ok(matched) => (matched, None),
            Err(problem) => {
                outcome.note(|| format!("{problem}, so that comparison cannot hold."));
                (false, Some(problem))
            }
        };
        any |= matched;
        outcome.compared(|| ValueComparison {
            policy_index,
            policy_value: policy_value.to_owned(),
            request_value: Some(request.to_owned()),
            matched,
            problem,
        });
        // Without an explanation, one matching policy value settles it (OR, or NOR).
        if !S::RECORDS && any {
            break;
        }
    }
    any != base.negated()
}

/// Lists the policy values when there is no request value to compare them with.
pub(super) fn show_uncompared<S: Sink>(policies: &[PolicyValue], outcome: &mut Outcome<S>) {
    if !S::RECORDS {
        return;
    }
    for (policy_index, policy) in policies.iter().enumerate() {
        let (policy_value, problem) = match policy {
            PolicyValue::Ready(pattern) => (pattern.text().to_owned(), None),
            PolicyValue::Unresolved { written, variable } => {
                (written.clone(), Some(unresolved_problem(variable)))
            }
        };
        outcome.compared(|| ValueComparison {
            policy_index,
            policy_value,
            request_value: None,
            matched: false,
            problem,
        });
    }
}

fn plain<S: Sink>(
    operator: &Operator,
    key: &str,
    entry: Option<&ContextEntry>,
    policies: &[PolicyValue],
    outcome: &mut Outcome<S>,
) -> bool {
    let name = &operator.name;
    let values = entry.map_or(&[][..], |e| &e.values[..]);
    match values {
        [] => {
            show_uncompared(policies, outcome);
            let (matched, why) = if operator.if_exists {
                (true, "...IfExists treats a missing key as a match")
            } else if operator.base.negated() {
                (true, "a negated operator matches when the key is missing")
            } else {
                (false, "a missing key never matches a positive operator")
            };
            let verdict = if matched { "matches" } else { "does not match" };
            outcome.note(|| format!("`{key}` is not in the request, so {name} {verdict}: {why}."));
            matched
        }
        [single] => satisfied_by(operator.base, policies, single, outcome),
        _ => {
            // No single value to compare: no policy value matches, so a positive operator
            // fails and a negated one (NOR over no matches) holds.
            show_uncompared(policies, outcome);
            let matched = operator.base.negated();
            let verdict = if matched {
                "matches (a negated operator holds when nothing matches)"
            } else {
                "does not match"
            };
            outcome.note(|| {
                format!(
                    "`{key}` has {} values in the request; a multivalued key needs a set operator \
                 (ForAnyValue:{base} or ForAllValues:{base}). Compared without one, no policy \
                 value matches, so {name} {verdict}.",
                    values.len(),
                    base = operator.base.name(),
                )
            });
            matched
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::{check, Req::*};
    use super::super::{evaluate, parse_operator};
    use crate::context::RequestContext;

    // IAM User Guide, "IAM JSON policy elements: Condition operators" (Important box) and
    // "...IfExists" / "Condition operator to check existence of condition keys".
    #[rustfmt::skip]
    #[test]
    fn absent_keys_table() {
        check(&[
            ("StringEquals", &["a"], Absent, false, "absent key: positive operator is false"),
            ("StringLike", &["*"], Absent, false, "absent key: even `*` does not match"),
            ("StringNotLike", &["a*"], Absent, true, "absent key: negated operator is true"),
            ("StringNotEquals", &["a"], Absent, true, "absent key: negated operator is true"),
            ("NumericLessThan", &["5"], Absent, false, "absent key: positive operator is false"),
            ("DateNotEquals", &["2024-01-01"], Absent, true, "absent key: negated operator is true"),
            ("StringEqualsIfExists", &["a"], Absent, true, "...IfExists: absent key is true"),
            ("StringEqualsIfExists", &["a"], One("b"), false, "...IfExists: present key is compared"),
            ("StringNotEqualsIfExists", &["a"], One("a"), false, "...IfExists: present key is compared"),
        ]);
    }

    fn ctx() -> RequestContext {
        let mut ctx = RequestContext::new();
        ctx.insert_single("aws:username", "alice");
        ctx.insert_single("aws:PrincipalTag/team", "ops*");
        ctx.insert_single("s3:prefix", "home/alice/docs");
        ctx.insert_single("aws:ResourceTag/team", "ops*");
        ctx
    }

    fn run(op: &str, key: &str, values: &[&str], variables: bool) -> super::KeyOutcome {
        let op = parse_operator(op).expect("valid operator");
        let values: Vec<String> = values.iter().map(|v| (*v).to_owned()).collect();
        evaluate(&op, key, &values, &ctx(), variables)
    }

    // IAM User Guide, Variables and tags: variables in condition values; the policy's own `*`
    // stays a wildcard for StringLike while the substituted value is literal.
    #[test]
    fn variables_in_condition_values() {
        let outcome = run("StringLike", "s3:prefix", &["home/${aws:username}/*"], true);
        assert!(outcome.matched);
        assert_eq!(outcome.comparisons[0].policy_value, "home/alice/*");
        assert_eq!(outcome.variables[0].name, "aws:username");
        assert_eq!(outcome.variables[0].value, "alice");

        // StringEquals compares literally: the policy's `*` is a character.
        assert!(
            !run(
                "StringEquals",
                "s3:prefix",
                &["home/${aws:username}/*"],
                true
            )
            .matched
        );
        // A `*` inside a tag value is literal, even under StringLike.
        assert!(
            run(
                "StringLike",
                "aws:ResourceTag/team",
                &["${aws:PrincipalTag/team}"],
                true
            )
            .matched
        );
        assert!(
            !run(
                "StringLike",
                "s3:prefix",
                &["${aws:PrincipalTag/team}"],
                true
            )
            .matched
        );
    }

    // IAM User Guide, Variables and tags > Policy variables with no value: positive operators
    // do not match, negated operators do.
    #[test]
    fn unresolved_variables_match_nothing() {
        let outcome = run(
            "StringEquals",
            "s3:prefix",
            &["${aws:PrincipalTag/dept}"],
            true,
        );
        assert!(!outcome.matched);
        let problem = outcome.comparisons[0]
            .problem
            .as_deref()
            .expect("problem reported");
        assert!(problem.contains("aws:PrincipalTag/dept"), "{problem}");
        assert!(
            run(
                "StringNotEquals",
                "s3:prefix",
                &["${aws:PrincipalTag/dept}"],
                true
            )
            .matched
        );
        // Another value can still match.
        assert!(
            run(
                "StringEquals",
                "aws:username",
                &["${aws:PrincipalTag/dept}", "alice"],
                true
            )
            .matched
        );
    }

    // IAM User Guide, "IAM JSON policy elements: Version": under 2008-10-17 `${...}` is text.
    #[test]
    fn no_variables_under_version_2008() {
        assert!(!run("StringEquals", "aws:username", &["${aws:username}"], false).matched);
        let outcome = run(
            "StringLike",
            "s3:prefix",
            &["home/${aws:username}/*"],
            false,
        );
        assert!(!outcome.matched);
        assert!(outcome.variables.is_empty());
    }

    // Each family's "Policy variables" line: Numeric does not support them.
    #[test]
    fn numeric_values_take_no_variables() {
        let mut ctx = RequestContext::new();
        ctx.insert_single("k", "5");
        ctx.insert_single("limit", "5");
        let op = parse_operator("NumericEquals").expect("valid");
        let outcome = evaluate(&op, "k", &["${limit}".to_owned()], &ctx, true);
        assert!(!outcome.matched);
        assert!(outcome.variables.is_empty());
    }

    #[test]
    fn keys_are_case_insensitive() {
        assert!(run("StringEquals", "AWS:USERNAME", &["alice"], true).matched);
    }

    #[test]
    fn outcomes_explain_themselves() {
        let outcome = run("StringEqualsIfExists", "aws:SourceVpc", &["vpc-1"], true);
        assert!(outcome.matched);
        assert_eq!(outcome.request_values, None);
        assert!(outcome
            .note
            .as_deref()
            .is_some_and(|n| n.contains("IfExists")));
        assert_eq!(outcome.comparisons[0].policy_value, "vpc-1");

        let outcome = run("NumericLessThan", "aws:username", &["3"], true);
        assert!(!outcome.matched);
        assert!(outcome
            .note
            .as_deref()
            .is_some_and(|n| n.contains("`alice` is not a number")));

        let outcome = run("StringEquals", "aws:username", &["bob", "alice"], true);
        assert_eq!(outcome.request_values, Some(vec!["alice".to_owned()]));
        let matched: Vec<bool> = outcome.comparisons.iter().map(|c| c.matched).collect();
        assert_eq!(matched, [false, true]);

        // One comparison per request value and policy value, each naming its policy value.
        let mut ctx = RequestContext::new();
        ctx.insert_multi("aws:TagKeys", vec!["a".into(), "b".into()]);
        let op = parse_operator("ForAllValues:StringEquals").expect("valid");
        let outcome = evaluate(&op, "aws:TagKeys", &["b".into(), "a".into()], &ctx, true);
        assert!(outcome.matched);
        let pairs: Vec<(usize, Option<&str>, bool)> = outcome
            .comparisons
            .iter()
            .map(|c| (c.policy_index, c.request_value.as_deref(), c.matched))
            .collect();
        assert_eq!(
            pairs,
            [
                (0, Some("a"), false),
                (1, Some("a"), true),
                (0, Some("b"), true),
                (1, Some("b"), false)
            ]
        );
        assert_eq!(outcome.note, None);
    }
}
