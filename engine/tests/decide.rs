//! `decide` (no explanation kept) gives the decision `evaluate` gives, for generated cases that
//! exercise every kind of element, condition operator family, set operator, `IfExists`, policy
//! variables and absent keys: the silent sink may skip work, never change the outcome.

use iamplay_engine::case::Case;
use iamplay_engine::eval::{decide, evaluate};
use proptest::prelude::*;
use serde_json::{json, Value};

const ACTIONS: [&str; 5] = ["s3:GetObject", "s3:Get*", "s3:*", "*", "iam:PassRole"];
const RESOURCES: [&str; 5] = [
    "*",
    "arn:aws:s3:::data/*",
    "arn:aws:s3:::data/${aws:username}/*",
    "arn:aws:s3:::data/${aws:PrincipalTag/team}/*",
    "arn:aws:s3:::other/*",
];
const PRINCIPALS: [&str; 4] = [
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:sts::111122223333:assumed-role/etl/run-1",
    "arn:aws:iam::444455556666:user/bob",
    "*",
];
const POLICY_PRINCIPALS: [&str; 4] = [
    "*",
    "111122223333",
    "arn:aws:iam::111122223333:role/etl",
    "arn:aws:iam::444455556666:root",
];

/// (operator, key, values): every family, set operators, IfExists, variables, absent keys.
const CONDITIONS: [(&str, &str, &[&str]); 14] = [
    ("StringEquals", "aws:username", &["alice", "bob"]),
    ("StringNotEquals", "aws:username", &["alice"]),
    ("StringLike", "s3:prefix", &["home/${aws:username}/*"]),
    ("StringEqualsIfExists", "aws:SourceVpc", &["vpc-1"]),
    ("ForAllValues:StringEquals", "aws:TagKeys", &["team", "env"]),
    ("ForAnyValue:StringLike", "aws:TagKeys", &["te*"]),
    ("ForAnyValue:StringNotEquals", "aws:TagKeys", &["team"]),
    ("NumericLessThan", "s3:max-keys", &["10", "not-a-number"]),
    (
        "DateGreaterThan",
        "aws:CurrentTime",
        &["2020-01-01T00:00:00Z"],
    ),
    ("Bool", "aws:SecureTransport", &["true"]),
    (
        "IpAddress",
        "aws:SourceIp",
        &["203.0.113.0/24", "10.0.0.0/8"],
    ),
    ("NotIpAddress", "aws:SourceIp", &["203.0.113.0/24"]),
    ("ArnLike", "aws:PrincipalArn", &["arn:aws:iam::*:role/etl"]),
    ("Null", "aws:PrincipalTag/team", &["false"]),
];

fn statement(with_principal: bool) -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&["Allow", "Deny"][..]),
        prop::collection::vec(prop::sample::select(&ACTIONS[..]), 1..3),
        any::<bool>(),
        prop::collection::vec(prop::sample::select(&RESOURCES[..]), 1..3),
        any::<bool>(),
        prop::collection::vec(prop::sample::select(&CONDITIONS[..]), 0..3),
        prop::sample::select(&POLICY_PRINCIPALS[..]),
    )
        .prop_map(
            move |(effect, actions, not_action, resources, not_resource, conditions, principal)| {
                let mut s = json!({"Effect": effect});
                s[if not_action { "NotAction" } else { "Action" }] = json!(actions);
                s[if not_resource {
                    "NotResource"
                } else {
                    "Resource"
                }] = json!(resources);
                let mut block = json!({});
                for (operator, key, values) in conditions {
                    block[operator][key] = json!(values);
                }
                s["Condition"] = block;
                if with_principal {
                    s["Principal"] = json!({"AWS": principal});
                }
                s
            },
        )
}

fn policy(with_principal: bool) -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(statement(with_principal), 0..4),
        prop::sample::select(&["2012-10-17", "2008-10-17"][..]),
    )
        .prop_map(|(statements, version)| json!({"Version": version, "Statement": statements}))
}

/// Context values that make the conditions above go either way, or be absent.
fn context() -> impl Strategy<Value = Value> {
    (
        prop::option::of(prop::sample::select(&["203.0.113.7", "198.51.100.1"][..])),
        prop::option::of(prop::collection::vec(
            prop::sample::select(&["team", "env", "cost"][..]),
            0..3,
        )),
        prop::option::of(prop::sample::select(&["home/alice/x", "home/bob/x"][..])),
        prop::option::of(prop::sample::select(&["3", "30", "x"][..])),
        prop::option::of(prop::sample::select(&["true", "false"][..])),
        prop::option::of(prop::sample::select(&["data", "ops"][..])),
    )
        .prop_map(|(ip, tag_keys, prefix, max_keys, secure, team)| {
            let mut ctx = json!({"aws:CurrentTime": "2024-06-01T00:00:00Z"});
            let mut set = |key: &str, value: Option<Value>| {
                if let Some(value) = value {
                    ctx[key] = value;
                }
            };
            set("aws:SourceIp", ip.map(|v| json!(v)));
            set("aws:TagKeys", tag_keys.map(|v| json!(v)));
            set("s3:prefix", prefix.map(|v| json!(v)));
            set("s3:max-keys", max_keys.map(|v| json!(v)));
            set("aws:SecureTransport", secure.map(|v| json!(v)));
            set("aws:PrincipalTag/team", team.map(|v| json!(v)));
            ctx
        })
}

fn case() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&PRINCIPALS[..]),
        prop::sample::select(&["s3:GetObject", "iam:PassRole", "sts:AssumeRole"][..]),
        prop::sample::select(
            &[
                "arn:aws:s3:::data/alice/k",
                "arn:aws:s3:::data/data/k",
                "arn:aws:s3:::other/x",
            ][..],
        ),
        context(),
        prop::collection::vec(policy(false), 1..3),
        prop::option::of(policy(true)),
        prop::option::of(policy(false)),
        prop::option::of(prop::collection::vec(
            prop::collection::vec(policy(false), 1..2),
            1..3,
        )),
    )
        .prop_map(
            |(principal, action, resource, context, identity, resource_policy, boundary, scps)| {
                json!({
                    "request": {"principal": principal, "action": action, "resource": resource,
                                "context": context},
                    "policies": {"identity": identity, "resource": resource_policy,
                                 "permissionBoundary": boundary, "scps": scps}
                })
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decide_agrees_with_evaluate(case_json in case()) {
        let case = match Case::parse(&case_json.to_string()) {
            Ok(case) => case,
            Err(err) => panic!("generated case must parse: {err}\n{case_json}"),
        };
        prop_assert_eq!(decide(&case), evaluate(&case).decision, "{}", case_json);
    }
}
