//! A JSON parser that keeps the byte range of every value and object key.
//!
//! Policies are shown to learners in an editor, so every diagnostic must point at the exact
//! characters it is about; `serde_json` forgets positions, hence this small parser. Objects keep
//! their members in order, duplicates included, so lint can report them instead of losing one.

mod cursor;
mod de;
mod error;
mod keys;
mod line_index;
mod parser;
mod scalars;

pub(crate) use cursor::Cursor;
pub use de::{from_json, from_str, reindented, reindented_offset, DeError, Spanned, SOURCE_TEXT};
pub use error::{JsonError, JsonErrorKind};
pub use keys::Key;
pub use line_index::{LineIndex, Position};
pub use parser::{parse, parse_with, ParseOptions};

use serde::Serialize;

/// A byte range `start..end` in the parsed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The same range moved by `offset` bytes: for text parsed out of a larger document.
    pub fn shifted(self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The text this span covers, when it lies inside `source`.
    pub fn slice(self, source: &str) -> Option<&str> {
        source.get(self.start..self.end)
    }
}

/// A JSON value with the byte range it occupies.
#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    pub value: Value,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// Kept as written, so `1.50` reads back as `1.50` in a condition comparison.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<Member>),
}

/// One `"key": value` of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Borrowed from a fixed vocabulary for the names of policies and cases (no copy), else
    /// owned; compares with `&str` either way.
    pub key: Key,
    /// The key with its quotes.
    pub key_span: Span,
    pub value: Json,
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// Moves the value out, leaving `null` with the same span: readers that consume the tree
    /// move its strings instead of copying them.
    pub fn take(&mut self) -> Json {
        let span = self.span;
        std::mem::replace(
            self,
            Json {
                value: Value::Null,
                span,
            },
        )
    }

    /// The first member named exactly `key`.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.as_object()?
            .iter()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    /// What kind of value this is, in words for error messages.
    pub fn kind_name(&self) -> &'static str {
        self.value.kind_name()
    }

    /// Scalars as the text IAM compares: strings as they are, numbers as written, booleans as
    /// `true`/`false`. `None` for null, arrays and objects.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::String(text) | Value::Number(text) => Some(text.clone()),
            Value::Bool(flag) => Some(flag.to_string()),
            _ => None,
        }
    }
}

impl Value {
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}
