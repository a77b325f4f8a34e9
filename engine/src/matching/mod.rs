//! Matching of Action, Resource and string patterns, and policy variables.
//!
//! The signatures here are what the evaluator calls; the work is split by concept:
//! `pattern` (wildcard matching), `arn` (ARN segments), `variables` (`${...}`).

mod arn;
mod pattern;
mod variables;

use crate::context::RequestContext;
use crate::words::{has_byte, word_at};
use pattern::{glob_match, tokenize, Token};

/// A pattern after policy-variable substitution: literal text, `*` (any run of characters) and
/// `?` (one character). Text that came from a variable's value is always literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    tokens: Vec<Token>,
    /// The text after substitution, for explanations.
    text: String,
}

impl Pattern {
    /// `text` with `*` and `?` as wildcards and no variables (also Version 2008-10-17 text).
    pub fn wildcard(text: &str) -> Pattern {
        Self::from_text(text, true)
    }

    /// `text` taken literally: no wildcards.
    pub fn literal(text: &str) -> Pattern {
        Self::from_text(text, false)
    }

    /// `text` for the operators that read a policy value only as text (numbers, dates, IP
    /// ranges, binary): no tokens are built, so it must never be matched as a pattern.
    pub(crate) fn text_only(text: &str) -> Pattern {
        Pattern {
            tokens: Vec::new(),
            text: text.to_owned(),
        }
    }

    fn from_text(text: &str, wildcards: bool) -> Pattern {
        let mut tokens = Vec::with_capacity(text.len());
        tokenize(text, wildcards, &mut tokens);
        Pattern {
            tokens,
            text: text.to_owned(),
        }
    }

    pub(crate) fn from_parts(tokens: Vec<Token>, text: String) -> Pattern {
        Pattern { tokens, text }
    }

    /// Whether the whole of `text` matches. Never exponential: at most O(pattern × text).
    pub fn matches(&self, text: &str, case_insensitive: bool) -> bool {
        glob_match(&self.tokens, text, case_insensitive)
    }

    /// The pattern's text after substitution (a literal `*` from a variable shows as `*`).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether any wildcard remains (a pattern without one compares like plain text).
    pub fn has_wildcards(&self) -> bool {
        self.tokens.iter().any(|t| !matches!(t, Token::Char(_)))
    }

    /// The characters before the first wildcard, and whether a wildcard follows them: a
    /// pattern without one is plain text. Lets a set of patterns be looked up by prefix
    /// instead of compared one by one.
    pub(crate) fn literal_prefix(&self) -> (String, bool) {
        let mut prefix = String::new();
        for token in &self.tokens {
            match token {
                Token::Char(c) => prefix.push(*c),
                Token::AnyOne | Token::AnyRun => return (prefix, true),
            }
        }
        (prefix, false)
    }

    /// The matching behaviour as a key: two patterns with the same tokens match the same texts.
    pub(crate) fn tokens(&self) -> &[impl Eq + std::hash::Hash] {
        &self.tokens
    }

    /// `arn` matched segment by segment, as in Resource and the `Arn*` condition operators.
    pub fn matches_arn(&self, arn: &str) -> bool {
        arn::arn_matches(&self.tokens, arn)
    }
}

/// A policy variable that was replaced, for explanations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedVariable {
    /// As written, without `${` `}`: `aws:username`.
    pub name: String,
    pub value: String,
    /// True when the `${key, 'default'}` default was used because the key was absent.
    pub defaulted: bool,
}

/// A policy variable whose key is absent from the request (and has no default): AWS then treats
/// the element as not matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnresolvedVariable {
    pub name: String,
    /// The key is present but multivalued, and a multivalued key cannot be a policy variable.
    pub multivalued: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Substituted {
    pub pattern: Pattern,
    pub variables: Vec<ResolvedVariable>,
}

/// Replaces `${...}` in policy text with values from the request (`${aws:username}`,
/// `${aws:PrincipalTag/team}`, `${*}`, `${?}`, `${$}`, `${key, 'default'}`). When `wildcards`
/// is true, `*` and `?` written in the policy text itself are wildcards.
pub fn substitute(
    text: &str,
    ctx: &RequestContext,
    wildcards: bool,
) -> Result<Substituted, UnresolvedVariable> {
    variables::substitute(text, ctx, wildcards)
}

/// Action / NotAction: `service:Name` patterns, case-insensitive, with `*` and `?`.
///
/// IAM User Guide, "IAM JSON policy elements: Action": action names are not case-sensitive
/// (`s3:getobject` = `s3:GetObject`), and `*` / `?` may appear anywhere.
pub fn action_matches(pattern: &str, action: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    // Fast paths for the common shapes (`s3:GetObject`, `s3:Get*`) without building tokens;
    // ASCII only, so they agree with the general path's Unicode case folding.
    if pattern.is_ascii() && action.is_ascii() {
        let wildcard_at = first_wildcard(pattern);
        if wildcard_at.is_none() {
            return pattern.eq_ignore_ascii_case(action);
        }
        if wildcard_at == Some(pattern.len() - 1) && pattern.ends_with('*') {
            let prefix = &pattern[..pattern.len() - 1];
            return action.len() >= prefix.len()
                && action[..prefix.len()].eq_ignore_ascii_case(prefix);
        }
    }
    let mut tokens = Vec::with_capacity(pattern.len());
    tokenize(pattern, true, &mut tokens);
    glob_match(&tokens, action, true)
}

