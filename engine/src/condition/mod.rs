//! Condition operators: parsing their names and evaluating one key of a condition block.
//!
//! CONTRACT (skeleton): the signatures below are what the evaluator calls. The bodies are filled
//! in by the condition work; keep the signatures, or change them together with their callers.

use crate::context::RequestContext;
use crate::matching::ResolvedVariable;

/// A parsed condition operator such as `ForAnyValue:StringLikeIfExists`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operator {
    /// As written in the policy.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown condition operator `{name}`")]
pub struct UnknownOperator {
    pub name: String,
    /// The closest known operator, for "did you mean".
    pub suggestion: Option<String>,
}

pub fn parse_operator(name: &str) -> Result<Operator, UnknownOperator> {
    let _ = name;
    todo!("condition work")
}

/// One policy value compared against the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueComparison {
    /// The policy value after variable substitution (or as written when unresolved).
    pub policy_value: String,
    pub matched: bool,
}

/// The outcome of one `operator: { key: values }` entry, with what was compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOutcome {
    pub matched: bool,
    pub operator: String,
    pub key: String,
    /// `None` when the request has no such key.
    pub request_values: Option<Vec<String>>,
    pub comparisons: Vec<ValueComparison>,
    pub variables: Vec<ResolvedVariable>,
    /// Plain words for the non-obvious cases: "key absent, so ...IfExists matches".
    pub note: Option<String>,
}

/// Evaluates one key of a condition block. `policy_values` are the values as written (numbers
/// and booleans already turned into their text); `variables` is false under Version 2008-10-17.
pub fn evaluate(
    operator: &Operator,
    key: &str,
    policy_values: &[String],
    ctx: &RequestContext,
    variables: bool,
) -> KeyOutcome {
    let _ = (operator, key, policy_values, ctx, variables);
    todo!("condition work")
}
