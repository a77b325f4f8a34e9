//! Resource ARNs matched as AWS matches them: segment by segment.
//!
//! IAM User Guide, "IAM JSON policy elements: Resource" > "Using wildcards in resource ARNs":
//! wildcards work within the individual segments of an ARN (the parts separated by colons);
//! "if the `*` wildcard is the last character of a resource ARN segment, it can expand to match
//! beyond the colon boundaries"; and `*` in the resource segment matches any characters,
//! including `/`. An ARN has six segments (`arn`, partition, service, region, account,
//! resource); the resource segment is everything after the fifth colon and may hold colons.
//!
//! So: the first five segments of pattern and ARN are compared one by one (a `*` or `?` there
//! cannot swallow a colon), the resource segment is compared as a whole. A pattern with fewer
//! segments whose last one ends in `*` (`arn:aws:s3:*`) lets that `*` run over the remaining
//! colons. A request resource that is not an ARN is compared as plain text.

use super::pattern::{glob_match, Token};

/// Segments before the resource segment.
const LEADING_SEGMENTS: usize = 5;

/// Splits tokens at the first five literal colons; the last piece keeps any further colons.
/// Returns the pieces and how many there are.
fn split_pattern(tokens: &[Token]) -> ([&[Token]; LEADING_SEGMENTS + 1], usize) {
    let mut parts: [&[Token]; LEADING_SEGMENTS + 1] = [&[]; LEADING_SEGMENTS + 1];
    let mut count = 0;
    let mut rest = tokens;
    while count < LEADING_SEGMENTS {
        let Some(colon) = rest.iter().position(|t| *t == Token::Char(':')) else {
            break;
        };
        parts[count] = &rest[..colon];
        rest = &rest[colon + 1..];
        count += 1;
    }
    parts[count] = rest;
    (parts, count + 1)
}

/// Splits an ARN the same way: the pieces and how many there are.
fn split_arn(arn: &str) -> ([&str; LEADING_SEGMENTS + 1], usize) {
    let mut parts = [""; LEADING_SEGMENTS + 1];
    let mut count = 0;
    for piece in arn.splitn(LEADING_SEGMENTS + 1, ':') {
        parts[count] = piece;
        count += 1;
    }
    (parts, count)
}

/// Whether `tokens` (a substituted policy pattern) matches the request `resource`.
pub(crate) fn arn_matches(tokens: &[Token], resource: &str) -> bool {
    if !tokens.is_empty() && tokens.iter().all(|t| *t == Token::AnyRun) {
        return true;
    }
    let (resource_parts, resource_count) = split_arn(resource);
    if resource_count <= LEADING_SEGMENTS {
        // Not an ARN (some services name resources otherwise): compare the whole text.
        return glob_match(tokens, resource, false);
    }
    let (pattern_parts, pattern_count) = split_pattern(tokens);
    let last = pattern_count - 1;
    if pattern_count == resource_count {
        return pattern_parts
            .iter()
            .zip(&resource_parts)
            .all(|(p, r)| glob_match(p, r, false));
    }
    // A short pattern: its last segment may stretch over the remaining colons only when it
    // ends with `*`.
    if pattern_parts[last].last() != Some(&Token::AnyRun) {
        return false;
    }
    let leading_ok = pattern_parts[..last]
        .iter()
        .zip(&resource_parts)
        .all(|(p, r)| glob_match(p, r, false));
    // The text from the start of resource segment `last` to the end.
    let consumed: usize = resource_parts[..last].iter().map(|p| p.len() + 1).sum();
    leading_ok && glob_match(pattern_parts[last], &resource[consumed..], false)
}

#[cfg(test)]
mod tests {
    use super::super::pattern::tests::all_strings;
    use super::super::Pattern;

    /// Both ways of matching policy text without variables, which must agree.
    fn matches(pattern: &str, resource: &str) -> bool {
        let built = super::super::resource_matches(&Pattern::wildcard(pattern), resource);
        let as_written = super::super::wildcard_resource_matches(pattern, resource);
        assert_eq!(built, as_written, "`{pattern}` against `{resource}`");
        built
    }

