//! The scenario panel's rules: which policies are shown read-only, hints one at a time, when
//! the answer may be shown, and how predictions and spotted statements are judged.

use crate::course::Scenario;
use iamplay_course::markdown::Document;
use iamplay_course::ScenarioStyle;
use iamplay_course::{FixedPolicy, FixedSlot, PolicyText};
use iamplay_engine::eval::Decision;
use iamplay_engine::json::Spanned;

use super::report::Report;
use crate::labels;
use crate::progress::{Prediction, ScenarioState};

/// A fixed policy of the scenario, shown read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedPolicyView {
    /// The policy's name as the scenario gives it (used by `culprit.policy`), if any.
    pub name: Option<String>,
    pub label: String,
    pub text: String,
}

/// The starter (or reference answer) as editor text: the author's own.
pub fn policy_text(document: &PolicyText) -> String {
    document.as_str().to_owned()
}

fn named(kind: &str, policy: &FixedPolicy) -> FixedPolicyView {
    FixedPolicyView {
        label: match &policy.name {
            Some(name) => format!("{kind}: {name}"),
            None => kind.to_owned(),
        },
        name: policy.name.clone(),
        text: policy.document.as_str().to_owned(),
    }
}

/// The scenario's fixed policies in evaluation order of the case shape.
pub fn fixed_policies(scenario: &Scenario) -> Vec<FixedPolicyView> {
    let Some(fixed) = &scenario.fixed else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (levels, slot) in [
        (&fixed.rcps, FixedSlot::Rcps),
        (&fixed.scps, FixedSlot::Scps),
    ] {
        let kind = labels::fixed_slot(slot);
        let levels = levels.as_deref().unwrap_or_default();
        let count = levels.len();
        for (level, policies) in levels.iter().enumerate() {
            let place = match level {
                0 => "organization root".to_owned(),
                l if l + 1 == count => "account".to_owned(),
                l => format!("OU level {l}"),
            };
            for policy in policies {
                out.push(named(&format!("{kind} at the {place}"), policy));
            }
        }
    }
    let [resource, identity, boundary, session] = [
        FixedSlot::Resource,
        FixedSlot::Identity,
        FixedSlot::PermissionBoundary,
        FixedSlot::Session,
    ]
    .map(labels::fixed_slot);
    out.extend(fixed.resource.iter().map(|p| named(resource, p)));
    out.extend(fixed.identity.iter().map(|p| named(identity, p)));
    let boundaries = fixed.permission_boundary.iter();
    out.extend(boundaries.map(|p| named(boundary, p)));
    out.extend(fixed.session.iter().map(|p| named(session, p)));
    out
}

/// A statement the learner may pick in a spot scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpotOption {
    /// `edited/<sid>` or `<policy name>/<sid>`.
    pub id: String,
    pub label: String,
}

/// Every statement with a Sid, in the studied policy first, then in each named fixed policy.
pub fn spot_options(scenario: &Scenario) -> Vec<SpotOption> {
    let mut options: Vec<SpotOption> = scenario
        .starter
        .sids()
        .into_iter()
        .map(|sid| SpotOption {
            id: format!("edited/{sid}"),
            label: format!("{sid} in {}", scenario.edit.name),
        })
        .collect();
    let Some(fixed) = &scenario.fixed else {
        return options;
    };
    let mut entries = fixed.entries();
    // Identity policies and the organization's first, then the single slots, as before.
    iamplay_sort::sort_by_key(&mut entries, |entry| {
        !matches!(
            entry.slot,
            FixedSlot::Identity | FixedSlot::Scps | FixedSlot::Rcps
        )
    });
    for entry in entries {
        let Some(name) = &entry.policy.name else {
            continue;
        };
        for sid in entry.policy.document.sids() {
            options.push(SpotOption {
                id: format!("{name}/{sid}"),
                label: format!("{sid} in {name}"),
            });
        }
    }
    options
}

pub fn spot_is_correct(scenario: &Scenario, choice: &str) -> bool {
    scenario.is_spotted_by(choice)
}

/// The learner may see the reference answer once they tried (or solved it).
pub fn can_show_answer(state: &ScenarioState) -> bool {
    state.attempted || state.completed
}

/// The hints revealed so far.
pub fn visible_hints<'s>(scenario: &'s Scenario, state: &ScenarioState) -> &'s [Spanned<Document>] {
    &scenario.hints[..state.hints_shown.min(scenario.hints.len())]
}

