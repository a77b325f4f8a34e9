//! Recursive-descent JSON parser (RFC 8259) with spans, a depth limit and a size limit.
//!
//! Recursion depth is bounded by `max_depth`, so hostile input is rejected with an error rather
//! than overflowing the stack; every byte is looked at a constant number of times.

use super::error::{JsonError, JsonErrorKind};
use super::{Json, Member, Span, Value};

/// Limits for untrusted input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseOptions {
    /// Arrays and objects nested deeper than this are an error.
    pub max_depth: usize,
    /// Texts longer than this many bytes are an error.
    pub max_size: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        // Policies nest about 5 levels and are a few kilobytes; a case file holding hundreds
        // of cases is a few megabytes.
        ParseOptions {
            max_depth: 128,
            max_size: 32 * 1024 * 1024,
        }
    }
}

/// Parses one JSON document with the default limits.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    parse_with(text, ParseOptions::default())
}

pub fn parse_with(text: &str, options: ParseOptions) -> Result<Json, JsonError> {
    let mut parser = Parser::new(text, options)?;
    parser.skip_whitespace();
    if parser.pos == text.len() {
        return Err(JsonError::new(
            JsonErrorKind::Empty,
            Span::new(0, text.len()),
        ));
    }
    let value = parser.value(Place::Top)?;
    parser.skip_whitespace();
    if parser.pos < text.len() {
        let span = parser.token_span();
        let found = parser.slice(span).to_owned();
        return Err(JsonError::new(
            JsonErrorKind::TrailingContent { found },
            span,
        ));
    }
    Ok(value)
}

/// Where a value is expected, for messages such as "a value for `Effect`".
#[derive(Clone, Copy)]
enum Place<'k> {
    Top,
    ArrayItem,
    MemberValue(&'k str),
}

impl Place<'_> {
    fn expected_value(self) -> String {
        match self {
            Place::Top => "a JSON value".to_owned(),
            Place::ArrayItem => "an array item".to_owned(),
            Place::MemberValue(key) => format!("a value for `{key}`"),
        }
    }
}

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
    pub(super) depth: usize,
    pub(super) options: ParseOptions,
}

impl<'a> Parser<'a> {
    /// A parser at the start of `text`, once the text is within the size limit.
    pub(super) fn new(text: &'a str, options: ParseOptions) -> Result<Parser<'a>, JsonError> {
        if text.len() > options.max_size {
            let kind = JsonErrorKind::TooLarge {
                size: text.len(),
                max: options.max_size,
            };
            return Err(JsonError::new(kind, Span::new(0, 0)));
        }
        Ok(Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            options,
        })
    }

    #[inline(always)]
    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    #[inline(always)]
    pub(super) fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// The span of the token at the cursor: a whole word, or one character.
    fn token_span(&self) -> Span {
        let rest = &self.text[self.pos..];
        let word = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let len = if word > 0 {
            word
        } else {
            rest.chars().next().map_or(0, char::len_utf8)
        };
        Span::new(self.pos, self.pos + len)
    }

    fn error_here(&self, expected: String) -> JsonError {
        if self.pos >= self.bytes.len() {
            let end = self.bytes.len();
            return JsonError::new(
                JsonErrorKind::UnexpectedEnd { expected },
                Span::new(end, end),
            );
        }
        let span = self.token_span();
        let found = self.slice(span).to_owned();
        JsonError::new(JsonErrorKind::Unexpected { expected, found }, span)
    }

    /// Any JSON value at the cursor (after whitespace).
    pub(super) fn any_value(&mut self) -> Result<Json, JsonError> {
        self.value(Place::Top)
    }

    fn value(&mut self, place: Place<'_>) -> Result<Json, JsonError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => {
                let (text, span) = self.string()?;
                Ok(Json {
                    value: Value::String(text),
                    span,
                })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't' | b'f' | b'n') => self.literal(place),
            _ => Err(self.error_here(place.expected_value())),
        }
    }

    fn literal(&mut self, place: Place<'_>) -> Result<Json, JsonError> {
        let span = self.token_span();
        let value = match self.slice(span) {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            _ => return Err(self.error_here(place.expected_value())),
        };
        self.pos = span.end;
        Ok(Json { value, span })
    }

    pub(super) fn enter(&mut self, start: usize) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > self.options.max_depth {
            let kind = JsonErrorKind::TooDeep {
                max: self.options.max_depth,
            };
            return Err(JsonError::new(kind, Span::new(start, start + 1)));
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        self.enter(start)?;
        self.pos += 1;
        self.skip_whitespace();
        // Policy objects hold up to about eight members (a statement's elements): one
        // allocation instead of growing 0 → 4 → 8.
        let mut members = if self.peek() == Some(b'}') {
            Vec::new()
        } else {
            Vec::with_capacity(8)
        };
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Json {
                value: Value::Object(members),
                span: Span::new(start, self.pos),
            });
        }
        let mut last_comma: Option<usize> = None;
        loop {
            self.skip_whitespace();
            match (self.peek(), last_comma) {
                (Some(b'"'), _) => {}
                (Some(b'}'), Some(comma)) => {
                    let kind = JsonErrorKind::TrailingComma { closing: '}' };
                    return Err(JsonError::new(kind, Span::new(comma, comma + 1)));
                }
                _ => return Err(self.error_here("a key in double quotes".to_owned())),
            }
            let (key, key_span) = self.key()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error_here(format!("`:` after the key `{key}`")));
            }
            self.pos += 1;
            let value = self.value(Place::MemberValue(&key))?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => {
                    last_comma = Some(self.pos);
                    self.pos += 1;
                }
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => {
                    let key = members.last().map_or("", |m| &*m.key);
                    return Err(self.error_here(format!("`,` or `}}` after the value of `{key}`")));
                }
            }
        }
        self.depth -= 1;
        Ok(Json {
            value: Value::Object(members),
            span: Span::new(start, self.pos),
        })
    }

    fn array(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        self.enter(start)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Json {
                value: Value::Array(items),
                span: Span::new(start, self.pos),
            });
        }
        loop {
            self.skip_whitespace();
            if self.peek() == Some(b']') {
                // Only reachable after a comma: the empty array returned above.
                let comma = self.text[..self.pos].rfind(',').unwrap_or(self.pos);
                let kind = JsonErrorKind::TrailingComma { closing: ']' };
                return Err(JsonError::new(kind, Span::new(comma, comma + 1)));
            }
            items.push(self.value(Place::ArrayItem)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(self.error_here("`,` or `]` after an array item".to_owned())),
            }
        }
        self.depth -= 1;
        Ok(Json {
            value: Value::Array(items),
            span: Span::new(start, self.pos),
        })
    }
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
