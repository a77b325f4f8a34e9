//! Splits JSON text into tokens for colouring. Tolerant: any text gives tokens that join back
//! to it exactly, so a broken example still shows as written.

/// What a token is; the view maps it to a CSS class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Key,
    String,
    Number,
    Literal,
    Punctuation,
    Other,
}

impl TokenKind {
    pub fn class(self) -> &'static str {
        match self {
            TokenKind::Key => "tok-key",
            TokenKind::String => "tok-string",
            TokenKind::Number => "tok-number",
            TokenKind::Literal => "tok-literal",
            TokenKind::Punctuation => "tok-punct",
            TokenKind::Other => "tok-other",
        }
    }
}

/// The tokens of `text`, in order, covering it entirely.
pub fn tokens(text: &str) -> Vec<(TokenKind, &str)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(TokenKind, &str)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let kind = match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                let rest = text[i..].trim_start_matches([' ', '\t']);
                if rest.starts_with(':') {
                    TokenKind::Key
                } else {
                    TokenKind::String
                }
            }
            b'-' | b'0'..=b'9' => {
                i += 1;
                while i < bytes.len()
                    && matches!(bytes[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                {
                    i += 1;
                }
                TokenKind::Number
            }
            b'{' | b'}' | b'[' | b']' | b':' | b',' => {
                i += 1;
                TokenKind::Punctuation
            }
            b if b.is_ascii_alphabetic() => {
                while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                    i += 1;
                }
                match &text[start..i] {
                    "true" | "false" | "null" => TokenKind::Literal,
                    _ => TokenKind::Other,
                }
            }
            _ => {
                // Whitespace and anything else, up to the next interesting byte (on a char
                // boundary, as those bytes are ASCII).
                i += 1;
                while i < bytes.len()
                    && !matches!(
                        bytes[i],
                        b'"' | b'-' | b'0'..=b'9' | b'{' | b'}' | b'[' | b']' | b':' | b','
                    )
                    && !bytes[i].is_ascii_alphabetic()
                {
                    i += 1;
                }
                while !text.is_char_boundary(i) {
                    i += 1;
                }
                TokenKind::Other
            }
        };
        let i_clamped = i.min(bytes.len());
        while !text.is_char_boundary(i) {
            i += 1;
        }
        out.push((kind, &text[start..i_clamped.max(i).min(bytes.len())]));
        i = i.min(bytes.len()).max(i_clamped);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_strings_numbers_and_literals_are_told_apart() {
        let text = "{\"Effect\": \"Allow\", \"n\": -1.5, \"b\": true}";
        let kinds: Vec<(TokenKind, &str)> = tokens(text)
            .into_iter()
            .filter(|(k, _)| *k != TokenKind::Other)
            .collect();
        assert_eq!(
            kinds,
            [
                (TokenKind::Punctuation, "{"),
                (TokenKind::Key, "\"Effect\""),
                (TokenKind::Punctuation, ":"),
                (TokenKind::String, "\"Allow\""),
                (TokenKind::Punctuation, ","),
                (TokenKind::Key, "\"n\""),
                (TokenKind::Punctuation, ":"),
                (TokenKind::Number, "-1.5"),
                (TokenKind::Punctuation, ","),
                (TokenKind::Key, "\"b\""),
                (TokenKind::Punctuation, ":"),
                (TokenKind::Literal, "true"),
                (TokenKind::Punctuation, "}"),
            ]
        );
    }

    #[test]
    fn any_text_joins_back_exactly() {
        for text in [
            "",
            "\"unterminated",
            "{\"a\\\"b\": \"é😀\" <b>x</b>}",
            "\"\\",
            "// comment\n[1,]",
        ] {
            let joined: String = tokens(text).into_iter().map(|(_, t)| t).collect();
            assert_eq!(joined, text);
        }
    }
}
