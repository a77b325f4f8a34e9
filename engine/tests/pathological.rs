//! Hostile inputs must get an answer or a clear error, quickly: no stack overflow, no
//! exponential or quadratic matching, and an explanation of bounded size whose counts stay
//! exact. (No timing asserts: the tests must simply finish; `benches/bounded.rs` measures.)

use iamplay_engine::case::Case;
use iamplay_engine::eval::{decide, evaluate, Decision, Evaluation};
use iamplay_engine::json::JsonErrorKind;
use iamplay_engine::limits::{EXPLANATION_BYTES, SHOWN_VALUES};
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
    let evaluation = bounded(&case_with(json!(with_match), "arn:aws:s3:::b/k"));
    assert_eq!(evaluation.decision, Decision::Allowed);
    let policy = &evaluation.policies[0];
    assert_eq!(policy.statements.len() + policy.statements_omitted, 10_001);
    // The statement that allows is kept.
    assert!(policy
        .statements
        .iter()
        .any(|s| s.index == 10_000 && s.applies));
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

/// Evaluates with and without the explanation, checks both agree, and that the explanation
/// fits its limit.
fn bounded(case: &Case) -> Evaluation {
    let evaluation = evaluate(case);
    assert_eq!(decide(case), evaluation.decision);
    let size = serde_json::to_vec(&evaluation).map_or(usize::MAX, |json| json.len());
    assert!(size <= EXPLANATION_BYTES, "explanation of {size} bytes");
    evaluation
}

/// One identity statement allowing s3:GetObject under `operator: {"k": patterns}`, with `k`
/// given as `values` in the request.
fn condition_case(operator: &str, patterns: &[String], values: &[String]) -> Case {
    let text = json!({
        "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
                    "resource": "arn:aws:s3:::b/k", "context": {"k": values}},
        "policies": {"identity": [{"Version": "2012-10-17", "Statement": {
            "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
            "Condition": {operator: {"k": patterns}}}}]}
    })
    .to_string();
    Case::parse(&text).unwrap_or_else(|err| panic!("the case should parse: {err}"))
}

fn texts(count: usize, make: impl Fn(usize) -> String) -> Vec<String> {
    (0..count).map(make).collect()
}

#[test]
fn for_all_values_over_two_thousand_patterns_and_twenty_thousand_values() {
    // The case: every value matches the pattern of its own project, so every pair
    // would be compared one by one; the explanation once took gigabytes.
    let patterns = texts(2_000, |i| format!("project-{i:04}-*"));
    let values = texts(20_000, |i| format!("project-{:04}-{i}", i % 2_000));
    let evaluation = bounded(&condition_case(
        "ForAllValues:StringLike",
        &patterns,
        &values,
    ));
    assert_eq!(evaluation.decision, Decision::Allowed);
    let condition = &evaluation.policies[0].statements[0].conditions[0];
    let shown = condition.request_values.as_ref().map_or(0, Vec::len);
    assert_eq!(shown, SHOWN_VALUES);
    assert_eq!(shown + condition.request_values_omitted, 20_000);
    assert_eq!(
        condition.comparisons.len() + condition.comparisons_omitted,
        20_000
    );

    // One value that matches nothing, last: ForAllValues fails there.
    let mut failing = values.clone();
    failing.push("other".into());
    let evaluation = bounded(&condition_case(
        "ForAllValues:StringLike",
        &patterns,
        &failing,
    ));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
}

#[test]
fn set_operators_stop_at_the_value_that_settles_them() {
    let patterns = texts(3_000, |i| format!("tag-{i}"));
    let mut values = vec!["none-of-them".to_owned()];
    values.extend(texts(30_000, |i| format!("tag-{i}")));
    let evaluation = bounded(&condition_case(
        "ForAllValues:StringEquals",
        &patterns,
        &values,
    ));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    let condition = &evaluation.policies[0].statements[0].conditions[0];
    assert_eq!(condition.comparisons_omitted, 0);
    let note = condition.note.as_deref().unwrap_or_default();
    assert!(
        note.contains("Request value 1 of 30001") && note.contains("30000 were not compared"),
        "{note}"
    );
}

/// An operator, a policy value, a request value that matches it, and a value that matches none.
type Family = (
    &'static str,
    fn(usize) -> String,
    fn(usize) -> String,
    &'static str,
);

