//! The layered graph with dummies, and the order of items within each layer.

use super::rank::Ranked;
use super::wrap;
use crate::diagram::metrics;
use crate::spec::Spec;

/// A dummy's width: the room an edge passing through a layer takes.
const DUMMY_WIDTH: i32 = 14;
const SWEEPS: usize = 12;

/// Items with the key they are sorted by.
type Keyed = Vec<(usize, f64)>;

/// A real node (the first `spec.nodes.len()` items) or a dummy on a long edge.
#[derive(Debug, Clone)]
pub struct Item {
    pub layer: usize,
    pub width: i32,
    /// Real nodes' wrapped label; empty for dummies.
    pub lines: Vec<String>,
    /// The boxes around it, outermost first. A dummy is in the boxes both ends share.
    pub path: Vec<usize>,
    pub dummy: bool,
}

#[derive(Debug)]
pub struct Graph {
    pub items: Vec<Item>,
    /// Per spec edge: its items from the upper end to the lower, dummies between.
    pub chains: Vec<Vec<usize>>,
    /// Per spec edge: whether the chain runs from the edge's `to` to its `from`.
    pub upward: Vec<bool>,
    /// Items of each layer, left to right.
    pub layers: Vec<Vec<usize>>,
    preds: Vec<Vec<usize>>,
    succs: Vec<Vec<usize>>,
}

impl Graph {
    pub fn build(spec: &Spec, ranked: &Ranked) -> Self {
        let mut items: Vec<Item> = spec
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| {
                let lines = wrap::wrap(&node.label);
                let widest = lines
                    .iter()
                    .map(|line| metrics::text_width(line, metrics::NODE_FONT))
                    .chain([metrics::text_width(
                        node.kind.caption(),
                        metrics::CAPTION_FONT,
                    )])
                    .max()
                    .unwrap_or(0);
                Item {
                    layer: ranked.layer[i],
                    width: (widest + 2 * metrics::NODE_PAD_X).max(88),
                    lines,
                    path: spec.box_path(node.parent),
                    dummy: false,
                }
            })
            .collect();
        let mut chains = Vec::with_capacity(spec.edges.len());
        let mut upward = Vec::with_capacity(spec.edges.len());
        for (edge, &(upper, lower)) in spec.edges.iter().zip(&ranked.ends) {
            upward.push(upper != edge.from);
            let shared: Vec<usize> = items[upper]
                .path
                .iter()
                .zip(&items[lower].path)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| *a)
                .collect();
            let mut chain = vec![upper];
            for layer in items[upper].layer + 1..items[lower].layer {
                items.push(Item {
                    layer,
                    width: DUMMY_WIDTH,
                    lines: Vec::new(),
                    path: shared.clone(),
                    dummy: true,
                });
                chain.push(items.len() - 1);
            }
            chain.push(lower);
            chains.push(chain);
        }
        let mut preds = vec![Vec::new(); items.len()];
        let mut succs = vec![Vec::new(); items.len()];
        for chain in &chains {
            for pair in chain.windows(2) {
                succs[pair[0]].push(pair[1]);
                preds[pair[1]].push(pair[0]);
            }
        }
        let depth = items.iter().map(|item| item.layer + 1).max().unwrap_or(0);
        let mut layers = vec![Vec::new(); depth];
        for (i, item) in items.iter().enumerate() {
            layers[item.layer].push(i);
        }
        let mut graph = Self {
            items,
            chains,
            upward,
            layers,
            preds,
            succs,
        };
        // Start from an order that already keeps boxes together.
        for layer in 0..graph.layers.len() {
            let keys: Vec<(usize, f64)> = graph.layers[layer]
                .iter()
                .enumerate()
                .map(|(position, &item)| (item, position as f64))
                .collect();
            graph.layers[layer] = graph.grouped(&keys, 0);
        }
        graph
    }

    /// Barycentric sweeps down and up; keeps the order with the fewest crossings.
    pub fn reduce_crossings(&mut self) {
        let mut best = self.layers.clone();
        let mut fewest = self.crossings();
        for sweep in 0..SWEEPS {
            if sweep % 2 == 0 {
                for layer in 1..self.layers.len() {
                    self.reorder(layer, true);
                }
            } else {
                for layer in (0..self.layers.len().saturating_sub(1)).rev() {
                    self.reorder(layer, false);
                }
            }
            let crossings = self.crossings();
            if crossings < fewest {
                fewest = crossings;
                best = self.layers.clone();
            }
            if fewest == 0 {
                break;
            }
        }
        self.layers = best;
    }

    fn positions(&self) -> Vec<usize> {
        let mut position = vec![0; self.items.len()];
        for layer in &self.layers {
            for (i, &item) in layer.iter().enumerate() {
                position[item] = i;
            }
        }
        position
    }

    /// Sorts a layer by the mean position of each item's neighbours in the layer above
    /// (`from_above`) or below; an item without neighbours there keeps its place.
    fn reorder(&mut self, layer: usize, from_above: bool) {
        let position = self.positions();
        let keys: Vec<(usize, f64)> = self.layers[layer]
            .iter()
            .map(|&item| {
                let neighbours = if from_above {
                    &self.preds[item]
                } else {
                    &self.succs[item]
                };
                let key = if neighbours.is_empty() {
                    position[item] as f64
                } else {
                    neighbours.iter().map(|&n| position[n] as f64).sum::<f64>()
                        / neighbours.len() as f64
                };
                (item, key)
            })
            .collect();
        self.layers[layer] = self.grouped(&keys, 0);
    }

    /// Orders items by key while keeping the members of each box (at `depth` and below)
    /// together: a box moves as one, at the mean key of its members.
    fn grouped(&self, keys: &[(usize, f64)], depth: usize) -> Vec<usize> {
        let mut groups: Vec<(Option<usize>, Keyed)> = Vec::new();
        for &(item, key) in keys {
            match self.items[item].path.get(depth) {
                Some(&group) => match groups.iter_mut().find(|(g, _)| *g == Some(group)) {
                    Some((_, members)) => members.push((item, key)),
                    None => groups.push((Some(group), vec![(item, key)])),
                },
                None => groups.push((None, vec![(item, key)])),
            }
        }
        let mean = |members: &[(usize, f64)]| {
            members.iter().map(|(_, key)| key).sum::<f64>() / members.len() as f64
        };
        iamplay_sort::sort_by(&mut groups, |a, b| mean(&a.1).total_cmp(&mean(&b.1)));
        groups
            .into_iter()
            .flat_map(|(group, members)| match group {
                Some(_) => self.grouped(&members, depth + 1),
                None => vec![members[0].0],
            })
            .collect()
    }

    /// Crossings between consecutive layers: pairs of edges whose ends are in opposite orders.
    pub fn crossings(&self) -> usize {
        let position = self.positions();
        let mut total = 0;
        for layer in &self.layers {
            let edges: Vec<(usize, usize)> = layer
                .iter()
                .flat_map(|&a| self.succs[a].iter().map(move |&b| (a, b)))
                .map(|(a, b)| (position[a], position[b]))
                .collect();
            for (i, &(a1, b1)) in edges.iter().enumerate() {
                for &(a2, b2) in &edges[i + 1..] {
                    if (a1 < a2 && b1 > b2) || (a1 > a2 && b1 < b2) {
                        total += 1;
                    }
                }
            }
        }
        total
    }
}
