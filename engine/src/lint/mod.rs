//! Lint: every problem in a policy, with where it is, why it matters and how to fix it.
//!
//! Findings follow IAM Access Analyzer's four categories ([`Severity`]); each [`Check`] has a
//! stable code (a course's lessons say which codes they teach). Errors and warnings come back
//! together, in text order. Lint never panics, whatever the text: it reads what it can and reports the rest.

mod actions;
mod catalog_actions;
mod catalog_conditions;
mod check;
mod conditions;
mod context;
mod finding;
mod kind;
mod kind_rules;
mod parse_errors;
mod principals;
mod redundancy;
mod resources;
mod size;
mod structure;
mod values;
mod variables;

pub use check::{Check, Severity};
pub use finding::{Finding, Range, StatementId};
pub use kind::{Attachment, SizeQuota};

/// Every check's documentation, kept next to the code that reports it.
const DOCS: [&[(Check, &str)]; 12] = [
    parse_errors::DOCS,
    structure::DOCS,
    size::DOCS,
    kind_rules::DOCS,
    principals::DOCS,
    actions::DOCS,
    catalog_actions::DOCS,
    resources::DOCS,
    catalog_conditions::DOCS,
    conditions::DOCS,
    variables::DOCS,
    redundancy::DOCS,
];

use crate::catalog::Catalog;
use crate::json::LineIndex;
use crate::policy::{parse_policy_lenient, LenientPolicy};
use crate::policy_kind::PolicyKind;
use context::Context;

/// What to lint against.
#[derive(Debug, Clone, Copy, Default)]
pub struct LintOptions<'c> {
    pub kind: PolicyKind,
    /// The action catalogue, for the checks that need to know AWS's actions, resource types
    /// and condition keys. Without it those checks are skipped.
    pub catalog: Option<&'c Catalog>,
    /// A lesson asks for MFA on sensitive actions: report Allow statements without an MFA
    /// condition.
    pub require_mfa: bool,
    /// For identity policies: managed, or inline in a user, role or group (size quotas differ).
    pub attachment: Attachment,
}

impl<'c> LintOptions<'c> {
    pub fn new(kind: PolicyKind, catalog: Option<&'c Catalog>) -> LintOptions<'c> {
        LintOptions {
            kind,
            catalog,
            require_mfa: false,
            attachment: Attachment::Managed,
        }
    }
}

/// Every finding in `text`, sorted by position, then severity.
pub fn lint(text: &str, options: &LintOptions<'_>) -> Vec<Finding> {
    lint_parsed(text, &parse_policy_lenient(text), options)
}

/// [`lint`] over a reading the caller already has (from [`parse_policy_lenient`] of `text`):
/// an editor lints and evaluates one parse per keystroke, taking the strict policy from
/// [`crate::policy::LenientPolicy::strict`].
pub fn lint_parsed(text: &str, parsed: &LenientPolicy, options: &LintOptions<'_>) -> Vec<Finding> {
    let mut cx = Context::new(text, options);
    for error in &parsed.errors {
        parse_errors::report(&mut cx, error);
    }
    if let Some(policy) = &parsed.policy {
        let parse_failed = !parsed.errors.is_empty();
        structure::check(&mut cx, policy, parse_failed);
        size::check(&mut cx, policy);
        for statement in &policy.statements {
            kind_rules::check(&mut cx, statement);
            principals::check(&mut cx, statement);
            actions::check(&mut cx, statement);
            resources::check(&mut cx, statement);
            conditions::check(&mut cx, policy, statement);
            variables::check(&mut cx, policy, statement);
            redundancy::check_statement(&mut cx, statement);
            if let Some(catalog) = options.catalog {
                catalog_actions::check(&mut cx, catalog, statement);
                catalog_conditions::check(&mut cx, catalog, statement);
            }
        }
        kind_rules::check_policy(&mut cx, policy);
        redundancy::check_policy(&mut cx, policy);
        cx.attribute(&policy.statements);
    }
    cx.finish(&LineIndex::new(text))
}

/// Whether any finding makes AWS reject the policy.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests;
