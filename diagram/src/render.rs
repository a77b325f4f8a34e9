//! Drawing a laid-out [`Diagram`] as an SVG element tree, with its description in words.
//!
//! The SVG is an image to assistive technology (`role="img"`, a `<title>` and a `<desc>` that
//! holds every relationship), scales to its container through its `viewBox`, and takes its
//! colours from classes (`dg-…`) the page styles, falling back to `currentColor` and `Canvas`
//! so it reads in light and dark schemes without a stylesheet.

use crate::diagram::{metrics, Diagram, PlacedBox, PlacedEdge, PlacedNode, Point};
use crate::kind::EdgeKind;
use crate::svg::Element;
use crate::words::relationships;

mod sets;

pub use sets::render_sets;

/// What a live check says now. Lesson diagrams have only plain edges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum EdgeState {
    #[default]
    Plain,
    Allowed,
    /// Denied; `by` names the layer that stopped the request ("an SCP", "the boundary").
    Denied {
        by: String,
    },
}

impl EdgeState {
    /// The verdict in words, with the icon that carries it without colour.
    pub fn verdict(&self) -> Option<String> {
        match self {
            Self::Plain => None,
            Self::Allowed => Some("✓ allowed".into()),
            Self::Denied { by } => Some(format!("✗ denied by {by}")),
        }
    }

    fn class(&self) -> Option<&'static str> {
        match self {
            Self::Plain => None,
            Self::Allowed => Some("dg-allowed"),
            Self::Denied { .. } => Some("dg-denied"),
        }
    }
}

/// A drawing and the same content in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub svg: Element,
    /// One sentence per relationship; also the SVG's `<desc>`.
    pub words: Vec<String>,
}

/// Draws a diagram. `id` prefixes the ids inside the SVG (title, description, arrowheads) and
/// must be unique on the page; `states` gives edges a live verdict, by index.
pub fn render(diagram: &Diagram, id: &str, states: &[EdgeState]) -> Figure {
    let words = relationships(diagram, states);
    let svg = frame(id, &diagram.title, (diagram.width, diagram.height), &words)
        .child(markers(id))
        .child(
            Element::new("g")
                .attr("class", "dg-boxes")
                .children(diagram.boxes.iter().map(draw_box)),
        )
        .child(Element::new("g").attr("class", "dg-edges").children(
            diagram.edges.iter().enumerate().map(|(i, edge)| {
                draw_edge(i, edge, states.get(i).unwrap_or(&EdgeState::Plain), id)
            }),
        ))
        .child(
            Element::new("g")
                .attr("class", "dg-nodes")
                .children(diagram.nodes.iter().map(draw_node)),
        );
    Figure { svg, words }
}

