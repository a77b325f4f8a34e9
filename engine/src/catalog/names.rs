//! Case-insensitive comparison of ASCII names (AWS names in the catalogue are ASCII; any other
//! byte compares as itself), matching the build script's sort by lower-cased name.

use std::cmp::Ordering;

pub(super) fn cmp_ci(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|b| b.to_ascii_lowercase())
        .cmp(b.bytes().map(|b| b.to_ascii_lowercase()))
}

/// Binary search of `items`, sorted case-insensitively by `name`, for `wanted`.
pub(super) fn find_ci<'a, T>(
    items: &'a [T],
    wanted: &str,
    name: impl Fn(&T) -> &str,
) -> Option<(usize, &'a T)> {
    let index = items
        .binary_search_by(|item| cmp_ci(name(item), wanted))
        .ok()?;
    items.get(index).map(|item| (index, item))
}

/// Whether `items` are in strictly increasing case-insensitive order.
pub(super) fn sorted_ci<T>(items: &[T], name: impl Fn(&T) -> &str) -> bool {
    items
        .windows(2)
        .all(|pair| cmp_ci(name(&pair[0]), name(&pair[1])) == Ordering::Less)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_ignoring_ascii_case() {
        assert_eq!(cmp_ci("GetObject", "getobject"), Ordering::Equal);
        assert_eq!(cmp_ci("GetObject", "GetObjectAcl"), Ordering::Less);
        assert_eq!(cmp_ci("b", "A"), Ordering::Greater);
    }

    #[test]
    fn finds_in_sorted_slices() {
        let names = ["abc", "Abd", "b"];
        assert_eq!(find_ci(&names, "ABD", |n| n).map(|(i, _)| i), Some(1));
        assert_eq!(find_ci(&names, "c", |n| n), None);
        assert!(sorted_ci(&names, |n| n));
        assert!(!sorted_ci(&["b", "a"], |n| n));
        assert!(
            !sorted_ci(&["a", "A"], |n| n),
            "duplicates are not strictly sorted"
        );
    }
}
