//! Strings (with escapes) and numbers: the scalar tokens of JSON.

use super::error::{JsonError, JsonErrorKind};
use super::keys::{self, Key};
use super::parser::Parser;
use super::{Json, Span, Value};
use crate::words::{has_below, has_byte, word_at};

impl<'a> Parser<'a> {
    /// A string at the cursor (which is on its opening quote): its text and span with quotes.
    pub(super) fn string(&mut self) -> Result<(String, Span), JsonError> {
        // Most strings have no escape: copy them in one allocation of the exact size.
        if let Some((text, span)) = self.plain_string() {
            return Ok((text.to_owned(), span));
        }
        self.escaped_string()
    }

    /// An object key at the cursor (on its opening quote): a name of the engine's formats is
    /// not copied (see [`keys`](super::keys)).
    pub(super) fn key(&mut self) -> Result<(Key, Span), JsonError> {
        if let Some((text, span)) = self.plain_string() {
            return Ok((keys::key(text), span));
        }
        let (text, span) = self.escaped_string()?;
        Ok((Key::Owned(text), span))
    }

    /// A string without escapes at the cursor, read in one scan, with the cursor moved past
    /// it; `None` (cursor unmoved) when it has an escape or is not closed on its line.
    pub(super) fn plain_string(&mut self) -> Option<(&'a str, Span)> {
        let start = self.pos;
        let body = start + 1;
        let end = run_end(self.bytes, body)?;
        if self.bytes[end] != b'"' {
            return None;
        }
        self.pos = end + 1;
        Some((&self.text[body..end], Span::new(start, self.pos)))
    }

    /// A string at the cursor, with its escapes decoded.
    fn escaped_string(&mut self) -> Result<(String, Span), JsonError> {
        let start = self.pos;
        self.pos += 1;
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

    /// Four hex digits at the cursor; an error covering the escape up to the first byte that is
    /// not one. Read digit by digit: smaller than slicing and `from_str_radix`.
    fn hex4(&mut self, escape_start: usize) -> Result<u32, JsonError> {
        let mut code = 0;
        for at in self.pos..self.pos + 4 {
            let digit = self
                .bytes
                .get(at)
                .and_then(|&byte| char::from(byte).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.bad_unicode(escape_start, at));
            };
            code = code * 16 + digit;
        }
        self.pos += 4;
        Ok(code)
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

/// Where the first byte at or after `from` that ends a run of plain string text is: a quote, a
/// backslash or a control character. Eight bytes at a time while none of them is one: strings
/// are most of a policy's bytes.
fn run_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(word) = word_at(bytes, at) {
        if has_below(word, 0x20) || has_byte(word, b'"') || has_byte(word, b'\\') {
            break;
        }
        at += 8;
    }
    let offset = bytes
        .get(at..)?
        .iter()
        .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)?;
    Some(at + offset)
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

#[cfg(test)]
mod tests {
    use super::run_end;

    #[test]
    fn the_end_of_a_run_is_found_as_a_byte_by_byte_scan_finds_it() {
        let naive = |bytes: &[u8], from: usize| {
            (from..bytes.len()).find(|&i| matches!(bytes[i], b'"' | b'\\' | 0..=0x1f))
        };
        let fillers: [&[u8]; 3] = [b"a", "\u{e9}".as_bytes(), b"\x7f"];
        for filler in fillers {
            for special in [b'"', b'\\', b'\n', 0, 0x1f] {
                for length in 0..40 {
                    for position in 0..=length {
                        let mut bytes = filler.repeat(length);
                        if position < length {
                            bytes.insert(position * filler.len(), special);
                        }
                        for from in [0, 1, 3] {
                            let from = from.min(bytes.len());
                            assert_eq!(run_end(&bytes, from), naive(&bytes, from));
                        }
                    }
                }
            }
        }
        for byte in 0..=255u8 {
            let bytes = [b'x', b'x', b'x', b'x', b'x', b'x', b'x', byte, b'x'];
            assert_eq!(run_end(&bytes, 0), naive(&bytes, 0), "{byte}");
        }
    }
}
