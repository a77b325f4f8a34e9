//! What one policy editor shows: lint findings as squiggles, and the statements that decided
//! the selected request as line highlights.

use iamplay_engine::catalog::Catalog;
use iamplay_engine::json::LineIndex;
use iamplay_engine::lint::{lint, LintOptions};
use iamplay_engine::policy::Effect;

use super::evaluate::RowOutcome;
use super::state::PolicyDoc;
use crate::interop::markers::{Decoration, Marker, Range};

/// Lint findings of `doc` (with the catalogue when loaded).
pub fn editor_markers(doc: &PolicyDoc, catalog: Option<&Catalog>) -> Vec<Marker> {
    let index = LineIndex::new(&doc.text);
    lint(&doc.text, &LintOptions::new(doc.kind, catalog))
        .iter()
        .map(|finding| Marker::of(finding, &index))
        .collect()
}

/// The statements of `doc` that decided `row`, highlighted as in the lesson editors.
pub fn deciding_decorations(doc: &PolicyDoc, row: Option<&RowOutcome>) -> Vec<Decoration> {
    if !doc.enabled {
        return Vec::new();
    }
    let Some((row, Ok(evaluation))) = row.map(|r| (r, &r.result)) else {
        return Vec::new();
    };
    let index = LineIndex::new(&doc.text);
    evaluation
        .deciding
        .iter()
        .filter(|d| row.policy_id(d.layer, d.level, d.policy_index) == Some(doc.id))
        .map(|deciding| {
            let denies = deciding.effect == Effect::Deny;
            let verb = if denies { "denies" } else { "allows" };
            Decoration::deciding(
                Range::of_span(&index, deciding.span),
                denies,
                format!(
                    "This statement {verb} the selected request: {}",
                    evaluation.summary
                ),
            )
        })
        .collect()
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
    use crate::interop::markers::Severity;
    use crate::playground::evaluate::evaluate_all;
    use crate::playground::examples::find;

    #[test]
    fn the_deciding_deny_is_marked_in_the_scp_only() {
        let playground = find("scp-region-guardrail").expect("example").playground();
        let report = evaluate_all(&playground);
        let row = report.rows.get(1);
        let scp = &playground.policies[1];
        let highlights = deciding_decorations(scp, row);
        assert_eq!(highlights.len(), 1);
        assert_eq!(highlights[0].class_name, "deciding-deny");
        assert!(
            highlights[0].hover.contains("denies"),
            "{}",
            highlights[0].hover
        );
        assert!(editor_markers(scp, None)
            .iter()
            .all(|m| m.severity != Severity::Hint));
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
        assert!(deciding_decorations(identity, row).is_empty());
    }

    #[test]
    fn lint_findings_become_markers() {
        let mut playground = find("lambda-reads-s3").expect("example").playground();
        playground.policies[0].text =
            r#"{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#.into();
        let markers = editor_markers(&playground.policies[0], None);
        assert!(
            markers.iter().any(|m| m.source == "missing-version"),
            "{markers:?}"
        );
        assert!(markers.iter().any(|m| m.severity == Severity::Warning));
    }
}
