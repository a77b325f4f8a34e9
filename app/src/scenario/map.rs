//! A scenario's setup for the live access map: its checks as requests, its fixed policies and
//! the learner's policy where they apply, and each check's verdict from the report.

use iamplay_engine::eval::Decision;
use serde_json::Value;

use super::report::Report;
use crate::course::Scenario;
use crate::map::{AccessMap, Policy, Request, Target, Verdict};

/// The scenario's map, laid out, and the check of each request edge (checks whose request
/// names no principal, action and resource are left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioMap {
    pub map: AccessMap,
    pub check_ids: Vec<String>,
}

pub fn scenario_map(scenario: &Scenario) -> Option<ScenarioMap> {
    let mut requests = Vec::new();
    let mut check_ids = Vec::new();
    for check in &scenario.checks {
        let field = |name: &str| check.request.get(name).and_then(Value::as_str);
        if let (Some(principal), Some(action), Some(resource)) =
            (field("principal"), field("action"), field("resource"))
        {
            requests.push(Request {
                principal: principal.to_owned(),
                action: action.to_owned(),
                resource: resource.to_owned(),
                resource_account: field("resourceAccount").map(str::to_owned),
            });
            check_ids.push(check.id.clone());
        }
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
        let name = |item: &Value, kind: &str| match item.get("name").and_then(Value::as_str) {
            Some(name) => format!("{kind} {name}"),
            None => kind.to_owned(),
        };
        for (key, kind, target) in [
            ("scps", "SCPs", Target::PrincipalAccounts),
            ("rcps", "RCPs", Target::ResourceAccounts),
        ] {
            if let Some(levels) = fixed.get(key).and_then(Value::as_array) {
                add(format!("{kind} at {} levels", levels.len()), target);
            }
        }
        if let Some(item) = fixed.get("resource") {
            add(name(item, "Resource policy"), Target::Resources);
        }
        for item in fixed
            .get("identity")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            add(name(item, "Identity policy"), Target::Principals);
        }
        if let Some(item) = fixed.get("permissionBoundary") {
            add(name(item, "Permissions boundary"), Target::Principals);
        }
        if let Some(item) = fixed.get("session") {
            add(name(item, "Session policy"), Target::Principals);
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
