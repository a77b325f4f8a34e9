//! The explanation, checked on small cases (the decisions themselves are pinned by the case
//! folder `tests/cases/`).

use super::*;
use crate::case::Case;

fn evaluate_text(text: &str) -> Evaluation {
    evaluate(&Case::parse(text).unwrap())
}

const REQUEST: &str = r#""request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::data/alice/report.csv"}"#;

#[test]
fn the_explanation_shows_resolved_variables_and_which_value_matched() {
    let text = format!(
        r#"{{{REQUEST}, "policies": {{"identity": [{{"name": "home", "document": {{"Version": "2012-10-17", "Statement": [
        {{"Sid": "Home", "Effect": "Allow", "Action": ["s3:Put*", "s3:Get*"], "Resource": "arn:aws:s3:::data/${{aws:username}}/*"}}]}}}}]}}}}"#
    );
    let evaluation = evaluate_text(&text);
    assert_eq!(evaluation.decision, Decision::Allowed);
    let deciding = &evaluation.deciding[0];
    assert_eq!(
        (
            deciding.layer,
            deciding.sid.as_deref(),
            deciding.policy_name.as_deref()
        ),
        (Layer::Identity, Some("Home"), Some("home"))
    );
    assert!(text[deciding.span.start..].starts_with("{\"Sid\": \"Home\""));
    let statement = &evaluation.policies[0].statements[0];
    let matched: Vec<bool> = statement.action.values.iter().map(|v| v.matched).collect();
    assert_eq!(matched, [false, true]);
    let resource = statement.resource.as_ref().unwrap();
    assert_eq!(
        resource.values[0].resolved.as_deref(),
        Some("arn:aws:s3:::data/alice/*")
    );
    assert_eq!(
        resource.values[0].variables[0].value.as_deref(),
        Some("alice")
    );
    assert!(
        evaluation.summary.contains("statement `Home` of `home`"),
        "{}",
        evaluation.summary
    );
}

#[test]
fn without_version_2012_variables_are_literal_and_the_policy_says_so() {
    let text = format!(
        r#"{{{REQUEST}, "policies": {{"identity": [{{"Statement": {{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/${{aws:username}}/*"}}}}]}}}}"#
    );
    let evaluation = evaluate_text(&text);
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert!(evaluation.policies[0]
        .note
        .as_deref()
        .unwrap()
        .contains("literal text"));
}

#[test]
fn an_explicit_deny_names_every_denying_statement_and_its_layer() {
    let text = format!(
        r#"{{{REQUEST}, "policies": {{"identity": [{{"Statement": [{{"Effect": "Allow", "Action": "*", "Resource": "*"}}, {{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}}]}}],
        "permissionBoundary": {{"Statement": {{"Sid": "B", "Effect": "Deny", "Action": "*", "Resource": "*"}}}}}}}}"#
    );
    let evaluation = evaluate_text(&text);
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    assert_eq!(
        evaluation.blocked_by,
        Some(Blocker {
            layer: Layer::Identity,
            level: None
        })
    );
    let layers: Vec<Layer> = evaluation.deciding.iter().map(|d| d.layer).collect();
    assert_eq!(layers, [Layer::Identity, Layer::Boundary]);
}

#[test]
fn conditions_are_explained_per_key_with_the_request_values() {
    let text = format!(
        r#"{{{REQUEST}, "policies": {{"identity": [{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": "*", "Resource": "*",
        "Condition": {{"StringEquals": {{"aws:username": ["bob", "alice"]}}, "Bool": {{"aws:MultiFactorAuthPresent": "true"}}}}}}}}]}}}}"#
    );
    let evaluation = evaluate_text(&text);
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    let conditions = &evaluation.policies[0].statements[0].conditions;
    assert_eq!(conditions.len(), 2);
    assert!(conditions[0].matched);
    assert_eq!(
        conditions[0].request_values.as_deref(),
        Some(&["alice".to_owned()][..])
    );
    assert_eq!(
        conditions[0]
            .comparisons
            .iter()
            .map(|c| c.matched)
            .collect::<Vec<_>>(),
        [false, true]
    );
    assert!(!conditions[1].matched);
    assert_eq!(conditions[1].request_values, None);
}

#[test]
fn serialisation_uses_camel_case_names() {
    let text = format!(r#"{{{REQUEST}, "expect": "implicitDeny"}}"#);
    let value = serde_json::to_value(evaluate_text(&text)).unwrap();
    assert_eq!(value["decision"], "implicitDeny");
    assert_eq!(value["blockedBy"]["layer"], "identity");
    assert_eq!(value["matchesExpected"], true);
    assert_eq!(value["request"]["crossAccount"], false);
}
