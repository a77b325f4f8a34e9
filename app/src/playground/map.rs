//! The playground's setup for the live access map: its request rows as requests, its enabled
//! policies where they apply, and each row's verdict from the evaluation.

use iamplay_engine::eval::{Decision, OpenDecision};

use super::evaluate::Report;
use super::state::Playground;
use crate::labels;
use crate::map::{Policy, Request, Target, Verdict};
use iamplay_engine::policy_kind::PolicyKind;

/// What the map is drawn from. It stays equal while only policy text changes, so the layout
/// runs again only when a row or a policy is added, removed, renamed or re-aimed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Setup {
    pub requests: Vec<Request>,
    /// The request row behind each request, in the same order.
    pub row_ids: Vec<u32>,
    pub policies: Vec<Policy>,
}

pub fn setup(playground: &Playground) -> Setup {
    let mut setup = Setup::default();
    for row in &playground.requests {
        let (principal, action, resource) =
            (row.principal.trim(), row.action.trim(), row.resource.trim());
        if principal.is_empty() || action.is_empty() || resource.is_empty() {
            continue;
        }
        setup.requests.push(Request {
            principal: principal.to_owned(),
            action: action.to_owned(),
            resource: resource.to_owned(),
            resource_account: Some(row.resource_account.trim())
                .filter(|account| !account.is_empty())
                .map(str::to_owned),
        });
        setup.row_ids.push(row.id);
    }
    setup.policies = playground
        .policies
        .iter()
        .filter(|policy| policy.enabled)
        .map(|policy| Policy {
            label: match policy.name.trim() {
                "" => labels::policy_kind(policy.kind).to_owned(),
                name => format!("{} {name}", labels::policy_kind(policy.kind)),
            },
            target: target(policy.kind),
        })
        .collect();
    setup
}

/// Where a kind of policy applies.
pub fn target(kind: PolicyKind) -> Target {
    match kind {
        PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session => Target::Principals,
        PolicyKind::Resource | PolicyKind::Trust => Target::Resources,
        PolicyKind::Scp => Target::PrincipalAccounts,
        PolicyKind::Rcp => Target::ResourceAccounts,
    }
}

/// Each request's verdict: unknown while its row has a problem or its decision depends on
/// keys the request does not give.
pub fn verdicts(setup: &Setup, report: &Report) -> Vec<Verdict> {
    setup
        .row_ids
        .iter()
        .map(|id| {
            let Some(outcome) = report.row(*id) else {
                return Verdict::Unknown;
            };
            if matches!(outcome.open, Some(OpenDecision::Depends(_))) {
                return Verdict::Unknown;
            }
            match &outcome.result {
                Err(_) => Verdict::Unknown,
                Ok(evaluation) => Verdict::of(
                    evaluation.decision == Decision::Allowed,
                    evaluation.decision == Decision::ExplicitDeny,
                    evaluation.blocked_by.as_ref().map(|b| b.layer.describe()),
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playground::evaluate::evaluate_all;
    use crate::playground::examples;

    fn example(id: &str) -> Playground {
        examples::EXAMPLES
            .iter()
            .find(|e| e.id == id)
            .map(examples::Example::playground)
            .expect("an example")
    }

    #[test]
    fn rows_become_requests_and_enabled_policies_sit_where_they_apply() {
        let mut playground = example("lambda-reads-s3");
        let rows = playground.requests.len();
        let blank = playground.add_request();
        playground
            .request_mut(blank)
            .expect("the new row")
            .principal
            .clear();
        let setup = setup(&playground);
        assert_eq!(setup.requests.len(), rows, "a blank row draws no edge");
        assert!(!setup.row_ids.contains(&blank));
        let enabled = playground.policies.iter().filter(|p| p.enabled).count();
        assert_eq!(setup.policies.len(), enabled);

        let id = playground.policies[0].id;
        playground.policy_mut(id).expect("a policy").enabled = false;
        assert_eq!(self::setup(&playground).policies.len(), enabled - 1);
    }

    #[test]
    fn only_a_new_row_or_policy_changes_the_setup_not_policy_text() {
        let mut playground = example("lambda-reads-s3");
        let before = setup(&playground);
        let id = playground.policies[0].id;
        playground.policy_mut(id).expect("a policy").text.push(' ');
        assert_eq!(setup(&playground), before);
        playground.add_policy(PolicyKind::Boundary);
        assert_ne!(setup(&playground), before);
    }

    #[test]
    fn verdicts_follow_the_evaluation_and_name_the_layer() {
        let playground = example("scp-region-guardrail");
        let setup = setup(&playground);
        let report = evaluate_all(&playground);
        let verdicts = verdicts(&setup, &report);
        assert_eq!(verdicts.len(), setup.row_ids.len());
        for (id, verdict) in setup.row_ids.iter().zip(&verdicts) {
            let outcome = report.row(*id).expect("evaluated");
            let evaluation = outcome.result.as_ref().expect("a decision");
            match verdict {
                Verdict::Allowed => assert_eq!(evaluation.decision, Decision::Allowed),
                Verdict::Denied(by) => {
                    assert_ne!(evaluation.decision, Decision::Allowed);
                    assert!(!by.is_empty());
                }
                Verdict::Unknown => panic!("every row of the example is decided"),
            }
        }
        assert!(
            verdicts
                .iter()
                .any(|v| matches!(v, Verdict::Denied(by) if by.contains("service control"))),
            "{verdicts:?}"
        );
    }
}
