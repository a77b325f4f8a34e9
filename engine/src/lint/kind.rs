//! What lint knows of each kind of policy: its size quota, and how an identity policy is
//! attached.

use serde::Serialize;
use std::str::FromStr;

use crate::policy_kind::{PolicyKind, UnknownKind};

impl PolicyKind {
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

/// How an identity policy is attached: a managed policy, or inline in one user, role or group
/// (whose inline policies share one size quota).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Attachment {
    #[default]
    Managed,
    InlineUser,
    InlineRole,
    InlineGroup,
}

impl Attachment {
    /// IAM User Guide, "IAM and AWS STS quotas" > "IAM and STS character limits": the inline
    /// policies of a user total at most 2,048 characters, of a role 10,240, of a group 5,120;
    /// white space is not counted.
    pub fn size_quota(self) -> Option<SizeQuota> {
        match self {
            Attachment::Managed => None,
            Attachment::InlineUser => {
                Some(SizeQuota::new(2_048, false, "a user's inline policies"))
            }
            Attachment::InlineRole => {
                Some(SizeQuota::new(10_240, false, "a role's inline policies"))
            }
            Attachment::InlineGroup => {
                Some(SizeQuota::new(5_120, false, "a group's inline policies"))
            }
        }
    }
}

impl FromStr for Attachment {
    type Err = UnknownKind;

    fn from_str(text: &str) -> Result<Attachment, UnknownKind> {
        match text.to_ascii_lowercase().as_str() {
            "managed" => Ok(Attachment::Managed),
            "user" => Ok(Attachment::InlineUser),
            "role" => Ok(Attachment::InlineRole),
            "group" => Ok(Attachment::InlineGroup),
            _ => Err(UnknownKind(text.to_owned())),
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
