//! Coordinates: boxes as columns that never overlap, loose nodes centred in shared columns.

use super::order::Graph;
use crate::diagram::metrics;
use crate::spec::Spec;

const GAP_X: i32 = 24;
/// Room between layers for edges and their labels: a base, and a label row per edge crossing
/// the gap (up to a few), so the labels can be staggered instead of piled up.
const GAP_Y: i32 = 40;
const GAP_PER_EDGE: i32 = 18;
const GAP_MAX_ROWS: i32 = 6;
const BOX_PAD: i32 = 12;
/// Room above a box's first layer for its label.
const BOX_HEAD: i32 = 26;
const BOX_FOOT: i32 = 12;

#[derive(Debug, Clone, Copy, Default)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

#[derive(Debug)]
pub struct Placed {
    /// Per item: its rectangle (a dummy's spans its layer's height).
    pub items: Vec<Rect>,
    pub boxes: Vec<Rect>,
}

/// A column of a container: a box, or loose items next to each other in the order.
#[derive(Debug)]
enum Band {
    Box(usize),
    Loose(Vec<usize>),
}

struct Placer<'a> {
    spec: &'a Spec,
    graph: &'a Graph,
    /// Per item: its position within its layer, normalised to 0..1, for ordering columns.
    key: Vec<f64>,
    items: Vec<Rect>,
    boxes: Vec<Rect>,
}

pub fn place(spec: &Spec, graph: &Graph) -> Placed {
    let mut key = vec![0.0; graph.items.len()];
    for layer in &graph.layers {
        for (i, &item) in layer.iter().enumerate() {
            key[item] = (i as f64 + 0.5) / layer.len() as f64;
        }
    }
    let mut placer = Placer {
        spec,
        graph,
        key,
        items: vec![Rect::default(); graph.items.len()],
        boxes: vec![Rect::default(); spec.boxes.len()],
    };
    placer.vertical();
    let width = placer.inner_width(None);
    placer.horizontal(None, 0, width);
    placer.box_heights();
    Placed {
        items: placer.items,
        boxes: placer.boxes,
    }
}

