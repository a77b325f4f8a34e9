//! Wildcard patterns (`*`, `?`) and their matching in time linear in practice, never exponential.

/// One element of a pattern after variable substitution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Token {
    /// A character compared as text; a `*` or `?` that came from a variable value or `${*}` is
    /// a literal character, not a wildcard.
    Char(char),
    /// `?`: exactly one character.
    AnyOne,
    /// `*`: any run of characters, possibly empty.
    AnyRun,
}

/// Turns policy text into tokens: `*` and `?` become wildcards when `wildcards` is true.
pub(crate) fn tokenize(text: &str, wildcards: bool, out: &mut Vec<Token>) {
    out.extend(text.chars().map(|c| token(c, wildcards)));
}

/// One character of policy text as a token.
pub(crate) fn token(c: char, wildcards: bool) -> Token {
    match c {
        '*' if wildcards => Token::AnyRun,
        '?' if wildcards => Token::AnyOne,
        other => Token::Char(other),
    }
}

fn chars_equal(a: char, b: char, case_insensitive: bool) -> bool {
    if a == b || !case_insensitive {
        return a == b;
    }
    // Policy text is nearly always ASCII; full Unicode lowering is only needed beyond it.
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(&b)
    } else {
        a.to_lowercase().eq(b.to_lowercase())
    }
}

/// Matches `segment` (no `*` in it) at byte offset `start` of `text`; returns the end offset.
fn match_segment_at(
    segment: &[Token],
    text: &str,
    start: usize,
    case_insensitive: bool,
) -> Option<usize> {
    let mut chars = text.get(start..)?.char_indices();
    let mut end = start;
    for token in segment {
        let (offset, c) = chars.next()?;
        let fits = match *token {
            Token::Char(expected) => chars_equal(expected, c, case_insensitive),
            Token::AnyOne => true,
            Token::AnyRun => false,
        };
        if !fits {
            return None;
        }
        end = start + offset + c.len_utf8();
    }
    Some(end)
}

/// Finds the leftmost place at or after `from` (and ending by `limit`) where `segment` matches.
fn find_segment(
    segment: &[Token],
    text: &str,
    from: usize,
    limit: usize,
    case_insensitive: bool,
) -> Option<usize> {
    let window = text.get(..limit)?;
    // A run of plain characters is searched for as text (linear, two-way search), so a long
    // segment in a long text is not tried at every position.
    if !case_insensitive && segment.iter().all(|t| matches!(t, Token::Char(_))) {
        let needle: String = segment
            .iter()
            .map(|t| match t {
                Token::Char(c) => *c,
                Token::AnyOne | Token::AnyRun => '?',
            })
            .collect();
        return window
            .get(from..)?
            .find(&needle)
            .map(|at| from + at + needle.len());
    }
    let mut start = from;
    loop {
        if let Some(end) = match_segment_at(segment, window, start, case_insensitive) {
            return Some(end);
        }
        let next = window.get(start..)?.chars().next()?;
        start += next.len_utf8();
    }
}

/// Whether the whole of `text` matches `tokens`.
///
/// The pattern is cut at each `*` into segments. The first must match at the start, the last at
/// the end, and each one between is placed at its leftmost possible position: taking the
/// leftmost place never loses a match, so there is no backtracking and the cost is at most
/// O(pattern × text), instead of the exponential cost of naive recursive matching.
pub(crate) fn glob_match(tokens: &[Token], text: &str, case_insensitive: bool) -> bool {
    let Some(first_star) = tokens.iter().position(|t| *t == Token::AnyRun) else {
        return match_segment_at(tokens, text, 0, case_insensitive) == Some(text.len());
    };
    let last_star = tokens
        .iter()
        .rposition(|t| *t == Token::AnyRun)
        .unwrap_or(first_star);
    let head = &tokens[..first_star];
    let tail = &tokens[last_star + 1..];

    let Some(mut pos) = match_segment_at(head, text, 0, case_insensitive) else {
        return false;
    };
    // The tail consumes exactly one character per token, so its start is fixed.
    let Some(tail_start) = nth_char_from_end(text, tail.len()) else {
        return false;
    };
    if tail_start < pos
        || match_segment_at(tail, text, tail_start, case_insensitive) != Some(text.len())
    {
        return false;
    }
    let middle = tokens.get(first_star + 1..last_star).unwrap_or(&[]);
    for segment in middle.split(|t| *t == Token::AnyRun) {
        if segment.is_empty() {
            continue;
        }
        match find_segment(segment, text, pos, tail_start, case_insensitive) {
            Some(end) => pos = end,
            None => return false,
        }
    }
    true
}

