//! Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'default'}`, `${*}` ...
//!
//! Rules pinned from the IAM User Guide, "IAM policy elements: Variables and tags":
//! - a variable is `$` followed by the key name in braces; its value comes from the request
//!   context, and "key names are case-insensitive" (Request information that you can use for
//!   policy variables);
//! - `${*}`, `${?}` and `${$}` stand for the literal characters `*`, `?` and `$` and "can be
//!   used in any string where you can use regular policy variables" (Special characters);
//! - a default is written as a single-quoted string after a comma and a space:
//!   `${aws:userid, 'anonymous'}` (Specifying default values); we also accept no space or more;
//! - a key that is "not present" makes any attempt to match it fail (Principal key values), so
//!   the element does not match;
//! - a multivalued key cannot be used as a variable ("Single-valued vs. multivalued context
//!   keys", Key points), so it resolves like an absent key: its default, if any, else nothing.
//!
//! A variable's value is always literal text: a `*` inside a tag value is not a wildcard.
//! Where variables may appear (the resource part of an ARN, String/ARN/Bool condition values)
//! is decided by the callers and the linter, not here.

use super::pattern::{tokenize, Token};
use super::{Pattern, ResolvedVariable, Substituted, UnresolvedVariable};
use crate::context::RequestContext;

/// One `${...}` found in policy text.
struct Reference<'a> {
    /// Inside the braces, as written.
    inner: &'a str,
    /// Bytes of the whole reference, `${` to `}`.
    len: usize,
}

/// The reference starting at `text` (which begins with `${`), if its braces close.
fn reference_at(text: &str) -> Option<Reference<'_>> {
    let body = text.strip_prefix("${")?;
    let close = body.find('}')?;
    Some(Reference {
        inner: &body[..close],
        len: close + 3,
    })
}

/// Splits `key, 'default'` into the key and the default text.
fn split_default(inner: &str) -> (&str, Option<&str>) {
    if let Some((key, rest)) = inner.split_once(',') {
        let rest = rest.trim();
        if let Some(default) = rest.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
            return (key.trim(), Some(default));
        }
    }
    (inner.trim(), None)
}

/// Byte offset of the first `${`. A byte scan: `str::find` with a two-byte needle sets up a
/// substring searcher on every call, and this runs for every Resource and condition value.
pub(super) fn find_reference_start(text: &str) -> Option<usize> {
    text.as_bytes().windows(2).position(|pair| pair == b"${")
}

pub(super) fn substitute(
    text: &str,
    ctx: &RequestContext,
    wildcards: bool,
) -> Result<Substituted, UnresolvedVariable> {
    let mut tokens = Vec::with_capacity(text.len());
    let mut display = String::with_capacity(text.len());
    let mut variables = Vec::new();
    let mut rest = text;
    while let Some(dollar) = find_reference_start(rest) {
        let (before, from_dollar) = rest.split_at(dollar);
        tokenize(before, wildcards, &mut tokens);
        display.push_str(before);
        let Some(reference) = reference_at(from_dollar) else {
            // An unclosed `${` is plain text.
            tokenize(from_dollar, wildcards, &mut tokens);
            display.push_str(from_dollar);
            return Ok(Substituted {
                pattern: Pattern::from_parts(tokens, display),
                variables,
            });
        };
        let value = resolve(reference.inner, ctx)?;
        tokens.extend(value.value.chars().map(Token::Char));
        display.push_str(&value.value);
        if let Some(resolved) = value.report {
            variables.push(resolved);
        }
        rest = &from_dollar[reference.len..];
    }
    tokenize(rest, wildcards, &mut tokens);
    display.push_str(rest);
    Ok(Substituted {
        pattern: Pattern::from_parts(tokens, display),
        variables,
    })
}

struct Value {
    value: String,
    /// `None` for the special characters, which are not worth reporting as variables.
    report: Option<ResolvedVariable>,
}

