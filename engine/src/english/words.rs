//! Small helpers for writing lists and counts in English.

/// `a`, `a and b`, `a, b and c`.
pub(super) fn and_list(items: &[String]) -> String {
    list(items, "and")
}

/// `a`, `a or b`, `a, b or c`.
pub(super) fn or_list(items: &[String]) -> String {
    list(items, "or")
}

fn list(items: &[String], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {conjunction} {last}", init.join(", ")),
    }
}

/// `1 allows`, `2 allow`, `no deny` → as given: `count(2, "allows", "allow")` = `2 allow`.
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("none {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// A value in backticks, as the app shows code.
pub(super) fn code(text: &str) -> String {
    format!("`{text}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        let items: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        assert_eq!(and_list(&items[..1]), "a");
        assert_eq!(and_list(&items[..2]), "a and b");
        assert_eq!(or_list(&items), "a, b or c");
        assert_eq!(count(2, "allows", "allow"), "2 allow");
    }
}
