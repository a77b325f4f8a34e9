//! Object keys that the engine's own formats use, kept as `&'static str` instead of a copy.
//!
//! A policy or a case is mostly keys from a small vocabulary (`Effect`, `Action`, `request`,
//! ...). Reading them as static texts spares an allocation and a free per key, about a quarter
//! of the allocations of parsing a typical case. Any other key is copied as before; the list
//! changes no result, only what is allocated.

use std::borrow::Cow;
use std::cmp::Ordering;

/// A member key as written: borrowed from the vocabulary below when it is one of its names.
pub type Key = Cow<'static, str>;

/// The names, ordered by length and then bytewise, for a binary search that mostly compares
/// lengths: policy and statement elements, principal kinds, the condition operators most
/// written, and the fields of a case (`case::Case`).
const VOCABULARY: [&str; 49] = [
    "Id",
    "id",
    "AWS",
    "Sid",
    "Bool",
    "Null",
    "name",
    "rcps",
    "scps",
    "Action",
    "Effect",
    "action",
    "expect",
    "ArnLike",
    "Service",
    "Version",
    "context",
    "request",
    "session",
    "Resource",
    "document",
    "identity",
    "policies",
    "resource",
    "ArnEquals",
    "Condition",
    "Federated",
    "IpAddress",
    "NotAction",
    "Principal",
    "Statement",
    "principal",
    "ArnNotLike",
    "StringLike",
    "NotResource",
    "NotIpAddress",
    "NotPrincipal",
    "StringEquals",
    "CanonicalUser",
    "StringNotLike",
    "DateGreaterThan",
    "StringNotEquals",
    "resourceAccount",
    "permissionBoundary",
    "NumericLessThanEquals",
    "ForAnyValue:StringLike",
    "ForAllValues:StringLike",
    "ForAnyValue:StringEquals",
    "ForAllValues:StringEquals",
];

/// The vocabulary's own copy of `text`, when `text` is one of its names (exact case).
/// A binary search written out: the size-optimised build would call a closure per step.
pub fn known(text: &str) -> Option<&'static str> {
    let (mut low, mut high) = (0, VOCABULARY.len());
    while low < high {
        let middle = low + (high - low) / 2;
        match by_length_then_bytes(VOCABULARY[middle], text) {
            Ordering::Less => low = middle + 1,
            Ordering::Greater => high = middle,
            Ordering::Equal => return Some(VOCABULARY[middle]),
        }
    }
    None
}

#[inline(always)]
fn by_length_then_bytes(a: &str, b: &str) -> Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// `text` as a key: the vocabulary's copy when it has one, else an owned copy.
pub fn key(text: &str) -> Key {
    match known(text) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(text.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_is_ordered_for_the_search_and_every_name_is_found() {
        for pair in VOCABULARY.windows(2) {
            assert_eq!(
                by_length_then_bytes(pair[0], pair[1]),
                Ordering::Less,
                "{pair:?}"
            );
        }
        for name in VOCABULARY {
            assert_eq!(known(name), Some(name));
        }
    }

    #[test]
    fn a_known_name_is_borrowed_and_equal_to_the_text() {
        for name in ["Effect", "Statement", "request", "ForAllValues:StringLike"] {
            let key = key(name);
            assert!(matches!(key, Cow::Borrowed(_)), "{name}");
            assert_eq!(key, name);
        }
    }

    #[test]
    fn other_keys_and_other_cases_are_copied_as_written() {
        for name in [
            "effect",
            "EFFECT",
            "aws:SourceIp",
            "",
            "Effect ",
            "Sid\u{e9}",
        ] {
            let key = key(name);
            assert!(matches!(key, Cow::Owned(_)), "{name}");
            assert_eq!(key, name);
        }
    }
}
