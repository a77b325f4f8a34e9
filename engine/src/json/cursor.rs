//! Reading a document of a known shape straight into its types, with no tree in between: the
//! fast path for valid input.
//!
//! Every method returns `None` when the text is not what the reader expects, a JSON error
//! included. The caller then reads the same text through the tree ([`parse`](super::parse)),
//! which says exactly what is wrong and where. So a reader on a cursor never builds an error,
//! and cannot report one that differs from the tree reader's. Limits are the tree parser's
//! ([`ParseOptions::default`]), counted the same way.

use super::parser::{ParseOptions, Parser};
use super::{Json, Span, Value};

pub struct Cursor<'a> {
    parser: Parser<'a>,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`; `None` when the text is over the size limit.
    pub fn new(text: &'a str) -> Option<Cursor<'a>> {
        let parser = Parser::new(text, ParseOptions::default()).ok()?;
        Some(Cursor { parser })
    }

    /// The first byte of the next value, after whitespace (`{`, `[`, `"`, a digit, ...).
    pub fn peek(&mut self) -> Option<u8> {
        self.parser.skip_whitespace();
        self.parser.peek()
    }

    /// The end of the document: nothing but whitespace may follow.
    pub fn finish(mut self) -> Option<()> {
        self.parser.skip_whitespace();
        (self.parser.pos == self.parser.bytes.len()).then_some(())
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.parser.pos += 1)
    }

    /// Reads an object, calling `member` with each key (the cursor on its value, which
    /// `member` must read); returns the object's span. Keys are borrowed from the text, so one
    /// with an escape gives up: no format of the engine's needs one.
    pub fn object(
        &mut self,
        mut member: impl FnMut(&mut Self, &'a str, Span) -> Option<()>,
    ) -> Option<Span> {
        self.nested(b'{', b'}', |cursor| {
            if cursor.peek()? != b'"' {
                return None;
            }
            let (key, key_span) = cursor.parser.plain_string()?;
            cursor.expect(b':')?;
            member(cursor, key, key_span)
        })
    }

    /// Reads an array, calling `item` with the cursor on each item; returns the array's span.
    pub fn array(&mut self, item: impl FnMut(&mut Self) -> Option<()>) -> Option<Span> {
        self.nested(b'[', b']', item)
    }

    /// `open`, elements separated by commas (no trailing one), `close`; nesting counts towards
    /// the depth limit as in the tree parser.
    fn nested(
        &mut self,
        open: u8,
        close: u8,
        mut element: impl FnMut(&mut Self) -> Option<()>,
    ) -> Option<Span> {
        if self.peek()? != open {
            return None;
        }
        let start = self.parser.pos;
        self.parser.pos += 1;
        self.parser.enter(start).ok()?;
        if self.peek()? == close {
            self.parser.pos += 1;
        } else {
            loop {
                element(self)?;
                match self.peek()? {
                    b',' => self.parser.pos += 1,
                    byte if byte == close => {
                        self.parser.pos += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        self.parser.depth -= 1;
        Some(Span::new(start, self.parser.pos))
    }

    /// A string, with its span (quotes included).
    pub fn string(&mut self) -> Option<(String, Span)> {
        if self.peek()? != b'"' {
            return None;
        }
        self.parser.string().ok()
    }

    /// A string, a number (as written) or a boolean (`true`/`false`), as the text IAM compares.
    pub fn scalar_text(&mut self) -> Option<(String, Span)> {
        match self.peek()? {
            b'"' => self.string(),
            b'-' | b'0'..=b'9' | b't' | b'f' => {
                let json = self.parser.any_value().ok()?;
                match json.value {
                    Value::Number(text) => Some((text, json.span)),
                    Value::Bool(flag) => Some((flag.to_string(), json.span)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Reads `null` when it is next; says whether it was.
    pub fn null(&mut self) -> bool {
        let next = self.peek() == Some(b'n');
        next && self.value().is_some_and(|json| json.is_null())
    }

    /// Any value, as a tree: for the parts a reader does not look into.
    pub fn value(&mut self) -> Option<Json> {
        self.parser.any_value().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_with;

    /// Reads any document through the cursor into a tree, to compare with the tree parser.
    fn through_cursor(cursor: &mut Cursor) -> Option<Json> {
        match cursor.peek()? {
            b'{' => {
                let mut members = Vec::new();
                let span = cursor.object(|cursor, key, key_span| {
                    let value = through_cursor(cursor)?;
                    members.push(crate::json::Member {
                        key: crate::json::Key::Owned(key.to_owned()),
                        key_span,
                        value,
                    });
                    Some(())
                })?;
                Some(Json {
                    value: Value::Object(members),
                    span,
                })
            }
            b'[' => {
                let mut items = Vec::new();
                let span = cursor.array(|cursor| {
                    items.push(through_cursor(cursor)?);
                    Some(())
                })?;
                Some(Json {
                    value: Value::Array(items),
                    span,
                })
            }
            _ => cursor.value(),
        }
    }

    fn read(text: &str) -> Option<Json> {
        let mut cursor = Cursor::new(text)?;
        let json = through_cursor(&mut cursor)?;
        cursor.finish()?;
        Some(json)
    }

    #[test]
    fn the_cursor_accepts_exactly_what_the_tree_parser_accepts_and_reads_the_same() {
        let texts = [
            r#"{"a": [1, -2.5e3, true, false, null, "x\u00e9\n"], "b": {}, "c": []}"#,
            " [ {\"k\" : \"v\" } , [ ] ] ",
            "{}",
            "[]",
            "\"top\"",
            "12",
            "{\"a\": 1,}",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\": 1} x",
            "{'a': 1}",
            "[01]",
            "[tru]",
            "{\"a\": \"unterminated}",
            "",
            "   ",
            "[",
            "{\"a\": [1, {\"b\": [}]}",
        ];
        for text in texts {
            assert_eq!(read(text), crate::json::parse(text).ok(), "{text:?}");
        }
    }

    #[test]
    fn nesting_counts_towards_the_same_depth_limit() {
        let max = ParseOptions::default().max_depth;
        for depth in [max - 1, max, max + 1] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let tree = parse_with(&text, ParseOptions::default()).ok();
            assert_eq!(read(&text).is_some(), tree.is_some(), "depth {depth}");
        }
        // A subtree read as a whole starts at the depth where it stands.
        let text = format!("[{}{}]", "[".repeat(max), "]".repeat(max));
        let mut cursor = Cursor::new(&text).expect("small");
        assert!(cursor.array(|cursor| cursor.value().map(drop)).is_none());
    }
}
