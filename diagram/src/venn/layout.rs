//! Placing two overlapping sets. The first set is a rounded rectangle at the top left, the
//! second overlaps it from below right, so the drawing has three columns, each inside exactly
//! one region: only in the first set, in both, only in the second. A column's heading and
//! items are stacked in the band where the shapes overlap vertically; each set's label sits
//! where only that set is (above the band for the first, below it for the second); items in
//! neither set flow in rows under both shapes. Every region is a rectangle, so "this item is in
//! that region" is plain geometry, and the columns are as narrow as their words allow.

use crate::diagram::{metrics, Point};
use crate::layout::wrap::wrap_to;
use crate::layout::MARGIN;
use crate::venn::spec::VennSpec;
use crate::venn::{PlacedItem, PlacedRegion, PlacedSet, TextBlock, Venn, ITEM_PAD_Y};

/// Padding inside a shape, around a column's content.
const PAD: i32 = 10;
/// Space between stacked or neighbouring blocks.
const GAP: i32 = 8;
const ITEM_PAD_X: i32 = 6;
/// Narrowest content of a column, so an empty region still shows as a region.
const MIN_CONTENT: i32 = 96;
/// Characters a line of a heading or an item holds: three columns fit a phone.
const LINE_CHARS: usize = 18;
/// The heading of the outside region when the author gives it none.
const OUTSIDE: &str = "In neither set";

/// A block of text not yet placed: its lines and its size.
struct Sized {
    lines: Vec<String>,
    width: i32,
    height: i32,
}

impl Sized {
    /// Headings and set labels are bold: a little wider than the regular estimate.
    fn heading(text: &str) -> Self {
        Self::of(wrap_to(text, LINE_CHARS), 11, 0, 0)
    }

    fn set_label(text: &str) -> Self {
        Self::of(crate::layout::wrap::wrap(text), 11, 0, 0)
    }

    fn item(text: &str) -> Self {
        Self::of(wrap_to(text, LINE_CHARS), 10, ITEM_PAD_X, ITEM_PAD_Y)
    }

    /// `tenths`: the font's width against the regular estimate.
    fn of(lines: Vec<String>, tenths: i32, pad_x: i32, pad_y: i32) -> Self {
        let widest = lines
            .iter()
            .map(|line| metrics::text_width(line, metrics::NODE_FONT) * tenths / 10)
            .max()
            .unwrap_or(0);
        let height = lines.len() as i32 * metrics::LINE_HEIGHT + 2 * pad_y;
        Self {
            lines,
            width: widest + 2 * pad_x,
            height,
        }
    }

    fn at(self, Point(x, y): Point) -> TextBlock {
        TextBlock {
            lines: self.lines,
            x,
            y,
            width: self.width,
            height: self.height,
        }
    }
}

/// A region's heading and items, stacked.
struct Column {
    sets: Vec<usize>,
    label: Option<String>,
    heading: Option<Sized>,
    items: Vec<(String, Sized)>,
}

impl Column {
    fn new(spec: &VennSpec, sets: Vec<usize>) -> Self {
        let label = spec
            .regions
            .iter()
            .find(|region| region.sets == sets)
            .map(|region| region.label.clone());
        let items = spec
            .items
            .iter()
            .filter(|item| item.sets == sets)
            .map(|item| (item.label.clone(), Sized::item(&item.label)))
            .collect();
        let heading = match (&label, sets.is_empty()) {
            (Some(label), _) => Some(Sized::heading(label)),
            (None, true) => Some(Sized::heading(OUTSIDE)),
            (None, false) => None,
        };
        Self {
            sets,
            label,
            heading,
            items,
        }
    }

    fn content_width(&self) -> i32 {
        let heading = self.heading.as_ref().map_or(0, |h| h.width);
        let items = self.items.iter().map(|(_, item)| item.width);
        items
            .chain([heading, MIN_CONTENT])
            .max()
            .unwrap_or(MIN_CONTENT)
    }

    fn content_height(&self) -> i32 {
        let heading = self.heading.as_ref().map_or(0, |h| h.height + GAP);
        let items: i32 = self.items.iter().map(|(_, item)| item.height + GAP).sum();
        heading + items
    }

    /// Stacks the column, centred in `[x, x + width)`, from `y`.
    fn stack(self, x: i32, width: i32, mut y: i32) -> PlacedRegion {
        let centred = |w: i32| x + (width - w) / 2;
        let mut below = |block: &Sized| {
            let at = Point(centred(block.width), y);
            y += block.height + GAP;
            at
        };
        let heading_at = self.heading.as_ref().map(&mut below);
        let items_at = self.items.iter().map(|(_, item)| below(item)).collect();
        self.placed(heading_at, items_at)
    }

