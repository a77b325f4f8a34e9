//! Every lint check: its stable code and severity.
//!
//! Codes are descriptive kebab-case names; once published they never change meaning, so the
//! app, the CLI's JSON and the lesson texts can refer to them. Which lesson teaches a check is
//! the course's business: each lesson lists the codes it teaches (`teaches` in `lesson.json`).

use serde::Serialize;

pub use crate::diagnostic::Severity;

macro_rules! checks {
    ($($variant:ident => $code:literal, $severity:ident;)*) => {
        /// One lint check.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(into = "&'static str")]
        pub enum Check { $($variant),* }

        impl Check {
            pub const ALL: &'static [Check] = &[$(Check::$variant),*];

            /// The stable code, e.g. `passrole-wildcard-resource`.
            pub fn code(self) -> &'static str {
                match self { $(Check::$variant => $code),* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Check::$variant => Severity::$severity),* }
            }
        }
    };
}

impl Check {
    /// The check whose code is `code`.
    pub fn from_code(code: &str) -> Option<Check> {
        Check::ALL.iter().copied().find(|c| c.code() == code)
    }

    /// The check's own documentation: a one-line summary, a blank line, then why it matters
    /// and how to fix it (written next to the code that reports it).
    pub fn explanation(self) -> &'static str {
        super::DOCS
            .iter()
            .flat_map(|docs| docs.iter())
            .find(|(check, _)| *check == self)
            .map_or("", |(_, text)| text)
    }
}

impl From<Check> for &'static str {
    fn from(check: Check) -> &'static str {
        check.code()
    }
}

checks! {
    // Structure: the document as AWS parses it.
    JsonSyntax => "json-syntax", Error;
    WrongType => "wrong-type", Error;
    UnknownElement => "unknown-element", Error;
    DuplicateElement => "duplicate-element", Error;
    MissingStatement => "missing-statement", Error;
    MissingEffect => "missing-effect", Error;
    InvalidEffect => "invalid-effect", Error;
    MissingAction => "missing-action", Error;
    ConflictingElements => "conflicting-elements", Error;
    InvalidVersion => "invalid-version", Error;
    MissingVersion => "missing-version", Warning;
    OldVersion => "old-version", Warning;
    EmptyElement => "empty-element", Error;
    DuplicateSid => "duplicate-sid", Error;
    InvalidSid => "invalid-sid", Error;
    PolicyTooLarge => "policy-too-large", Error;
    // What each kind of policy may contain.
    MissingResource => "missing-resource", Error;
    MissingPrincipal => "missing-principal", Error;
    PrincipalNotAllowed => "principal-not-allowed", Error;
    ResourceInTrustPolicy => "resource-in-trust-policy", Error;
    TrustPolicyAction => "trust-policy-action", Error;
    RcpPrincipalNotStar => "rcp-principal-not-star", Error;
    RcpAllow => "rcp-allow", Error;
    RcpUnsupportedService => "rcp-unsupported-service", Error;
    NotActionNotAllowed => "not-action-not-allowed", Error;
    NotPrincipalNotAllowed => "not-principal-not-allowed", Error;
    GuardrailGrantsNothing => "guardrail-grants-nothing", Warning;
    // Principals.
    UnknownPrincipalType => "unknown-principal-type", Error;
    InvalidPrincipal => "invalid-principal", Error;
    InvalidServicePrincipal => "invalid-service-principal", Warning;
    PublicTrust => "public-trust", SecurityWarning;
    PublicResource => "public-resource", SecurityWarning;
    AllowNotPrincipal => "allow-not-principal", Error;
    CrossAccountTrustWithoutExternalId => "trust-without-external-id", Suggestion;
    // Actions.
    InvalidActionFormat => "invalid-action-format", Error;
    UnknownService => "unknown-service", Error;
    UnknownAction => "unknown-action", Error;
    ActionMatchesNothing => "action-matches-nothing", Warning;
    ActionCase => "action-case", Suggestion;
    FullWildcardAction => "full-wildcard-action", SecurityWarning;
    ServiceWildcardAction => "service-wildcard-action", Warning;
    AllowNotAction => "allow-not-action", SecurityWarning;
    PrivilegeEscalation => "privilege-escalation", SecurityWarning;
    PassRoleWildcardResource => "passrole-wildcard-resource", SecurityWarning;
    AssumeRoleWildcardResource => "assume-role-wildcard-resource", SecurityWarning;
    ResourceExposure => "resource-exposure", SecurityWarning;
    MissingMfa => "missing-mfa", SecurityWarning;
    // Resources.
    InvalidArn => "invalid-arn", Error;
    InvalidArnPartition => "invalid-arn-partition", Error;
    InvalidArnRegion => "invalid-arn-region", Error;
    InvalidArnAccount => "invalid-arn-account", Error;
    ResourceTypeMismatch => "resource-type-mismatch", Warning;
    AllowNotResource => "allow-not-resource", SecurityWarning;
    WildcardResourceWrite => "wildcard-resource", Suggestion;
    // Conditions.
    UnknownOperator => "unknown-operator", Error;
    DuplicateCondition => "duplicate-condition", Error;
    UnknownGlobalKey => "unknown-global-key", Error;
    UnknownServiceKey => "unknown-service-key", Error;
    KeyNotSupported => "key-not-supported", Warning;
    OperatorTypeMismatch => "operator-type-mismatch", Warning;
    InvalidDateValue => "invalid-date-value", Error;
    InvalidIpValue => "invalid-ip-value", Error;
    InvalidNumberValue => "invalid-number-value", Error;
    InvalidBoolValue => "invalid-bool-value", Error;
    InvalidArnValue => "invalid-arn-value", Warning;
    NullWithIfExists => "null-with-if-exists", Error;
    ForAllValuesSingleValued => "for-all-values-single-valued", SecurityWarning;
    ForAnyValueSingleValued => "for-any-value-single-valued", Warning;
    MultivaluedWithoutSet => "multivalued-without-set", Warning;
    ForAllValuesAllow => "for-all-values-allow", SecurityWarning;
    LikeWithoutWildcard => "like-without-wildcard", Suggestion;
    WildcardInEquals => "wildcard-in-equals", Warning;
    MfaDenyWithoutIfExists => "mfa-deny-without-if-exists", SecurityWarning;
    // Policy variables.
    VariableInOldVersion => "variable-in-old-version", Warning;
    VariableNotAllowed => "variable-not-allowed", Error;
    MalformedVariable => "malformed-variable", Error;
    // Redundancy.
    DuplicateValue => "duplicate-value", Suggestion;
    RedundantAction => "redundant-action", Suggestion;
    RedundantResource => "redundant-resource", Suggestion;
    DuplicateStatement => "duplicate-statement", Suggestion;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_kebab_case() {
        let mut codes: Vec<&str> = Check::ALL.iter().map(|c| c.code()).collect();
        for code in &codes {
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{code}"
            );
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Check::ALL.len());
        assert!(Check::ALL.len() >= 50);
    }

    #[test]
    fn every_check_is_documented_once_with_a_summary_line() {
        for &check in Check::ALL {
            let documented = super::super::DOCS
                .iter()
                .flat_map(|docs| docs.iter())
                .filter(|(c, _)| *c == check)
                .count();
            assert_eq!(documented, 1, "{check:?}");
            let summary = check.explanation().lines().next().unwrap_or("");
            assert!(
                summary.ends_with('.') && summary.len() > 10,
                "{check:?}: {summary}"
            );
            assert_eq!(Check::from_code(check.code()), Some(check));
        }
        assert_eq!(Check::from_code("no-such-check"), None);
    }
}
