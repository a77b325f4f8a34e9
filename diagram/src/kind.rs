//! The kinds of things and relationships a diagram shows: IAM's, and nothing else.

use serde::{Deserialize, Serialize};

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    User,
    Group,
    Role,
    Service,
    Account,
    Ou,
    Resource,
    Policy,
    Session,
    /// A request to AWS, where a flow starts (the evaluation order, a check).
    Request,
}

impl NodeKind {
    pub const ALL: [NodeKind; 10] = [
        Self::User,
        Self::Group,
        Self::Role,
        Self::Service,
        Self::Account,
        Self::Ou,
        Self::Resource,
        Self::Policy,
        Self::Session,
        Self::Request,
    ];

    /// The keyword in the text format.
    pub fn keyword(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Group => "group",
            Self::Role => "role",
            Self::Service => "service",
            Self::Account => "account",
            Self::Ou => "ou",
            Self::Resource => "resource",
            Self::Policy => "policy",
            Self::Session => "session",
            Self::Request => "request",
        }
    }

    pub fn from_keyword(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.keyword() == word)
    }

    /// The small caption drawn above a node's label, so the kind never depends on colour.
    pub fn caption(self) -> &'static str {
        match self {
            Self::User => "IAM user",
            Self::Group => "IAM group",
            Self::Role => "IAM role",
            Self::Service => "AWS service",
            Self::Account => "AWS account",
            Self::Ou => "OU",
            Self::Resource => "resource",
            Self::Policy => "policy",
            Self::Session => "session",
            Self::Request => "request",
        }
    }
}

/// What a box groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoxKind {
    Account,
    Ou,
    Organization,
}

impl BoxKind {
    pub const ALL: [BoxKind; 3] = [Self::Account, Self::Ou, Self::Organization];

    pub fn keyword(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::Ou => "ou",
            Self::Organization => "organization",
        }
    }

    pub fn from_keyword(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.keyword() == word)
    }

    pub fn caption(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::Ou => "OU",
            Self::Organization => "organization",
        }
    }
}

/// What an edge says about its two ends, read as "from <words> to".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    Assumes,
    Trusts,
    Allows,
    Denies,
    Passes,
    MemberOf,
    AttachedTo,
    /// An instance profile contains a role.
    Contains,
    /// STS issues a session.
    Issues,
    /// The next step of a flow (the evaluation order).
    Then,
    /// A request from a principal to a resource: a scenario's check, in the live map.
    Requests,
}

impl EdgeKind {
    pub const ALL: [EdgeKind; 11] = [
        Self::Assumes,
        Self::Trusts,
        Self::Allows,
        Self::Denies,
        Self::Passes,
        Self::MemberOf,
        Self::AttachedTo,
        Self::Contains,
        Self::Issues,
        Self::Then,
        Self::Requests,
    ];

    /// The verb in the text format; two-word verbs are written with a space or a hyphen.
    pub fn keyword(self) -> &'static str {
        match self {
            Self::Assumes => "assumes",
            Self::Trusts => "trusts",
            Self::Allows => "allows",
            Self::Denies => "denies",
            Self::Passes => "passes",
            Self::MemberOf => "member of",
            Self::AttachedTo => "attached to",
            Self::Contains => "contains",
            Self::Issues => "issues",
            Self::Then => "then",
            Self::Requests => "requests",
        }
    }

    pub fn from_keyword(word: &str) -> Option<Self> {
        let word = word.replace('-', " ");
        Self::ALL.into_iter().find(|kind| kind.keyword() == word)
    }

    /// The verb in a sentence: "Alice *is a member of* Analysts".
    pub fn verb(self) -> &'static str {
        match self {
            Self::MemberOf => "is a member of",
            Self::AttachedTo => "is attached to",
            Self::Then => "is followed by",
            other => other.keyword(),
        }
    }

    /// Whether the layout draws the edge's target above its source. A group sits above its
    /// members and a trusting role below the principal it trusts, so these edges run against
    /// the flow of the drawing and would otherwise fold it into cycles.
    pub fn points_up(self) -> bool {
        matches!(self, Self::MemberOf | Self::Trusts)
    }
}
