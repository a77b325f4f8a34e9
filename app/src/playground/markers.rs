//! The squiggles of one policy editor: lint findings, a parse error, and the statements that
//! decided the selected request.

use iamplay_engine::catalog::Catalog;
use iamplay_engine::json::{LineIndex, Span};
use iamplay_engine::lint::{lint, LintOptions, Severity as LintSeverity};
use iamplay_engine::policy::Effect;

use super::evaluate::RowOutcome;
use super::state::PolicyDoc;
use crate::interop::markers::{Marker, Range, Severity};

fn range(index: &LineIndex<'_>, span: Span) -> Range {
    let start = index.position(span.start);
    let end = index.position(span.end);
    Range {
        start_line: start.line as u32,
        start_column: start.utf16_column as u32,
        end_line: end.line as u32,
        end_column: end.utf16_column as u32,
    }
}

/// Lint findings of `doc` (with the catalogue when loaded), then the statements of `row` that
/// decided, in this policy.
pub fn editor_markers(
    doc: &PolicyDoc,
    catalog: Option<&Catalog>,
    row: Option<&RowOutcome>,
) -> Vec<Marker> {
    let index = LineIndex::new(&doc.text);
    let mut markers: Vec<Marker> =
        lint(&doc.text, &LintOptions::new(doc.kind.lint_kind(), catalog))
            .into_iter()
            .map(|finding| Marker {
                range: range(&index, finding.range.span()),
                severity: match finding.severity {
                    LintSeverity::Error => Severity::Error,
                    LintSeverity::SecurityWarning | LintSeverity::Warning => Severity::Warning,
                    LintSeverity::Suggestion => Severity::Info,
                },
                message: format!("{} ({})\n{}", finding.message, finding.code, finding.help),
                source: "iamplay lint",
            })
            .collect();
    if !doc.enabled {
        return markers;
    }
    let Some((row, Ok(evaluation))) = row.map(|r| (r, &r.result)) else {
        return markers;
    };
    for deciding in &evaluation.deciding {
        if row.policy_id(deciding.layer, deciding.level, deciding.policy_index) != Some(doc.id) {
            continue;
        }
        let verb = match deciding.effect {
            Effect::Allow => "allows",
            Effect::Deny => "denies",
        };
        markers.push(Marker {
            range: range(&index, deciding.span),
            severity: Severity::Hint,
            message: format!(
                "This statement {verb} the selected request: {}",
                evaluation.summary
            ),
            source: "deciding statement",
        });
    }
    markers
}

/// The line ranges (1-based, inclusive) of the deciding statements in `doc`, for the page's
/// own highlight next to the editor.
pub fn deciding_lines(doc: &PolicyDoc, row: Option<&RowOutcome>) -> Vec<(usize, usize)> {
    let Some(Ok(evaluation)) = row.map(|r| &r.result) else {
        return Vec::new();
    };
    let index = LineIndex::new(&doc.text);
    evaluation
        .deciding
        .iter()
        .filter(|d| row.and_then(|r| r.policy_id(d.layer, d.level, d.policy_index)) == Some(doc.id))
        .map(|d| {
            (
                index.position(d.span.start).line,
                index.position(d.span.end).line,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playground::evaluate::evaluate_all;
    use crate::playground::examples::find;

    #[test]
    fn the_deciding_deny_is_marked_in_the_scp_only() {
        let playground = find("scp-region-guardrail").expect("example").playground();
        let report = evaluate_all(&playground);
        let row = report.rows.get(1);
        let scp = &playground.policies[1];
        let hints: Vec<Marker> = editor_markers(scp, None, row)
            .into_iter()
            .filter(|m| m.source == "deciding statement")
            .collect();
        assert_eq!(hints.len(), 1);
        assert!(hints[0].message.contains("denies"), "{}", hints[0].message);
        let line = scp
            .text
            .lines()
            .position(|l| l.contains("DenyOutsideIreland"))
            .expect("sid")
            + 1;
        let (start, end) = deciding_lines(scp, row)[0];
        assert!(start <= line && line <= end, "{start}..{end} vs {line}");
        let identity = &playground.policies[0];
        assert!(deciding_lines(identity, row).is_empty());
    }

    #[test]
    fn lint_findings_become_markers() {
        let mut playground = find("lambda-reads-s3").expect("example").playground();
        playground.policies[0].text =
            r#"{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#.into();
        let markers = editor_markers(&playground.policies[0], None, None);
        assert!(
            markers
                .iter()
                .any(|m| m.message.contains("missing-version")),
            "{markers:?}"
        );
        assert!(markers.iter().any(|m| m.severity == Severity::Warning));
    }
}
