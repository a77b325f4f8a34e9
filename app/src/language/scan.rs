//! A forgiving walk over a policy's JSON as it is being typed: strings (keys told from
//! values), and containers opening and closing, with the stack of containers around each.
//! Never fails: unbalanced brackets, unfinished strings and stray text are walked past.

/// A container (object or array) the scan is inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub object: bool,
    /// The key of this container in its parent object (for arrays' children, the array's).
    pub key: Option<String>,
    /// For objects: the last key read, whose value comes next.
    pub member: Option<String>,
    pub expecting_key: bool,
}

/// What the scan met. When a token is returned, [`Scan::stack`] is still as it was before it:
/// a key is not yet recorded as the member, an opened container not yet pushed, a closed one
/// not yet popped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// A string; `start`/`end` bound its content (`end` is the closing quote, or the line's
    /// end for an unfinished string).
    Text {
        start: usize,
        end: usize,
        content: &'a str,
        is_key: bool,
    },
    /// `{` or `[` at byte `at`; `key` is the key the new container will carry.
    Open {
        at: usize,
        object: bool,
        key: Option<String>,
    },
    /// `}` or `]` at byte `at`.
    Close { at: usize },
}

impl Token<'_> {
    /// The byte where the token starts (a string's opening quote).
    pub fn at(&self) -> usize {
        match self {
            Self::Text { start, .. } => start - 1,
            Self::Open { at, .. } | Self::Close { at } => *at,
        }
    }
}

pub struct Scan<'a> {
    text: &'a str,
    next: usize,
    stack: Vec<Frame>,
    /// The last token's effect on the stack, applied when the next one is asked for.
    pending: Option<Token<'a>>,
}

impl<'a> Scan<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            next: 0,
            stack: Vec::new(),
            pending: None,
        }
    }

    /// The containers around the last token, outermost first.
    pub fn stack(&self) -> &[Frame] {
        &self.stack
    }

    pub fn next_token(&mut self) -> Option<Token<'a>> {
        self.apply_pending();
        let bytes = self.text.as_bytes();
        while self.next < bytes.len() {
            let i = self.next;
            self.next += 1;
            let token = match bytes[i] {
                b'"' => {
                    let start = i + 1;
                    let end = string_end(bytes, start);
                    self.next = end + 1;
                    Token::Text {
                        start,
                        end,
                        content: self.text.get(start..end).unwrap_or(""),
                        is_key: self
                            .stack
                            .last()
                            .is_some_and(|f| f.object && f.expecting_key),
                    }
                }
                b'{' | b'[' => Token::Open {
                    at: i,
                    object: bytes[i] == b'{',
                    key: self.stack.last().and_then(|f| {
                        if f.object {
                            f.member.clone()
                        } else {
                            f.key.clone()
                        }
                    }),
                },
                b'}' | b']' => Token::Close { at: i },
                b',' => {
                    if let Some(frame) = self.stack.last_mut().filter(|f| f.object) {
                        frame.expecting_key = true;
                        frame.member = None;
                    }
                    continue;
                }
                _ => continue,
            };
            self.pending = Some(token.clone());
            return Some(token);
        }
        None
    }

    fn apply_pending(&mut self) {
        match self.pending.take() {
            Some(Token::Text {
                content,
                is_key: true,
                ..
            }) => {
                if let Some(frame) = self.stack.last_mut() {
                    frame.member = Some(content.to_owned());
                    frame.expecting_key = false;
                }
            }
            Some(Token::Open { object, key, .. }) => self.stack.push(Frame {
                object,
                key,
                member: None,
                expecting_key: object,
            }),
            Some(Token::Close { .. }) => {
                self.stack.pop();
            }
            Some(Token::Text { .. }) | None => {}
        }
    }
}

/// The index of the closing quote, or the end of the line for an unfinished string.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' | b'\n' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each token as `(what, depth before it, the innermost container's member)`.
    fn walk(text: &str) -> Vec<(String, usize, Option<String>)> {
        let mut scan = Scan::new(text);
        let mut seen = Vec::new();
        while let Some(token) = scan.next_token() {
            let what = match token {
                Token::Text {
                    content, is_key, ..
                } => format!("{}:{content}", if is_key { "key" } else { "value" }),
                Token::Open { object, key, .. } => {
                    format!(
                        "{}{}",
                        if object { "{" } else { "[" },
                        key.unwrap_or_default()
                    )
                }
                Token::Close { .. } => "close".into(),
            };
            let member = scan.stack().last().and_then(|f| f.member.clone());
            seen.push((what, scan.stack().len(), member));
        }
        seen
    }

    fn row(what: &str, depth: usize, member: Option<&str>) -> (String, usize, Option<String>) {
        (what.into(), depth, member.map(Into::into))
    }

    #[test]
    fn keys_values_and_containers_with_the_stack_as_it_was_before_each() {
        assert_eq!(
            walk(r#"{"a": ["x", {"b": "y"}], "c": "d"}"#),
            [
                row("{", 0, None),
                row("key:a", 1, None),
                row("[a", 1, Some("a")),
                row("value:x", 2, None),
                row("{a", 2, None),
                row("key:b", 3, None),
                row("value:y", 3, Some("b")),
                row("close", 3, Some("b")),
                row("close", 2, None),
                row("key:c", 1, None),
                row("value:d", 1, Some("c")),
                row("close", 1, Some("c")),
            ]
        );
    }

    #[test]
    fn unfinished_strings_end_at_the_line_and_escapes_stay_inside() {
        let text = "{\"Sid\": \"a\\\"b\", \"Act\n\"x\"";
        let mut scan = Scan::new(text);
        let mut strings = Vec::new();
        while let Some(token) = scan.next_token() {
            if let Token::Text { content, start, .. } = token {
                strings.push((content, start));
            }
        }
        assert_eq!(strings, [("Sid", 2), ("a\\\"b", 9), ("Act", 17), ("x", 22)]);
    }

    #[test]
    fn stray_closers_and_text_are_walked_past() {
        assert_eq!(
            walk(r#"]} x {"k": 1}"#),
            [
                row("close", 0, None),
                row("close", 0, None),
                row("{", 0, None),
                row("key:k", 1, None),
                row("close", 1, Some("k")),
            ]
        );
    }
}
