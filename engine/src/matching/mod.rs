//! Matching of Action, Resource and string patterns, and policy variables.
//!
//! CONTRACT (skeleton): the signatures below are what the evaluator calls. The bodies are filled
//! in by the matching work; keep the signatures, or change them together with their callers.

use crate::context::RequestContext;

/// A pattern after policy-variable substitution: literal text, `*` (any run of characters) and
/// `?` (one character). Text that came from a variable's value is always literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    _private: (),
}

impl Pattern {
    /// `text` with `*` and `?` as wildcards and no variables (also Version 2008-10-17 text).
    pub fn wildcard(text: &str) -> Pattern {
        let _ = text;
        todo!("matching work")
    }

    /// `text` taken literally: no wildcards.
    pub fn literal(text: &str) -> Pattern {
        let _ = text;
        todo!("matching work")
    }

    /// Whether the whole of `text` matches. Never exponential: at most O(pattern × text).
    pub fn matches(&self, text: &str, case_insensitive: bool) -> bool {
        let _ = (text, case_insensitive);
        todo!("matching work")
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
    let _ = (text, ctx, wildcards);
    todo!("matching work")
}

/// Action / NotAction: `service:Name` patterns, case-insensitive, with `*` and `?`.
pub fn action_matches(pattern: &str, action: &str) -> bool {
    let _ = (pattern, action);
    todo!("matching work")
}

/// Resource / NotResource: a substituted pattern against a request resource, matched as AWS
/// does for ARNs (part by part; the resource part case-sensitive). `*` matches everything.
pub fn resource_matches(pattern: &Pattern, resource: &str) -> bool {
    let _ = (pattern, resource);
    todo!("matching work")
}
