//! Diagnostics shown as squiggles in the editor. Plain data: the JavaScript side maps them onto
//! Monaco's `IMarkerData` one to one.

use iamplay_engine::diagnostic::{self, Diagnostic};
use iamplay_engine::json::{LineIndex, Span};
use serde::Serialize;

/// How serious a marker is; the editor picks the squiggle colour from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

/// A range in the editor's coordinates: lines and columns start at 1, columns count UTF-16
/// code units (as JavaScript strings do), and the end is exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Range {
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Severity {
    /// Errors are red; security warnings and warnings yellow; suggestions blue.
    pub fn of(severity: diagnostic::Severity) -> Severity {
        match severity {
            diagnostic::Severity::Error => Severity::Error,
            diagnostic::Severity::SecurityWarning | diagnostic::Severity::Warning => {
                Severity::Warning
            }
            diagnostic::Severity::Suggestion => Severity::Info,
        }
    }
}

impl Range {
    /// The editor range of the bytes `span` of the text `index` was built on. An empty span
    /// (a missing comma sits between two characters) is widened to one column, or Monaco
    /// draws nothing at all.
    pub fn of_span(index: &LineIndex<'_>, span: Span) -> Range {
        let start = index.position(span.start);
        let end = index.position(span.end.max(span.start));
        let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut range = Range {
            start_line: number(start.line),
            start_column: number(start.utf16_column),
            end_line: number(end.line),
            end_column: number(end.utf16_column),
        };
        if range.start_line == range.end_line && range.end_column <= range.start_column {
            range.end_column = range.start_column.saturating_add(1);
        }
        range
    }

    /// One column at a 1-based line and column: for a problem known only by its position.
    pub fn at(line: usize, column: usize) -> Range {
        let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let (line, column) = (number(line), number(column));
        Range {
            start_line: line,
            start_column: column,
            end_line: line,
            end_column: column.saturating_add(1),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Marker {
    pub range: Range,
    pub severity: Severity,
    pub message: String,
    /// Shown greyed after the message, e.g. `json`.
    pub source: &'static str,
}

impl Marker {
    /// Any diagnostic of the engine as a squiggle: the message, then its help on a line of
    /// its own; the code shows greyed after it.
    pub fn of(diagnostic: &dyn Diagnostic, index: &LineIndex<'_>) -> Marker {
        Marker::new(
            Range::of_span(index, diagnostic.span()),
            Severity::of(diagnostic.severity()),
            &diagnostic.message(),
            diagnostic.help().as_deref(),
            diagnostic.code(),
        )
    }

    /// A squiggle that shows `message`, then `help` on a line of its own: every marker, of
    /// a diagnostic or of a course checker problem, reads the same.
    pub fn new(
        range: Range,
        severity: Severity,
        message: &str,
        help: Option<&str>,
        source: &'static str,
    ) -> Marker {
        let message = match help {
            Some(help) => format!("{message}\nhelp: {help}"),
            None => message.to_owned(),
        };
        Marker {
            range,
            severity,
            message,
            source,
        }
    }
}

/// A highlighted range: `class_name` styles the lines, `hover` explains them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decoration {
    pub range: Range,
    pub class_name: &'static str,
    pub hover: String,
    /// The overview ruler's colour (CSS).
    pub ruler: &'static str,
}

impl Decoration {
    /// A statement that decided a request: green when it allows, red when it denies; the
    /// same look in lesson and playground editors.
    pub fn deciding(range: Range, denies: bool, hover: String) -> Decoration {
        Decoration {
            range,
            class_name: if denies {
                "deciding-deny"
            } else {
                "deciding-allow"
            },
            hover,
            ruler: if denies { "#c62828" } else { "#2e7d32" },
        }
    }
}

/// The markers as the JSON the JavaScript side parses.
pub fn to_json(markers: &[Marker]) -> String {
    // Serialising these plain structs cannot fail; an empty list is the safe fallback anyway.
    serde_json::to_string(markers).unwrap_or_else(|_| "[]".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamplay_engine::lint::{lint, LintOptions};
    use iamplay_engine::policy_kind::PolicyKind;

    #[test]
    fn ranges_count_utf16_and_are_never_empty() {
        let text = "{\"é😀\": x}";
        let index = LineIndex::new(text);
        let at = text.find('x').unwrap();
        let range = Range::of_span(&index, Span::new(at, at));
        assert_eq!(
            (range.start_line, range.start_column, range.end_column),
            (1, 9, 10)
        );
        // An empty span at the very end, and a reversed one, are visible too.
        let end = Range::of_span(&index, Span::new(text.len(), text.len()));
        assert!(end.end_column > end.start_column, "{end:?}");
        let reversed = Range::of_span(&index, Span::new(at + 1, at));
        assert!(reversed.end_column > reversed.start_column, "{reversed:?}");
    }

    #[test]
    fn a_problem_known_by_its_position_marks_one_column() {
        let range = Range::at(3, 7);
        assert_eq!(
            (
                range.start_line,
                range.start_column,
                range.end_line,
                range.end_column
            ),
            (3, 7, 3, 8)
        );
    }

    #[test]
    fn a_missing_comma_gets_a_visible_marker_with_its_help() {
        let text = "{\"Version\": \"2012-10-17\" \"Statement\": []}";
        let findings = lint(text, &LintOptions::new(PolicyKind::Identity, None));
        let marker = Marker::of(&findings[0], &LineIndex::new(text));
        assert_eq!(marker.source, "json-syntax");
        assert_eq!(marker.severity, Severity::Error);
        assert_eq!(marker.range.start_column, 26);
        assert!(marker.range.end_column > marker.range.start_column);
        assert!(marker.message.contains("\nhelp: "), "{}", marker.message);
    }

    #[test]
    fn markers_cross_as_camel_case_json() {
        let marker = Marker {
            range: Range {
                start_line: 2,
                start_column: 3,
                end_line: 2,
                end_column: 4,
            },
            severity: Severity::Error,
            message: "expected `,`".into(),
            source: "json",
        };
        assert_eq!(
            to_json(&[marker]),
            r#"[{"range":{"startLine":2,"startColumn":3,"endLine":2,"endColumn":4},"severity":"error","message":"expected `,`","source":"json"}]"#
        );
    }
}