impl Placer<'_> {
    fn node_height(&self, item: usize) -> i32 {
        let lines = self.graph.items[item].lines.len() as i32;
        metrics::CAPTION_HEIGHT + lines * metrics::LINE_HEIGHT + 2 * metrics::NODE_PAD_Y
    }

    /// Whether box `b` holds item `item`, directly or in a box inside it.
    fn holds(&self, b: usize, item: usize) -> bool {
        self.graph.items[item].path.contains(&b)
    }

    /// The first and last layer of the items in a box.
    fn layer_span(&self, b: usize) -> (usize, usize) {
        let layers = (0..self.graph.items.len())
            .filter(|&i| self.holds(b, i))
            .map(|i| self.graph.items[i].layer);
        let (mut first, mut last) = (usize::MAX, 0);
        for layer in layers {
            first = first.min(layer);
            last = last.max(layer);
        }
        (first, last)
    }

    /// How many of the boxes around an item start (or end) at its layer: the headers above it.
    fn boxes_edging(&self, item: usize, starting: bool) -> i32 {
        let layer = self.graph.items[item].layer;
        self.graph.items[item]
            .path
            .iter()
            .filter(|&&b| {
                let (first, last) = self.layer_span(b);
                if starting {
                    first == layer
                } else {
                    last == layer
                }
            })
            .count() as i32
    }

    fn vertical(&mut self) {
        let mut crossing = vec![0; self.graph.layers.len()];
        for chain in &self.graph.chains {
            for &upper in &chain[..chain.len() - 1] {
                crossing[self.graph.items[upper].layer] += 1;
            }
        }
        let mut cursor = 0;
        for (index, layer) in self.graph.layers.iter().enumerate() {
            let head = layer
                .iter()
                .map(|&i| self.boxes_edging(i, true))
                .max()
                .unwrap_or(0);
            let foot = layer
                .iter()
                .map(|&i| self.boxes_edging(i, false))
                .max()
                .unwrap_or(0);
            let height = layer
                .iter()
                .filter(|&&i| !self.graph.items[i].dummy)
                .map(|&i| self.node_height(i))
                .max()
                .unwrap_or(20);
            cursor += head * BOX_HEAD;
            for &item in layer {
                self.items[item].y = cursor;
                self.items[item].height = height;
            }
            let rows = crossing[index].clamp(1, GAP_MAX_ROWS);
            cursor += height + foot * BOX_FOOT + GAP_Y + rows * GAP_PER_EDGE;
        }
    }

    /// The columns of a container (the whole drawing, or a box), left to right.
    fn bands(&self, container: Option<usize>) -> Vec<Band> {
        let mut units: Vec<(f64, Band)> = Vec::new();
        let mean = |items: &mut dyn Iterator<Item = usize>| {
            let (sum, count) = items.fold((0.0, 0usize), |(s, c), i| (s + self.key[i], c + 1));
            sum / count.max(1) as f64
        };
        for (b, group) in self.spec.boxes.iter().enumerate() {
            if group.parent == container {
                let mut members = (0..self.graph.items.len()).filter(|&i| self.holds(b, i));
                units.push((mean(&mut members), Band::Box(b)));
            }
        }
        for (i, item) in self.graph.items.iter().enumerate() {
            if item.path.last().copied() == container {
                units.push((self.key[i], Band::Loose(vec![i])));
            }
        }
        iamplay_sort::sort_by(&mut units, |a, b| a.0.total_cmp(&b.0));
        let mut bands: Vec<Band> = Vec::new();
        for (_, unit) in units {
            match (bands.last_mut(), unit) {
                (Some(Band::Loose(items)), Band::Loose(more)) => items.extend(more),
                (_, unit) => bands.push(unit),
            }
        }
        bands
    }

    /// A loose band's rows: its items per layer, in layer order.
    fn rows(&self, items: &[usize]) -> Vec<Vec<usize>> {
        self.graph
            .layers
            .iter()
            .map(|layer| {
                layer
                    .iter()
                    .copied()
                    .filter(|i| items.contains(i))
                    .collect()
            })
            .filter(|row: &Vec<usize>| !row.is_empty())
            .collect()
    }

    fn row_width(&self, row: &[usize]) -> i32 {
        row.iter().map(|&i| self.graph.items[i].width).sum::<i32>()
            + GAP_X * (row.len() as i32 - 1).max(0)
    }

    fn band_width(&self, band: &Band) -> i32 {
        match band {
            Band::Box(b) => self.box_width(*b),
            Band::Loose(items) => self
                .rows(items)
                .iter()
                .map(|row| self.row_width(row))
                .max()
                .unwrap_or(0),
        }
    }

    fn inner_width(&self, container: Option<usize>) -> i32 {
        let bands = self.bands(container);
        bands.iter().map(|band| self.band_width(band)).sum::<i32>()
            + GAP_X * (bands.len() as i32 - 1).max(0)
    }

    fn box_width(&self, b: usize) -> i32 {
        let label = &self.spec.boxes[b];
        let title = format!("{} · {}", label.kind.caption(), label.label);
        let label_width = metrics::text_width(&title, metrics::NODE_FONT);
        (self.inner_width(Some(b)) + 2 * BOX_PAD).max(label_width + 2 * BOX_PAD)
    }

    /// Places a container's bands side by side, centred in `width` from `x`.
    fn horizontal(&mut self, container: Option<usize>, x: i32, width: i32) {
        let bands = self.bands(container);
        let total = self.inner_width(container);
        let mut cursor = x + (width - total) / 2;
        for band in &bands {
            let band_width = self.band_width(band);
            match band {
                Band::Box(b) => {
                    self.boxes[*b].x = cursor;
                    self.boxes[*b].width = band_width;
                    self.horizontal(Some(*b), cursor + BOX_PAD, band_width - 2 * BOX_PAD);
                }
                Band::Loose(items) => {
                    for row in self.rows(items) {
                        let mut left = cursor + (band_width - self.row_width(&row)) / 2;
                        for item in row {
                            self.items[item].x = left;
                            self.items[item].width = self.graph.items[item].width;
                            left += self.graph.items[item].width + GAP_X;
                        }
                    }
                }
            }
            cursor += band_width + GAP_X;
        }
    }

    fn box_heights(&mut self) {
        for b in 0..self.spec.boxes.len() {
            let members: Vec<usize> = (0..self.graph.items.len())
                .filter(|&i| self.holds(b, i))
                .collect();
            let (first, last) = self.layer_span(b);
            // Headers of this box and of the boxes inside it that start on the same layer.
            let inner = |item: usize, starting: bool| {
                let path = &self.graph.items[item].path;
                let from = path.iter().position(|&p| p == b).unwrap_or(0);
                path[from..]
                    .iter()
                    .filter(|&&p| {
                        let (f, l) = self.layer_span(p);
                        if starting {
                            f == first
                        } else {
                            l == last
                        }
                    })
                    .count() as i32
            };
            let top = members
                .iter()
                .filter(|&&i| self.graph.items[i].layer == first)
                .map(|&i| self.items[i].y - inner(i, true) * BOX_HEAD)
                .min()
                .unwrap_or(0);
            let bottom = members
                .iter()
                .filter(|&&i| self.graph.items[i].layer == last)
                .map(|&i| self.items[i].y + self.items[i].height + inner(i, false) * BOX_FOOT)
                .max()
                .unwrap_or(0);
            self.boxes[b].y = top;
            self.boxes[b].height = bottom - top;
        }
    }
}
