//! A lint finding: what is wrong, where, and how to fix it.

use super::check::{Check, Severity};
use crate::json::{LineIndex, Position, Span};
use serde::Serialize;

/// One problem found in a policy. Serialises flat, for the CLI's JSON and the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub range: Range,
    /// The statement the finding is about, when it is about one.
    pub statement: Option<StatementId>,
    /// The corrected text, when there is a close known name ("did you mean").
    pub suggestion: Option<String>,
    #[serde(skip)]
    pub check: Check,
}

/// Which statement: its position in the `Statement` list and its Sid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementId {
    pub index: usize,
    pub sid: Option<String>,
}

/// A byte range with the line/column of both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
    #[serde(rename = "startPosition")]
    pub start_position: Position,
    #[serde(rename = "endPosition")]
    pub end_position: Position,
}

impl Range {
    pub fn new(span: Span, index: &LineIndex<'_>) -> Range {
        Range {
            start: span.start,
            end: span.end,
            start_position: index.position(span.start),
            end_position: index.position(span.end),
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

impl Finding {
    /// The text the finding underlines.
    pub fn underlined<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range.start..self.range.end).unwrap_or("")
    }
}

impl crate::diagnostic::Diagnostic for Finding {
    fn code(&self) -> &'static str {
        self.code
    }

    fn message(&self) -> String {
        self.message.clone()
    }

    fn span(&self) -> Span {
        self.range.span()
    }

    fn help(&self) -> Option<String> {
        (!self.help.is_empty()).then(|| self.help.clone())
    }

    fn severity(&self) -> Severity {
        self.severity
    }
}
