//! The other form of a diagram block: two overlapping sets and the items in each region.
//!
//! ```text
//! title A permissions boundary caps what the identity policy grants
//! set identity "Identity policy"
//! set boundary "Permissions boundary"
//! region "Allowed: both allow it" in identity boundary
//! item "s3:GetObject" in identity boundary
//! item "iam:CreateUser" in identity
//! item "ec2:RunInstances" outside
//! ```
//!
//! - `set <id> "<label>"`: one of the two sets.
//! - `item "<label>" in <set> [<set>]`: an item in exactly the sets named, so `in identity` is
//!   only in `identity`; `item "<label>" outside`: in neither.
//! - `region "<label>" in <set> [<set>]` or `region "<label>" outside`: what a region means,
//!   drawn as its heading; optional, one per region.
//!
//! Sets share the ids' namespace and may be named before they are declared.

use super::*;
use crate::venn::spec::{ItemSpec, RegionSpec, SetSpec, SETS};

/// More would not fit a phone's width in three columns.
pub const MAX_ITEMS: usize = 24;

/// What the sets form has read so far.
#[derive(Debug, Default)]
pub(super) struct Sets {
    declared: Vec<SetSpec>,
    /// Items and region labels, resolved once every set is known.
    placements: Vec<Placement>,
    /// Each item's label and the line that placed it: an item is in one region.
    items: HashMap<String, usize>,
}

#[derive(Debug)]
struct Placement {
    line: usize,
    is_item: bool,
    /// The column of `item` or `region`.
    column: usize,
    label: String,
    /// The sets named, with their columns; empty: outside.
    sets: Vec<(usize, String)>,
}

impl Parser {
    pub(super) fn sets_statement(&mut self, line: usize, tokens: &[Token]) {
        if !self.keep_style(Style::Sets, line, tokens[0].column) {
            return;
        }
        if tokens[0].word() == Some("set") {
            self.set(line, tokens);
        } else {
            self.placement(line, tokens);
        }
    }

    fn set(&mut self, line: usize, tokens: &[Token]) {
        let column = tokens[0].column;
        let (id, label) = match tokens {
            [_, id, label] => match (&id.text, &label.text) {
                (TokenText::Word(id_text), TokenText::Quoted(label_text)) => {
                    ((id.column, id_text), (label.column, label_text))
                }
                _ => return self.shape_error(line, column, "set"),
            },
            _ => return self.shape_error(line, column, "set"),
        };
        if !self.valid_id(line, id.0, id.1)
            || !self.valid_label(line, label.0, label.1)
            || !self.new_id(line, id.0, id.1)
        {
            return;
        }
        if self.sets.declared.len() == SETS {
            let message = "a third `set`: a diagram overlaps two sets".to_owned();
            let help = Some("compare two policies at a time; draw the third in another diagram");
            return self.error(line, column, message, help);
        }
        self.sets.declared.push(SetSpec {
            id: id.1.clone(),
            label: label.1.clone(),
        });
        let index = self.sets.declared.len() - 1;
        self.ids.insert(id.1.clone(), (Declared::Set(index), line));
    }

    /// An `item` or a `region` line.
    fn placement(&mut self, line: usize, tokens: &[Token]) {
        let keyword = tokens[0].word().unwrap_or_default();
        let column = tokens[0].column;
        let shape = |parser: &mut Self| {
            let article = if keyword == "item" { "an" } else { "a" };
            let message =
                format!("{article} `{keyword}` line needs a quoted label, then where it is");
            let help = format!(
                "write `{keyword} \"<label>\" in <set> [<set>]`, or `{keyword} \"<label>\" outside`"
            );
            parser.error(line, column, message, Some(&help));
        };
        let (label, place) = match tokens {
            [_, label, place @ ..] => match &label.text {
                TokenText::Quoted(text) => ((label.column, text), place),
                TokenText::Word(_) => return shape(self),
            },
            _ => return shape(self),
        };
        let words: Option<Vec<&str>> = place.iter().map(Token::word).collect();
        let sets: Vec<(usize, String)> = match words.as_deref() {
            Some(["outside"]) => Vec::new(),
            Some(["in", ids @ ..]) if !ids.is_empty() => place[1..]
                .iter()
                .zip(ids)
                .map(|(token, id)| (token.column, (*id).to_owned()))
                .collect(),
            _ => return shape(self),
        };
        if !self.valid_label(line, label.0, label.1) {
            return;
        }
        for (k, (set_column, id)) in sets.iter().enumerate() {
            if sets[..k].iter().any(|(_, earlier)| earlier == id) {
                let message = format!("`{id}` is named twice");
                return self.error(line, *set_column, message, Some("name each set once"));
            }
        }
        let is_item = keyword == "item";
        if is_item {
            if let Some(first) = self.sets.items.get(label.1) {
                let message = format!("`{}` is already placed on line {first}", label.1);
                let help = Some("place an item once, in the region of every set that holds it");
                return self.error(line, label.0, message, help);
            }
            if self.sets.items.len() == MAX_ITEMS {
                let message = format!("more than {MAX_ITEMS} items");
                return self.error(line, column, message, Some("split the diagram"));
            }
            self.sets.items.insert(label.1.clone(), line);
        }
        self.sets.placements.push(Placement {
            line,
            is_item,
            column,
            label: label.1.clone(),
            sets,
        });
    }

    /// The sets, once every line is read: items and regions name declared sets, and each
    /// region has at most one label.
    pub(super) fn finish_sets(&mut self) -> VennSpec {
        let mut venn = VennSpec {
            title: self.spec.title.clone(),
            sets: std::mem::take(&mut self.sets.declared),
            ..VennSpec::default()
        };
        if venn.sets.len() < SETS {
            let line = self.style.map_or(1, |(_, line)| line);
            let message = format!(
                "a diagram of sets needs two `set` lines; it has {}",
                venn.sets.len()
            );
            let help = Some("declare the other: `set boundary \"Permissions boundary\"`");
            self.error(line, 1, message, help);
        }
        let mut labelled: HashMap<Vec<usize>, usize> = HashMap::new();
        for placement in std::mem::take(&mut self.sets.placements) {
            let Some(mut sets) = self.resolve_sets(&placement) else {
                continue;
            };
            sets.sort_unstable();
            if placement.is_item {
                venn.items.push(ItemSpec {
                    label: placement.label,
                    sets,
                });
            } else if let Some(first) = labelled.get(&sets) {
                let message = format!("this region already has a label, on line {first}");
                let help = Some("one `region` line per region");
                self.error(placement.line, placement.column, message, help);
            } else {
                labelled.insert(sets.clone(), placement.line);
                venn.regions.push(RegionSpec {
                    sets,
                    label: placement.label,
                });
            }
        }
        venn
    }

    /// The indexes of the sets a line names, or `None` after reporting each unknown one.
    fn resolve_sets(&mut self, placement: &Placement) -> Option<Vec<usize>> {
        let mut sets = Vec::new();
        let mut known = true;
        for (column, id) in &placement.sets {
            match self.ids.get(id) {
                Some((Declared::Set(index), _)) => sets.push(*index),
                _ => {
                    known = false;
                    let message = format!("`{id}` is not a set of this diagram");
                    let help = self
                        .closest_id(id)
                        .map(|near| format!("did you mean `{near}`?"))
                        .unwrap_or_else(|| format!("declare it: `set {id} \"<label>\"`"));
                    self.error(placement.line, *column, message, Some(&help));
                }
            }
        }
        known.then_some(sets)
    }
}

#[cfg(test)]
mod tests;
