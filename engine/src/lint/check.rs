//! Every lint check: its stable code, category and the lesson that teaches it.
//!
//! Codes are descriptive kebab-case names; once published they never change meaning, so the
//! app, the CLI's JSON and the lesson texts can refer to them.

use serde::Serialize;

pub use crate::diagnostic::Severity;

macro_rules! checks {
    ($($variant:ident => $code:literal, $severity:ident, $lesson:literal;)*) => {
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

            /// The id of the lesson that teaches what the check is about.
            pub fn lesson(self) -> &'static str {
                match self { $(Check::$variant => $lesson),* }
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
    JsonSyntax => "json-syntax", Error, "policy-anatomy";
    WrongType => "wrong-type", Error, "policy-anatomy";
    UnknownElement => "unknown-element", Error, "policy-anatomy";
    DuplicateElement => "duplicate-element", Error, "policy-anatomy";
    MissingStatement => "missing-statement", Error, "policy-anatomy";
    MissingEffect => "missing-effect", Error, "policy-anatomy";
    InvalidEffect => "invalid-effect", Error, "policy-anatomy";
    MissingAction => "missing-action", Error, "policy-anatomy";
    ConflictingElements => "conflicting-elements", Error, "policy-anatomy";
    InvalidVersion => "invalid-version", Error, "policy-anatomy";
    MissingVersion => "missing-version", Warning, "policy-anatomy";
    OldVersion => "old-version", Warning, "policy-anatomy";
    EmptyElement => "empty-element", Error, "policy-anatomy";
    DuplicateSid => "duplicate-sid", Error, "policy-anatomy";
    InvalidSid => "invalid-sid", Error, "policy-anatomy";
    PolicyTooLarge => "policy-too-large", Error, "policy-anatomy";
    // What each kind of policy may contain.
    MissingResource => "missing-resource", Error, "policy-anatomy";
    MissingPrincipal => "missing-principal", Error, "resource-policies-cross-account";
    PrincipalNotAllowed => "principal-not-allowed", Error, "trust-vs-permissions";
    ResourceInTrustPolicy => "resource-in-trust-policy", Error, "trust-vs-permissions";
    TrustPolicyAction => "trust-policy-action", Error, "trust-vs-permissions";
    RcpPrincipalNotStar => "rcp-principal-not-star", Error, "guardrails-and-auditing";
    RcpAllow => "rcp-allow", Error, "guardrails-and-auditing";
    RcpUnsupportedService => "rcp-unsupported-service", Error, "guardrails-and-auditing";
    NotActionNotAllowed => "not-action-not-allowed", Error, "guardrails-and-auditing";
    NotPrincipalNotAllowed => "not-principal-not-allowed", Error, "resource-policies-cross-account";
    GuardrailGrantsNothing => "guardrail-grants-nothing", Warning, "guardrails-and-auditing";
    // Principals.
    UnknownPrincipalType => "unknown-principal-type", Error, "resource-policies-cross-account";
    InvalidPrincipal => "invalid-principal", Error, "resource-policies-cross-account";
    InvalidServicePrincipal => "invalid-service-principal", Warning, "roles-and-sessions";
    PublicTrust => "public-trust", SecurityWarning, "trust-vs-permissions";
    PublicResource => "public-resource", SecurityWarning, "resource-policies-cross-account";
    AllowNotPrincipal => "allow-not-principal", Error, "resource-policies-cross-account";
    CrossAccountTrustWithoutExternalId => "trust-without-external-id", Suggestion, "roles-and-sessions";
    // Actions.
    InvalidActionFormat => "invalid-action-format", Error, "policy-anatomy";
    UnknownService => "unknown-service", Error, "policy-anatomy";
    UnknownAction => "unknown-action", Error, "policy-anatomy";
    ActionMatchesNothing => "action-matches-nothing", Warning, "policy-anatomy";
    ActionCase => "action-case", Suggestion, "policy-anatomy";
    FullWildcardAction => "full-wildcard-action", SecurityWarning, "least-privilege";
    ServiceWildcardAction => "service-wildcard-action", Warning, "least-privilege";
    AllowNotAction => "allow-not-action", SecurityWarning, "least-privilege";
    PrivilegeEscalation => "privilege-escalation", SecurityWarning, "passrole-vs-assumerole";
    PassRoleWildcardResource => "passrole-wildcard-resource", SecurityWarning, "passrole-vs-assumerole";
    AssumeRoleWildcardResource => "assume-role-wildcard-resource", SecurityWarning, "passrole-vs-assumerole";
    ResourceExposure => "resource-exposure", SecurityWarning, "resource-policies-cross-account";
    MissingMfa => "missing-mfa", SecurityWarning, "conditions";
    // Resources.
    InvalidArn => "invalid-arn", Error, "policy-anatomy";
    InvalidArnPartition => "invalid-arn-partition", Error, "policy-anatomy";
    InvalidArnRegion => "invalid-arn-region", Error, "policy-anatomy";
    InvalidArnAccount => "invalid-arn-account", Error, "policy-anatomy";
    ResourceTypeMismatch => "resource-type-mismatch", Warning, "policy-anatomy";
    AllowNotResource => "allow-not-resource", SecurityWarning, "least-privilege";
    WildcardResourceWrite => "wildcard-resource", Suggestion, "least-privilege";
    // Conditions.
    UnknownOperator => "unknown-operator", Error, "conditions";
    DuplicateCondition => "duplicate-condition", Error, "conditions";
    UnknownGlobalKey => "unknown-global-key", Error, "conditions";
    UnknownServiceKey => "unknown-service-key", Error, "conditions";
    KeyNotSupported => "key-not-supported", Warning, "conditions";
    OperatorTypeMismatch => "operator-type-mismatch", Warning, "conditions";
    InvalidDateValue => "invalid-date-value", Error, "conditions";
    InvalidIpValue => "invalid-ip-value", Error, "conditions";
    InvalidNumberValue => "invalid-number-value", Error, "conditions";
    InvalidBoolValue => "invalid-bool-value", Error, "conditions";
    InvalidArnValue => "invalid-arn-value", Warning, "conditions";
    NullWithIfExists => "null-with-if-exists", Error, "conditions";
    ForAllValuesSingleValued => "for-all-values-single-valued", SecurityWarning, "conditions";
    ForAnyValueSingleValued => "for-any-value-single-valued", Warning, "conditions";
    MultivaluedWithoutSet => "multivalued-without-set", Warning, "conditions";
    ForAllValuesAllow => "for-all-values-allow", SecurityWarning, "conditions";
    LikeWithoutWildcard => "like-without-wildcard", Suggestion, "conditions";
    WildcardInEquals => "wildcard-in-equals", Warning, "conditions";
    MfaDenyWithoutIfExists => "mfa-deny-without-if-exists", SecurityWarning, "conditions";
    // Policy variables.
    VariableInOldVersion => "variable-in-old-version", Warning, "conditions";
    VariableNotAllowed => "variable-not-allowed", Error, "conditions";
    MalformedVariable => "malformed-variable", Error, "conditions";
    // Redundancy.
    DuplicateValue => "duplicate-value", Suggestion, "policy-anatomy";
    RedundantAction => "redundant-action", Suggestion, "least-privilege";
    RedundantResource => "redundant-resource", Suggestion, "least-privilege";
    DuplicateStatement => "duplicate-statement", Suggestion, "policy-anatomy";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_lessons_exist() {
        const LESSONS: [&str; 14] = [
            "what-iam-answers",
            "users-and-groups",
            "policy-anatomy",
            "how-aws-decides",
            "roles-and-sessions",
            "trust-vs-permissions",
            "least-privilege",
            "conditions",
            "resource-policies-cross-account",
            "passrole-vs-assumerole",
            "data-engineering-patterns",
            "no-hardcoded-credentials",
            "guardrails-and-auditing",
            "interview-checkpoint",
        ];
        let mut codes: Vec<&str> = Check::ALL.iter().map(|c| c.code()).collect();
        for code in &codes {
            assert!(
                code.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{code}"
            );
        }
        for check in Check::ALL {
            assert!(LESSONS.contains(&check.lesson()), "{check:?}");
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
