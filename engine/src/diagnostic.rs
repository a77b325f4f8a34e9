//! One shape for everything the engine says about a text: JSON, policy, case and grading
//! errors and lint findings. Each has a stable code, a message, the span it points at and,
//! where there is one, advice; the app turns any of them into an editor marker and the CLI
//! into a compiler-style message, each with one function.

use crate::json::Span;
use serde::Serialize;

/// How serious a diagnostic is: IAM Access Analyzer's four finding categories (IAM User
/// Guide, "IAM Access Analyzer policy validation"), from what makes AWS reject a policy to a
/// mere suggestion. Every error that stops parsing is an [`Severity::Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// AWS rejects the policy, or a part of it can never work.
    Error,
    /// The policy grants more than it should, or to more people than it should.
    SecurityWarning,
    /// Valid but probably not what was meant.
    Warning,
    /// Works, but could be written more clearly.
    Suggestion,
}

impl Severity {
    /// The lower-case name used in messages: `error`, `security warning`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::SecurityWarning => "security warning",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        }
    }
}

/// Something wrong (or worth a word) at a place in a text.
pub trait Diagnostic {
    /// A stable kebab-case code, e.g. `json-syntax` or `invalid-arn`.
    fn code(&self) -> &'static str;

    /// What is wrong, in one sentence, user input in backticks.
    fn message(&self) -> String;

    /// The bytes of the text it is about. May be empty (a missing comma sits between two
    /// characters); whoever shows it widens it to something visible.
    fn span(&self) -> Span;

    /// How to fix it, when there is advice beyond the message.
    fn help(&self) -> Option<String>;

    fn severity(&self) -> Severity {
        Severity::Error
    }
}

// A case's own problems; a policy inside it keeps its policy code (the span points into the
// case text all the same).
impl Diagnostic for crate::case::CaseError {
    fn code(&self) -> &'static str {
        use crate::case::CaseErrorKind as Kind;
        match &self.kind {
            Kind::Json(error) => error.code(),
            Kind::Policy { error, .. } => error.code(),
            Kind::WrongType { .. } => "case-wrong-type",
            Kind::Missing { .. } => "case-missing-field",
            Kind::UnknownField { .. } => "case-unknown-field",
            Kind::Principal(_) => "case-invalid-principal",
            Kind::InvalidExpect { .. } => "case-invalid-expect",
        }
    }

    fn message(&self) -> String {
        self.to_string()
    }

    fn span(&self) -> Span {
        self.span
    }

    fn help(&self) -> Option<String> {
        crate::case::CaseError::help(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::Case;
    use crate::json;
    use crate::lint::{lint, LintOptions};
    use crate::policy::parse_policy;
    use crate::policy_kind::PolicyKind;

    fn underlined<'t>(text: &'t str, diagnostic: &dyn Diagnostic) -> &'t str {
        let span = diagnostic.span();
        &text[span.start..span.end]
    }

    #[test]
    fn json_policy_case_and_lint_speak_alike() {
        let text = "{\"Version\": 'x'}";
        let error = json::parse(text).unwrap_err();
        assert_eq!(error.code(), "json-syntax");
        assert!(Diagnostic::help(&error).unwrap().contains("double quotes"));

        let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "allow", "Action": "*", "Resource": "*"}}"#;
        let error = parse_policy(text).unwrap_err();
        assert_eq!(error.code(), "invalid-effect");
        assert_eq!(underlined(text, &error), "\"allow\"");
        assert!(Diagnostic::help(&error).unwrap().contains("case-sensitive"));
        // The lint names the same problem with the same code at the same place.
        let findings = lint(text, &LintOptions::new(PolicyKind::Identity, None));
        let finding = findings.iter().find(|f| f.code == error.code()).unwrap();
        assert_eq!(finding.span(), error.span());
        assert_eq!(finding.severity(), Severity::Error);

        let text = r#"{"request": {"principal": "arn:aws:iam::111122223333:user/a", "action": "s3:GetObject", "resource": "*"}, "expect": "yes"}"#;
        let error = Case::parse(text).unwrap_err();
        assert_eq!(error.code(), "case-invalid-expect");
        assert_eq!(underlined(text, &error), "\"yes\"");
    }

    #[test]
    fn null_if_exists_is_its_own_code_with_its_own_help() {
        let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"NullIfExists": {"aws:TokenIssueTime": "true"}}}}"#;
        let error = parse_policy(text).unwrap_err();
        assert_eq!(error.code(), "null-with-if-exists");
        assert!(Diagnostic::help(&error).unwrap().contains("write `Null`"));
    }
}
