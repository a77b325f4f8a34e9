use iamplay_course::{ExpectedOutcome, ScenarioStyle};
use iamplay_engine::policy_kind::PolicyKind;
use serde_json::json;

use super::*;

/// A draft the course checker accepts: the builder's e2e test types the same one.
pub(crate) fn sound() -> Draft {
    let mut draft = Draft {
        id: "read-raw-data".into(),
        title: "Read the raw data".into(),
        task: "Let **alice** read `raw-data`.".into(),
        edit_name: "Policy of user alice".into(),
        hints: vec!["Allow `s3:GetObject`.".into()],
        answer: r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::raw-data/*"}]}"#
            .into(),
        explanation: "Objects have their own ARNs.".into(),
        ..Draft::default()
    };
    draft.add_check();
    draft.add_check();
    for (check, (action, expect)) in draft.checks.iter_mut().zip([
        ("s3:GetObject", ExpectedOutcome::Allowed),
        ("s3:DeleteObject", ExpectedOutcome::Denied),
    ]) {
        check.title = format!("alice calls {action}");
        check.principal = "arn:aws:iam::111122223333:user/alice".into();
        check.action = action.into();
        check.resource = "arn:aws:s3:::raw-data/a.csv".into();
        check.expect = expect;
        check.hint = "read only".into();
    }
    draft
}

#[test]
fn new_checks_get_ids_no_other_check_has() {
    let mut draft = Draft::default();
    draft.add_check();
    draft.add_check();
    draft.checks.remove(0);
    draft.add_check();
    let ids: Vec<&str> = draft.checks.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["check-2", "check-1"]);
}

#[test]
fn a_draft_becomes_the_scenario_a_lesson_file_holds() {
    let mut draft = sound();
    draft.checks[0].context = r#"{"aws:SecureTransport": true}"#.into();
    draft.checks[1].resource_account = " 444455556666 ".into();
    draft.bounded = true;
    draft.bound_resources = "arn:aws:s3:::raw-data/*\n\n".into();
    let (scenario, problems) = draft.to_scenario();
    assert_eq!(problems, Vec::new());
    let text = crate::builder::lesson_json(&scenario);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        json["edit"],
        json!({"kind": "identity", "name": "Policy of user alice"})
    );
    assert_eq!(
        json["checks"][0]["request"]["context"],
        json!({"aws:SecureTransport": true})
    );
    assert_eq!(
        json["checks"][1]["request"]["resourceAccount"],
        "444455556666"
    );
    assert_eq!(
        json["leastPrivilege"],
        json!({"resources": ["arn:aws:s3:::raw-data/*"], "allowExtra": []})
    );
    assert_eq!(
        json["starter"],
        json!({"Version": "2012-10-17", "Statement": []})
    );
    assert!(json.get("fixed").is_none_or(|f| f.is_null()));
    // What `lesson.json` holds reads back as the same scenario.
    let back: iamplay_course::Scenario = iamplay_engine::json::from_str(&text).unwrap();
    assert_eq!(back, scenario);
}

#[test]
fn predict_and_spot_scenarios_take_the_starter_as_their_answer_and_no_bound() {
    let mut draft = sound();
    draft.style = ScenarioStyle::Spot;
    draft.bounded = true;
    draft.culprit_sid = " DenyDelete ".into();
    let (scenario, _) = draft.to_scenario();
    assert_eq!(scenario.answer, scenario.starter);
    assert_eq!(scenario.least_privilege, None);
    let culprit = scenario.culprit.unwrap();
    assert_eq!(
        (culprit.policy.as_str(), culprit.sid.as_str()),
        ("edited", "DenyDelete")
    );
}

#[test]
fn text_that_is_not_json_is_reported_at_its_line_and_column() {
    let mut draft = sound();
    draft.starter = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [}\n".into();
    draft.checks[1].context = "{\"aws:SourceIp\" 1}".into();
    draft.answer = "  ".into();
    let (scenario, problems) = draft.to_scenario();
    // The text stays the trainer's; only the problems below are shown for it.
    assert_eq!(scenario.starter.as_str(), draft.starter);
    let placed: Vec<(Field, Option<(usize, usize)>)> =
        problems.iter().map(|p| (p.field, p.position)).collect();
    assert_eq!(
        placed,
        [
            (Field::Starter, Some((3, 17))),
            (Field::Answer, None),
            (Field::Check(1, CheckPart::Context), Some((1, 17))),
        ]
    );
    assert!(problems[0].message.starts_with("this is not valid JSON: "));
    assert!(
        !problems[0].message.contains("line"),
        "{}",
        problems[0].message
    );
}

#[test]
fn fixed_policies_fill_the_case_slots_and_levels() {
    let mut draft = sound();
    let policy = |sid: &str| {
        format!(
            r#"{{"Statement": [{{"Sid": "{sid}", "Effect": "Allow", "Action": "*", "Resource": "*"}}]}}"#
        )
    };
    draft.fixed = vec![
        FixedDraft {
            slot: FixedSlot::Identity,
            name: "team".into(),
            level: 0,
            text: policy("A"),
        },
        FixedDraft {
            slot: FixedSlot::Scps,
            name: String::new(),
            level: 0,
            text: policy("Root"),
        },
        FixedDraft {
            slot: FixedSlot::Scps,
            name: String::new(),
            level: 1,
            text: policy("Ou"),
        },
        FixedDraft {
            slot: FixedSlot::Identity,
            name: String::new(),
            level: 0,
            text: policy("B"),
        },
        FixedDraft {
            slot: FixedSlot::PermissionBoundary,
            name: String::new(),
            level: 0,
            text: policy("C"),
        },
    ];
    let (scenario, problems) = draft.to_scenario();
    assert_eq!(problems, Vec::new());
    let fixed = scenario.fixed.unwrap();
    assert_eq!(fixed.identity[0].name.as_deref(), Some("team"));
    assert_eq!(fixed.identity[1].document.sids(), ["B"]);
    let scps = fixed.scps.unwrap_or_default();
    assert_eq!(scps[1][0].document.sids(), ["Ou"]);
    let boundary = fixed.permission_boundary.map(|p| p.value.document.sids());
    assert_eq!(boundary, Some(vec!["C".to_owned()]));
}

#[test]
fn a_skipped_organization_level_and_a_second_boundary_are_problems() {
    let mut draft = sound();
    draft.fixed = vec![
        FixedDraft {
            slot: FixedSlot::Rcps,
            level: 2,
            ..FixedDraft::default()
        },
        FixedDraft {
            slot: FixedSlot::Session,
            ..FixedDraft::default()
        },
        FixedDraft {
            slot: FixedSlot::Session,
            ..FixedDraft::default()
        },
    ];
    let (_, problems) = draft.to_scenario();
    let placed: Vec<(Field, &str)> = problems
        .iter()
        .map(|p| (p.field, p.message.as_str()))
        .collect();
    assert_eq!(
        placed,
        [
            (
                Field::Fixed(2),
                "there is already a session policy among the fixed policies"
            ),
            (
                Field::Fixed(0),
                "no RCP is attached at level 0 (Organization root)"
            ),
            (Field::Fixed(0), "no RCP is attached at level 1 (OU)"),
        ]
    );
}

#[test]
fn a_draft_saved_by_an_older_form_still_opens() {
    let draft: Draft = serde_json::from_str(r#"{"title": "Old", "editKind": "trust"}"#).unwrap();
    assert_eq!(draft.title, "Old");
    assert_eq!(draft.edit_kind, PolicyKind::Trust);
    assert_eq!(draft.answer, EMPTY_POLICY);
}
