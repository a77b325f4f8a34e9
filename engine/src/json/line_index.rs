//! Byte offsets to line and column, as editors count them.

use serde::Serialize;

/// A 1-based line and column. `column` counts Unicode characters; `utf16_column` counts UTF-16
/// code units, which is what Monaco (and the browser) use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub utf16_column: usize,
}

/// The start offset of every line of a text, for quick offset-to-position look-ups.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        LineIndex { text, line_starts }
    }

    /// The position of a byte offset; offsets past the end or inside a character are clamped
    /// back to the nearest character boundary.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let before = &self.text[self.line_starts[line]..offset];
        Position {
            line: line + 1,
            column: before.chars().count() + 1,
            utf16_column: before.encode_utf16().count() + 1,
        }
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> Option<&'a str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        Some(self.text[start..end].trim_end_matches('\r'))
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters_and_utf16_units() {
        let text = "{\n  \"a\": \"é😀x\"\n}";
        let index = LineIndex::new(text);
        assert_eq!(
            index.position(0),
            Position {
                line: 1,
                column: 1,
                utf16_column: 1
            }
        );
        let x = text.find('x').unwrap();
        // `é` and `😀` are one character each; `😀` is two UTF-16 units.
        assert_eq!(
            index.position(x),
            Position {
                line: 2,
                column: 11,
                utf16_column: 12
            }
        );
        assert_eq!(index.position(text.len()).line, 3);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let index = LineIndex::new("é");
        assert_eq!(index.position(1).column, 1);
        assert_eq!(index.position(99).column, 2);
    }

    #[test]
    fn line_text_drops_the_line_break() {
        let index = LineIndex::new("one\r\ntwo\n");
        assert_eq!(index.line_text(1), Some("one"));
        assert_eq!(index.line_text(2), Some("two"));
        assert_eq!(index.line_text(3), Some(""));
        assert_eq!(index.line_text(4), None);
        assert_eq!(index.line_count(), 3);
    }
}