fn resolve(inner: &str, ctx: &RequestContext) -> Result<Value, UnresolvedVariable> {
    if let special @ ("*" | "?" | "$") = inner.trim() {
        return Ok(Value {
            value: special.to_owned(),
            report: None,
        });
    }
    let (key, default) = split_default(inner);
    let entry = ctx.get(key);
    let single = entry
        .filter(|e| !e.multivalued)
        .and_then(|e| match &e.values[..] {
            [only] => Some(only.clone()),
            _ => None,
        });
    let name = key.to_owned();
    match (single, default) {
        (Some(value), _) => Ok(Value {
            report: Some(ResolvedVariable {
                name,
                value: value.clone(),
                defaulted: false,
            }),
            value,
        }),
        (None, Some(default)) => Ok(Value {
            value: default.to_owned(),
            report: Some(ResolvedVariable {
                name,
                value: default.to_owned(),
                defaulted: true,
            }),
        }),
        (None, None) => Err(UnresolvedVariable {
            multivalued: entry.is_some_and(|e| e.multivalued),
            name,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> RequestContext {
        let mut ctx = RequestContext::new();
        ctx.insert_single("aws:username", "alice");
        ctx.insert_single("aws:PrincipalTag/team", "ops*");
        ctx.insert_multi("aws:TagKeys", vec!["a".into(), "b".into()]);
        ctx
    }

    fn sub(text: &str) -> Result<Substituted, UnresolvedVariable> {
        substitute(text, &ctx(), true)
    }

    #[test]
    fn variables_resolve_case_insensitively_and_are_reported() {
        let s = sub("arn:aws:s3:::bucket/${AWS:UserName}/*").expect("resolves");
        assert_eq!(s.pattern.text(), "arn:aws:s3:::bucket/alice/*");
        assert_eq!(
            s.variables,
            vec![ResolvedVariable {
                name: "AWS:UserName".into(),
                value: "alice".into(),
                defaulted: false
            }]
        );
        assert!(s.pattern.matches("arn:aws:s3:::bucket/alice/x", false));
        assert!(!s.pattern.matches("arn:aws:s3:::bucket/bob/x", false));
    }

    // IAM User Guide, Variables and tags: a variable's value is inserted as text, so a `*` in a
    // tag value must not act as a wildcard.
    #[test]
    fn variable_values_are_literal() {
        let s = sub("team-${aws:PrincipalTag/team}").expect("resolves");
        assert!(s.pattern.matches("team-ops*", false));
        assert!(!s.pattern.matches("team-opsX", false));
    }

    // IAM User Guide, Variables and tags > Special characters: ${*}, ${?}, ${$}.
    #[test]
    fn special_characters_are_literal() {
        let s = sub("a${*}b${?}c${$}").expect("resolves");
        assert_eq!(s.pattern.text(), "a*b?c$");
        assert!(s.pattern.matches("a*b?c$", false));
        assert!(!s.pattern.matches("aXbYc$", false));
        assert!(s.variables.is_empty());
    }

    // IAM User Guide, Variables and tags > Specifying default values.
    #[test]
    fn defaults_apply_only_when_the_key_is_absent() {
        let s = sub("b-${aws:PrincipalTag/dept, 'company-wide'}").expect("default");
        assert_eq!(s.pattern.text(), "b-company-wide");
        assert!(s.variables[0].defaulted);
        let s = sub("${aws:username,'guest'}").expect("present");
        assert_eq!(s.pattern.text(), "alice");
        assert!(!s.variables[0].defaulted);
    }

    // IAM User Guide, Variables and tags > Policy variables with no value.
    #[test]
    fn absent_key_without_default_is_unresolved() {
        let err = sub("x/${aws:PrincipalTag/dept}").expect_err("absent");
        assert_eq!(err.name, "aws:PrincipalTag/dept");
        assert!(!err.multivalued);
    }

    // Single-valued vs. multivalued context keys > Key points: a multivalued key cannot be a
    // policy variable.
    #[test]
    fn multivalued_key_is_not_a_variable() {
        let err = sub("${aws:TagKeys}").expect_err("multivalued");
        assert!(err.multivalued);
        let s = sub("${aws:TagKeys, 'none'}").expect("default used");
        assert_eq!(s.pattern.text(), "none");
    }

    #[test]
    fn wildcards_flag_controls_policy_text_only() {
        let s = substitute("a*${aws:username}", &ctx(), false).expect("resolves");
        assert!(s.pattern.matches("a*alice", false));
        assert!(!s.pattern.matches("aXalice", false));
    }

    #[test]
    fn unclosed_reference_is_text() {
        let s = sub("a${aws:username").expect("text");
        assert_eq!(s.pattern.text(), "a${aws:username");
    }
}
