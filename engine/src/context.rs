//! The request context: condition keys and their values, as the evaluator sees them.

use std::borrow::Cow;
use std::cmp::Ordering;

/// One key of the request context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextEntry {
    /// The key as the request spelled it (condition keys are case-insensitive, but explanations
    /// should show what the author wrote). Keys AWS derives are static texts, not copies.
    pub key: Cow<'static, str>,
    pub values: ContextValues,
    /// A key given as a list is multivalued (`aws:TagKeys`); set operators treat it as a set.
    pub multivalued: bool,
    /// Who put the key in the request.
    pub source: KeySource,
}

/// The values of a context key: one, kept inline as nearly every key has it, or a list. Reads
/// as a slice either way (`Deref<Target = [String]>`); a key given as a list of one value and
/// one given as that value have equal values (whether it is multivalued is
/// [`ContextEntry::multivalued`]).
#[derive(Debug, Clone, Eq)]
pub enum ContextValues {
    One(String),
    List(Vec<String>),
}

impl std::ops::Deref for ContextValues {
    type Target = [String];

    fn deref(&self) -> &[String] {
        match self {
            ContextValues::One(value) => std::slice::from_ref(value),
            ContextValues::List(values) => values,
        }
    }
}

impl<'a> IntoIterator for &'a ContextValues {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for ContextValues {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

/// Where a context value comes from: the request as written, or the evaluator filling in what
/// AWS always sets for this caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum KeySource {
    /// Given by the request (or the person trying values).
    Request,
    /// Set by AWS for this caller, with the value AWS would set (`aws:username` from the ARN).
    Aws,
    /// Set by AWS for this caller, but AWS's value cannot be known from the request (a unique
    /// ID such as `AIDA…`): the value here is an invented stand-in of the right shape.
    StandIn,
}

/// Condition keys of a request. Keys compare case-insensitively, as AWS documents for condition
/// key names; values keep their case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestContext {
    /// Sorted by key compared case-insensitively, at most one entry per key: a request has a
    /// handful of keys, and a sorted list needs no lowercased copy of each.
    entries: Vec<ContextEntry>,
}

/// The order of `a` and `b` lowercased (ASCII), without lowering either.
fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    for (x, y) in a.bytes().zip(b.bytes()) {
        if x != y {
            let order = x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase());
            if order.is_ne() {
                return order;
            }
        }
    }
    a.len().cmp(&b.len())
}

/// `entries` sorted by key (case-insensitively), keeping the last of the entries for one key.
/// A small merge sort rather than the standard library's stable sort, whose code for this one
/// element type added about 5 KB to the wasm. A request's few keys are sorted in place.
fn sorted_last_wins(mut entries: Vec<ContextEntry>) -> Vec<ContextEntry> {
    if entries.len() <= 16 {
        // Insertion sort: stable, so entries for one key stay in the order given.
        for i in 1..entries.len() {
            let mut at = i;
            while at > 0 && cmp_ignore_case(&entries[at - 1].key, &entries[at].key).is_gt() {
                entries.swap(at - 1, at);
                at -= 1;
            }
        }
        // `dedup_by` removes the later of two equal neighbours: keep its contents instead.
        entries.dedup_by(|later, kept| {
            let same = cmp_ignore_case(&later.key, &kept.key).is_eq();
            if same {
                std::mem::swap(later, kept);
            }
            same
        });
        return entries;
    }
    let later = sorted_last_wins(entries.split_off(entries.len() / 2));
    let earlier = sorted_last_wins(entries);
    let mut merged = Vec::with_capacity(earlier.len() + later.len());
    let mut later = later.into_iter();
    let mut next_later = later.next();
    for entry in earlier {
        // Later entries with keys before this one's go first; one with the same key replaces it.
        let mut replaced = false;
        while let Some(other) = next_later.take() {
            let order = cmp_ignore_case(&other.key, &entry.key);
            if order.is_lt() {
                merged.push(other);
                next_later = later.next();
            } else {
                replaced = order.is_eq();
                next_later = Some(other);
                break;
            }
        }
        if !replaced {
            merged.push(entry);
        }
    }
    if let Some(other) = next_later {
        merged.push(other);
    }
    merged.extend(later);
    merged
}

impl RequestContext {
    pub fn new() -> Self {
        Self::default()
    }

    /// A context of `entries` given in order: a later entry for a key replaces an earlier one,
    /// as with [`RequestContext::insert_single`]. Sorted once, so that a request with thousands
    /// of keys is not built by thousands of insertions into the middle of the list.
    pub fn from_entries(entries: Vec<ContextEntry>) -> RequestContext {
        RequestContext {
            entries: sorted_last_wins(entries),
        }
    }

