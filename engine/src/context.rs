//! The request context: condition keys and their values, as the evaluator sees them.

use std::collections::BTreeMap;

/// One key of the request context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextEntry {
    /// The key as the request spelled it (condition keys are case-insensitive, but explanations
    /// should show what the author wrote).
    pub key: String,
    pub values: Vec<String>,
    /// A key given as a list is multivalued (`aws:TagKeys`); set operators treat it as a set.
    pub multivalued: bool,
    /// Who put the key in the request.
    pub source: KeySource,
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
    entries: BTreeMap<String, ContextEntry>,
}

impl RequestContext {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a single-valued key, replacing any earlier value.
    pub fn insert_single(&mut self, key: &str, value: impl Into<String>) {
        self.insert(key, vec![value.into()], false, KeySource::Request);
    }

    /// Sets a multivalued key, replacing any earlier values.
    pub fn insert_multi(&mut self, key: &str, values: Vec<String>) {
        self.insert(key, values, true, KeySource::Request);
    }

    /// Sets a key AWS sets for the caller, only when the request did not give it: derived keys
    /// never override explicit ones.
    pub fn insert_default(&mut self, key: &str, value: impl Into<String>, source: KeySource) {
        if !self.contains(key) {
            self.insert(key, vec![value.into()], false, source);
        }
    }

    /// Removes a key; for trying the request without it.
    pub fn remove(&mut self, key: &str) {
        self.entries.remove(&key.to_ascii_lowercase());
    }

    fn insert(&mut self, key: &str, values: Vec<String>, multivalued: bool, source: KeySource) {
        let entry = ContextEntry {
            key: key.to_owned(),
            values,
            multivalued,
            source,
        };
        self.entries.insert(key.to_ascii_lowercase(), entry);
    }

    pub fn get(&self, key: &str) -> Option<&ContextEntry> {
        // Looked up for every condition key and variable: lowercase on the stack, not the heap.
        const ON_STACK: usize = 128;
        if !key.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.entries.get(key);
        }
        let mut buffer = [0u8; ON_STACK];
        match buffer.get_mut(..key.len()) {
            Some(lowered) => {
                lowered.copy_from_slice(key.as_bytes());
                lowered.make_ascii_lowercase();
                // ASCII lowering keeps UTF-8 valid, so this never falls back.
                match std::str::from_utf8(lowered) {
                    Ok(lowered) => self.entries.get(lowered),
                    Err(_) => self.entries.get(&key.to_ascii_lowercase()),
                }
            }
            None => self.entries.get(&key.to_ascii_lowercase()),
        }
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The single value of a key, if it has exactly one.
    pub fn single(&self, key: &str) -> Option<&str> {
        match self.get(key)?.values.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &ContextEntry> {
        self.entries.values()
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
    fn derived_defaults_never_override_given_values() {
        let mut ctx = RequestContext::new();
        ctx.insert_single("aws:username", "alice");
        ctx.insert_default("aws:UserName", "bob", KeySource::Aws);
        assert_eq!(ctx.single("aws:username"), Some("alice"));
    }

    #[test]
    fn a_list_is_multivalued_and_has_no_single_value() {
        let mut ctx = RequestContext::new();
        ctx.insert_multi("aws:TagKeys", vec!["team".into(), "env".into()]);
        assert!(ctx.get("aws:tagkeys").is_some_and(|e| e.multivalued));
        assert_eq!(ctx.single("aws:TagKeys"), None);
    }
}
