//! Wrapping a node's label into short lines, so nodes stay narrow and the drawing fits a phone.

const LINE: usize = 22;
/// A single word longer than this (an ARN) is broken after a `/` or `:`, or hard.
const WORD: usize = 26;

pub fn wrap(label: &str) -> Vec<String> {
    wrap_to(label, LINE)
}

/// Wraps at spaces into lines of at most `line` characters (a longer word keeps its own line).
pub fn wrap_to(label: &str, line: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in label.split_whitespace() {
        // The pieces of one long word join without a space when they share a line.
        for (k, piece) in split_long(word).into_iter().enumerate() {
            let separator = if k == 0 { 1 } else { 0 };
            let fits = current.is_empty()
                || current.chars().count() + separator + piece.chars().count() <= line;
            if !fits {
                lines.push(std::mem::take(&mut current));
            } else if !current.is_empty() && separator == 1 {
                current.push(' ');
            }
            current.push_str(&piece);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

fn split_long(word: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        let count = piece.chars().count();
        if (count >= WORD / 2 && matches!(c, '/' | ':')) || count >= WORD {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_labels_stay_on_one_line_and_long_ones_wrap_at_spaces() {
        assert_eq!(wrap("Alice"), ["Alice"]);
        assert_eq!(
            wrap("Permissions policy of the data-reader role"),
            ["Permissions policy of", "the data-reader role"]
        );
    }

    #[test]
    fn an_arn_breaks_after_a_separator_and_no_character_is_lost() {
        let arn = "arn:aws:iam::111122223333:role/service-role/etl";
        let lines = wrap(arn);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.concat(), arn);
        assert!(lines.iter().all(|line| line.chars().count() <= LINE + WORD));
    }
}