    /// Sets a single-valued key, replacing any earlier value.
    pub fn insert_single(&mut self, key: &str, value: impl Into<String>) {
        let values = ContextValues::One(value.into());
        self.insert(key, values, false, KeySource::Request);
    }

    /// Sets a multivalued key, replacing any earlier values.
    pub fn insert_multi(&mut self, key: &str, values: Vec<String>) {
        self.insert(key, ContextValues::List(values), true, KeySource::Request);
    }

    /// Adds single-valued keys AWS sets for the caller, `(key, value, source)`, except those the
    /// request gave: derived keys never override given ones (compared case-insensitively); a key
    /// without a value is left out. `defaults` come in the context's order, so one forward pass
    /// over the given keys places them all, instead of a binary search for each (this runs for
    /// every case read).
    pub fn add_defaults<const N: usize>(
        &mut self,
        defaults: [(&'static str, Option<Cow<'_, str>>, KeySource); N],
    ) {
        debug_assert!(
            defaults
                .windows(2)
                .all(|pair| cmp_ignore_case(pair[0].0, pair[1].0).is_lt()),
            "defaults are sorted"
        );
        self.entries.reserve(N);
        // Given keys before `at` sort before the default at hand.
        let mut at = 0;
        for (key, value, source) in defaults {
            let Some(value) = value else { continue };
            let mut order = Ordering::Less;
            while let Some(entry) = self.entries.get(at) {
                order = cmp_ignore_case(&entry.key, key);
                if order.is_ge() {
                    break;
                }
                at += 1;
            }
            if order.is_eq() {
                // Given: it wins.
                at += 1;
                continue;
            }
            let entry = ContextEntry {
                key: Cow::Borrowed(key),
                values: ContextValues::One(value.into_owned()),
                multivalued: false,
                source,
            };
            self.entries.insert(at, entry);
            at += 1;
        }
    }

    /// Removes a key; for trying the request without it.
    pub fn remove(&mut self, key: &str) {
        if let Ok(at) = self.position(key) {
            self.entries.remove(at);
        }
    }

    /// Where `key` is, or where it would go.
    fn position(&self, key: &str) -> Result<usize, usize> {
        self.entries
            .binary_search_by(|entry| cmp_ignore_case(&entry.key, key))
    }

    fn insert(&mut self, key: &str, values: ContextValues, multivalued: bool, source: KeySource) {
        let entry = ContextEntry {
            key: Cow::Owned(key.to_owned()),
            values,
            multivalued,
            source,
        };
        match self.position(key) {
            Ok(at) => self.entries[at] = entry,
            Err(at) => self.entries.insert(at, entry),
        }
    }

