//! Evaluation of a case as AWS decides it, with the explanation built while matching.
//!
//! ```
//! use iamplay_engine::case::Case;
//! use iamplay_engine::eval::{evaluate, Decision, Layer};
//!
//! let case = Case::parse(r#"{
//!   "request": {"principal": "arn:aws:iam::111122223333:user/alice",
//!               "action": "s3:PutObject", "resource": "arn:aws:s3:::raw-data/key"},
//!   "policies": {"identity": [{"Version": "2012-10-17",
//!     "Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}]}}"#).unwrap();
//! let evaluation = evaluate(&case);
//! assert_eq!(evaluation.decision, Decision::ImplicitDeny);
//! assert_eq!(evaluation.blocked_by.map(|b| b.layer), Some(Layer::Identity));
//! assert!(!evaluation.policies[0].statements[0].action.matched);
//! ```

mod bound;
mod decide;
mod explain;
mod json_size;
mod layers;
mod open;
mod principal;
mod statement;

pub use explain::{
    AwsKey, Blocker, Comparison, ConditionMatch, ElementMatch, Evaluation, PolicyExplanation,
    RequestFacts, StatementExplanation, StatementRef, ValueMatch, Variable,
};
pub(crate) use layers::rcp_supports_service;
pub use open::decide_open;
pub use principal::PrincipalMatch;

pub use crate::decision::{Decision, Layer};

use crate::case::Case;
use crate::sink::{Record, Silent, Sink};
use serde::Serialize;

/// A decision in open context, where keys the request does not give are unknown: one of the
/// three outcomes of IAM, or `depends` when filling the unknown keys can change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenDecision {
    Known(Decision),
    /// Two fillings of the unknown keys are decided differently; these keys decide.
    Depends(Vec<DependsOn>),
}

impl OpenDecision {
    pub fn as_str(&self) -> &'static str {
        match self {
            OpenDecision::Known(decision) => decision.as_str(),
            OpenDecision::Depends(_) => "depends",
        }
    }

    /// The keys that decide; empty unless the decision depends on them.
    pub fn depends_on(&self) -> &[DependsOn] {
        match self {
            OpenDecision::Known(_) => &[],
            OpenDecision::Depends(keys) => keys,
        }
    }
}

/// A key an open-context decision depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DependsOn {
    pub key: String,
    /// Values of the key under which the request can be allowed, where the engine can say;
    /// a set of values is written as in a request, separated by commas.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed_when: Vec<String>,
    /// The policies test the key with a set operator: a value to try is a list.
    #[serde(skip)]
    pub multivalued: bool,
}

/// Decides the case and explains why.
pub fn evaluate(case: &Case) -> Evaluation {
    let mut evaluation = evaluate_with::<Record>(case);
    bound::fit(&mut evaluation);
    if let Some(expected) = case.expect {
        evaluation.expected = Some(expected);
        evaluation.matches_expected = Some(expected == evaluation.decision);
    }
    evaluation
}

/// Decides the case without keeping the explanation: the same evaluator as [`evaluate`] with a
/// [`Silent`] sink, for callers that need only the outcome (bulk checks, benchmarks). The
/// silent evaluation's other fields (request facts, deciding statements, policies) are left
/// empty, not computed: only its decision may be read.
pub fn decide(case: &Case) -> Decision {
    evaluate_with::<Silent>(case).decision
}

/// The one evaluator; the sink decides how much of the explanation is kept.
fn evaluate_with<S: Sink>(case: &Case) -> Evaluation {
    let evaluated = layers::evaluate_policies::<S>(case);
    decide::decide::<S>(case, evaluated)
}

#[cfg(test)]
mod tests;
