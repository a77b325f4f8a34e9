//! The policy size quota of each kind.

use super::check::Check;
use super::context::Context;
use crate::json::Span;
use crate::policy::Policy;

pub(super) fn check(cx: &mut Context<'_>, policy: &Policy) {
    let inline = match cx.kind() {
        crate::policy_kind::PolicyKind::Identity => cx.options.attachment.size_quota(),
        _ => None,
    };
    let quota = inline.unwrap_or_else(|| cx.kind().size_quota());
    let size = counted_size(cx.text, quota.counts_whitespace);
    if size > quota.max {
        let what = if quota.counts_whitespace {
            "characters"
        } else {
            "characters not counting white space"
        };
        cx.report(
            Check::PolicyTooLarge,
            Span::new(policy.span.start, policy.span.start + 1),
            None,
            format!("the policy is {size} {what}, over the {} limit of {}", quota.what, quota.max),
            "split it into several policies, or merge statements and use wildcards that stay specific",
        );
    }
}

/// Characters as AWS counts them: white space outside strings counts only for some kinds.
fn counted_size(text: &str, counts_whitespace: bool) -> usize {
    if counts_whitespace {
        return text.trim().chars().count();
    }
    let mut in_string = false;
    let mut escaped = false;
    let mut count = 0;
    for c in text.chars() {
        if in_string {
            count += 1;
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            count += 1;
        } else if !c.is_whitespace() {
            count += 1;
        }
    }
    count
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[(
    Check::PolicyTooLarge,
    r#"The policy is over its size quota.

Each kind of policy has a character quota, and AWS rejects a larger policy: a managed policy
6,144 characters not counting white space, a role trust policy 2,048 by default, an SCP or
RCP 5,120 including white space, an inline policy 2,048 (user), 10,240 (role) or 5,120
(group) per principal. Split it, or merge statements."#,
)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_inside_strings_counts_and_outside_does_not() {
        assert_eq!(counted_size("{ \"a b\" : 1 }", false), 9);
        assert_eq!(counted_size("{ \"a\\\" b\" }", false), 9);
        assert_eq!(counted_size(" {a} ", true), 3);
    }
}
