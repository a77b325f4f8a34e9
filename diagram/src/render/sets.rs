//! Drawing a laid-out [`Venn`]: the two sets' shapes, their overlap tinted, each set's label,
//! and in each region its heading and its items as pills. As for graphs, colours come from
//! `dg-…` classes with `currentColor` and `Canvas` as fallbacks, and the sets differ by their
//! outline (solid, dashed) as well as by colour.

use super::{frame, Figure};
use crate::diagram::metrics;
use crate::svg::Element;
use crate::venn::{PlacedItem, PlacedRegion, PlacedSet, TextBlock, Venn, ITEM_PAD_Y};
use crate::words::memberships;

/// Corner radius of a set's shape: round enough to read as a set, not as a box.
const SET_CORNER: i32 = 22;
/// From the top of a 16 px line to the baseline of 13 px text on it.
const BASELINE: i32 = 12;

/// Draws overlapping sets; `id` prefixes the ids inside the SVG and must be unique on the page.
pub fn render_sets(venn: &Venn, id: &str) -> Figure {
    let words = memberships(venn);
    let mut svg = frame(id, &venn.title, (venn.width, venn.height), &words).child(
        Element::new("g")
            .attr("class", "dg-sets")
            .children(venn.sets.iter().enumerate().map(|(i, set)| shape(i, set))),
    );
    if let Some(overlap) = overlap(&venn.sets) {
        svg = svg.child(overlap);
    }
    let svg = svg
        .child(
            Element::new("g").attr("class", "dg-set-labels").children(
                venn.sets
                    .iter()
                    .map(|set| lines(&set.text, "dg-set-label", 0).attr("font-weight", 600)),
            ),
        )
        .child(
            Element::new("g")
                .attr("class", "dg-regions")
                .children(venn.regions.iter().map(region)),
        );
    Figure { svg, words }
}

fn shape(index: usize, set: &PlacedSet) -> Element {
    let mut rect = Element::new("rect")
        .attr("x", set.x)
        .attr("y", set.y)
        .attr("width", set.width)
        .attr("height", set.height)
        .attr("rx", SET_CORNER)
        .attr("fill", "currentColor")
        .attr("fill-opacity", 0.05)
        .attr("stroke", "currentColor")
        .attr("stroke-width", 2);
    if index > 0 {
        rect = rect.attr("stroke-dasharray", "8 4");
    }
    Element::new("g")
        .attr("class", format!("dg-set dg-set-{}", index + 1))
        .child(rect)
}

/// The part both shapes cover, tinted once more so the intersection stands out.
fn overlap(sets: &[PlacedSet]) -> Option<Element> {
    let [a, b] = sets else {
        return None;
    };
    let left = a.x.max(b.x);
    let top = a.y.max(b.y);
    let right = (a.x + a.width).min(b.x + b.width);
    let bottom = (a.y + a.height).min(b.y + b.height);
    (right > left && bottom > top).then(|| {
        Element::new("rect")
            .attr("class", "dg-overlap")
            .attr("x", left)
            .attr("y", top)
            .attr("width", right - left)
            .attr("height", bottom - top)
            .attr("fill", "currentColor")
            .attr("fill-opacity", 0.08)
    })
}

fn region(region: &PlacedRegion) -> Element {
    let name = if region.sets.is_empty() {
        "outside".to_owned()
    } else {
        let numbers: Vec<String> = region.sets.iter().map(|i| (i + 1).to_string()).collect();
        numbers.join(" ")
    };
    let mut group = Element::new("g")
        .attr("class", "dg-region")
        .attr("data-region", name);
    if let Some(heading) = &region.heading {
        group = group.child(lines(heading, "dg-region-label", 0).attr("font-weight", 600));
    }
    group.children(region.items.iter().map(item))
}

fn item(item: &PlacedItem) -> Element {
    let text = &item.text;
    Element::new("g")
        .attr("class", "dg-item")
        .child(
            Element::new("rect")
                .attr("x", text.x)
                .attr("y", text.y)
                .attr("width", text.width)
                .attr("height", text.height)
                .attr("rx", text.height.min(2 * metrics::LINE_HEIGHT) / 2)
                .attr("fill", "Canvas")
                .attr("stroke", "currentColor"),
        )
        .child(lines(text, "dg-item-label", ITEM_PAD_Y))
}

/// A block's lines, each centred in it, `pad` below its top.
fn lines(text: &TextBlock, class: &'static str, pad: i32) -> Element {
    let centre = text.x + text.width / 2;
    Element::new("text")
        .attr("class", class)
        .attr("text-anchor", "middle")
        .attr("font-size", metrics::NODE_FONT)
        .attr("fill", "currentColor")
        .children(text.lines.iter().enumerate().map(|(k, line)| {
            Element::new("tspan")
                .attr("x", centre)
                .attr(
                    "y",
                    text.y + pad + BASELINE + k as i32 * metrics::LINE_HEIGHT,
                )
                .text(line)
        }))
}

#[cfg(test)]
mod tests;
