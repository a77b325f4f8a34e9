//! Overlapping sets, laid out: two sets drawn as overlapping rounded rectangles, and items (an
//! action, a request) listed in the region they fall in: only in one set, in both, or in
//! neither. Like [`crate::Diagram`], plain serialisable data the course bundle carries, so the
//! app only draws it.

use serde::{Deserialize, Serialize};

#[cfg(feature = "authoring")]
pub(crate) mod layout;
#[cfg(feature = "authoring")]
pub(crate) mod spec;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Venn {
    pub title: String,
    pub width: i32,
    pub height: i32,
    /// The first set's shape is at the top left, the second's overlaps it from below right.
    pub sets: Vec<PlacedSet>,
    /// Regions in reading order: only in the first set, in both, only in the second, outside.
    pub regions: Vec<PlacedRegion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacedSet {
    pub label: String,
    /// Where the label is written, inside the shape, clear of the other set.
    pub text: TextBlock,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

/// A part of the drawing: inside exactly the sets named, and no other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacedRegion {
    /// Indexes into [`Venn::sets`], ascending; empty for the region outside every set.
    pub sets: Vec<usize>,
    /// What the author says about the region ("allowed: both grant it").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The heading drawn in the region: the label, or for the outside a caption that says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<TextBlock>,
    pub items: Vec<PlacedItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacedItem {
    pub label: String,
    /// The item's pill: its lines are centred in it.
    pub text: TextBlock,
}

/// Wrapped lines of text and the rectangle they fill; each line is 16 px high.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TextBlock {
    pub lines: Vec<String>,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

/// Vertical padding inside an item's pill, above its first line and below its last.
pub const ITEM_PAD_Y: i32 = 3;

impl Venn {
    /// Where a region is, in words: "in both A and B", "only in A", "in neither A nor B".
    pub fn region_words(&self, region: &PlacedRegion) -> String {
        let name = |i: &usize| self.sets.get(*i).map_or("?", |set| set.label.as_str());
        let names: Vec<&str> = region.sets.iter().map(name).collect();
        match names.as_slice() {
            [] => {
                let all: Vec<&str> = self.sets.iter().map(|set| set.label.as_str()).collect();
                format!("in neither {}", all.join(" nor "))
            }
            [one] => format!("only in {one}"),
            both => format!("in both {}", both.join(" and ")),
        }
    }
}
