//! A laid-out diagram: plain data with every coordinate decided, ready to draw. The course
//! bundle carries it as JSON, so reading it needs serde and nothing else.

use serde::{Deserialize, Serialize};

use crate::kind::{BoxKind, EdgeKind, NodeKind};

/// A point in the diagram's coordinate space (pixels at 100 %), as `[x, y]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point(pub i32, pub i32);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Diagram {
    pub title: String,
    pub width: i32,
    pub height: i32,
    /// Outer boxes before the boxes inside them, so drawing in order nests them.
    pub boxes: Vec<PlacedBox>,
    pub nodes: Vec<PlacedNode>,
    pub edges: Vec<PlacedEdge>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacedNode {
    pub kind: NodeKind,
    pub label: String,
    /// The label wrapped to the node's width.
    pub lines: Vec<String>,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    /// The innermost box it is in (an index into [`Diagram::boxes`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacedBox {
    pub kind: BoxKind,
    pub label: String,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacedEdge {
    /// Indexes into [`Diagram::nodes`]; the arrow points at `to`.
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The polyline from `from`'s border to `to`'s.
    pub points: Vec<Point>,
    /// Where the centre of the edge's label goes.
    pub label_at: Point,
}

impl Diagram {
    /// The label of an edge as drawn: its verb and its detail.
    pub fn edge_label(edge: &PlacedEdge) -> String {
        match &edge.detail {
            Some(detail) => format!("{} {detail}", edge.kind.keyword()),
            None => edge.kind.keyword().to_owned(),
        }
    }
}

/// Text metrics the layout and the renderer agree on. Estimates for a sans-serif face: the
/// renderer draws with these sizes, and a label a little narrower than estimated only leaves
/// some air.
#[cfg_attr(not(feature = "layout"), allow(dead_code))]
pub(crate) mod metrics {
    pub const NODE_FONT: i32 = 13;
    pub const CAPTION_FONT: i32 = 10;
    pub const EDGE_FONT: i32 = 11;
    pub const LINE_HEIGHT: i32 = 16;
    pub const CAPTION_HEIGHT: i32 = 14;
    pub const NODE_PAD_X: i32 = 10;
    pub const NODE_PAD_Y: i32 = 7;
    pub const EDGE_LABEL_HEIGHT: i32 = 16;

    /// Width in pixels of `text` at `font` pixels.
    pub fn text_width(text: &str, font: i32) -> i32 {
        let units: i32 = text
            .chars()
            .map(|c| match c {
                'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 30,
                'm' | 'w' | 'M' | 'W' | '@' => 85,
                c if c.is_ascii_uppercase() => 68,
                _ => 56,
            })
            .sum();
        (units * font + 99) / 100
    }

    pub fn edge_label_width(text: &str) -> i32 {
        text_width(text, EDGE_FONT) + 10
    }
}
