//! Errors of the JSON parser: a kind, the span it points at, and advice.

use super::Span;

/// Malformed JSON, with the range of text that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct JsonError {
    pub kind: JsonErrorKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonErrorKind {
    #[error("the text is empty; expected a JSON value")]
    Empty,
    #[error("unexpected end of text; expected {expected}")]
    UnexpectedEnd { expected: String },
    #[error("expected {expected}, found `{found}`")]
    Unexpected { expected: String, found: String },
    #[error("unterminated string")]
    UnterminatedString,
    #[error("invalid escape `{escape}` in a string")]
    InvalidEscape { escape: String },
    #[error("invalid unicode escape `{escape}`")]
    InvalidUnicodeEscape { escape: String },
    #[error("control character U+{code:04X} inside a string")]
    ControlCharacter { code: u32 },
    #[error("invalid number `{text}`")]
    InvalidNumber { text: String },
    #[error("trailing comma before `{closing}`")]
    TrailingComma { closing: char },
    #[error("unexpected `{found}` after the end of the JSON value")]
    TrailingContent { found: String },
    #[error("nesting deeper than {max} levels")]
    TooDeep { max: usize },
    #[error("the text is {size} bytes, over the limit of {max} bytes")]
    TooLarge { size: usize, max: usize },
}

impl JsonError {
    pub(crate) fn new(kind: JsonErrorKind, span: Span) -> JsonError {
        JsonError { kind, span }
    }

    /// Advice on how to fix the text, when there is something more useful than the message.
    pub fn help(&self) -> Option<String> {
        let help = match &self.kind {
            JsonErrorKind::Unexpected { found, .. } => match found.as_str() {
                "'" => "JSON strings and keys use double quotes `\"`",
                "/" => "JSON does not allow comments",
                "}" | "]" => "check that every `{` and `[` is closed in the right order",
                _ if found.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                    "keys and text values must be in double quotes; literals are `true`, `false` and `null` in lower case"
                }
                _ => return None,
            },
            JsonErrorKind::UnterminatedString => "add the closing `\"`",
            JsonErrorKind::InvalidEscape { .. } => {
                "valid escapes are `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`"
            }
            JsonErrorKind::ControlCharacter { .. } => "write line breaks and tabs as `\\n` and `\\t`",
            JsonErrorKind::TrailingComma { .. } => "remove the comma: JSON does not allow a comma after the last item",
            JsonErrorKind::TrailingContent { .. } => {
                "a document holds one value; wrap several in an array `[...]`"
            }
            JsonErrorKind::TooDeep { .. } => "IAM policies never nest this deeply",
            JsonErrorKind::TooLarge { .. } => "IAM policies are at most a few kilobytes",
            _ => return None,
        };
        Some(help.to_owned())
    }
}
