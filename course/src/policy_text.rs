//! A policy in a lesson, kept as its author wrote it: learners see the author's key order and
//! layout, and the engine parses the same text they see.

use std::fmt;

use iamplay_engine::json::{self, SOURCE_TEXT};
use iamplay_engine::policy::{parse_policy, Policy, PolicyError};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A policy document's text. Read from a lesson file it is the document's exact text,
/// re-indented to start at column 0; in a bundle it is a string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PolicyText(String);

impl PolicyText {
    pub fn new(text: impl Into<String>) -> PolicyText {
        PolicyText(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The policy as the engine reads it.
    pub fn parse(&self) -> Result<Policy, PolicyError> {
        parse_policy(&self.0)
    }

    /// The `Sid` of every statement that has one, in order (none when the text is no document).
    pub fn sids(&self) -> Vec<String> {
        let Ok(root) = json::parse(&self.0) else {
            return Vec::new();
        };
        let statements = match root.get("Statement") {
            Some(list) if list.as_array().is_some() => list.as_array().unwrap_or_default(),
            Some(single) => std::slice::from_ref(single),
            None => &[],
        };
        statements
            .iter()
            .filter_map(|s| s.get("Sid").and_then(json::Json::as_str).map(str::to_owned))
            .collect()
    }
}

impl Serialize for PolicyText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for PolicyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PolicyText, D::Error> {
        deserializer.deserialize_newtype_struct(SOURCE_TEXT, Source)
    }
}

struct Source;

impl<'de> Visitor<'de> for Source {
    type Value = PolicyText;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a policy document")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<PolicyText, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<PolicyText, E> {
        Ok(PolicyText::new(text))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<PolicyText, E> {
        Ok(PolicyText(text))
    }
}

#[cfg(test)]
mod tests {
    use super::PolicyText;

    #[test]
    fn a_document_keeps_its_authors_text_and_a_bundle_string_reads_back() {
        let lesson = "{\n  \"starter\": {\"Version\": \"2012-10-17\",\n    \"Statement\": [{\"Sid\": \"A\"}, {\"Sid\": \"B\"}]}\n}";
        let read: std::collections::BTreeMap<String, PolicyText> =
            iamplay_engine::json::from_str(lesson).expect("a document");
        let text = &read["starter"];
        assert_eq!(
            text.as_str(),
            "{\"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Sid\": \"A\"}, {\"Sid\": \"B\"}]}"
        );
        assert_eq!(text.sids(), ["A", "B"]);
        let bundled = serde_json::to_string(text).expect("text");
        let back: PolicyText = serde_json::from_str(&bundled).expect("a string");
        assert_eq!(&back, text);
    }
}
