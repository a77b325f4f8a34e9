//! The diagram in words: one sentence per relationship, for the SVG's description and the
//! list beside it. Nothing in a drawing may exist only as a picture.

use crate::diagram::Diagram;
use crate::kind::EdgeKind;
use crate::render::EdgeState;

/// Every relationship of the diagram as a sentence: what is in which box, then every edge in
/// order. `states` gives live checks their verdict (missing entries are plain edges).
pub fn relationships(diagram: &Diagram, states: &[EdgeState]) -> Vec<String> {
    let node = |i: usize| {
        let node = &diagram.nodes[i];
        format!("{} ({})", node.label, node.kind.caption())
    };
    let mut sentences = Vec::new();
    for group in &diagram.boxes {
        if let Some(parent) = group.parent.and_then(|p| diagram.boxes.get(p)) {
            sentences.push(format!(
                "The {} {} is in the {} {}.",
                group.kind.caption(),
                group.label,
                parent.kind.caption(),
                parent.label
            ));
        }
    }
    for (i, placed) in diagram.nodes.iter().enumerate() {
        if let Some(parent) = placed.parent.and_then(|p| diagram.boxes.get(p)) {
            sentences.push(format!(
                "{} is in the {} {}.",
                node(i),
                parent.kind.caption(),
                parent.label
            ));
        }
    }
    for (i, edge) in diagram.edges.iter().enumerate() {
        let detail = edge
            .detail
            .as_ref()
            .map(|d| format!(": {d}"))
            .unwrap_or_default();
        let verdict = match states.get(i) {
            Some(state) if edge.kind == EdgeKind::Requests => match state.verdict() {
                Some(verdict) => format!(", {verdict}"),
                None => String::new(),
            },
            _ => String::new(),
        };
        sentences.push(format!(
            "{} {} {}{detail}{verdict}.",
            node(edge.from),
            edge.kind.verb(),
            node(edge.to)
        ));
    }
    sentences
}