    pub fn get(&self, key: &str) -> Option<&ContextEntry> {
        let at = self.position(key).ok()?;
        self.entries.get(at)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The single value of a key, if it has exactly one.
    pub fn single(&self, key: &str) -> Option<&str> {
        match &*self.get(key)?.values {
            [only] => Some(only),
            _ => None,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &ContextEntry> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_compare_case_insensitively_and_keep_their_spelling() {
        let mut ctx = RequestContext::new();
        ctx.insert_single("aws:SourceIp", "203.0.113.7");
        let entry = ctx
            .get("AWS:sourceip")
            .expect("key is found whatever its case");
        assert_eq!(entry.key, "aws:SourceIp");
        assert_eq!(ctx.single("aws:sourceIP"), Some("203.0.113.7"));
    }

    #[test]
    fn keys_longer_than_the_stack_buffer_are_found_too() {
        let mut ctx = RequestContext::new();
        let long = format!("aws:PrincipalTag/{}", "Team".repeat(60));
        ctx.insert_single(&long, "x");
        assert_eq!(ctx.single(&long.to_uppercase()), Some("x"));
        assert_eq!(ctx.single("aws:principaltag/team"), None);
    }

    #[test]
    fn entries_given_together_are_found_as_if_inserted_one_by_one() {
        let entry = |key: &str, value: &str| ContextEntry {
            key: Cow::Owned(key.to_owned()),
            values: ContextValues::One(value.to_owned()),
            multivalued: false,
            source: KeySource::Request,
        };
        let given = [
            ("b:Two", "1"),
            ("a:one", "2"),
            ("B:two", "3"),
            ("c", "4"),
            ("A:ONE", "5"),
        ];
        let mut one_by_one = RequestContext::new();
        for (key, value) in given {
            one_by_one.insert_single(key, value);
        }
        let together =
            RequestContext::from_entries(given.iter().map(|(k, v)| entry(k, v)).collect());
        assert_eq!(together, one_by_one);
        assert_eq!(together.single("a:one"), Some("5"));
        assert_eq!(together.get("b:two").map(|e| &*e.key), Some("B:two"));
        let keys: Vec<&str> = together.iter().map(|e| &*e.key).collect();
        assert_eq!(keys, ["A:ONE", "B:two", "c"]);
    }

    #[test]
    fn many_entries_given_together_are_found_as_if_inserted_one_by_one() {
        // Enough keys, with repeats in every case, for several levels of the merge sort.
        let given: Vec<(String, String)> = (0..200)
            .map(|i: usize| {
                let key = format!("k{}", (i * 37) % 61);
                let key = if i.is_multiple_of(3) {
                    key.to_uppercase()
                } else {
                    key
                };
                (key, i.to_string())
            })
            .collect();
        let mut one_by_one = RequestContext::new();
        for (key, value) in &given {
            one_by_one.insert_single(key, value.as_str());
        }
        let entries = given
            .iter()
            .map(|(key, value)| ContextEntry {
                key: Cow::Owned(key.clone()),
                values: ContextValues::One(value.clone()),
                multivalued: false,
                source: KeySource::Request,
            })
            .collect();
        assert_eq!(RequestContext::from_entries(entries), one_by_one);
        assert_eq!(one_by_one.len(), 61);
    }

    #[test]
    fn derived_defaults_never_override_given_values() {
        let mut ctx = RequestContext::new();
        ctx.insert_single("aws:username", "alice");
        ctx.add_defaults([("aws:UserName", Some("bob".into()), KeySource::Aws)]);
        assert_eq!(ctx.single("aws:username"), Some("alice"));
        assert_eq!(
            ctx.get("aws:username").map(|e| e.source),
            Some(KeySource::Request)
        );
        assert_eq!(ctx.len(), 1);
    }

    #[test]
    fn defaults_merge_with_given_keys_as_if_inserted_one_by_one() {
        let defaults = || {
            [
                ("aws:PrincipalAccount", Some("1".into()), KeySource::Aws),
                ("aws:PrincipalArn", None, KeySource::Aws),
                ("aws:PrincipalType", Some("User".into()), KeySource::Aws),
                ("aws:userid", Some("AIDA".into()), KeySource::StandIn),
                ("aws:username", Some("bob".into()), KeySource::Aws),
            ]
        };
        let givens: [&[&str]; 5] = [
            &[],
            &["aws:SourceIp"],
            &["a", "AWS:PRINCIPALTYPE", "aws:principaltypex", "z"],
            &["aws:PrincipalAccount", "aws:UserId", "aws:username"],
            &[
                "aws:PrincipalArn",
                "aws:PrincipalTag/team",
                "aws:UserName",
                "zz",
            ],
        ];
        for given in givens {
            let mut merged = RequestContext::new();
            let mut one_by_one = RequestContext::new();
            for key in given {
                merged.insert_single(key, "given");
                one_by_one.insert_single(key, "given");
            }
            merged.add_defaults(defaults());
            // What the context did before the merge: a search and an insertion per key.
            for (key, value, source) in defaults() {
                let Some(value) = value else { continue };
                if let Err(at) = one_by_one.position(key) {
                    let values = ContextValues::One(value.into_owned());
                    let entry = ContextEntry {
                        key: Cow::Borrowed(key),
                        values,
                        multivalued: false,
                        source,
                    };
                    one_by_one.entries.insert(at, entry);
                }
            }
            assert_eq!(merged, one_by_one, "given {given:?}");
        }
        let mut ctx = RequestContext::new();
        ctx.insert_single("AWS:USERNAME", "alice");
        ctx.add_defaults(defaults());
        let keys: Vec<(&str, &str)> = ctx.iter().map(|e| (&*e.key, &*e.values[0])).collect();
        assert_eq!(
            keys,
            [
                ("aws:PrincipalAccount", "1"),
                ("aws:PrincipalType", "User"),
                ("aws:userid", "AIDA"),
                ("AWS:USERNAME", "alice"),
            ]
        );
    }

    #[test]
    fn one_value_reads_as_a_list_of_one() {
        let one = ContextValues::One("a".into());
        assert_eq!(one, ContextValues::List(vec!["a".into()]));
        assert_ne!(one, ContextValues::List(vec![]));
        assert_eq!(&one[..], ["a"]);
        let read: Vec<&String> = (&one).into_iter().collect();
        assert_eq!(read, ["a"]);
    }

    #[test]
    fn a_list_is_multivalued_and_has_no_single_value() {
        let mut ctx = RequestContext::new();
        ctx.insert_multi("aws:TagKeys", vec!["team".into(), "env".into()]);
        assert!(ctx.get("aws:tagkeys").is_some_and(|e| e.multivalued));
        assert_eq!(ctx.single("aws:TagKeys"), None);
    }
}
