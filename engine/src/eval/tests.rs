//! The explanation, checked on small cases (the decisions themselves are pinned by the case
//! folder `tests/cases/`).

use super::*;
use crate::case::{Case, NamedPolicy, PolicySet, Request};
use crate::context::RequestContext;
use crate::policy::parse_policy;

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

#[test]
fn rcps_pass_by_the_policy_aws_attaches_and_a_written_allow_says_it_changes_nothing() {
    let text = format!(
        r#"{{{REQUEST}, "policies": {{"identity": [{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}}}],
        "rcps": [[{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Principal": "*", "Action": "s3:PutObject", "Resource": "*"}}}}],
                 [{{"Version": "2012-10-17", "Statement": {{"Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObject", "Resource": "*"}}}}]]}}}}"#
    );
    let evaluation = evaluate_text(&text);
    assert_eq!(evaluation.decision, Decision::Allowed);
    assert_eq!(
        evaluation.notes,
        ["passes RCPs: RCPFullAWSAccess, attached by AWS at every level"]
    );
    let custom_allow = evaluation.policies[0].note.as_deref().unwrap();
    assert!(custom_allow.contains("grants nothing"), "{custom_allow}");
    assert_eq!(evaluation.policies[1].note, None);
}

#[test]
fn an_rcp_deny_leaves_no_note_that_rcps_passed() {
    let text = format!(
        r#"{{{REQUEST}, "policies": {{"identity": [{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}}}],
        "rcps": [[{{"Version": "2012-10-17", "Statement": {{"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}}}}]]}}}}"#
    );
    let evaluation = evaluate_text(&text);
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    assert!(evaluation.notes.is_empty());
}

#[test]
fn keys_aws_sets_for_the_caller_are_listed_and_invented_ids_say_so() {
    let text = format!(
        r#"{{{REQUEST}, "policies": {{"identity": [{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}}}]}}}}"#
    );
    let evaluation = evaluate_text(&text);
    let keys = &evaluation.request.set_by_aws;
    let username = keys.iter().find(|k| k.key == "aws:username").unwrap();
    assert_eq!(
        (username.value.as_str(), username.stand_in),
        ("alice", false)
    );
    assert_eq!(
        username.describe(),
        "`aws:username` = `alice`: set by AWS for this caller"
    );
    let userid = keys.iter().find(|k| k.key == "aws:userid").unwrap();
    assert!(userid.stand_in && userid.value.starts_with("AIDA"));
    assert!(userid.describe().contains("invented stand-in"));
    for key in [
        "aws:PrincipalArn",
        "aws:PrincipalAccount",
        "aws:ResourceAccount",
    ] {
        assert!(keys.iter().any(|k| k.key == key), "{key} in {keys:?}");
    }
}

#[test]
fn the_app_builds_a_case_from_separately_edited_policies_with_their_own_spans() {
    let identity_text = r#"{"Version": "2012-10-17", "Statement": {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}"#;
    let bucket_text = "{\"Version\": \"2012-10-17\",\n \"Statement\": {\"Sid\": \"NoHttp\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": \"*\",\n  \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"false\"}}}}";
    let mut context = RequestContext::new();
    context.insert_single("aws:SecureTransport", "false");
    let request = Request::with_context(
        "arn:aws:iam::111122223333:user/alice",
        "s3:GetObject",
        "arn:aws:s3:::data/k",
        None,
        context,
    )
    .unwrap();
    let policies = PolicySet {
        identity: vec![NamedPolicy::new(
            Some("reader".into()),
            parse_policy(identity_text).unwrap(),
        )],
        resource: Some(NamedPolicy::new(
            Some("bucket".into()),
            parse_policy(bucket_text).unwrap(),
        )),
        ..PolicySet::default()
    };
    let evaluation = evaluate(&Case::new(request, policies));
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    let deciding = &evaluation.deciding[0];
    assert_eq!(deciding.layer, Layer::Resource);
    // The span is an offset in the bucket policy's own text, where the editor shows it.
    assert!(bucket_text[deciding.span.start..deciding.span.end].starts_with("{\"Sid\": \"NoHttp\""));
}