    /// The text shortcuts (no wildcard, one final `*`) against the segment matcher, on short
    /// ARN-like texts with and without six segments.
    #[test]
    fn text_shortcuts_agree_with_segment_matching() {
        let patterns = all_strings(&['a', ':', '*', '?'], 4);
        let tails = all_strings(&['a', ':'], 3);
        for prefix in ["", "arn:aws:s3::", "arn:aws:s3:::"] {
            for tail in &patterns {
                let pattern = format!("{prefix}{tail}");
                for rest in &tails {
                    matches(&pattern, &format!("arn:aws:s3:::{rest}"));
                    matches(&pattern, &format!("arn:aws:s3::{rest}"));
                    matches(&pattern, rest);
                }
            }
        }
    }

    #[test]
    fn patterns_longer_than_the_stack_tokens_match_too() {
        let long = format!("arn:aws:s3:::{}", "é".repeat(200));
        assert!(matches(&format!("{long}*"), &format!("{long}/key")));
        assert!(!matches(&format!("{long}?"), &long));
        assert!(matches("arn:aws:s3:::*", &format!("{long}x")));
    }

    // Rows cite IAM User Guide, "IAM JSON policy elements: Resource" > "Using wildcards in
    // resource ARNs" unless stated otherwise.
    #[rustfmt::skip]
    #[test]
    fn resource_table() {
        let rows = [
            // `*` alone matches every resource, ARN or not.
            ("*", "arn:aws:s3:::bucket/key", true),
            ("*", "not-an-arn", true),
            // `*` in the resource segment spans `/` (the doc's `amzn-s3-demo-bucket/*/test/*`).
            ("arn:aws:s3:::bucket*", "arn:aws:s3:::bucket/a/b", true),
            ("arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b/1/2/test/3/o.jpg", true),
            ("arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b//test/o.jpg", true),
            ("arn:aws:s3:::b/*/test/*", "arn:aws:s3:::b/1-test/o.jpg", false),
            // The resource segment is case-sensitive ("the IAM user name is case sensitive").
            ("arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::111122223333:user/bob", false),
            ("arn:aws:iam::111122223333:user/Bob", "arn:aws:iam::111122223333:user/Bob", true),
            // A wildcard inside a leading segment does not cross its colons.
            ("arn:aws:ec2:us-*1:*:instance/i-1", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", true),
            ("arn:aws:ec2:us*:instance/i-1", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", false),
            ("arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:eu-west-1:111122223333:volume/v", false),
            ("arn:aws:iam::?????????????:user/x", "arn:aws:iam::111122223333:user/x", false),
            ("arn:aws:iam::????????????:user/x", "arn:aws:iam::111122223333:user/x", true),
            // The resource segment may hold colons.
            ("arn:aws:logs:us-east-1:1:log-group:g:*", "arn:aws:logs:us-east-1:1:log-group:g:log-stream:s", true),
            ("arn:aws:logs:*:*:log-group:*", "arn:aws:logs:us-east-1:1:log-group:g:log-stream:s", true),
            // A trailing `*` on a short pattern expands beyond the colon boundaries.
            ("arn:aws:s3:*", "arn:aws:s3:::bucket/key", true),
            ("arn:aws:*", "arn:aws:dynamodb:us-east-1:1:table/t", true),
            ("arn:aws:s3", "arn:aws:s3:::bucket", false),
            ("arn:aws:s3:*", "arn:aws:sqs:us-east-1:1:q", false),
            // Empty segments match only empty segments.
            ("arn:aws:s3:::bucket", "arn:aws:s3:us-east-1::bucket", false),
            // Condition operators > ARN condition operators: the guide's example where a `*`
            // ending a segment still does not run over colons in a full six-segment pattern.
            ("arn:aws:someservice:*:111122223333:finance/*", "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt", false),
            // A non-ARN request resource is compared as text.
            ("bucket/*", "bucket/key", true),
        ];
        for (pattern, resource, expected) in rows {
            assert_eq!(
                matches(pattern, resource),
                expected,
                "`{pattern}` against `{resource}`"
            );
        }
    }

    /// A backtracking matcher takes exponential time here; the speed is measured in
    /// `benches/matching.rs`.
    #[test]
    fn long_pathological_arn_is_matched_correctly() {
        let pattern = format!("arn:aws:s3:::{}b", "*a".repeat(300));
        let resource = format!("arn:aws:s3:::{}", "a".repeat(2_000));
        assert!(!matches(&pattern, &resource));
        assert!(matches(&pattern, &format!("{resource}b")));
    }
}
