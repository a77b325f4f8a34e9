//! The kinds of policy, and what each allows.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// Where a policy is attached: each kind has its own elements and size quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PolicyKind {
    /// Attached to a user, group or role (managed policy).
    #[default]
    Identity,
    /// Attached to a resource: bucket, key, queue, topic, secret...
    Resource,
    /// A role's trust policy (`AssumeRolePolicyDocument`).
    Trust,
    /// An Organizations service control policy.
    Scp,
    /// An Organizations resource control policy.
    Rcp,
    /// A permissions boundary (a managed policy used as a boundary).
    Boundary,
    /// A session policy passed to `AssumeRole` or `GetFederationToken`.
    Session,
}

impl PolicyKind {
    pub const ALL: [PolicyKind; 7] = [
        PolicyKind::Identity,
        PolicyKind::Resource,
        PolicyKind::Trust,
        PolicyKind::Scp,
        PolicyKind::Rcp,
        PolicyKind::Boundary,
        PolicyKind::Session,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PolicyKind::Identity => "identity",
            PolicyKind::Resource => "resource",
            PolicyKind::Trust => "trust",
            PolicyKind::Scp => "scp",
            PolicyKind::Rcp => "rcp",
            PolicyKind::Boundary => "boundary",
            PolicyKind::Session => "session",
        }
    }

    /// In words, for messages: "an identity policy".
    pub fn described(self) -> &'static str {
        match self {
            PolicyKind::Identity => "an identity-based policy",
            PolicyKind::Resource => "a resource-based policy",
            PolicyKind::Trust => "a role trust policy",
            PolicyKind::Scp => "a service control policy",
            PolicyKind::Rcp => "a resource control policy",
            PolicyKind::Boundary => "a permissions boundary",
            PolicyKind::Session => "a session policy",
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

    /// The size quota and how it is counted.
    pub fn size_quota(self) -> SizeQuota {
        match self {
            // IAM User Guide, "IAM and AWS STS quotas" > "IAM and STS character limits":
            // managed policy size 6,144 characters; IAM does not count white space.
            // A boundary is a managed policy.
            PolicyKind::Identity | PolicyKind::Boundary => {
                SizeQuota::new(6_144, false, "a managed policy")
            }
            // Same page: role trust policy length 2,048 characters by default (adjustable up
            // to 8,192 through Service Quotas), white space not counted.
            PolicyKind::Trust => {
                SizeQuota::new(2_048, false, "a role trust policy (the default quota)")
            }
            // AWS Organizations User Guide, "Quotas for AWS Organizations": maximum size of a
            // service control policy or resource control policy document 5,120 characters;
            // "SCP syntax": all characters count, white space included.
            PolicyKind::Scp | PolicyKind::Rcp => {
                SizeQuota::new(5_120, true, "an Organizations policy")
            }
            // AWS STS API Reference, AssumeRole > Policy: "The plaintext that you use for both
            // inline and managed session policies can't exceed 2,048 characters" (the packed,
            // compressed size has a further limit reported as PackedPolicySize).
            PolicyKind::Session => SizeQuota::new(2_048, true, "a session policy"),
            // Resource policies: each service sets its own (S3 bucket policies 20 KB, KMS key
            // policies 32 KB, SQS 20 KB); the smallest common one is used as a warning bound.
            PolicyKind::Resource => {
                SizeQuota::new(20_480, true, "an S3 bucket or SQS queue policy")
            }
        }
    }
}

/// A size limit, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeQuota {
    pub max: usize,
    /// Whether white space outside strings counts.
    pub counts_whitespace: bool,
    pub what: &'static str,
}

impl SizeQuota {
    const fn new(max: usize, counts_whitespace: bool, what: &'static str) -> SizeQuota {
        SizeQuota {
            max,
            counts_whitespace,
            what,
        }
    }
}

impl fmt::Display for PolicyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown `--kind`.
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