/// The `<svg>` of any drawing: an image named by its title and described by its words.
pub(crate) fn frame(
    id: &str,
    title: &str,
    (width, height): (i32, i32),
    words: &[String],
) -> Element {
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    Element::new("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("viewBox", format!("0 0 {width} {height}"))
        .attr("width", width)
        .attr("height", height)
        .attr("role", "img")
        .attr("aria-labelledby", format!("{title_id} {desc_id}"))
        .attr("class", "diagram-svg")
        // The page shrinks a drawing to its column down to 70 %, then lets it scroll sideways:
        // smaller text would not be readable on a phone.
        .attr("style", format!("--diagram-min: {}px", width * 7 / 10))
        .attr("font-family", "system-ui, sans-serif")
        .child(Element::new("title").attr("id", title_id).text(title))
        .child(
            Element::new("desc")
                .attr("id", desc_id)
                .text(words.join(" ")),
        )
}

/// Arrowheads: one per verdict, so a head takes its edge's colour.
fn markers(id: &str) -> Element {
    let marker = |suffix: &str, class: &str| {
        Element::new("marker")
            .attr("id", format!("{id}-arrow{suffix}"))
            .attr("class", class)
            .attr("viewBox", "0 0 10 10")
            .attr("refX", 9)
            .attr("refY", 5)
            .attr("markerWidth", 7)
            .attr("markerHeight", 7)
            .attr("orient", "auto-start-reverse")
            .child(
                Element::new("path")
                    .attr("d", "M0,0L10,5L0,10z")
                    .attr("fill", "currentColor"),
            )
    };
    Element::new("defs").children([
        marker("", "dg-arrow"),
        marker("-allowed", "dg-arrow dg-allowed"),
        marker("-denied", "dg-arrow dg-denied"),
    ])
}

fn draw_box(group: &PlacedBox) -> Element {
    Element::new("g")
        .attr("class", format!("dg-box dg-box-{}", group.kind.keyword()))
        .child(
            Element::new("rect")
                .attr("x", group.x)
                .attr("y", group.y)
                .attr("width", group.width)
                .attr("height", group.height)
                .attr("rx", 10)
                .attr("fill", "none")
                .attr("stroke", "currentColor")
                .attr("stroke-dasharray", "6 4"),
        )
        .child(
            Element::new("text")
                .attr("class", "dg-box-label")
                .attr("x", group.x + 10)
                .attr("y", group.y + 17)
                .attr("font-size", metrics::NODE_FONT)
                .attr("fill", "currentColor")
                .text(box_title(group)),
        )
}

/// "Account Data lake 444455556666" needs no "account ·" in front; "Data lake" does.
pub(crate) fn box_title(group: &PlacedBox) -> String {
    let caption = group.kind.caption();
    let named = group
        .label
        .split_whitespace()
        .any(|word| word.eq_ignore_ascii_case(caption));
    if named {
        group.label.clone()
    } else {
        format!("{caption} · {}", group.label)
    }
}

fn draw_node(node: &PlacedNode) -> Element {
    let centre = node.x + node.width / 2;
    let caption_y = node.y + metrics::NODE_PAD_Y + metrics::CAPTION_FONT;
    let first_line_y = node.y + metrics::NODE_PAD_Y + metrics::CAPTION_HEIGHT + metrics::NODE_FONT;
    let lines = node.lines.iter().enumerate().map(|(k, line)| {
        Element::new("tspan")
            .attr("x", centre)
            .attr("y", first_line_y + k as i32 * metrics::LINE_HEIGHT)
            .text(line)
    });
    Element::new("g")
        .attr("class", format!("dg-node dg-kind-{}", node.kind.keyword()))
        .child(
            Element::new("rect")
                .attr("x", node.x)
                .attr("y", node.y)
                .attr("width", node.width)
                .attr("height", node.height)
                .attr("rx", corner(node))
                .attr("fill", "Canvas")
                .attr("stroke", "currentColor"),
        )
        .child(
            Element::new("text")
                .attr("class", "dg-caption")
                .attr("x", centre)
                .attr("y", caption_y)
                .attr("text-anchor", "middle")
                .attr("font-size", metrics::CAPTION_FONT)
                .attr("fill", "currentColor")
                .text(node.kind.caption().to_uppercase()),
        )
        .child(
            Element::new("text")
                .attr("class", "dg-label")
                .attr("text-anchor", "middle")
                .attr("font-size", metrics::NODE_FONT)
                .attr("fill", "currentColor")
                .children(lines),
        )
}

/// Principals are round, documents square, places in between: shape repeats the caption.
fn corner(node: &PlacedNode) -> i32 {
    use crate::kind::NodeKind::*;
    match node.kind {
        User | Group | Role | Service | Session => 14,
        Policy | Request => 2,
        Account | Ou | Resource => 6,
    }
}

fn draw_edge(index: usize, edge: &PlacedEdge, state: &EdgeState, id: &str) -> Element {
    let label = match (edge.kind, state.verdict()) {
        (EdgeKind::Requests, Some(verdict)) => match &edge.detail {
            Some(detail) => format!("{detail} {verdict}"),
            None => verdict,
        },
        _ => Diagram::edge_label(edge),
    };
    let mut class = format!("dg-edge dg-edge-{}", edge.kind.keyword().replace(' ', "-"));
    let suffix = match state.class() {
        Some(verdict) => {
            class.push(' ');
            class.push_str(verdict);
            &verdict[2..]
        }
        None => "",
    };
    let width = metrics::edge_label_width(&label);
    let height = metrics::EDGE_LABEL_HEIGHT;
    let Point(x, y) = edge.label_at;
    let mut path = Element::new("path")
        .attr("d", path_data(&edge.points))
        .attr("fill", "none")
        .attr("stroke", "currentColor")
        .attr("stroke-width", 1.5)
        .attr("marker-end", format!("url(#{id}-arrow{suffix})"));
    if let Some(dashes) = dashes(edge.kind, state) {
        path = path.attr("stroke-dasharray", dashes);
    }
    Element::new("g")
        .attr("class", class)
        .attr("data-edge", index)
        .child(path)
        .child(
            Element::new("rect")
                .attr("class", "dg-label-bg")
                .attr("x", x - width / 2)
                .attr("y", y - height / 2)
                .attr("width", width)
                .attr("height", height)
                .attr("rx", 4)
                .attr("fill", "Canvas"),
        )
        .child(
            Element::new("text")
                .attr("class", "dg-edge-label")
                .attr("x", x)
                .attr("y", y + metrics::EDGE_FONT / 2 - 1)
                .attr("text-anchor", "middle")
                .attr("font-size", metrics::EDGE_FONT)
                .attr("fill", "currentColor")
                .text(label),
        )
}

/// Relationships that are not actions (membership, attachment, trust) are dashed, and so is a
/// denied request: the line says it as well as the colour.
fn dashes(kind: EdgeKind, state: &EdgeState) -> Option<&'static str> {
    match (kind, state) {
        (_, EdgeState::Denied { .. }) => Some("5 4"),
        (EdgeKind::MemberOf | EdgeKind::AttachedTo | EdgeKind::Contains, _) => Some("2 3"),
        (EdgeKind::Trusts, _) => Some("7 3"),
        _ => None,
    }
}

fn path_data(points: &[Point]) -> String {
    let mut data = String::new();
    for (k, Point(x, y)) in points.iter().enumerate() {
        data.push_str(if k == 0 { "M" } else { "L" });
        data.push_str(&format!("{x},{y}"));
    }
    data
}

#[cfg(test)]
mod tests;
