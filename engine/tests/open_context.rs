//! Properties of open-context decisions: `depends` never appears when the request gives every
//! key the policies test, and a decision that is not `depends` is the decision for every way of
//! filling in the keys the request left out.

use iamplay_engine::case::Case;
use iamplay_engine::eval::{decide, decide_open, OpenDecision};
use proptest::prelude::*;
use serde_json::{json, Map, Value};

/// Keys, the operators that suit them, the policy values they are compared with, and the values a
/// request may give.
struct KeyKind {
    key: &'static str,
    operators: &'static [&'static str],
    policy_values: &'static [&'static str],
    request_values: &'static [&'static str],
    multivalued: bool,
}

const KEYS: [KeyKind; 3] = [
    KeyKind {
        key: "aws:RequestTag/env",
        operators: &[
            "StringEquals",
            "StringNotEquals",
            "StringLike",
            "StringEqualsIfExists",
            "StringNotEqualsIfExists",
            "Null",
        ],
        policy_values: &["prod", "dev", "pr*"],
        request_values: &["prod", "dev", "test", "pr", "production"],
        multivalued: false,
    },
    KeyKind {
        key: "s3:max-keys",
        operators: &[
            "NumericLessThan",
            "NumericGreaterThanEquals",
            "NumericEquals",
            "NumericNotEqualsIfExists",
        ],
        policy_values: &["5", "10"],
        request_values: &["3", "5", "7", "10", "12"],
        multivalued: false,
    },
    KeyKind {
        key: "aws:TagKeys",
        operators: &[
            "ForAnyValue:StringEquals",
            "ForAllValues:StringEquals",
            "ForAnyValue:StringNotEquals",
            "ForAllValues:StringLike",
        ],
        policy_values: &["team", "env", "te*"],
        request_values: &["team", "env", "owner", "tenant"],
        multivalued: true,
    },
];

fn condition() -> impl Strategy<Value = (String, String, Vec<&'static str>)> {
    (0..KEYS.len(), any::<prop::sample::Index>(), any::<bool>()).prop_flat_map(
        |(kind, operator, two)| {
            let kind = &KEYS[kind];
            let operator = operator.get(kind.operators).to_string();
            let count = if two { 2 } else { 1 };
            let values = if operator == "Null" {
                Just(vec![if two { "true" } else { "false" }]).boxed()
            } else {
                prop::collection::vec(prop::sample::select(kind.policy_values), count).boxed()
            };
            (Just(operator), Just(kind.key.to_owned()), values)
        },
    )
}

fn statement() -> impl Strategy<Value = Value> {
    (
        any::<bool>(),
        prop::collection::vec(condition(), 0..3),
        prop::sample::select(&["s3:GetObject", "s3:*"][..]),
    )
        .prop_map(|(allow, conditions, action)| {
            let mut block = Map::new();
            for (operator, key, values) in conditions {
                let entry = block
                    .entry(operator)
                    .or_insert_with(|| Value::Object(Map::new()));
                entry[key] = json!(values);
            }
            let mut statement = json!({
                "Effect": if allow { "Allow" } else { "Deny" },
                "Action": action,
                "Resource": "*",
            });
            if !block.is_empty() {
                statement["Condition"] = Value::Object(block);
            }
            statement
        })
}

fn policies() -> impl Strategy<Value = Value> {
    prop::collection::vec(
        prop::collection::vec(statement(), 1..4)
            .prop_map(|s| json!({"Version": "2012-10-17", "Statement": s})),
        1..3,
    )
    .prop_map(Value::Array)
}

/// For each key: absent (`None`) or the values the request gives.
fn filling(complete: bool) -> impl Strategy<Value = Vec<Option<Vec<&'static str>>>> {
    let per_key: Vec<BoxedStrategy<Option<Vec<&'static str>>>> = KEYS
        .iter()
        .map(|kind| {
            let count = if kind.multivalued { 0..3 } else { 1..2 };
            let values = prop::collection::vec(prop::sample::select(kind.request_values), count);
            if complete {
                values.prop_map(Some).boxed()
            } else {
                prop::option::of(values).boxed()
            }
        })
        .collect();
    per_key
}

fn case(policies: &Value, filling: &[Option<Vec<&'static str>>]) -> Case {
    let mut context = Map::new();
    for (kind, values) in KEYS.iter().zip(filling) {
        match values {
            Some(values) if kind.multivalued => {
                context.insert(kind.key.to_owned(), json!(values));
            }
            Some(values) => {
                context.insert(kind.key.to_owned(), json!(values[0]));
            }
            None => {}
        }
    }
    let text = json!({
        "request": {
            "principal": "arn:aws:iam::111122223333:user/alice",
            "action": "s3:GetObject",
            "resource": "arn:aws:s3:::raw-data/key",
            "context": context,
        },
        "policies": {"identity": policies},
    })
    .to_string();
    match Case::parse(&text) {
        Ok(case) => case,
        Err(err) => panic!("generated case must parse: {err}\n{text}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn depends_never_appears_when_the_context_is_complete(policies in policies(), given in filling(true)) {
        let case = case(&policies, &given);
        prop_assert_eq!(decide_open(&case), OpenDecision::Known(decide(&case)));
    }

    #[test]
    fn a_decision_that_does_not_depend_holds_for_every_filling(
        policies in policies(),
        given in filling(false),
        fillings in prop::collection::vec(filling(false), 8),
    ) {
        let partial = case(&policies, &given);
        if let OpenDecision::Known(decision) = decide_open(&partial) {
            for filling in fillings {
                // Keys the request gave keep their values; the others are filled.
                let merged: Vec<_> = given
                    .iter()
                    .zip(filling)
                    .map(|(given, filled)| given.clone().or(filled))
                    .collect();
                let filled = case(&policies, &merged);
                prop_assert_eq!(decide(&filled), decision, "filled: {:?}", merged);
            }
        }
    }
}
