//! Properties of the decision procedure that hold for any policies: adding a Deny never allows,
//! adding an Allow never denies, a deny-only RCP never takes away an allow except by denying,
//! and the order of statements and of values never matters.

use iamplay_engine::case::Case;
use iamplay_engine::eval::{evaluate, Decision};
use proptest::prelude::*;
use serde_json::{json, Value};

const ACTIONS: [&str; 6] = [
    "s3:GetObject",
    "s3:PutObject",
    "s3:Get*",
    "s3:*",
    "*",
    "iam:PassRole",
];
const RESOURCES: [&str; 5] = [
    "*",
    "arn:aws:s3:::data/*",
    "arn:aws:s3:::data/private/*",
    "arn:aws:s3:::other/*",
    "arn:aws:s3:::data",
];
const PRINCIPALS: [&str; 5] = [
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:sts::111122223333:assumed-role/etl/run-1",
    "arn:aws:iam::444455556666:user/bob",
    "arn:aws:iam::111122223333:root",
    "*",
];
const POLICY_PRINCIPALS: [&str; 5] = [
    "*",
    "111122223333",
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::111122223333:role/etl",
    "arn:aws:iam::444455556666:root",
];

fn list(values: Vec<&'static str>) -> Value {
    json!(values)
}

fn statement(effect: &'static str, with_principal: bool) -> impl Strategy<Value = Value> {
    (
        prop::collection::vec(prop::sample::select(&ACTIONS[..]), 1..3),
        any::<bool>(),
        prop::collection::vec(prop::sample::select(&RESOURCES[..]), 1..3),
        any::<bool>(),
        prop::option::of(prop::sample::select(&["alice", "bob"][..])),
        prop::sample::select(&POLICY_PRINCIPALS[..]),
    )
        .prop_map(
            move |(actions, not_action, resources, not_resource, user, principal)| {
                let mut s = json!({"Effect": effect});
                s[if not_action { "NotAction" } else { "Action" }] = list(actions);
                s[if not_resource {
                    "NotResource"
                } else {
                    "Resource"
                }] = list(resources);
                if let Some(user) = user {
                    s["Condition"] = json!({"StringEquals": {"aws:username": user}});
                }
                if with_principal {
                    s["Principal"] = json!({"AWS": principal});
                }
                s
            },
        )
}

fn any_statement(with_principal: bool) -> BoxedStrategy<Value> {
    prop_oneof![
        statement("Allow", with_principal),
        statement("Deny", with_principal)
    ]
    .boxed()
}

fn policy(with_principal: bool) -> impl Strategy<Value = Value> {
    prop::collection::vec(any_statement(with_principal), 0..4)
        .prop_map(|statements| json!({"Version": "2012-10-17", "Statement": statements}))
}

/// A case: a request, one or two identity policies, maybe a resource policy and a boundary.
fn case() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&PRINCIPALS[..]),
        prop::sample::select(&["s3:GetObject", "s3:PutObject", "iam:PassRole"][..]),
        prop::sample::select(&["arn:aws:s3:::data/report.csv", "arn:aws:s3:::data/private/k", "arn:aws:s3:::other/x"][..]),
        prop::collection::vec(policy(false), 1..3),
        prop::option::of(policy(true)),
        prop::option::of(policy(false)),
    )
        .prop_map(|(principal, action, resource, identity, resource_policy, boundary)| {
            json!({
                "request": {"principal": principal, "action": action, "resource": resource},
                "policies": {"identity": identity, "resource": resource_policy, "permissionBoundary": boundary}
            })
        })
}

fn decide(case: &Value) -> Decision {
    match Case::parse(&case.to_string()) {
        Ok(case) => evaluate(&case).decision,
        Err(err) => panic!("generated case must parse: {err}\n{case}"),
    }
}

/// Adds `statement` to the first identity policy, or to the resource policy when asked and
/// present.
fn with_statement(case: &Value, statement: Value, in_resource: bool) -> Value {
    let mut case = case.clone();
    let target = if in_resource && !case["policies"]["resource"].is_null() {
        &mut case["policies"]["resource"]["Statement"]
    } else {
        &mut case["policies"]["identity"][0]["Statement"]
    };
    if let Some(statements) = target.as_array_mut() {
        statements.push(statement);
    }
    case
}

/// Reverses every list that order should not matter for.
fn reversed(case: &Value) -> Value {
    fn reverse_policy(policy: &mut Value) {
        if let Some(statements) = policy["Statement"].as_array_mut() {
            statements.reverse();
            for statement in statements {
                for key in ["Action", "NotAction", "Resource", "NotResource"] {
                    if let Some(values) = statement.get_mut(key).and_then(Value::as_array_mut) {
                        values.reverse();
                    }
                }
            }
        }
    }
    let mut case = case.clone();
    if let Some(identity) = case["policies"]["identity"].as_array_mut() {
        identity.reverse();
        identity.iter_mut().for_each(reverse_policy);
    }
    for kind in ["resource", "permissionBoundary"] {
        if !case["policies"][kind].is_null() {
            reverse_policy(&mut case["policies"][kind]);
        }
    }
    case
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn adding_a_deny_never_allows(case in case(), deny in statement("Deny", true), in_resource in any::<bool>()) {
        let before = decide(&case);
        let mut deny = deny;
        if !in_resource {
            deny.as_object_mut().map(|s| s.remove("Principal"));
        }
        let after = decide(&with_statement(&case, deny, in_resource));
        prop_assert!(after != Decision::Allowed || before == Decision::Allowed, "{before:?} -> {after:?}");
        prop_assert!(before != Decision::ExplicitDeny || after == Decision::ExplicitDeny);
    }

    #[test]
    fn adding_an_allow_never_denies_what_was_allowed(case in case(), allow in statement("Allow", false)) {
        let before = decide(&case);
        let after = decide(&with_statement(&case, allow, false));
        prop_assert!(before != Decision::Allowed || after == Decision::Allowed, "{before:?} -> {after:?}");
    }

    #[test]
    fn adding_a_deny_only_rcp_never_turns_an_allow_into_an_implicit_deny(
        case in case(),
        denies in prop::collection::vec(statement("Deny", true), 0..3),
        levels in 1..4usize,
        at in 0..3usize,
    ) {
        let before = decide(&case);
        // RCPs at `levels` levels, all empty (RCPFullAWSAccess only) but one, which holds the
        // deny-only RCP.
        let mut rcps = vec![json!([]); levels];
        rcps[at % levels] = json!([{"Version": "2012-10-17", "Statement": denies}]);
        let mut with_rcp = case.clone();
        with_rcp["policies"]["rcps"] = Value::Array(rcps);
        let after = decide(&with_rcp);
        prop_assert!(before != Decision::Allowed || after != Decision::ImplicitDeny, "{before:?} -> {after:?}");
        prop_assert!(after != Decision::Allowed || before == Decision::Allowed, "{before:?} -> {after:?}");
    }

    #[test]
    fn order_of_statements_policies_and_values_never_matters(case in case()) {
        prop_assert_eq!(decide(&case), decide(&reversed(&case)));
    }
}
