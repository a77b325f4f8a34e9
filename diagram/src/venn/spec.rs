//! Overlapping sets before layout: what a ```` ```diagram ```` block of `set`, `region` and
//! `item` lines says.

/// Two sets, what each region is called, and the items in each region. Set indexes refer into
/// `sets`; [`VennSpec::check`] confirms they do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VennSpec {
    pub title: String,
    pub sets: Vec<SetSpec>,
    /// Labels of regions, at most one per region.
    pub regions: Vec<RegionSpec>,
    pub items: Vec<ItemSpec>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetSpec {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionSpec {
    /// The sets the region is inside, ascending; empty: outside both.
    pub sets: Vec<usize>,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSpec {
    pub label: String,
    /// The sets the item is in, ascending; empty: in neither.
    pub sets: Vec<usize>,
}

/// How many sets the drawing overlaps: two shapes keep every region a plain rectangle that
/// stays readable on a phone.
pub const SETS: usize = 2;

impl VennSpec {
    /// Whether there are exactly [`SETS`] sets and every region names existing sets, each once
    /// and in order. A spec from [`crate::parse_block`] always passes.
    pub fn check(&self) -> Result<(), String> {
        if self.sets.len() != SETS {
            return Err(format!(
                "{} sets; the drawing overlaps exactly {SETS}",
                self.sets.len()
            ));
        }
        let well_formed = |sets: &[usize]| {
            sets.iter().all(|&s| s < self.sets.len()) && sets.windows(2).all(|w| w[0] < w[1])
        };
        if let Some(item) = self.items.iter().find(|item| !well_formed(&item.sets)) {
            return Err(format!("the item `{}` names a set badly", item.label));
        }
        if let Some(region) = self.regions.iter().find(|r| !well_formed(&r.sets)) {
            return Err(format!("the region `{}` names a set badly", region.label));
        }
        Ok(())
    }
}
