use super::*;
use crate::playground::examples::EXAMPLES;
use crate::playground::state::{ContextValue, Expectation};
use iamplay_engine::eval::Decision;

fn decision(report: &Report, index: usize) -> Decision {
    match &report.rows[index].result {
        Ok(evaluation) => evaluation.decision,
        Err(problem) => panic!("row {index} failed: {}", problem.message),
    }
}

#[test]
fn every_example_meets_its_expectations() {
    for example in &EXAMPLES {
        let report = evaluate_all(&example.playground());
        assert!(
            report.policy_errors.is_empty(),
            "{}: {:?}",
            example.id,
            report.policy_errors
        );
        for row in &report.rows {
            let summary = row.result.as_ref().map(|e| e.summary.clone());
            assert_eq!(
                row.passed,
                Some(true),
                "{} row {}: {summary:?}",
                example.id,
                row.id
            );
        }
    }
}

#[test]
fn the_trust_policy_decides_role_assumption_and_the_resource_policy_the_rest() {
    let mut playground = crate::playground::examples::find("cross-account-assume-role")
        .expect("example")
        .playground();
    // Switching the trust policy off: nothing on the role's side allows a cross-account caller.
    let trust = playground
        .policies
        .iter()
        .position(|p| p.kind == PolicyKind::Trust)
        .expect("trust");
    playground.policies[trust].enabled = false;
    let report = evaluate_all(&playground);
    assert_eq!(decision(&report, 0), Decision::ImplicitDeny);
    assert!(is_assume_role("sts:AssumeRoleWithWebIdentity"));
    assert!(is_assume_role("STS:assumerole"));
    assert!(!is_assume_role("sts:GetCallerIdentity"));
}

#[test]
fn deciding_statements_map_back_to_playground_policies() {
    let playground = crate::playground::examples::find("scp-region-guardrail")
        .expect("example")
        .playground();
    let scp_id = playground.policies[1].id;
    let report = evaluate_all(&playground);
    let row = &report.rows[1];
    let evaluation = row.result.as_ref().expect("evaluates");
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    let deciding = &evaluation.deciding[0];
    assert_eq!(
        row.policy_id(deciding.layer, deciding.level, deciding.policy_index),
        Some(scp_id)
    );
    assert_eq!(row.level_name(Layer::Scp, 0), Some("Root"));
}

#[test]
fn keys_the_policies_test_but_the_request_lacks_are_reported() {
    let mut playground = crate::playground::examples::find("glue-passrole")
        .expect("example")
        .playground();
    playground.requests[0].context.clear();
    let report = evaluate_all(&playground);
    assert_eq!(
        report.rows[0].missing_keys,
        vec!["iam:PassedToService".to_owned()]
    );
    assert!(report.rows[1].missing_keys.is_empty());
    assert_eq!(decision(&report, 0), Decision::ImplicitDeny);
    assert_eq!(report.failed(), 1);
    assert_eq!(report.passed(), 2);
}

#[test]
fn a_broken_policy_is_reported_and_left_out() {
    let mut playground = crate::playground::examples::find("lambda-reads-s3")
        .expect("example")
        .playground();
    playground.policies[0].text = "{\"Statement\": [".into();
    let report = evaluate_all(&playground);
    assert!(report
        .policy_errors
        .contains_key(&playground.policies[0].id));
    assert_eq!(decision(&report, 0), Decision::ImplicitDeny);
}

#[test]
fn a_bad_principal_or_empty_action_is_a_row_problem_not_a_panic() {
    let mut playground = crate::playground::examples::find("lambda-reads-s3")
        .expect("example")
        .playground();
    playground.requests[0].principal = "<script>".into();
    playground.requests[1].action = "  ".into();
    let report = evaluate_all(&playground);
    let problem = report.rows[0].result.as_ref().expect_err("bad principal");
    assert!(
        problem.message.contains("`<script>`"),
        "{}",
        problem.message
    );
    assert!(report.rows[1].result.is_err());
}

#[test]
fn list_values_become_a_multivalued_key() {
    let mut playground = Playground::default();
    playground.add_policy(PolicyKind::Identity);
    playground.policies[0].text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "ec2:CreateTags", "Resource": "*",
        "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}}]}"#
        .into();
    playground.add_request();
    let row = &mut playground.requests[0];
    row.action = "ec2:CreateTags".into();
    row.resource = "arn:aws:ec2:eu-west-1:111122223333:instance/i-1".into();
    row.context.push(ContextValue {
        key: "aws:TagKeys".into(),
        value_type: ValueType::List,
        value: "team, env".into(),
    });
    row.expect = Some(Expectation::Allowed);
    let mut report = evaluate_all(&playground);
    assert_eq!(report.rows[0].passed, Some(true));
    playground.requests[0].context[0].value = "team, owner".into();
    report = evaluate_all(&playground);
    assert_eq!(decision(&report, 0), Decision::ImplicitDeny);
}

