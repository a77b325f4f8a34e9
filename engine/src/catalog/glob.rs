//! Wildcard patterns over action names: `*` any run of characters, `?` exactly one, compared
//! ignoring ASCII case, as IAM compares actions.

/// Whether `pattern` matches the whole of `text`. Linear in practice: the greedy algorithm keeps
/// only the last `*`, so it never backtracks further than one star (O(pattern × text) worst).
pub(super) fn matches_ci(pattern: &str, text: &str) -> bool {
    let pattern = pattern.as_bytes();
    let text = text.as_bytes();
    let (mut p, mut t) = (0, 0);
    // Position after the last `*` seen, and the text position it was tried at.
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p + 1, t));
                p += 1;
            }
            Some(&c) if c == b'?' || c.eq_ignore_ascii_case(&text[t]) => {
                p += 1;
                t += char_len(text, t);
            }
            _ => match star {
                Some((after_star, tried_at)) => {
                    let next = tried_at + char_len(text, tried_at);
                    star = Some((after_star, next));
                    p = after_star;
                    t = next;
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

/// Whether the text has `*` or `?`.
pub(super) fn has_wildcards(text: &str) -> bool {
    text.contains(['*', '?'])
}

/// Bytes of the character starting at `at`, so `?` consumes a whole UTF-8 character.
fn char_len(text: &[u8], at: usize) -> usize {
    match text[at] {
        b if b < 0x80 => 1,
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        _ => 2,
    }
    .min(text.len() - at)
}

#[cfg(test)]
mod tests {
    use super::matches_ci;

    #[test]
    fn matches_stars_questions_and_case() {
        let cases = [
            ("*", "", true),
            ("*", "GetObject", true),
            ("Get*", "getobject", true),
            ("Get*", "PutObject", false),
            ("*Object?", "GetObjectAcl", false),
            ("*Object?", "GetObjects", true),
            ("*Object?", "GetObject", false),
            ("G?t*Acl", "GetObjectAcl", true),
            ("*a*b*c", "xaxbxbxc", true),
            ("*a*b*c", "xaxbxbx", false),
            ("List", "List", true),
            ("List", "ListBuckets", false),
            ("?", "é", true),
            ("", "", true),
            ("", "a", false),
        ];
        for (pattern, text, expected) in cases {
            assert_eq!(
                matches_ci(pattern, text),
                expected,
                "`{pattern}` on `{text}`"
            );
        }
    }

    #[test]
    fn is_not_exponential() {
        let text = "a".repeat(2000);
        let pattern = format!("{}b", "*a".repeat(50));
        assert!(!matches_ci(&pattern, &text));
    }
}
