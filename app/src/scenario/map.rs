//! A scenario's setup for the live access map: its checks as requests, its fixed policies and
//! the learner's policy where they apply, and each check's verdict from the report.

use iamplay_course::{FixedPolicy, FixedSlot};
use iamplay_engine::eval::Decision;

use super::report::Report;
use crate::course::Scenario;
use crate::labels;
use crate::map::{AccessMap, Policy, Request, Target, Verdict};

/// The scenario's map, laid out, and the check of each request edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioMap {
    pub map: AccessMap,
    pub check_ids: Vec<String>,
}

pub fn scenario_map(scenario: &Scenario) -> Option<ScenarioMap> {
    let mut requests = Vec::new();
    let mut check_ids = Vec::new();
    for check in &scenario.checks {
        let request = &check.request;
        requests.push(Request {
            principal: request.principal.value.clone(),
            action: request.action.value.clone(),
            resource: request.resource.value.clone(),
            resource_account: request.resource_account.clone(),
        });
        check_ids.push(check.id.value.clone());
    }
    let title = format!("Who requests what in “{}”", scenario.title);
    let map = AccessMap::new(&title, &requests, &policies(scenario))?;
    Some(ScenarioMap { map, check_ids })
}

/// Where each policy of the scenario applies, the learner's last.
fn policies(scenario: &Scenario) -> Vec<Policy> {
    let mut out = Vec::new();
    let mut add = |label: String, target: Target| out.push(Policy { label, target });
    if let Some(fixed) = &scenario.fixed {
        let name = |policy: &FixedPolicy, kind: &str| match &policy.name {
            Some(name) => format!("{kind} {name}"),
            None => kind.to_owned(),
        };
        for (levels, kind, target) in [
            (&fixed.scps, "SCPs", Target::PrincipalAccounts),
            (&fixed.rcps, "RCPs", Target::ResourceAccounts),
        ] {
            if let Some(levels) = levels {
                add(format!("{kind} at {} levels", levels.len()), target);
            }
        }
        let slot = labels::fixed_slot;
        for policy in fixed.resource.iter() {
            add(name(policy, slot(FixedSlot::Resource)), Target::Resources);
        }
        for policy in &fixed.identity {
            add(name(policy, slot(FixedSlot::Identity)), Target::Principals);
        }
        for policy in fixed.permission_boundary.iter() {
            add(
                name(policy, slot(FixedSlot::PermissionBoundary)),
                Target::Principals,
            );
        }
        for policy in fixed.session.iter() {
            add(name(policy, slot(FixedSlot::Session)), Target::Principals);
        }
    }
    add(
        format!("{} (the editor)", scenario.edit.name),
        crate::playground::map::target(scenario.edit.kind),
    );
    out
}

/// Each mapped check's verdict; all unknown while the outcomes are hidden (a prediction not
/// yet made) or the policy does not parse.
pub fn verdicts(map: &ScenarioMap, report: &Report, revealed: bool) -> Vec<Verdict> {
    map.check_ids
        .iter()
        .map(|id| {
            let check = report.checks.iter().find(|c| &c.id == id);
            match check {
                Some(_) if !revealed || report.invalid.is_some() => Verdict::Unknown,
                Some(check) => Verdict::of(
                    check.decision == Decision::Allowed,
                    check.decision == Decision::ExplicitDeny,
                    check.explanation.blocked_by.as_deref(),
                ),
                None => Verdict::Unknown,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::report::{report, tests::scenario};
    use crate::scenario::state::policy_text;

    #[test]
    fn every_check_becomes_an_edge_and_every_policy_a_node() {
        let s = scenario("resource-policies-cross-account", "lake-bucket-policy");
        let map = scenario_map(&s).expect("a map");
        assert_eq!(map.check_ids.len(), s.checks.len());
        let labels: Vec<&str> = map
            .map
            .diagram
            .nodes
            .iter()
            .map(|n| n.label.as_str())
            .collect();
        assert!(
            labels.contains(&"S3 bucket company-data-lake"),
            "{labels:?}"
        );
        assert!(labels.contains(&"Session analyst/priya"), "{labels:?}");
        assert!(
            labels.iter().any(|l| l.ends_with("(the editor)")),
            "{labels:?}"
        );
        assert!(labels.contains(&"Identity policy LakeReader"), "{labels:?}");
        // Two accounts: the analyst's and the lake's.
        assert_eq!(map.map.diagram.boxes.len(), 2);
    }

    #[test]
    fn verdicts_follow_the_report_and_name_the_blocking_layer() {
        let s = scenario("resource-policies-cross-account", "lake-bucket-policy");
        let map = scenario_map(&s).expect("a map");
        let starter = report(&s, &policy_text(&s.starter), None);
        let answer = report(&s, &policy_text(&s.answer), None);
        let before = verdicts(&map, &starter, true);
        let after = verdicts(&map, &answer, true);
        let first = map
            .check_ids
            .iter()
            .position(|id| id == "analyst-reads-curated")
            .unwrap();
        assert!(
            matches!(&before[first], Verdict::Denied(by) if !by.is_empty()),
            "{before:?}"
        );
        assert_eq!(after[first], Verdict::Allowed);
        let hidden = verdicts(&map, &answer, false);
        assert!(hidden.iter().all(|v| *v == Verdict::Unknown));
    }
}