#[test]
fn every_family_and_set_operator_with_long_lists_on_both_sides() {
    #[rustfmt::skip]
    let families: [Family; 9] = [
        ("StringEquals", |i| format!("v{i}"), |i| format!("v{i}"), "x"),
        ("StringEqualsIgnoreCase", |i| format!("V{i}"), |i| format!("v{i}"), "x"),
        ("StringLike", |i| format!("v{i}*"), |i| format!("v{i}-x"), "x"),
        ("NumericEquals", |i| i.to_string(), |i| format!("{i}.0"), "-1"),
        ("DateEquals", |i| format!("2020-01-01T00:00:{:02}Z", i % 60), |i| format!("2020-01-01T00:00:{:02}Z", i % 60), "2021-01-01T00:00:00Z"),
        ("Bool", |_| "true".to_owned(), |_| "true".to_owned(), "false"),
        ("BinaryEquals", |i| format!("QUJD{:04}", i % 10_000), |i| format!("QUJD{:04}", i % 10_000), "WFla"),
        ("IpAddress", |i| format!("10.{}.{}.0/24", i / 256 % 256, i % 256), |i| format!("10.{}.{}.9", i / 256 % 256, i % 256), "192.0.2.1"),
        ("ArnLike", |i| format!("arn:aws:s3:::b{i}/*"), |i| format!("arn:aws:s3:::b{i}/k"), "arn:aws:s3:::other/k"),
    ];
    for (base, policy, matching, none) in families {
        // The string operators look values up; the other families compare one by one, so
        // their lists are shorter here (the benchmark measures both).
        let count = if base.starts_with("String") {
            1_000
        } else {
            150
        };
        let patterns = texts(count, policy);
        let mut values = texts(count, matching);
        values.reverse();
        for (set, with_stranger) in [
            ("ForAllValues", false),
            ("ForAllValues", true),
            ("ForAnyValue", false),
            ("ForAnyValue", true),
        ] {
            let mut request = values.clone();
            if with_stranger {
                request.push(none.to_owned());
            }
            let negated = base
                .replacen("Equals", "NotEquals", 1)
                .replacen("Like", "NotLike", 1)
                .replacen("IpAddress", "NotIpAddress", 1);
            // Bool and BinaryEquals have no negated form.
            let operators = if base.starts_with("B") {
                vec![base.to_owned()]
            } else {
                vec![base.to_owned(), negated]
            };
            for operator in operators {
                let name = format!("{set}:{operator}");
                let evaluation = bounded(&condition_case(&name, &patterns, &request));
                let positive = operator == base;
                // Every value but the stranger matches a policy value.
                let expected = match (set, positive) {
                    ("ForAllValues", true) => !with_stranger,
                    ("ForAllValues", false) => false,
                    (_, true) => true,
                    (_, false) => with_stranger,
                };
                let allowed = evaluation.decision == Decision::Allowed;
                assert_eq!(allowed, expected, "{name} with a stranger: {with_stranger}");
            }
        }
    }
}

#[test]
fn huge_values_and_patterns_give_a_short_explanation() {
    // A 300 KB resource, a 200 KB wildcard pattern whose middle must be searched for, and a
    // 100,000-entry Action list.
    let resource = format!("arn:aws:s3:::b/{}", "a".repeat(300_000));
    let pattern = format!("arn:aws:s3:::b/*{}b*", "a".repeat(200_000));
    let actions: Vec<String> = texts(100_000, |i| format!("s3:Get{i}"));
    let statements = json!([
        {"Effect": "Allow", "Action": actions, "Resource": pattern},
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
         "Condition": {"StringLike": {"aws:username": format!("*{}b*", "a".repeat(200_000))}}}
    ]);
    let evaluation = bounded(&case_with(statements, &resource));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    let action = &evaluation.policies[0].statements[0].action;
    assert_eq!(action.values.len() + action.values_omitted, 100_000);
}

#[test]
fn policy_variables_expanding_to_long_values_stay_bounded() {
    // Each of 2,000 statements substitutes a 1,000-character tag into its Resource.
    let tag = "t".repeat(1_000);
    let statements: Vec<_> = (0..2_000)
        .map(|i| {
            json!({"Effect": "Allow", "Action": "s3:GetObject",
                        "Resource": format!("arn:aws:s3:::b/${{aws:PrincipalTag/team}}/{i}/*")})
        })
        .collect();
    let text = json!({
        "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
                    "resource": format!("arn:aws:s3:::b/{tag}/1999/k"),
                    "context": {"aws:PrincipalTag/team": tag}},
        "policies": {"identity": [{"Version": "2012-10-17", "Statement": statements}]}
    })
    .to_string();
    let case = Case::parse(&text).unwrap_or_else(|err| panic!("{err}"));
    let evaluation = bounded(&case);
    assert_eq!(evaluation.decision, Decision::Allowed);
}

#[test]
fn thousands_of_policies_and_denying_statements_stay_bounded() {
    let denies: Vec<_> = (0..3_000)
        .map(|i| json!({"Sid": format!("Deny{i}"), "Effect": "Deny", "Action": "s3:*", "Resource": "*"}))
        .collect();
    let scps: Vec<_> = (0..2_000)
        .map(|_| json!([{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}]))
        .collect();
    let text = json!({
        "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"},
        "policies": {"identity": [{"Version": "2012-10-17", "Statement": denies}], "scps": scps}
    })
    .to_string();
    let case = Case::parse(&text).unwrap_or_else(|err| panic!("{err}"));
    let evaluation = bounded(&case);
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    assert_eq!(
        evaluation.deciding.len() + evaluation.deciding_omitted,
        3_000
    );
}
