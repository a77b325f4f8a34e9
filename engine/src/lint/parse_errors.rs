//! Errors of the policy parser, turned into findings with their help. The same table gives a
//! [`PolicyError`] its diagnostic code, so a strict parse (the evaluator's) and a lint name a
//! problem alike.

use super::check::Check;
use super::context::Context;
use crate::diagnostic::Diagnostic;
use crate::json::{JsonError, Span};
use crate::policy::{PolicyError, PolicyErrorKind as Kind};

pub(super) fn report(cx: &mut Context<'_>, error: &PolicyError) {
    if let Some(check) = null_if_exists(error) {
        cx.report(
            check,
            error.span,
            None,
            "`Null` cannot take `IfExists`".to_owned(),
            NULL_IF_EXISTS_HELP,
        )
        .suggest(Some("Null".to_owned()));
        return;
    }
    let (check, default_help, suggestion) = classify(error);
    let help = error.help().unwrap_or_else(|| default_help.to_owned());
    cx.report(check, error.span, None, error.to_string(), help)
        .suggest(suggestion);
}

const NULL_IF_EXISTS_HELP: &str = "`Null` already tests whether the key exists; write `Null` (IAM User Guide, Condition operators > ...IfExists)";

/// `NullIfExists` is not a misspelt operator but a rule of its own.
fn null_if_exists(error: &PolicyError) -> Option<Check> {
    let Kind::UnknownOperator(unknown) = &error.kind else {
        return None;
    };
    let base = unknown
        .name
        .trim_start_matches("ForAllValues:")
        .trim_start_matches("ForAnyValue:");
    (base == "NullIfExists").then_some(Check::NullWithIfExists)
}

/// The check a parse error belongs to, the advice when the error has none of its own, and the
/// corrected text when there is one.
fn classify(error: &PolicyError) -> (Check, &'static str, Option<String>) {
    match &error.kind {
    Kind::Json(_) => (
        Check::JsonSyntax,
        "fix the JSON syntax first; nothing else can be checked until it parses",
        None,
    ),
    Kind::WrongType { .. } => (
        Check::WrongType,
        "see the lesson on policy anatomy for the shape of each element",
        None,
    ),
    Kind::UnknownElement { suggestion, .. } => (
        Check::UnknownElement,
        "remove it or fix its name",
        suggestion.map(str::to_owned),
    ),
    Kind::DuplicateElement { .. } => (Check::DuplicateElement, "keep one", None),
    Kind::MissingElement { name: "Effect", .. } => (
        Check::MissingEffect,
        "add `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`",
        None,
    ),
    Kind::MissingElement { .. } => (
        Check::MissingStatement,
        "add `\"Statement\": [ ... ]` with at least one statement",
        None,
    ),
    Kind::Conflicting { .. } => (Check::ConflictingElements, "keep only one of them", None),
    Kind::MissingEither { .. } => (
        Check::MissingAction,
        "add `\"Action\"` with the actions the statement is about, e.g. `\"s3:GetObject\"`",
        None,
    ),
    Kind::InvalidEffect { found } => {
        let fixed = ["Allow", "Deny"]
            .into_iter()
            .find(|e| e.eq_ignore_ascii_case(found))
            .map(str::to_owned);
        (Check::InvalidEffect, "use `Allow` or `Deny`", fixed)
    }
    Kind::InvalidVersion { .. } => (
        Check::InvalidVersion,
        "use `\"2012-10-17\"`",
        Some("2012-10-17".to_owned()),
    ),
    Kind::UnknownPrincipalKind { suggestion, .. } => (
        Check::UnknownPrincipalType,
        "use `AWS`, `Service`, `Federated` or `CanonicalUser`",
        suggestion.map(str::to_owned),
    ),
    Kind::PrincipalString { .. } => (Check::InvalidPrincipal, "", None),
    Kind::UnknownOperator(unknown) => (
        Check::UnknownOperator,
        "operator names are case-sensitive, e.g. `StringEquals`, `ArnLike`, `ForAnyValue:StringLike`",
        unknown.suggestion.clone(),
    ),
    Kind::DuplicateCondition { .. } => (Check::DuplicateCondition, "", None),
    }
}

