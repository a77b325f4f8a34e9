//! Whether the editor's text is JSON, and where it breaks. A stand-in until the engine's
//! policy parser (with spans) takes over; the page shows the same thing either way: a status
//! line and a marker at the spot.

use crate::interop::markers::{Marker, Range, Severity};

/// The result of reading the editor's text as JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonStatus {
    /// Nothing but whitespace: not an error worth a squiggle.
    Empty,
    Valid,
    Invalid(JsonError),
}

/// A syntax error at a position in editor coordinates (see [`Range`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// serde_json's message without its "at line … column …" tail.
    pub message: String,
    pub range: Range,
}

impl JsonStatus {
    pub fn of(text: &str) -> Self {
        if text.trim().is_empty() {
            return Self::Empty;
        }
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(_) => Self::Valid,
            Err(err) => Self::Invalid(JsonError {
                message: bare_message(&err),
                range: range_at(text, err.line(), err.column()),
            }),
        }
    }

    pub fn markers(&self) -> Vec<Marker> {
        match self {
            Self::Invalid(err) => vec![Marker {
                range: err.range,
                severity: Severity::Error,
                message: err.message.clone(),
                source: "json",
            }],
            Self::Empty | Self::Valid => Vec::new(),
        }
    }
}

fn bare_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let tail = format!(" at line {} column {}", err.line(), err.column());
    full.strip_suffix(&tail).unwrap_or(&full).to_owned()
}

/// serde_json reports a 1-based line and the 1-based byte column of the byte it stopped at (0
/// when it stopped before the line's first byte). The editor wants UTF-16 columns over the
/// whole offending character.
fn range_at(text: &str, line: usize, byte_column: usize) -> Range {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
    let line_number = u32::try_from(line.max(1)).unwrap_or(u32::MAX);
    let offending = line_text
        .char_indices()
        .find(|(start, ch)| byte_column > *start && byte_column <= start + ch.len_utf8());
    let (start, width) = match offending {
        Some((start, ch)) => (utf16_len(&line_text[..start]), ch.len_utf16()),
        // Stopped at the end of the line (or before its start): mark the spot after the text.
        None if byte_column == 0 => (0, 1),
        None => (utf16_len(line_text), 1),
    };
    let start_column = u32::try_from(start + 1).unwrap_or(u32::MAX);
    Range {
        start_line: line_number,
        start_column,
        end_line: line_number,
        end_column: start_column.saturating_add(u32::try_from(width).unwrap_or(1)),
    }
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text a range underlines, read the way the editor reads it (UTF-16 columns).
    fn underlined(text: &str, range: Range) -> String {
        let line = text
            .split('\n')
            .nth(range.start_line as usize - 1)
            .unwrap_or("");
        let units: Vec<u16> = line.encode_utf16().collect();
        let from = (range.start_column as usize - 1).min(units.len());
        let to = (range.end_column as usize - 1).min(units.len());
        String::from_utf16_lossy(&units[from..to])
    }

    fn error(text: &str) -> JsonError {
        match JsonStatus::of(text) {
            JsonStatus::Invalid(err) => err,
            other => panic!("expected an error for {text:?}, got {other:?}"),
        }
    }

    #[test]
    fn valid_and_empty_texts_have_no_markers() {
        assert_eq!(
            JsonStatus::of(r#"{"Version": "2012-10-17"}"#),
            JsonStatus::Valid
        );
        assert_eq!(JsonStatus::of("  \n "), JsonStatus::Empty);
        assert!(JsonStatus::of("{}").markers().is_empty());
    }

    #[test]
    fn a_trailing_comma_is_underlined_where_the_value_was_expected() {
        let text = "{\n  \"Statement\": [1,]\n}";
        let err = error(text);
        assert_eq!(err.message, "trailing comma");
        assert_eq!(err.range.start_line, 2);
        assert_eq!(underlined(text, err.range), "]");
    }

    #[test]
    fn a_missing_comma_points_at_the_next_key() {
        let text = "{\"a\": 1\n \"b\": 2}";
        let err = error(text);
        assert_eq!(err.message, "expected `,` or `}`");
        assert_eq!(underlined(text, err.range), "\"");
        assert_eq!((err.range.start_line, err.range.start_column), (2, 2));
    }

    #[test]
    fn columns_count_utf16_units_after_wide_characters() {
        // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
        let text = "{\"é😀\": tru}";
        let err = error(text);
        assert_eq!(underlined(text, err.range), "}");
        assert_eq!(err.range.start_column, 12);
    }

    #[test]
    fn an_unfinished_document_marks_the_end_of_the_last_line() {
        let text = "{\"a\": [1, 2";
        let err = error(text);
        assert_eq!(err.message, "EOF while parsing a list");
        assert_eq!(underlined(text, err.range), "2");
        let with_newline = "{\n";
        let err = error(with_newline);
        assert_eq!((err.range.start_line, err.range.start_column), (2, 1));
    }

    #[test]
    fn the_marker_carries_the_message_as_an_error() {
        let markers = JsonStatus::of("[1,]").markers();
        assert_eq!(markers.len(), 1);
        assert_eq!(markers[0].severity, Severity::Error);
        assert_eq!(markers[0].message, "trailing comma");
    }
}
