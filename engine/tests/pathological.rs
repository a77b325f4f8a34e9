//! Hostile inputs must get an answer or a clear error, quickly: no stack overflow, no
//! exponential matching. (No timing asserts: the test must simply finish.)

use iamplay_engine::case::Case;
use iamplay_engine::eval::{evaluate, Decision};
use iamplay_engine::json::JsonErrorKind;
use iamplay_engine::policy::{parse_policy, PolicyErrorKind};
use serde_json::json;

fn case_with(statements: serde_json::Value, resource: &str) -> Case {
    let text = json!({
        "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": resource},
        "policies": {"identity": [{"Version": "2012-10-17", "Statement": statements}]}
    })
    .to_string();
    match Case::parse(&text) {
        Ok(case) => case,
        Err(err) => panic!("the case should parse: {err}"),
    }
}

#[test]
fn nesting_ten_thousand_deep_is_rejected_with_a_clear_error() {
    let text = format!(
        "{{\"Statement\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let err = parse_policy(&text).err().map(|e| e.kind);
    assert!(
        matches!(err, Some(PolicyErrorKind::Json(e)) if e.kind == JsonErrorKind::TooDeep { max: 128 })
    );
    let objects = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
    assert!(parse_policy(&objects).is_err());
}

#[test]
fn ten_thousand_statements_are_evaluated() {
    let statements: Vec<_> = (0..10_000)
        .map(|i| json!({"Sid": format!("S{i}"), "Effect": "Allow", "Action": format!("s3:Action{i}"), "Resource": "*"}))
        .collect();
    let mut with_match = statements.clone();
    with_match.push(json!({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}));
    assert_eq!(
        evaluate(&case_with(json!(statements), "arn:aws:s3:::b/k")).decision,
        Decision::ImplicitDeny
    );
    let evaluation = evaluate(&case_with(json!(with_match), "arn:aws:s3:::b/k"));
    assert_eq!(evaluation.decision, Decision::Allowed);
    assert_eq!(evaluation.policies[0].statements.len(), 10_001);
}

#[test]
fn star_a_star_a_patterns_against_long_arns_do_not_blow_up() {
    let pattern = format!("arn:aws:s3:::{}b", "*a".repeat(2_000));
    let resource = format!("arn:aws:s3:::{}", "a".repeat(50_000));
    let statements = json!([
        {"Effect": "Allow", "Action": format!("{}b", "*a".repeat(2_000)), "Resource": "*"},
        {"Effect": "Allow", "Action": "s3:*", "Resource": pattern.clone()},
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
         "Condition": {"StringLike": {"aws:username": pattern}, "ArnLike": {"aws:PrincipalArn": format!("arn:aws:iam::*:{}b", "*a".repeat(2_000))}}}
    ]);
    let evaluation = evaluate(&case_with(statements, &resource));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
}

#[test]
fn a_huge_document_is_rejected_by_the_size_limit() {
    let text = format!(
        "{{\"Statement\": [], \"Id\": \"{}\"}}",
        "x".repeat(40 * 1024 * 1024)
    );
    let err = parse_policy(&text).err().map(|e| e.kind);
    assert!(
        matches!(err, Some(PolicyErrorKind::Json(e)) if matches!(e.kind, JsonErrorKind::TooLarge { .. }))
    );
}
