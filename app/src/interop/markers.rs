//! Diagnostics shown as squiggles in the editor. Plain data: the JavaScript side maps them onto
//! Monaco's `IMarkerData` one to one.

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Marker {
    pub range: Range,
    pub severity: Severity,
    pub message: String,
    /// Shown greyed after the message, e.g. `json`.
    pub source: &'static str,
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
