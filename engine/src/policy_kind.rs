//! The kinds of policy: where a policy is attached, which decides what it may contain, how it is
//! evaluated and how large it may be. One type for the linter, the course format and the app;
//! its JSON names (`identity`, `scp`...) are the ones lesson files and share links use.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where a policy is attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PolicyKind {
    /// Attached to a user, group or role.
    #[default]
    Identity,
    /// Attached to a resource: bucket, key, queue, topic, secret...
    Resource,
    /// A role's trust policy (`AssumeRolePolicyDocument`): the resource policy of the role for
    /// `sts:AssumeRole*` requests.
    Trust,
    /// A permissions boundary (a managed policy used as a boundary).
    Boundary,
    /// A session policy passed to `AssumeRole` or `GetFederationToken`.
    Session,
    /// An Organizations service control policy.
    Scp,
    /// An Organizations resource control policy.
    Rcp,
}

impl PolicyKind {
    pub const ALL: [PolicyKind; 7] = [
        PolicyKind::Identity,
        PolicyKind::Resource,
        PolicyKind::Trust,
        PolicyKind::Boundary,
        PolicyKind::Session,
        PolicyKind::Scp,
        PolicyKind::Rcp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity",
            PolicyKind::Resource => "resource",
            PolicyKind::Trust => "trust",
            PolicyKind::Boundary => "boundary",
            PolicyKind::Session => "session",
            PolicyKind::Scp => "scp",
            PolicyKind::Rcp => "rcp",
        }
    }

    /// In words, for messages: "an identity-based policy".
    pub fn described(self) -> &'static str {
        match self {
            PolicyKind::Identity => "an identity-based policy",
            PolicyKind::Resource => "a resource-based policy",
            PolicyKind::Trust => "a role trust policy",
            PolicyKind::Boundary => "a permissions boundary",
            PolicyKind::Session => "a session policy",
            PolicyKind::Scp => "a service control policy",
            PolicyKind::Rcp => "a resource control policy",
        }
    }

    /// Whether statements name who they apply to (`Principal`).
    pub fn needs_principal(self) -> bool {
        matches!(
            self,
            PolicyKind::Resource | PolicyKind::Trust | PolicyKind::Rcp
        )
    }

    /// Guardrails limit what other policies grant and never grant anything themselves.
    pub fn is_guardrail(self) -> bool {
        matches!(
            self,
            PolicyKind::Scp | PolicyKind::Rcp | PolicyKind::Boundary | PolicyKind::Session
        )
    }

    /// Organizations policies (SCPs and RCPs) attach to the root, an OU or an account.
    pub fn is_organization_policy(self) -> bool {
        matches!(self, PolicyKind::Scp | PolicyKind::Rcp)
    }

    /// Whether one request can meet several policies of the kind: a principal's identity
    /// policies, and the SCPs and RCPs along the organization path; a request has one
    /// resource policy, trust policy, boundary and session policy.
    pub fn allows_many(self) -> bool {
        matches!(
            self,
            PolicyKind::Identity | PolicyKind::Scp | PolicyKind::Rcp
        )
    }
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is no policy kind (`--kind bucket`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown policy kind `{0}`")]
pub struct UnknownKind(pub String);

impl UnknownKind {
    pub fn help(&self) -> &'static str {
        "use one of `identity`, `resource`, `trust`, `scp`, `rcp`, `boundary`, `session`"
    }
}

impl FromStr for PolicyKind {
    type Err = UnknownKind;

    fn from_str(text: &str) -> Result<PolicyKind, UnknownKind> {
        PolicyKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| UnknownKind(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::PolicyKind;

    #[test]
    fn json_names_are_the_names_and_parse_back() {
        for kind in PolicyKind::ALL {
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(serde_json::from_str::<PolicyKind>(&json).ok(), Some(kind));
            assert_eq!(kind.as_str().to_uppercase().parse(), Ok(kind));
        }
        assert!("bucket".parse::<PolicyKind>().is_err());
    }
}
