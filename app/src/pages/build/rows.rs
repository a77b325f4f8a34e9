//! A list of rows in the form (checks, fixed policies, hints) with keys that stay with their
//! row, so removing one does not redraw, and empty, the inputs of the others.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy)]
pub struct Rows {
    keys: RwSignal<Vec<u32>>,
    next: StoredValue<u32>,
}

impl Rows {
    pub fn new(count: usize) -> Rows {
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        Rows {
            keys: RwSignal::new((0..count).collect()),
            next: StoredValue::new(count),
        }
    }

    /// Reactive: the keys in order.
    pub fn keys(&self) -> Vec<u32> {
        self.keys.get()
    }

    /// Reactive: the row's place, `None` once removed.
    pub fn index(&self, key: u32) -> Option<usize> {
        self.keys.with(|keys| keys.iter().position(|k| *k == key))
    }

    pub fn index_untracked(&self, key: u32) -> Option<usize> {
        self.keys
            .with_untracked(|keys| keys.iter().position(|k| *k == key))
    }

    pub fn push(&self) {
        let key = self.next.get_value();
        self.next.set_value(key.saturating_add(1));
        self.keys.update(|keys| keys.push(key));
    }

    /// Removes the row, returning where it was.
    pub fn remove(&self, key: u32) -> Option<usize> {
        let index = self.index_untracked(key)?;
        self.keys.update(|keys| {
            keys.remove(index);
        });
        Some(index)
    }
}