/// Where the first `*` or `?` of `pattern` is. Every Action and Resource value of every
/// statement is looked at on every evaluation, and `bytes().position(..)` was 8% of deciding a
/// parsed case in the size-optimised build: eight bytes at a time while none is a wildcard.
fn first_wildcard(pattern: &str) -> Option<usize> {
    let bytes = pattern.as_bytes();
    let mut at = 0;
    while let Some(word) = word_at(bytes, at) {
        if has_byte(word, b'*') || has_byte(word, b'?') {
            break;
        }
        at += 8;
    }
    while at < bytes.len() {
        if matches!(bytes[at], b'*' | b'?') {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Resource / NotResource: a substituted pattern against a request resource, matched as AWS
/// does for ARNs (part by part; the resource part case-sensitive). `*` matches everything.
pub fn resource_matches(pattern: &Pattern, resource: &str) -> bool {
    pattern.matches_arn(resource)
}

/// [`resource_matches`] for policy text without variables, as `Pattern::wildcard(pattern)`
/// would match it, without building the pattern: every Resource value of every statement is
/// matched on every evaluation, and ordinary ARNs fit in tokens on the stack.
pub fn wildcard_resource_matches(pattern: &str, resource: &str) -> bool {
    // The two common shapes compare as text. Without wildcards every segment must be equal, so
    // the whole text is; with one `*` at the very end, the segments before it must be equal and
    // the last one may run on over colons, which is a prefix test.
    match first_wildcard(pattern) {
        None => return pattern == resource,
        Some(at) if at + 1 == pattern.len() && pattern.ends_with('*') => {
            return pattern
                .get(..at)
                .is_some_and(|prefix| resource.starts_with(prefix));
        }
        Some(_) => {}
    }
    // Filling the array is paid on every call: room for ordinary ARNs, not for every ARN.
    const ON_STACK: usize = 64;
    if pattern.len() > ON_STACK {
        return resource_matches(&Pattern::wildcard(pattern), resource);
    }
    // No more characters than bytes, so every character gets a slot.
    let mut tokens = [Token::AnyRun; ON_STACK];
    let mut count = 0;
    for (slot, c) in tokens.iter_mut().zip(pattern.chars()) {
        *slot = pattern::token(c, true);
        count += 1;
    }
    tokens
        .get(..count)
        .is_some_and(|tokens| arn::arn_matches(tokens, resource))
}

/// Whether policy text holds a `${`: without one, substitution changes nothing.
pub fn has_variables(text: &str) -> bool {
    variables::find_reference_start(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_wildcard_is_found_as_a_byte_by_byte_scan_finds_it() {
        let naive = |text: &str| text.bytes().position(|b| b == b'*' || b == b'?');
        for filler in ["a", "\u{e9}", "\u{7f}", ":", "+", ">"] {
            for special in ['*', '?'] {
                for length in 0..40 {
                    for position in 0..=length {
                        let mut text = filler.repeat(length);
                        if position < length {
                            text.insert(position * filler.len(), special);
                        }
                        assert_eq!(first_wildcard(&text), naive(&text), "{text}");
                    }
                }
            }
        }
        for byte in 0..=127u8 {
            let text = format!("xxxxxxx{}x*", char::from(byte));
            assert_eq!(first_wildcard(&text), naive(&text), "{byte}");
        }
    }

    // IAM User Guide, "IAM JSON policy elements: Action": case-insensitive, `*` and `?`.
    #[rustfmt::skip]
    #[test]
    fn action_table() {
        let rows = [
            ("*", "s3:GetObject", true),
            ("s3:*", "s3:GetObject", true),
            ("s3:*", "s3express:CreateSession", false),
            ("S3:getobject", "s3:GetObject", true),
            ("s3:Get*", "s3:GetObjectAcl", true),
            ("s3:Get*", "s3:PutObject", false),
            ("iam:*AccessKey*", "iam:CreateAccessKey", true),
            ("s3:?etObject", "s3:GetObject", true),
            ("s3:?etObject", "s3:GGetObject", false),
            ("s3:GetObject", "s3:GetObjectAcl", false),
            ("ec2:*", "ec2:RunInstances", true),
            ("", "s3:GetObject", false),
            ("s3:*", "s3:", true),
            ("s3:GetObject*", "s3:Get", false),
            ("S3:É*", "s3:éx", true),
            ("s3:getobject*", "S3:GETOBJECTACL", true),
            ("s3:GetObjectAcl*", "s3:GetObject", false),
            ("s3:Get*Acl", "s3:GetObjectAcl", true),
            ("s3:Get*Acl", "s3:GetObject", false),
            ("s3:?et*", "s3:GetObject", true),
            ("kms:décrypt", "kms:DÉCRYPT", true),
            ("kms:déc*", "kms:DÉCRYPT", true),
            ("s3:\u{212a}*", "s3:kill", true),
        ];
        for (pattern, action, expected) in rows {
            assert_eq!(
                action_matches(pattern, action),
                expected,
                "`{pattern}` against `{action}`"
            );
        }
    }

    #[test]
    fn pattern_constructors() {
        assert!(Pattern::wildcard("a*").matches("abc", false));
        assert!(!Pattern::literal("a*").matches("abc", false));
        assert!(Pattern::literal("a*").matches("a*", false));
        assert!(Pattern::wildcard("A?").matches("ab", true));
        assert!(Pattern::wildcard("a?").has_wildcards());
        assert!(!Pattern::literal("a?").has_wildcards());
        assert_eq!(Pattern::wildcard("x*").text(), "x*");
    }
}
