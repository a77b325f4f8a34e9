//! Errors in the structure of a policy document, each with the span it is about.

use crate::condition::UnknownOperator;
use crate::json::{JsonError, Span};

/// A policy that AWS would reject, with where and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct PolicyError {
    pub kind: PolicyErrorKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyErrorKind {
    #[error(transparent)]
    Json(JsonError),
    #[error("{what} must be {expected}, found {found}")]
    WrongType {
        what: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("unknown element `{name}` in {place}")]
    UnknownElement {
        name: String,
        place: &'static str,
        suggestion: Option<&'static str>,
    },
    #[error("duplicate element `{name}`")]
    DuplicateElement { name: String },
    #[error("{place} has no `{name}` element")]
    MissingElement {
        name: &'static str,
        place: &'static str,
    },
    #[error("a statement cannot have both `{first}` and `{second}`")]
    Conflicting {
        first: &'static str,
        second: &'static str,
    },
    #[error("a statement needs `{first}` or `{second}`")]
    MissingEither {
        first: &'static str,
        second: &'static str,
    },
    #[error("`Effect` must be `Allow` or `Deny`, found `{found}`")]
    InvalidEffect { found: String },
    #[error("unsupported policy version `{found}`")]
    InvalidVersion { found: String },
    #[error("`{found}` is not a kind of principal")]
    UnknownPrincipalKind {
        found: String,
        suggestion: Option<&'static str>,
    },
    #[error("a principal written as a string must be `\"*\"`, found `{found}`")]
    PrincipalString { found: String },
    #[error(transparent)]
    UnknownOperator(UnknownOperator),
    #[error("duplicate condition {what} `{name}`")]
    DuplicateCondition { what: &'static str, name: String },
}

impl PolicyError {
    pub fn new(kind: PolicyErrorKind, span: Span) -> PolicyError {
        PolicyError { kind, span }
    }

    /// How to fix it, when there is advice beyond the message.
    pub fn help(&self) -> Option<String> {
        match &self.kind {
            PolicyErrorKind::Json(err) => err.help(),
            PolicyErrorKind::UnknownElement { suggestion: Some(name), .. }
            | PolicyErrorKind::UnknownPrincipalKind { suggestion: Some(name), .. } => {
                Some(format!("did you mean `{name}`? element names are case-sensitive"))
            }
            PolicyErrorKind::UnknownElement { place, .. } => Some(format!(
                "{place} may contain only {}",
                if *place == "a policy" {
                    "`Version`, `Id` and `Statement`"
                } else {
                    "`Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource` and `Condition`"
                }
            )),
            PolicyErrorKind::UnknownPrincipalKind { .. } => {
                Some("use `AWS`, `Service`, `Federated` or `CanonicalUser`".to_owned())
            }
            PolicyErrorKind::PrincipalString { .. } => {
                Some("name principals in an object, e.g. `{\"AWS\": \"arn:aws:iam::111122223333:root\"}`".to_owned())
            }
            PolicyErrorKind::InvalidEffect { found } if found.eq_ignore_ascii_case("allow") => {
                Some("write `Allow`: the value is case-sensitive".to_owned())
            }
            PolicyErrorKind::InvalidEffect { found } if found.eq_ignore_ascii_case("deny") => {
                Some("write `Deny`: the value is case-sensitive".to_owned())
            }
            PolicyErrorKind::InvalidVersion { .. } => {
                Some("use `\"2012-10-17\"`, the current version; `2008-10-17` is the old one".to_owned())
            }
            PolicyErrorKind::UnknownOperator(unknown) => {
                unknown.suggestion.as_ref().map(|s| format!("did you mean `{s}`?"))
            }
            PolicyErrorKind::DuplicateElement { .. } | PolicyErrorKind::DuplicateCondition { .. } => {
                Some("AWS keeps only one of them; merge the values into one list".to_owned())
            }
            PolicyErrorKind::Conflicting { first, second } => {
                Some(format!("`{second}` means \"everything except\"; keep only one of `{first}` and `{second}`"))
            }
            _ => None,
        }
    }
}

impl From<JsonError> for PolicyError {
    fn from(err: JsonError) -> PolicyError {
        let span = err.span;
        PolicyError::new(PolicyErrorKind::Json(err), span)
    }
}
