//! Strings (with escapes) and numbers: the scalar tokens of JSON.

use super::error::{JsonError, JsonErrorKind};
use super::parser::Parser;
use super::{Json, Span, Value};

impl Parser<'_> {
    /// A string at the cursor (which is on its opening quote): its text and span with quotes.
    pub(super) fn string(&mut self) -> Result<(String, Span), JsonError> {
        let start = self.pos;
        self.pos += 1;
        // Most strings have no escape: copy them in one allocation of the exact size.
        let plain_end = self.bytes[self.pos..]
            .iter()
            .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
            .map(|offset| self.pos + offset);
        if let Some(end) = plain_end.filter(|&end| self.bytes[end] == b'"') {
            let text = self.text[self.pos..end].to_owned();
            self.pos = end + 1;
            return Ok((text, Span::new(start, self.pos)));
        }
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok((out, Span::new(start, self.pos)));
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(b'\n') | None => {
                    let span = Span::new(start, self.pos);
                    return Err(JsonError::new(JsonErrorKind::UnterminatedString, span));
                }
                Some(control) => {
                    let kind = JsonErrorKind::ControlCharacter {
                        code: u32::from(control),
                    };
                    return Err(JsonError::new(kind, Span::new(self.pos, self.pos + 1)));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let start = self.pos;
        let Some(&kind) = self.bytes.get(start + 1) else {
            return Err(JsonError::new(
                JsonErrorKind::UnterminatedString,
                Span::new(start, start + 1),
            ));
        };
        self.pos += 2;
        let simple = match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(start, out),
            _ => {
                let end = start
                    + 1
                    + self.text[start + 1..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                self.pos = end;
                let escape = self.text[start..end].to_owned();
                return Err(JsonError::new(
                    JsonErrorKind::InvalidEscape { escape },
                    Span::new(start, end),
                ));
            }
        };
        out.push(simple);
        Ok(())
    }

    /// `\uXXXX`, joining a surrogate pair `\uD83D\uDE00` into one character.
    fn unicode_escape(&mut self, start: usize, out: &mut String) -> Result<(), JsonError> {
        let high = self.hex4(start)?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                return Err(self.bad_unicode(start, self.pos));
            }
            self.pos += 2;
            let low = self.hex4(start)?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.bad_unicode(start, self.pos));
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        match char::from_u32(code) {
            Some(c) => {
                out.push(c);
                Ok(())
            }
            None => Err(self.bad_unicode(start, self.pos)),
        }
    }

    fn hex4(&mut self, escape_start: usize) -> Result<u32, JsonError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let Some(digits) = digits else {
            let end = (self.pos..self.bytes.len().min(self.pos + 4))
                .take_while(|&i| self.bytes[i].is_ascii_hexdigit())
                .last()
                .map_or(self.pos, |i| i + 1);
            return Err(self.bad_unicode(escape_start, end));
        };
        self.pos += 4;
        let text = std::str::from_utf8(digits).unwrap_or("0");
        Ok(u32::from_str_radix(text, 16).unwrap_or(0))
    }

    fn bad_unicode(&self, start: usize, end: usize) -> JsonError {
        let escape = self.text[start..end].to_owned();
        JsonError::new(
            JsonErrorKind::InvalidUnicodeEscape { escape },
            Span::new(start, end),
        )
    }

    pub(super) fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.peek() {
            self.pos += 1;
        }
        let span = Span::new(start, self.pos);
        let text = self.slice(span);
        if !is_json_number(text) {
            return Err(JsonError::new(
                JsonErrorKind::InvalidNumber {
                    text: text.to_owned(),
                },
                span,
            ));
        }
        Ok(Json {
            value: Value::Number(text.to_owned()),
            span,
        })
    }
}

/// `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`
fn is_json_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let from = *i;
        while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - from
    };
    let int_start = i;
    let int_len = digits(&mut i);
    if int_len == 0 || (int_len > 1 && bytes[int_start] == b'0') {
        return false;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == bytes.len()
}
