//! The explanation of a decision: serialisable, flat, with byte ranges for the editor.

use super::{Decision, Layer};
use crate::case::CallerKind;
use crate::json::Span;
use crate::policy::Effect;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    pub decision: Decision,
    /// For a deny: the layer that stopped the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked_by: Option<Blocker>,
    /// The statements that decided: the denying ones, or those whose allow carried the request.
    pub deciding: Vec<StatementRef>,
    /// Deciding statements left out of `deciding` (see [`crate::limits`]).
    #[serde(skip_serializing_if = "is_zero")]
    pub deciding_omitted: usize,
    /// The decision in a sentence.
    pub summary: String,
    pub request: RequestFacts,
    pub policies: Vec<PolicyExplanation>,
    /// Policies left out of `policies` to keep the explanation within its size limit.
    #[serde(skip_serializing_if = "is_zero")]
    pub policies_omitted: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Decision>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches_expected: Option<bool>,
}

/// What the evaluator concluded about the request before reading any policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestFacts {
    pub caller: CallerKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal_account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_account: Option<String>,
    pub cross_account: bool,
    /// Set when the resource's own policy must allow: a role trust policy or a KMS key policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_resource_policy: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Blocker {
    pub layer: Layer,
    /// For SCPs and RCPs: the organization level (0 = root).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<usize>,
}

/// Which statement of which policy: enough for the UI to highlight it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementRef {
    pub layer: Layer,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<usize>,
    /// Index among the policies of its layer (and level).
    pub policy_index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
    pub statement_index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    pub effect: Effect,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyExplanation {
    pub layer: Layer,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<usize>,
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// False when the policy cannot apply to this caller (e.g. SCPs for a service principal).
    pub applies: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub span: Span,
    pub statements: Vec<StatementExplanation>,
    /// Statements left out of `statements` to keep the explanation within its size limit; the
    /// deciding ones are always kept.
    #[serde(skip_serializing_if = "is_zero")]
    pub statements_omitted: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatementExplanation {
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<String>,
    pub effect: Effect,
    pub span: Span,
    /// Every element matched: the statement's effect takes part in the decision.
    pub applies: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal: Option<ElementMatch>,
    pub action: ElementMatch,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<ElementMatch>,
    pub conditions: Vec<ConditionMatch>,
    /// Condition keys left out of `conditions`.
    #[serde(skip_serializing_if = "is_zero")]
    pub conditions_omitted: usize,
}

/// One of Principal/NotPrincipal, Action/NotAction, Resource/NotResource.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ElementMatch {
    /// As written: `NotAction`.
    pub element: &'static str,
    pub matched: bool,
    /// What the request offered: the action, the resource, the caller.
    pub request_value: String,
    pub values: Vec<ValueMatch>,
    /// Values left out of `values`; the matching ones are kept first.
    #[serde(skip_serializing_if = "is_zero")]
    pub values_omitted: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ValueMatch {
    pub value: String,
    pub span: Span,
    pub matched: bool,
    /// The value after variable substitution, when it had variables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variables: Vec<Variable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Variable {
    pub name: String,
    /// `None` when the request had no value (and no default applied).
    pub value: Option<String>,
    pub defaulted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionMatch {
    pub operator: String,
    pub key: String,
    pub span: Span,
    pub matched: bool,
    /// `None` when the request has no such key. Long lists keep their first values.
    pub request_values: Option<Vec<String>>,
    /// How many request values were left out of `request_values`.
    #[serde(skip_serializing_if = "is_zero")]
    pub request_values_omitted: usize,
    pub comparisons: Vec<Comparison>,
    /// How many comparisons were made but left out of `comparisons`.
    #[serde(skip_serializing_if = "is_zero")]
    pub comparisons_omitted: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub variables: Vec<Variable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub policy_value: String,
    /// The span of the policy value as written.
    pub span: Span,
    /// The request value it was compared with, when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_value: Option<String>,
    /// Whether the comparison held, before any negation (`StringNotEquals` fails on `true`).
    pub matched: bool,
    /// Why the values could not be compared: not a number, not a date, an unresolved variable...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}
