//! Condition operators: parsing their names and evaluating one key of a condition block.
//!
//! The signatures here are what the evaluator calls. `operator` parses names; one file per
//! operator family compares one policy value with one request value; `evaluate` applies the
//! rules shared by all families (absent keys, `IfExists`, set operators, NOR for negated
//! operators, policy variables).

mod arn;
mod binary;
mod boolean;
mod date;
mod evaluate;
mod index;
mod ip;
mod name;
mod null;
mod numeric;
mod operator;
mod set;
mod string;
#[cfg(test)]
mod table;

use crate::matching::ResolvedVariable;
use std::cmp::Ordering;

pub use evaluate::evaluate;
pub(crate) use evaluate::evaluate_with;
pub(crate) use name::OperatorName;
pub use operator::{parse_operator, BaseOperator, Family, SetOperator};

/// A parsed condition operator such as `ForAnyValue:StringLikeIfExists`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operator {
    /// As written in the policy.
    pub name: String,
    pub base: BaseOperator,
    pub set: Option<SetOperator>,
    pub if_exists: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown condition operator `{name}`")]
pub struct UnknownOperator {
    pub name: String,
    /// The closest known operator, for "did you mean".
    pub suggestion: Option<String>,
}

impl UnknownOperator {
    /// Advice for the learner, kept apart from the message.
    pub fn help(&self) -> String {
        match &self.suggestion {
            Some(name) if name.eq_ignore_ascii_case(&self.name) => {
                format!("did you mean `{name}`? operator names are case-sensitive")
            }
            Some(name) => format!("did you mean `{name}`?"),
            None => "use an operator from the IAM User Guide, such as `StringEquals`, \
                     `ArnLike`, `IpAddress` or `Bool`, optionally with `IfExists` or a \
                     `ForAnyValue:`/`ForAllValues:` prefix"
                .to_owned(),
        }
    }
}

/// One policy value compared against one request value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueComparison {
    /// Which of the `policy_values` given to `evaluate` this is (0-based): with several request
    /// values (set operators) each policy value is compared once per request value, so the
    /// position in `comparisons` is not the policy value's position.
    pub policy_index: usize,
    /// The policy value after variable substitution (or as written when unresolved).
    pub policy_value: String,
    /// The request value it was compared with (`None` when there was none to compare).
    pub request_value: Option<String>,
    /// Whether the operator's comparison held for this pair: equal, like, in range, less
    /// than... For a negated operator (`StringNotEquals`) this is the comparison before
    /// negation: `true` here means the values were equal, which makes the condition fail.
    pub matched: bool,
    /// Why the comparison could not be made: a value that is not a number, a date, an IP
    /// address, base64, or a variable without a value.
    pub problem: Option<String>,
}

/// The outcome of one `operator: { key: values }` entry, with what was compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOutcome {
    pub matched: bool,
    pub operator: String,
    pub key: String,
    /// `None` when the request has no such key; at most [`crate::limits::SHOWN_VALUES`].
    pub request_values: Option<Vec<String>>,
    /// How many request values are not in `request_values`.
    pub request_values_omitted: usize,
    /// At most [`crate::limits::SHOWN_VALUES`] comparisons, in the order they were made.
    pub comparisons: Vec<ValueComparison>,
    /// How many comparisons were made but are not in `comparisons`.
    pub comparisons_omitted: usize,
    pub variables: Vec<ResolvedVariable>,
    /// Plain words for the non-obvious cases: "key absent, so ...IfExists matches".
    pub note: Option<String>,
}

/// Whether `request <op> policy` holds, for the ordered families (numbers, dates), given how
/// the request value orders against the policy value. Negated operators report equality and
/// are negated by the caller.
fn ordering_holds(base: BaseOperator, ordering: Ordering) -> bool {
    use BaseOperator as B;
    match base {
        B::NumericLessThan | B::DateLessThan => ordering == Ordering::Less,
        B::NumericLessThanEquals | B::DateLessThanEquals => ordering != Ordering::Greater,
        B::NumericGreaterThan | B::DateGreaterThan => ordering == Ordering::Greater,
        B::NumericGreaterThanEquals | B::DateGreaterThanEquals => ordering != Ordering::Less,
        _ => ordering == Ordering::Equal,
    }
}