pub fn has_more_hints(scenario: &Scenario, state: &ScenarioState) -> bool {
    state.hints_shown < scenario.hints.len()
}

/// Whether the checks' outcomes are shown: predict scenarios hide them until every check
/// has a prediction.
pub fn outcomes_revealed(scenario: &Scenario, state: &ScenarioState) -> bool {
    match scenario.style {
        ScenarioStyle::Predict => scenario
            .checks
            .iter()
            .all(|c| state.predictions.contains_key(c.id.as_str())),
        ScenarioStyle::Spot => state.spotted.is_some(),
        ScenarioStyle::Write | ScenarioStyle::Fix => true,
    }
}

/// Whether a prediction matches the real decision (allowed, or a deny of either kind).
pub fn prediction_is_correct(prediction: Prediction, decision: Decision) -> bool {
    prediction.accepts(decision == Decision::Allowed)
}

/// Whether the scenario is solved by this report and the learner's answers.
pub fn is_solved(scenario: &Scenario, state: &ScenarioState, report: &Report) -> bool {
    match scenario.style {
        ScenarioStyle::Write | ScenarioStyle::Fix => report.solved,
        ScenarioStyle::Predict => {
            outcomes_revealed(scenario, state)
                && report.checks.iter().all(|c| {
                    state
                        .predictions
                        .get(&c.id)
                        .is_some_and(|p| prediction_is_correct(*p, c.decision))
                })
        }
        ScenarioStyle::Spot => state
            .spotted
            .as_deref()
            .is_some_and(|choice| spot_is_correct(scenario, choice)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::report::report;
    use crate::scenario::report::tests::scenario;

    #[test]
    fn hints_come_one_at_a_time() {
        let s = scenario("policy-anatomy", "write-two-statements");
        let mut state = ScenarioState::default();
        assert!(visible_hints(&s, &state).is_empty());
        state.hints_shown = 1;
        assert_eq!(visible_hints(&s, &state), &s.hints[..1]);
        state.hints_shown = 99;
        assert_eq!(visible_hints(&s, &state).len(), s.hints.len());
        assert!(!has_more_hints(&s, &state));
    }

    #[test]
    fn the_answer_waits_for_an_attempt() {
        let mut state = ScenarioState::default();
        assert!(!can_show_answer(&state));
        state.attempted = true;
        assert!(can_show_answer(&state));
    }

    #[test]
    fn predictions_hide_outcomes_until_all_are_made_and_solve_when_right() {
        let s = scenario("how-aws-decides", "predict-deny-wins");
        let text = policy_text(&s.starter);
        let report = report(&s, &text, None);
        let mut state = ScenarioState::default();
        assert!(!outcomes_revealed(&s, &state));
        for check in &report.checks {
            let right = if check.decision == Decision::Allowed {
                Prediction::Allowed
            } else {
                Prediction::Denied
            };
            state.predictions.insert(check.id.clone(), right);
        }
        assert!(outcomes_revealed(&s, &state));
        assert!(is_solved(&s, &state, &report));
        let first = report.checks[0].id.clone();
        let wrong = match state.predictions[&first] {
            Prediction::Allowed => Prediction::Denied,
            Prediction::Denied => Prediction::Allowed,
        };
        state.predictions.insert(first, wrong);
        assert!(!is_solved(&s, &state, &report));
    }

    #[test]
    fn spotting_offers_every_named_statement_and_knows_the_culprit() {
        let s = scenario("guardrails-and-auditing", "scp-blocks-uploads");
        let options = spot_options(&s);
        assert!(options
            .iter()
            .any(|o| o.id == "edited/DenyUnencryptedUploads"));
        assert!(options
            .iter()
            .any(|o| o.id == "GlueEtlOrders/ReadWriteCurated"));
        assert!(spot_is_correct(&s, "edited/DenyUnencryptedUploads"));
        assert!(!spot_is_correct(&s, "GlueEtlOrders/ReadWriteCurated"));
    }

    #[test]
    fn fixed_policies_are_labelled_by_place() {
        let s = scenario("guardrails-and-auditing", "scp-blocks-uploads");
        let labels: Vec<String> = fixed_policies(&s).into_iter().map(|p| p.label).collect();
        assert_eq!(labels[0], "SCP at the organization root");
        assert!(
            labels.contains(&"Identity policy: GlueEtlOrders".to_owned()),
            "{labels:?}"
        );
    }
}
