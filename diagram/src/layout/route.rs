//! Edges: polylines through their dummies, ports spread along node borders, labels placed
//! where they do not cover each other.

use super::order::Graph;
use super::place::Placed;
use crate::diagram::{metrics, Diagram, PlacedEdge, Point};
use crate::kind::EdgeKind;
use crate::spec::Spec;

/// Where in the gap between two layers a label may sit, as fractions of the gap, in order of
/// preference: the middle first, then outward.
const LEVELS: [f64; 7] = [0.45, 0.3, 0.6, 0.15, 0.75, 0.05, 0.88];
/// Room a live check's verdict adds to its label ("✗ denied by the permissions boundary").
pub const VERDICT_ROOM: i32 = 150;
const PORT_SPACING: i32 = 14;

pub fn route(spec: &Spec, graph: &Graph, placed: &Placed) -> Vec<PlacedEdge> {
    let centre = |item: usize| placed.items[item].x + placed.items[item].width / 2;
    let bottom = |item: usize| placed.items[item].y + placed.items[item].height;
    let top = |item: usize| placed.items[item].y;

    // Ports: the x where each edge leaves its upper node and enters its lower one.
    let mut leave = vec![0; spec.edges.len()];
    let mut enter = vec![0; spec.edges.len()];
    for node in 0..spec.nodes.len() {
        let mut down: Vec<(i32, usize)> = Vec::new();
        let mut up: Vec<(i32, usize)> = Vec::new();
        for (e, chain) in graph.chains.iter().enumerate() {
            if chain[0] == node {
                down.push((centre(chain[1]), e));
            }
            if chain[chain.len() - 1] == node {
                up.push((centre(chain[chain.len() - 2]), e));
            }
        }
        let width = placed.items[node].width;
        for (ports, out) in [(&mut down, &mut leave), (&mut up, &mut enter)] {
            iamplay_sort::sort(ports);
            let count = ports.len() as i32;
            let spacing = PORT_SPACING.min(width * 3 / 4 / count.max(1));
            for (k, &(_, e)) in ports.iter().enumerate() {
                out[e] = centre(node) + (2 * k as i32 - (count - 1)) * spacing / 2;
            }
        }
    }

    let mut edges: Vec<PlacedEdge> = Vec::with_capacity(spec.edges.len());
    // Per edge: the gap (upper layer) its label is in and the segment it sits on.
    let mut label_segments: Vec<(usize, Point, Point)> = Vec::new();
    for (e, edge) in spec.edges.iter().enumerate() {
        let chain = &graph.chains[e];
        let last = chain[chain.len() - 1];
        let mut points = vec![Point(leave[e], bottom(chain[0]))];
        for &dummy in &chain[1..chain.len() - 1] {
            points.push(Point(centre(dummy), top(dummy)));
            points.push(Point(centre(dummy), bottom(dummy)));
        }
        points.push(Point(enter[e], top(last)));
        let g = (chain.len() - 2) / 2;
        label_segments.push((
            graph.items[chain[g]].layer,
            points[2 * g],
            points[2 * g + 1],
        ));
        if graph.upward[e] {
            points.reverse();
        }
        edges.push(PlacedEdge {
            from: edge.from,
            to: edge.to,
            kind: edge.kind,
            detail: edge.detail.clone(),
            points,
            label_at: Point(0, 0),
        });
    }
    place_labels(&mut edges, &label_segments);
    edges
}

/// The width a label may take: a live check's also holds its verdict.
pub(super) fn label_width(edge: &PlacedEdge) -> i32 {
    let width = metrics::edge_label_width(&Diagram::edge_label(edge));
    if edge.kind == EdgeKind::Requests {
        width + VERDICT_ROOM
    } else {
        width
    }
}

/// Puts each label on its segment at the first level where it covers no label placed before,
/// going left to right through each gap.
fn place_labels(edges: &mut [PlacedEdge], segments: &[(usize, Point, Point)]) {
    let at = |(_, a, b): &(usize, Point, Point), level: f64| {
        let y = a.1 as f64 + (b.1 - a.1) as f64 * level;
        let x = a.0 as f64 + (b.0 - a.0) as f64 * level;
        Point(x.round() as i32, y.round() as i32)
    };
    let mut order: Vec<usize> = (0..edges.len()).collect();
    iamplay_sort::sort_by_key(&mut order, |&e| (segments[e].0, at(&segments[e], 0.5).0));
    let mut placed: Vec<(usize, Point, i32)> = Vec::new();
    let height = metrics::EDGE_LABEL_HEIGHT;
    for e in order {
        let width = label_width(&edges[e]);
        let gap = segments[e].0;
        // How much a label at `point` would cover labels already placed in this gap.
        let covered = |point: Point| -> i32 {
            placed
                .iter()
                .filter(|&&(other_gap, _, _)| other_gap == gap)
                .map(|&(_, other, other_width)| {
                    let across = (width + other_width + 8) / 2 - (point.0 - other.0).abs();
                    let down = height + 2 - (point.1 - other.1).abs();
                    across.max(0) * down.max(0)
                })
                .sum()
        };
        // The first free level, else the least covered one.
        let mut best = (i32::MAX, at(&segments[e], LEVELS[0]));
        for &level in &LEVELS {
            let point = at(&segments[e], level);
            let cover = covered(point);
            if cover < best.0 {
                best = (cover, point);
            }
            if cover == 0 {
                break;
            }
        }
        let point = best.1;
        placed.push((gap, point, width));
        edges[e].label_at = point;
    }
}
