//! Errors of the policy parser, turned into findings with their help.

use super::check::Check;
use super::context::Context;
use crate::policy::{PolicyError, PolicyErrorKind as Kind};

pub(super) fn report(cx: &mut Context<'_>, error: &PolicyError) {
    let (check, default_help, suggestion): (Check, &str, Option<String>) = match &error.kind {
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
        Kind::UnknownOperator(unknown) => {
            let base = unknown
                .name
                .trim_start_matches("ForAllValues:")
                .trim_start_matches("ForAnyValue:");
            if base == "NullIfExists" {
                cx.report(
                    Check::NullWithIfExists,
                    error.span,
                    None,
                    "`Null` cannot take `IfExists`".to_owned(),
                    "`Null` already tests whether the key exists; write `Null` (IAM User Guide, Condition operators > ...IfExists)",
                )
                .suggest(Some("Null".to_owned()));
                return;
            }
            (
                Check::UnknownOperator,
                "operator names are case-sensitive, e.g. `StringEquals`, `ArnLike`, `ForAnyValue:StringLike`",
                unknown.suggestion.clone(),
            )
        }
        Kind::DuplicateCondition { .. } => (Check::DuplicateCondition, "", None),
    };
    let help = error.help().unwrap_or_else(|| default_help.to_owned());
    cx.report(check, error.span, None, error.to_string(), help)
        .suggest(suggestion);
}
