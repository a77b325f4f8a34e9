//! The diagram in words: one sentence per relationship, for the SVG's description and the
//! list beside it. Nothing in a drawing may exist only as a picture.

use crate::diagram::Diagram;
use crate::kind::EdgeKind;
use crate::render::EdgeState;
use crate::venn::Venn;

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

/// Overlapping sets in words: which sets there are, then every item with where it is and what
/// its region means ("s3:GetObject is in both A and B: allowed."), region by region in the
/// order of the drawing. A labelled region without items is said to be empty.
pub fn memberships(venn: &Venn) -> Vec<String> {
    let names: Vec<&str> = venn.sets.iter().map(|set| set.label.as_str()).collect();
    let mut sentences = vec![format!("The sets {} overlap.", names.join(" and "))];
    for region in &venn.regions {
        let place = venn.region_words(region);
        let meaning = region
            .label
            .as_ref()
            .map(|label| format!(": {}", label.trim_end_matches('.')))
            .unwrap_or_default();
        if region.items.is_empty() {
            if region.label.is_some() {
                sentences.push(format!("Nothing is {place}{meaning}."));
            }
            continue;
        }
        for item in &region.items {
            sentences.push(format!("{} is {place}{meaning}.", item.label));
        }
    }
    sentences
}
