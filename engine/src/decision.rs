//! What an evaluation decides, and the layers of policy AWS evaluates: the words the case
//! format, the evaluator, denial messages and drills share. A leaf module, so a case can name
//! its expected decision without depending on the evaluator.

use serde::Serialize;

/// The three outcomes of IAM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    Allowed,
    ExplicitDeny,
    ImplicitDeny,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Allowed => "allowed",
            Decision::ExplicitDeny => "explicitDeny",
            Decision::ImplicitDeny => "implicitDeny",
        }
    }
}

/// The kinds of policy, in the order of AWS's evaluation flowchart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Layer {
    Rcp,
    Scp,
    Resource,
    Identity,
    Boundary,
    Session,
}

impl Layer {
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Rcp => "rcp",
            Layer::Scp => "scp",
            Layer::Resource => "resource",
            Layer::Identity => "identity",
            Layer::Boundary => "boundary",
            Layer::Session => "session",
        }
    }

    /// What one policy of the layer is called, as a heading: "Service control policy".
    pub fn policy_title(self) -> &'static str {
        match self {
            Layer::Rcp => "Resource control policy",
            Layer::Scp => "Service control policy",
            Layer::Resource => "Resource-based policy",
            Layer::Identity => "Identity policy",
            Layer::Boundary => "Permissions boundary",
            Layer::Session => "Session policy",
        }
    }

    /// In words, for summaries.
    pub fn describe(self) -> &'static str {
        match self {
            Layer::Rcp => "a resource control policy",
            Layer::Scp => "a service control policy",
            Layer::Resource => "the resource-based policy",
            Layer::Identity => "the identity-based policies",
            Layer::Boundary => "the permissions boundary",
            Layer::Session => "the session policy",
        }
    }
}