#[test]
fn a_deny_only_rcp_lets_other_requests_pass_by_rcp_full_aws_access() {
    let mut playground = crate::playground::examples::find("lambda-reads-s3")
        .expect("example")
        .playground();
    let rcp = playground.add_policy(PolicyKind::Rcp);
    let starter = playground.policies.last().expect("rcp").text.clone();
    assert!(
        starter.contains("\"Deny\"") && !starter.contains("\"Allow\""),
        "{starter}"
    );
    if let Some(doc) = playground.policy_mut(rcp) {
        doc.text = starter.replace("\"Action\": \"\"", "\"Action\": \"s3:DeleteObject\"");
    }
    let report = evaluate_all(&playground);
    assert!(
        report.policy_errors.is_empty(),
        "{:?}",
        report.policy_errors
    );
    assert_eq!(decision(&report, 0), Decision::Allowed);
    let evaluation = report.rows[0].result.as_ref().expect("evaluates");
    let rcp_step = crate::playground::flow::steps(evaluation)
        .into_iter()
        .find(|s| s.layer == Layer::Rcp)
        .expect("rcp step");
    assert_eq!(rcp_step.state, crate::playground::flow::StepState::Passes);
    assert!(evaluation.notes[0].contains("RCPFullAWSAccess"));
}

#[test]
fn open_context_marks_a_row_that_depends_and_a_tried_value_decides_it() {
    let mut playground = Playground::default();
    playground.add_policy(PolicyKind::Identity);
    playground.policies[0].text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "s3:GetObject", "Resource": "*",
        "Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1a2b"}}}]}"#
        .into();
    playground.add_request();
    playground.requests[0].expect = Some(Expectation::Allowed);
    // Closed context: the key is absent, so the Allow does not apply.
    let report = evaluate_all(&playground);
    assert_eq!(report.rows[0].open, None);
    assert_eq!(report.rows[0].passed, Some(false));

    playground.open_context = true;
    let report = evaluate_all(&playground);
    let keys = report.rows[0].open.as_ref().expect("open").depends_on();
    assert_eq!(keys.len(), 1);
    assert_eq!(
        (keys[0].key.as_str(), keys[0].allowed_when.as_slice()),
        ("aws:SourceVpc", &["vpc-1a2b".to_owned()][..])
    );
    assert_eq!(report.rows[0].passed, None, "a depending row is neither");

    playground.requests[0].context.push(ContextValue {
        key: "aws:SourceVpc".into(),
        value_type: ValueType::String,
        value: "vpc-1a2b".into(),
    });
    let report = evaluate_all(&playground);
    assert_eq!(
        report.rows[0].open,
        Some(iamplay_engine::eval::OpenDecision::Known(Decision::Allowed))
    );
    assert_eq!(report.rows[0].passed, Some(true));
}

#[test]
fn kept_parses_give_the_same_report_as_parsing_afresh_after_each_edit() {
    let mut playground = crate::playground::examples::find("scp-region-guardrail")
        .expect("example")
        .playground();
    let mut parses = ParsedPolicies::default();
    assert_eq!(
        evaluate_with(&playground, &mut parses),
        evaluate_all(&playground)
    );
    // Break one policy, switch another off, then mend the first: each report must be the one a
    // fresh parse gives, with no stale parse left behind.
    let first = playground.policies[0].text.clone();
    playground.policies[0].text = "{ not json".into();
    let broken = evaluate_with(&playground, &mut parses);
    assert_eq!(broken, evaluate_all(&playground));
    assert!(broken
        .policy_errors
        .contains_key(&playground.policies[0].id));
    playground.policies[1].enabled = false;
    assert_eq!(
        evaluate_with(&playground, &mut parses),
        evaluate_all(&playground)
    );
    playground.policies[0].text = first;
    playground.policies[1].enabled = true;
    let mended = evaluate_with(&playground, &mut parses);
    assert_eq!(mended, evaluate_all(&playground));
    assert!(mended.policy_errors.is_empty());
}

#[test]
fn two_policies_with_one_id_each_keep_their_own_parse() {
    let mut playground = crate::playground::examples::find("scp-region-guardrail")
        .expect("example")
        .playground();
    // A share link is outside input: it may repeat an id.
    playground.policies[1].id = playground.policies[0].id;
    playground.policies[1].text = "[]".into();
    let mut parses = ParsedPolicies::default();
    assert_eq!(
        evaluate_with(&playground, &mut parses),
        evaluate_all(&playground)
    );
}
