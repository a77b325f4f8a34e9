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
mod layers;
mod principal;
mod sink;
mod statement;

pub use explain::{
    Blocker, Comparison, ConditionMatch, ElementMatch, Evaluation, PolicyExplanation, RequestFacts,
    StatementExplanation, StatementRef, ValueMatch, Variable,
};
pub use principal::PrincipalMatch;
pub use sink::{Record, Silent, Sink};

use crate::case::Case;
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
/// [`Silent`] sink, for callers that need only the outcome (bulk checks, benchmarks).
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
