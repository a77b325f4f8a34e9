//! A layered layout, top to bottom, in the manner of Sugiyama et al.:
//!
//! 1. [`rank`]: edges that close a cycle are turned around (depth-first search), then every
//!    node gets the layer of its longest path from a source, and sources move down next to
//!    what they point at (a policy sits just above the role it is attached to).
//! 2. [`order`]: edges longer than one layer get a dummy item per layer crossed; then the order
//!    within each layer is swept down and up by barycentres, keeping the members of a box
//!    together, and the order with the fewest crossings wins.
//! 3. [`place`]: boxes become columns (bands) that never overlap, nested boxes columns inside
//!    them; loose nodes next to each other share a band and are centred in it.
//! 4. [`route`]: each edge is a polyline through its dummies, with ports spread along a node's
//!    border so parallel edges stay apart, and labels staggered so they do not overlap.
//!
//! The work is bounded by the parser's limits (40 nodes, 80 edges): a few hundred items at most.

mod order;
mod place;
mod rank;
mod route;
pub(crate) mod wrap;

use crate::diagram::{Diagram, PlacedBox, PlacedNode};
use crate::spec::Spec;

/// Lays a spec out. Fails only on a spec whose indexes do not hold ([`Spec::check`]).
pub fn layout(spec: &Spec) -> Result<Diagram, String> {
    spec.check()?;
    let ranked = rank::rank(spec);
    let mut graph = order::Graph::build(spec, &ranked);
    graph.reduce_crossings();
    let placed = place::place(spec, &graph);
    let edges = route::route(spec, &graph, &placed);

    let nodes = spec
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let item = &placed.items[i];
            PlacedNode {
                kind: node.kind,
                label: node.label.clone(),
                lines: graph.items[i].lines.clone(),
                x: item.x,
                y: item.y,
                width: graph.items[i].width,
                height: item.height,
                parent: node.parent,
            }
        })
        .collect();
    let boxes = spec
        .boxes
        .iter()
        .zip(&placed.boxes)
        .map(|(group, rect)| PlacedBox {
            kind: group.kind,
            label: group.label.clone(),
            x: rect.x,
            y: rect.y,
            width: rect.width,
            height: rect.height,
            parent: group.parent,
        })
        .collect();
    let mut diagram = Diagram {
        title: spec.title.clone(),
        width: 0,
        height: 0,
        boxes,
        nodes,
        edges,
    };
    fit(&mut diagram);
    Ok(diagram)
}

/// Empty space around a drawing, graphs and sets alike.
pub(crate) const MARGIN: i32 = 8;

/// Shifts everything so the top-left corner is at the margin and sizes the canvas to hold it
/// all, labels included.
fn fit(diagram: &mut Diagram) {
    let mut left = i32::MAX;
    let mut top = i32::MAX;
    let mut right = i32::MIN;
    let mut bottom = i32::MIN;
    let mut take = |x: i32, y: i32, w: i32, h: i32| {
        left = left.min(x);
        top = top.min(y);
        right = right.max(x + w);
        bottom = bottom.max(y + h);
    };
    for node in &diagram.nodes {
        take(node.x, node.y, node.width, node.height);
    }
    for group in &diagram.boxes {
        take(group.x, group.y, group.width, group.height);
    }
    for edge in &diagram.edges {
        let width = route::label_width(edge);
        let height = crate::diagram::metrics::EDGE_LABEL_HEIGHT;
        take(
            edge.label_at.0 - width / 2,
            edge.label_at.1 - height / 2,
            width,
            height,
        );
    }
    let (dx, dy) = (MARGIN - left, MARGIN - top);
    for node in &mut diagram.nodes {
        node.x += dx;
        node.y += dy;
    }
    for group in &mut diagram.boxes {
        group.x += dx;
        group.y += dy;
    }
    for edge in &mut diagram.edges {
        for point in &mut edge.points {
            point.0 += dx;
            point.1 += dy;
        }
        edge.label_at.0 += dx;
        edge.label_at.1 += dy;
    }
    diagram.width = right - left + 2 * MARGIN;
    diagram.height = bottom - top + 2 * MARGIN;
}

#[cfg(test)]
mod tests;