    /// Flows the column in rows no wider than `width`, from `(x, y)`: the outside region.
    fn flow(self, x: i32, width: i32, mut y: i32) -> PlacedRegion {
        let heading_at = self.heading.as_ref().map(|heading| {
            let at = Point(x, y);
            y += heading.height + GAP;
            at
        });
        let mut left = x;
        let mut row_height = 0;
        let items_at = self
            .items
            .iter()
            .map(|(_, item)| {
                if left > x && left + item.width > x + width {
                    left = x;
                    y += row_height + GAP;
                    row_height = 0;
                }
                let at = Point(left, y);
                left += item.width + GAP;
                row_height = row_height.max(item.height);
                at
            })
            .collect();
        self.placed(heading_at, items_at)
    }

    fn placed(self, heading_at: Option<Point>, items_at: Vec<Point>) -> PlacedRegion {
        PlacedRegion {
            sets: self.sets,
            label: self.label,
            heading: self
                .heading
                .zip(heading_at)
                .map(|(heading, at)| heading.at(at)),
            items: self
                .items
                .into_iter()
                .zip(items_at)
                .map(|((label, item), at)| PlacedItem {
                    label,
                    text: item.at(at),
                })
                .collect(),
        }
    }
}

/// Lays out two overlapping sets. Fails only on a spec that [`VennSpec::check`] refuses.
pub fn layout_sets(spec: &VennSpec) -> Result<Venn, String> {
    spec.check()?;
    let first = Sized::set_label(&spec.sets[0].label);
    let second = Sized::set_label(&spec.sets[1].label);
    let [left, both, right] = [vec![0], vec![0, 1], vec![1]].map(|sets| Column::new(spec, sets));
    let outside = Column::new(spec, Vec::new());

    let mut widths = [&left, &both, &right].map(|column| column.content_width() + 2 * PAD);
    // Each set's label spans its shape's two columns; widen its own column if it needs more.
    widths[0] += (first.width + 2 * PAD - widths[0] - widths[1]).max(0);
    widths[2] += (second.width + 2 * PAD - widths[1] - widths[2]).max(0);
    let [left_width, both_width, right_width] = widths;

    let band_top = PAD + first.height + GAP;
    let content = [&left, &both, &right]
        .map(Column::content_height)
        .into_iter()
        .max()
        .unwrap_or(0)
        .max(metrics::LINE_HEIGHT * 2);
    let band_height = content + 2 * PAD;
    let band_bottom = band_top + band_height;
    let bottom = band_bottom + GAP + second.height + PAD;

    let first_shape = (0, 0, left_width + both_width, band_bottom);
    let second_shape = (
        left_width,
        band_top,
        both_width + right_width,
        bottom - band_top,
    );
    let second_label_at = Point(
        second_shape.0 + second_shape.2 - PAD - second.width,
        band_bottom + GAP,
    );
    let sets = vec![
        placed_set(&spec.sets[0].label, first.at(Point(PAD, PAD)), first_shape),
        placed_set(
            &spec.sets[1].label,
            second.at(second_label_at),
            second_shape,
        ),
    ];

    let total = left_width + both_width + right_width;
    let content_top = band_top + PAD;
    let mut regions = vec![
        left.stack(0, left_width, content_top),
        both.stack(left_width, both_width, content_top),
        right.stack(left_width + both_width, right_width, content_top),
    ];
    let has_outside = outside.label.is_some() || !outside.items.is_empty();
    let mut height = bottom;
    if has_outside {
        let region = outside.flow(0, total, bottom + 2 * GAP);
        height = region
            .items
            .iter()
            .map(|item| &item.text)
            .chain(&region.heading)
            .map(|text| text.y + text.height)
            .max()
            .unwrap_or(bottom);
        regions.push(region);
    }
    let mut venn = Venn {
        title: spec.title.clone(),
        width: total,
        height,
        sets,
        regions,
    };
    shift(&mut venn, MARGIN);
    Ok(venn)
}

fn placed_set(
    label: &str,
    text: TextBlock,
    (x, y, width, height): (i32, i32, i32, i32),
) -> PlacedSet {
    PlacedSet {
        label: label.to_owned(),
        text,
        x,
        y,
        width,
        height,
    }
}

/// Moves everything by the margin and grows the canvas to keep it on every side.
fn shift(venn: &mut Venn, by: i32) {
    let mut texts: Vec<&mut TextBlock> = Vec::new();
    for set in &mut venn.sets {
        set.x += by;
        set.y += by;
        texts.push(&mut set.text);
    }
    for region in &mut venn.regions {
        texts.extend(region.heading.as_mut());
        texts.extend(region.items.iter_mut().map(|item| &mut item.text));
    }
    for text in texts {
        text.x += by;
        text.y += by;
    }
    venn.width += 2 * by;
    venn.height += 2 * by;
}

#[cfg(test)]
mod tests;