impl Diagnostic for PolicyError {
    fn code(&self) -> &'static str {
        null_if_exists(self)
            .unwrap_or_else(|| classify(self).0)
            .code()
    }

    fn message(&self) -> String {
        self.to_string()
    }

    fn span(&self) -> Span {
        self.span
    }

    fn help(&self) -> Option<String> {
        if null_if_exists(self).is_some() {
            return Some(NULL_IF_EXISTS_HELP.to_owned());
        }
        PolicyError::help(self).or_else(|| {
            let (_, help, _) = classify(self);
            (!help.is_empty()).then(|| help.to_owned())
        })
    }
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::JsonSyntax,
        r#"The text is not valid JSON.

A policy is a JSON document, and AWS rejects one that does not parse. Nothing else can be
checked until it does, so this is the only finding until the syntax is fixed. The usual causes
are a missing comma between members, a trailing comma, single quotes, and comments."#,
    ),
    (
        Check::WrongType,
        r#"An element has the wrong JSON type.

Each policy element has a fixed shape: `Effect` is a string, `Action` a string or a list of
strings, `Condition` an object of operators, and so on. AWS rejects a document whose elements
have another shape."#,
    ),
    (
        Check::UnknownElement,
        r#"An element that the policy language does not have.

A policy may hold only `Version`, `Id` and `Statement`; a statement only `Sid`, `Effect`,
`Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource` and `Condition`.
Element names are case-sensitive, so `effect` is an unknown element, and AWS rejects the policy."#,
    ),
    (
        Check::DuplicateElement,
        r#"The same element appears twice in one object.

JSON parsers disagree on which copy wins, and AWS rejects the document rather than guess."#,
    ),
    (
        Check::MissingStatement,
        r#"The policy has no statement.

`Statement` is required and must hold at least one statement; AWS rejects a policy without
one."#,
    ),
    (
        Check::MissingEffect,
        r#"A statement without `Effect`.

Every statement must say whether it allows or denies: `"Effect": "Allow"` or
`"Effect": "Deny"`."#,
    ),
    (
        Check::InvalidEffect,
        r#"`Effect` is neither `Allow` nor `Deny`.

The value is case-sensitive: `allow` and `DENY` are rejected."#,
    ),
    (
        Check::MissingAction,
        r#"A statement without `Action` or `NotAction`.

Every statement must name the actions it is about, in `Action` (or, rarely, everything except
some actions in `NotAction`)."#,
    ),
    (
        Check::ConflictingElements,
        r#"A statement has both an element and its `Not` form.

`Action` and `NotAction`, `Resource` and `NotResource`, `Principal` and `NotPrincipal` exclude
each other; AWS rejects a statement with both."#,
    ),
    (
        Check::InvalidVersion,
        r#"`Version` is not a policy language version.

The versions are `2012-10-17` (current) and `2008-10-17` (old); any other value is rejected.
`Version` is not the date the policy was written."#,
    ),
    (
        Check::UnknownPrincipalType,
        r#"A principal type that does not exist.

The principal types are `AWS`, `Service`, `Federated` and `CanonicalUser`, written exactly
so; AWS rejects any other key in `Principal`."#,
    ),
    (
        Check::UnknownOperator,
        r#"A condition operator that does not exist.

Operator names are case-sensitive (`StringEquals`, `ArnLike`, `ForAnyValue:StringLike`); AWS
rejects an unknown one."#,
    ),
    (
        Check::DuplicateCondition,
        r#"The same operator or key twice in one `Condition`.

JSON keys must be unique in an object; write the values of one key as a list instead."#,
    ),
    (
        Check::NullWithIfExists,
        r#"`NullIfExists`, which does not exist.

`Null` already tests whether the key is present; write `Null`."#,
    ),
];

// Here, not beside `JsonError`: the JSON reader knows nothing of lint codes or diagnostics.
impl Diagnostic for JsonError {
    fn code(&self) -> &'static str {
        Check::JsonSyntax.code()
    }

    fn message(&self) -> String {
        self.to_string()
    }

    fn span(&self) -> Span {
        self.span
    }

    fn help(&self) -> Option<String> {
        JsonError::help(self)
    }
}
