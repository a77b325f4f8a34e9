//! A stable sort that compiles to one copy of the standard library's sort, whatever it sorts.
//!
//! `slice::sort_by` is generic over the element type and the comparison, so each call site that
//! sorts another type adds its own copy of the sort, about 4 KB of wasm each; the app had eleven.
//! Here the standard sort runs once, on positions, through a comparison passed as a trait
//! object, and the elements are then moved into that order by swaps. What each call site adds
//! is that short loop. For the short lists the app sorts (findings, suggestions, a diagram's
//! nodes) the extra indirection costs nothing visible.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, keeping equal keys in their order (like
/// `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably (like `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len` in the order `compare` puts the items at them; the one place the
/// standard sort is instantiated.
#[inline(never)]
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the item at `order[k]` to position `k`, following each cycle of the permutation once.
/// `order` marks a position done by pointing it at itself.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        // The item `start` held travels along the cycle until the position that wants it.
        while order[current] != start && order[current] != current {
            let next = order[current];
            items.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random lists with many repeated keys, so stability is tested.
    fn lists() -> Vec<Vec<(u8, usize)>> {
        let mut seed: u32 = 0x2545_f491;
        let mut lists = vec![Vec::new(), vec![(1, 0)]];
        for len in [2, 3, 5, 8, 17, 64, 257, 1000] {
            let list = (0..len)
                .map(|at| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    ((seed % 7) as u8, at)
                })
                .collect();
            lists.push(list);
        }
        lists
    }

    #[test]
    fn it_sorts_as_the_standard_stable_sort_does() {
        for list in lists() {
            let mut ours = list.clone();
            let mut standard = list.clone();
            sort_by_key(&mut ours, |item| item.0);
            standard.sort_by_key(|item| item.0);
            assert_eq!(ours, standard);

            let (mut ours, mut standard) = (list.clone(), list.clone());
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            standard.sort_by_key(|item| std::cmp::Reverse(item.0));
            assert_eq!(ours, standard);

            let (mut ours, mut standard) = (list.clone(), list);
            sort(&mut ours);
            standard.sort();
            assert_eq!(ours, standard);
        }
    }

    #[test]
    fn items_that_own_memory_are_moved_not_copied_or_lost() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "kiwi", "date", "fig"]
            .map(String::from)
            .to_vec();
        sort_by_key(&mut words, |word| word.len());
        assert_eq!(words, ["fig", "fig", "pear", "kiwi", "date", "apple"]);
    }
}
