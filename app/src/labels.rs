//! The words the app uses for the engine's and the course's values, in one place, so a
//! decision reads the same in the playground's table, a scenario's checks and the interview.

use iamplay_course::{ExpectedOutcome, FixedSlot, ScenarioStyle};
use iamplay_engine::eval::{Decision, Layer};
use iamplay_engine::lint::Severity;
use iamplay_engine::policy::Effect;
use iamplay_engine::policy_kind::PolicyKind;

use crate::progress::Prediction;

/// A decision as a badge or a choice: "Explicit deny".
pub fn decision_title(decision: Decision) -> &'static str {
    match decision {
        Decision::Allowed => "Allowed",
        Decision::ExplicitDeny => "Explicit deny",
        Decision::ImplicitDeny => "Implicit deny",
    }
}

/// A decision inside a sentence: "it is explicitly denied".
pub fn decision_words(decision: Decision) -> &'static str {
    match decision {
        Decision::Allowed => "allowed",
        Decision::ExplicitDeny => "explicitly denied",
        Decision::ImplicitDeny => "implicitly denied",
    }
}

/// An expectation as a choice in a selector: "Denied (either)".
pub fn expectation_title(expectation: ExpectedOutcome) -> &'static str {
    match expectation {
        ExpectedOutcome::Allowed => "Allowed",
        ExpectedOutcome::ExplicitDeny => "Explicit deny",
        ExpectedOutcome::ImplicitDeny => "Implicit deny",
        ExpectedOutcome::Denied => "Denied (either)",
    }
}

/// An expectation inside a sentence: "should be explicitly denied".
pub fn expectation_words(expectation: ExpectedOutcome) -> &'static str {
    match expectation {
        ExpectedOutcome::Allowed => "should be allowed",
        ExpectedOutcome::ExplicitDeny => "should be explicitly denied",
        ExpectedOutcome::ImplicitDeny => "should be implicitly denied",
        ExpectedOutcome::Denied => "should be denied",
    }
}

/// A statement's effect as the policy writes it.
pub fn effect(effect: Effect) -> &'static str {
    match effect {
        Effect::Allow => "Allow",
        Effect::Deny => "Deny",
    }
}

/// A slot of a scenario's fixed policies, in the builder's form.
pub fn fixed_slot(slot: FixedSlot) -> &'static str {
    match slot {
        FixedSlot::Identity => "Identity policy",
        FixedSlot::Resource => "Resource policy",
        FixedSlot::PermissionBoundary => "Permissions boundary",
        FixedSlot::Session => "Session policy",
        FixedSlot::Scps => "SCP",
        FixedSlot::Rcps => "RCP",
    }
}

/// A learner's prediction as a choice: "Denied".
pub fn prediction_title(prediction: Prediction) -> &'static str {
    match prediction {
        Prediction::Allowed => "Allowed",
        Prediction::Denied => "Denied",
    }
}

/// A learner's prediction in a sentence: "You predicted denied."
pub fn prediction_words(prediction: Prediction) -> &'static str {
    match prediction {
        Prediction::Allowed => "allowed",
        Prediction::Denied => "denied",
    }
}

/// A kind of policy, on the playground's buttons and editors: "Permissions boundary".
pub fn policy_kind(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Identity => "Identity policy",
        PolicyKind::Resource => "Resource policy",
        PolicyKind::Trust => "Trust policy",
        PolicyKind::Boundary => "Permissions boundary",
        PolicyKind::Session => "Session policy",
        PolicyKind::Scp => "SCP",
        PolicyKind::Rcp => "RCP",
    }
}

/// A kind of policy in a form's choice, where the abbreviations are spelled out.
pub fn policy_kind_in_full(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Scp => "Service control policy (SCP)",
        PolicyKind::Rcp => "Resource control policy (RCP)",
        other => policy_kind(other),
    }
}

/// A layer of the evaluation flow: "Identity policies".
pub fn layer(layer: Layer) -> &'static str {
    match layer {
        Layer::Scp => "SCPs",
        Layer::Rcp => "RCPs",
        Layer::Resource => "Resource policy",
        Layer::Identity => "Identity policies",
        Layer::Boundary => "Permissions boundary",
        Layer::Session => "Session policy",
    }
}

/// A scenario's style, above its task: "Predict".
pub fn scenario_style(style: ScenarioStyle) -> &'static str {
    match style {
        ScenarioStyle::Write => "Write",
        ScenarioStyle::Fix => "Fix",
        ScenarioStyle::Predict => "Predict",
        ScenarioStyle::Spot => "Spot",
    }
}

/// A lint finding's severity.
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::SecurityWarning => "Security warning",
        Severity::Warning => "Warning",
        Severity::Suggestion => "Suggestion",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_of_policy_reads_the_same_in_the_playground_and_in_a_scenario() {
        let slots = [
            (PolicyKind::Identity, FixedSlot::Identity),
            (PolicyKind::Resource, FixedSlot::Resource),
            (PolicyKind::Boundary, FixedSlot::PermissionBoundary),
            (PolicyKind::Session, FixedSlot::Session),
            (PolicyKind::Scp, FixedSlot::Scps),
            (PolicyKind::Rcp, FixedSlot::Rcps),
        ];
        for (kind, slot) in slots {
            assert_eq!(policy_kind(kind), fixed_slot(slot));
        }
        // A form spells out only the abbreviations.
        for kind in PolicyKind::ALL {
            let full = policy_kind_in_full(kind);
            assert!(
                full == policy_kind(kind) || full.ends_with(&format!("({})", policy_kind(kind)))
            );
        }
    }

    #[test]
    fn a_decision_reads_the_same_as_a_title_and_in_a_sentence() {
        for decision in [
            Decision::Allowed,
            Decision::ExplicitDeny,
            Decision::ImplicitDeny,
        ] {
            assert_eq!(
                decision_title(decision).to_lowercase().replace(' ', ""),
                decision_words(decision)
                    .replace("ly denied", "deny")
                    .replace(' ', ""),
            );
        }
    }
}
