//! The policy values of one condition compiled once, for comparing many request values.
//!
//! A set operator compares every request value with every policy value: 20,000 tag keys
//! against 2,000 patterns would be 40 million comparisons. Identical policy values are kept
//! once, and for the string operators plain text is looked up in a hash map and wildcard
//! patterns are looked up by the text before their first wildcard, so each request value is
//! compared only with the patterns that can match it. What remains (patterns that start with a
//! wildcard, other operator families) is compared in order, stopping at the first match.

use super::evaluate::{compare, PolicyValue};
use super::operator::{BaseOperator, Family};
use std::collections::{HashMap, HashSet};

pub(super) struct PolicyIndex<'p> {
    base: BaseOperator,
    policies: &'p [PolicyValue],
    ignore_case: bool,
    /// Plain-text policy values (ASCII-lowercased for the IgnoreCase operators): first index.
    exact: HashMap<String, usize>,
    /// Wildcard patterns by the text before their first wildcard.
    by_prefix: HashMap<String, Vec<usize>>,
    /// The distinct prefix lengths in `by_prefix`, in characters, ascending.
    prefix_lengths: Vec<usize>,
    /// Policy values compared one by one with every request value, in policy order.
    scan: Vec<usize>,
    /// Plain-text values that the ASCII map cannot look up for a non-ASCII request value.
    exact_in_order: Vec<usize>,
}

impl<'p> PolicyIndex<'p> {
    pub(super) fn new(base: BaseOperator, policies: &'p [PolicyValue]) -> Self {
        let ignore_case = matches!(
            base,
            BaseOperator::StringEqualsIgnoreCase | BaseOperator::StringNotEqualsIgnoreCase
        );
        let mut index = PolicyIndex {
            base,
            policies,
            ignore_case,
            exact: HashMap::new(),
            by_prefix: HashMap::new(),
            prefix_lengths: Vec::new(),
            scan: Vec::new(),
            exact_in_order: Vec::new(),
        };
        let mut seen = HashSet::new();
        let mut lengths = HashSet::new();
        for (position, policy) in policies.iter().enumerate() {
            // A variable without a value matches nothing: nothing to look up.
            let PolicyValue::Ready(pattern) = policy else {
                continue;
            };
            // The text too: values of the operators that read only text have no tokens.
            if !seen.insert((pattern.tokens(), pattern.text())) {
                continue;
            }
            if base.family() != Family::String {
                index.scan.push(position);
                continue;
            }
            let (prefix, wildcard) = pattern.literal_prefix();
            match (wildcard, ignore_case) {
                (false, false) => {
                    index.exact.entry(prefix).or_insert(position);
                    index.exact_in_order.push(position);
                }
                // Case folding beyond ASCII is per character and not a plain lowercase, so
                // only ASCII text goes into the map.
                (false, true) if prefix.is_ascii() => {
                    index
                        .exact
                        .entry(prefix.to_ascii_lowercase())
                        .or_insert(position);
                    index.exact_in_order.push(position);
                }
                (true, false) if !prefix.is_empty() => {
                    lengths.insert(prefix.chars().count());
                    index.by_prefix.entry(prefix).or_default().push(position);
                }
                _ => index.scan.push(position),
            }
        }
        index.prefix_lengths = lengths.into_iter().collect();
        index.prefix_lengths.sort_unstable();
        index
    }