/// Byte offset where the last `count` characters of `text` begin.
fn nth_char_from_end(text: &str, count: usize) -> Option<usize> {
    if count == 0 {
        return Some(text.len());
    }
    text.char_indices()
        .rev()
        .nth(count - 1)
        .map(|(offset, _)| offset)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn glob(pattern: &str, text: &str) -> bool {
        let mut tokens = Vec::new();
        tokenize(pattern, true, &mut tokens);
        glob_match(&tokens, text, false)
    }

    #[rustfmt::skip]
    #[test]
    fn wildcard_table() {
        let rows = [
            ("", "", true),
            ("", "a", false),
            ("*", "", true),
            ("*", "anything/at:all", true),
            ("?", "", false),
            ("?", "x", true),
            ("?", "xy", false),
            ("a*b", "ab", true),
            ("a*b", "axxb", true),
            ("a*b", "axxbc", false),
            ("a*b*c", "abc", true),
            ("a*b*c", "acb", false),
            ("*ab", "aab", true),
            ("ab*", "ab", true),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("**", "x", true),
            ("*?*", "", false),
            ("*?*", "é", true),
            ("é*ü", "éxyzü", true),
            ("a*aa", "aa", false),
            ("a*aa", "aaa", true),
            ("*a*a", "aXa", true),
            ("x*y*z", "xyyyz", true),
        ];
        for (pattern, text, expected) in rows {
            assert_eq!(
                glob(pattern, text),
                expected,
                "`{pattern}` against `{text}`"
            );
        }
    }

    /// The obvious recursive matcher: exponential, but clearly right on small inputs.
    fn naive(pattern: &[char], text: &[char]) -> bool {
        match pattern.split_first() {
            None => text.is_empty(),
            Some(('*', rest)) => (0..=text.len()).any(|skip| naive(rest, &text[skip..])),
            Some(('?', rest)) => !text.is_empty() && naive(rest, &text[1..]),
            Some((c, rest)) => text.first() == Some(c) && naive(rest, &text[1..]),
        }
    }

    /// Every text of up to `max_len` characters over `alphabet`.
    pub(crate) fn all_strings(alphabet: &[char], max_len: usize) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut layer = vec![String::new()];
        for _ in 0..max_len {
            layer = layer
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            out.extend(layer.iter().cloned());
        }
        out
    }

    #[test]
    fn agrees_with_the_naive_matcher_on_every_small_input() {
        let patterns = all_strings(&['a', 'b', '*', '?'], 5);
        let texts = all_strings(&['a', 'b'], 6);
        for pattern in &patterns {
            let pattern_chars: Vec<char> = pattern.chars().collect();
            for text in &texts {
                let text_chars: Vec<char> = text.chars().collect();
                assert_eq!(
                    glob(pattern, text),
                    naive(&pattern_chars, &text_chars),
                    "`{pattern}` against `{text}`"
                );
            }
        }
    }

    #[test]
    fn literal_tokens_never_act_as_wildcards() {
        let mut tokens = Vec::new();
        tokenize("a*", false, &mut tokens);
        assert!(glob_match(&tokens, "a*", false));
        assert!(!glob_match(&tokens, "ab", false));
    }

    #[test]
    fn case_insensitive_compares_letters_only() {
        let mut tokens = Vec::new();
        tokenize("S3:Get*", true, &mut tokens);
        assert!(glob_match(&tokens, "s3:getobject", true));
        assert!(!glob_match(&tokens, "s3:getobject", false));
    }

    /// Inputs that take a backtracking matcher exponential time; their speed is measured in
    /// `benches/matching.rs`.
    #[test]
    fn pathological_patterns_are_matched_correctly() {
        let pattern = format!("{}b", "*a".repeat(200));
        let text = "a".repeat(2_000);
        assert!(!glob(&pattern, &text));
        assert!(glob(&pattern, &format!("{text}b")));
        assert!(!glob(&pattern, &"a".repeat(199)));
    }
}
