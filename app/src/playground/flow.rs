//! The evaluation flow of one request as steps: each policy layer, what it said, and where the
//! request was stopped or allowed.

use crate::labels;
use iamplay_engine::eval::{Decision, Evaluation, Layer};
use iamplay_engine::policy::Effect;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    /// The setup has no policy of this kind.
    Absent,
    /// Present, but it cannot apply to this caller or request.
    NotApplicable,
    /// A statement allows the request.
    Allows,
    /// RCPs that deny nothing: the request passes by the `RCPFullAWSAccess` AWS attaches at
    /// every level, whatever the written RCPs allow.
    Passes,
    /// Present, nothing allows and nothing denies.
    NoAllow,
    /// A statement explicitly denies.
    Denies,
}

impl StepState {
    pub fn label(self) -> &'static str {
        match self {
            StepState::Absent => "no policy",
            StepState::NotApplicable => "does not apply",
            StepState::Allows => "allows",
            StepState::Passes => "passes (RCPFullAWSAccess)",
            StepState::NoAllow => "no allow",
            StepState::Denies => "explicit deny",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            StepState::Absent | StepState::NotApplicable => "absent",
            StepState::Allows | StepState::Passes => "allows",
            StepState::NoAllow => "no-allow",
            StepState::Denies => "denies",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub layer: Layer,
    pub title: &'static str,
    pub state: StepState,
    /// The request was decided at this layer (stopped, or its allow carried the request).
    pub decisive: bool,
}

/// Layers in the order the flow shows them: organization guardrails first.
pub const ORDER: [Layer; 6] = [
    Layer::Scp,
    Layer::Rcp,
    Layer::Resource,
    Layer::Identity,
    Layer::Boundary,
    Layer::Session,
];

pub fn steps(evaluation: &Evaluation) -> Vec<Step> {
    ORDER
        .iter()
        .map(|&layer| {
            let policies: Vec<_> = evaluation
                .policies
                .iter()
                .filter(|p| p.layer == layer)
                .collect();
            let applying = policies.iter().filter(|p| p.applies);
            let statements: Vec<_> = applying
                .flat_map(|p| p.statements.iter().filter(|s| s.applies))
                .collect();
            let state = if policies.is_empty() {
                StepState::Absent
            } else if policies.iter().all(|p| !p.applies) {
                StepState::NotApplicable
            } else if statements.iter().any(|s| s.effect == Effect::Deny) {
                StepState::Denies
            } else if layer == Layer::Rcp {
                StepState::Passes
            } else if statements.iter().any(|s| s.effect == Effect::Allow) {
                StepState::Allows
            } else {
                StepState::NoAllow
            };
            let decisive = match evaluation.decision {
                Decision::Allowed => evaluation.deciding.iter().any(|d| d.layer == layer),
                _ => evaluation.blocked_by.is_some_and(|b| b.layer == layer),
            };
            Step {
                layer,
                title: labels::layer(layer),
                state,
                decisive,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playground::evaluate::evaluate_all;
    use crate::playground::examples::find;

    fn flow(example: &str, row: usize) -> Vec<(Layer, StepState, bool)> {
        let report = evaluate_all(&find(example).expect("example").playground());
        let evaluation = report.rows[row].result.as_ref().expect("evaluates");
        steps(evaluation)
            .into_iter()
            .filter(|s| s.state != StepState::Absent)
            .map(|s| (s.layer, s.state, s.decisive))
            .collect()
    }

    #[test]
    fn an_scp_deny_stops_the_request_at_the_scp_layer() {
        assert_eq!(
            flow("scp-region-guardrail", 1),
            [
                (Layer::Scp, StepState::Denies, true),
                (Layer::Identity, StepState::Allows, false),
            ]
        );
    }

    #[test]
    fn cross_account_needs_both_sides_and_shows_the_missing_allow() {
        assert_eq!(
            flow("cross-account-data-lake", 0),
            [
                (Layer::Resource, StepState::Allows, true),
                (Layer::Identity, StepState::Allows, true),
            ]
        );
        let denied = flow("cross-account-data-lake", 1);
        assert_eq!(denied[0].1, StepState::NoAllow);
        assert!(
            denied.iter().any(|s| s.2),
            "some layer is named as the stop: {denied:?}"
        );
    }
}