    /// The position of a policy value whose comparison with `request` holds (before any
    /// negation), if there is one. Comparisons that cannot be made (not a number...) do not
    /// hold, as in the one-by-one comparison.
    pub(super) fn find(&self, request: &str) -> Option<usize> {
        let holds = |position: &usize| match &self.policies[*position] {
            PolicyValue::Ready(pattern) => compare(self.base, pattern, request) == Ok(true),
            PolicyValue::Unresolved { .. } => false,
        };
        if self.ignore_case && !request.is_ascii() {
            // A non-ASCII letter may fold onto an ASCII one (the Kelvin sign and `k`).
            if let Some(found) = self.exact_in_order.iter().find(|p| holds(p)) {
                return Some(*found);
            }
        } else {
            let key = if self.ignore_case {
                request.to_ascii_lowercase()
            } else {
                request.to_owned()
            };
            if let Some(found) = self.exact.get(&key) {
                return Some(*found);
            }
        }
        if !self.prefix_lengths.is_empty() {
            let mut lengths = self.prefix_lengths.iter().peekable();
            let ends = request
                .char_indices()
                .map(|(offset, _)| offset)
                .skip(1)
                .chain([request.len()]);
            for (count, end) in ends.enumerate() {
                let Some(&&wanted) = lengths.peek() else {
                    break;
                };
                if count + 1 < wanted {
                    continue;
                }
                lengths.next();
                let candidates = self.by_prefix.get(&request[..end]).into_iter().flatten();
                if let Some(found) = candidates.into_iter().find(|p| holds(p)) {
                    return Some(*found);
                }
            }
        }
        self.scan.iter().find(|p| holds(p)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::super::evaluate::PolicyValue;
    use super::super::operator::BaseOperator;
    use super::PolicyIndex;
    use crate::matching::Pattern;

    fn values(base: BaseOperator, texts: &[&str]) -> Vec<PolicyValue> {
        texts
            .iter()
            .map(|t| {
                PolicyValue::Ready(if base.wildcards() {
                    Pattern::wildcard(t)
                } else {
                    Pattern::literal(t)
                })
            })
            .collect()
    }

    /// The index must find a match exactly when comparing one by one finds one.
    fn agrees(base: BaseOperator, policies: &[&str], requests: &[&str]) {
        let compiled = values(base, policies);
        let index = PolicyIndex::new(base, &compiled);
        for request in requests {
            let one_by_one = compiled.iter().position(|p| match p {
                PolicyValue::Ready(pattern) => {
                    super::super::evaluate::compare(base, pattern, request) == Ok(true)
                }
                PolicyValue::Unresolved { .. } => false,
            });
            let found = index.find(request);
            assert_eq!(
                found.is_some(),
                one_by_one.is_some(),
                "{base:?} {policies:?} against `{request}`"
            );
            if let Some(position) = found {
                let PolicyValue::Ready(pattern) = &compiled[position] else {
                    panic!("an unresolved value cannot match");
                };
                assert_eq!(
                    super::super::evaluate::compare(base, pattern, request),
                    Ok(true)
                );
            }
        }
    }

    #[test]
    fn lookups_agree_with_comparing_one_by_one() {
        let patterns = [
            "", "a", "ab", "a*", "ab*", "a?c", "*b", "*", "?", "é*", "éa", "AB", "a*b*", "abc",
        ];
        let requests = [
            "", "a", "ab", "abc", "AB", "aB", "b", "éa", "éab", "ÉA", "\u{212a}", "k", "xyz",
        ];
        for base in [
            BaseOperator::StringEquals,
            BaseOperator::StringNotEquals,
            BaseOperator::StringEqualsIgnoreCase,
            BaseOperator::StringLike,
            BaseOperator::StringNotLike,
            BaseOperator::ArnLike,
        ] {
            for size in 1..=patterns.len() {
                agrees(base, &patterns[..size], &requests);
                agrees(base, &patterns[size - 1..], &requests);
            }
        }
        agrees(
            BaseOperator::StringEqualsIgnoreCase,
            &["k", "é"],
            &["\u{212a}", "É"],
        );
        agrees(
            BaseOperator::NumericLessThan,
            &["x", "3", "10"],
            &["5", "11", "y"],
        );
    }

    #[test]
    fn duplicates_are_kept_once_and_the_first_position_is_found() {
        let base = BaseOperator::StringLike;
        let compiled = values(base, &["team-*", "team-*", "x", "x"]);
        let index = PolicyIndex::new(base, &compiled);
        assert_eq!(index.find("team-a"), Some(0));
        assert_eq!(index.find("x"), Some(2));
        assert_eq!(index.by_prefix["team-"], [0]);
    }
}
