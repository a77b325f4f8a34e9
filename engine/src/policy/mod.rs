//! The IAM policy language as types, parsed from spanned JSON.
//!
//! [`parse_policy`] is strict (the first error, as AWS rejects a policy on save);
//! [`parse_policy_lenient`] returns what could be understood plus every error, for lint.

pub(crate) mod direct;
mod error;
mod node;
mod parse;
mod parse_elements;
pub mod suggest;

pub use error::{PolicyError, PolicyErrorKind};
pub use node::Node;
pub use parse::{
    parse_policy, parse_policy_json, parse_policy_lenient, parse_policy_tree, LenientPolicy,
};
pub use parse::{POLICY_ELEMENTS, STATEMENT_ELEMENTS};

use crate::condition::Operator;
use crate::json::{Key, Span};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Version {
    #[serde(rename = "2012-10-17")]
    V2012_10_17,
    #[serde(rename = "2008-10-17")]
    V2008_10_17,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V2012_10_17 => "2012-10-17",
            Version::V2008_10_17 => "2008-10-17",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Policy {
    pub version: Option<Node<Version>>,
    pub id: Option<Node<String>>,
    pub statements: Vec<Statement>,
    /// The whole document.
    pub span: Span,
    /// Every member key of the document as written, for lint.
    pub keys: Vec<Node<Key>>,
}

impl Policy {
    /// Policy variables (`${aws:username}`) exist only in Version 2012-10-17; without a
    /// Version, or under 2008-10-17, `${...}` is literal text (IAM User Guide, IAM JSON policy
    /// elements: Version).
    pub fn variables_enabled(&self) -> bool {
        self.version
            .as_ref()
            .is_some_and(|v| v.node == Version::V2012_10_17)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Effect {
    Allow,
    Deny,
}

#[derive(Debug, Clone)]
pub struct Statement {
    /// Position in the policy's `Statement` list (0 when `Statement` is a single object).
    pub index: usize,
    pub sid: Option<Node<String>>,
    pub effect: Node<Effect>,
    pub principal: Option<Node<PrincipalElement>>,
    pub action: Node<Patterns>,
    /// Absent in trust policies, where the resource is the role itself.
    pub resource: Option<Node<Patterns>>,
    pub condition: Vec<ConditionBlock>,
    /// The whole statement object.
    pub span: Span,
    /// Every member key of the statement as written, for lint.
    pub keys: Vec<Node<Key>>,
}

/// `Action`/`NotAction` or `Resource`/`NotResource`: patterns, and whether the element is the
/// "everything except" form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patterns {
    pub negated: bool,
    pub values: Vec<Node<String>>,
}

/// `Principal` or `NotPrincipal`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipalElement {
    pub negated: bool,
    pub principal: Principal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// `"Principal": "*"`: everyone, including anonymous callers.
    Any,
    /// `{"AWS": [...], "Service": ...}`.
    Entries(Vec<PrincipalEntry>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipalEntry {
    pub kind: Node<PrincipalKind>,
    pub values: Vec<Node<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PrincipalKind {
    #[serde(rename = "AWS")]
    Aws,
    Service,
    Federated,
    CanonicalUser,
}

impl PrincipalKind {
    pub const NAMES: [&'static str; 4] = ["AWS", "Service", "Federated", "CanonicalUser"];

    pub fn as_str(self) -> &'static str {
        match self {
            PrincipalKind::Aws => "AWS",
            PrincipalKind::Service => "Service",
            PrincipalKind::Federated => "Federated",
            PrincipalKind::CanonicalUser => "CanonicalUser",
        }
    }
}

/// One operator of a `Condition` element with its keys: `"StringEquals": {"aws:username": "a"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionBlock {
    pub operator: Node<Operator>,
    pub entries: Vec<ConditionEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionEntry {
    pub key: Node<String>,
    /// Numbers and booleans are turned into their text, as IAM compares them.
    pub values: Vec<Node<String>>,
}

/// Equal when they mean the same: spans and spelling of keys are layout, not meaning.
impl PartialEq for Policy {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version && self.id == other.id && self.statements == other.statements
    }
}

impl Eq for Policy {}

/// Equal when they mean the same, wherever they stand in their policy.
impl PartialEq for Statement {
    fn eq(&self, other: &Self) -> bool {
        self.sid == other.sid
            && self.effect == other.effect
            && self.principal == other.principal
            && self.action == other.action
            && self.resource == other.resource
            && self.condition == other.condition
    }
}

impl Eq for Statement {}
