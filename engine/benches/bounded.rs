//! Pathological cases of up to 1 MB, parsed and decided, with and without the explanation:
//! the goal is under 100 ms each. Run with `cargo bench -p iamplay-engine --bench bounded`
//! (not part of `make test`); `engine/tests/pathological.rs` checks the same shapes finish
//! with a bounded explanation.

use criterion::{criterion_group, criterion_main, Criterion};
use iamplay_engine::case::Case;
use iamplay_engine::eval::{decide, evaluate};
use serde_json::{json, Value};
use std::hint::black_box;

fn case(statements: Value, context: Value, resource: &str) -> String {
    json!({
        "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
                    "resource": resource, "context": context},
        "policies": {"identity": [{"Version": "2012-10-17", "Statement": statements}]}
    })
    .to_string()
}

fn with_condition(operator: &str, patterns: Vec<String>, values: Vec<String>) -> String {
    case(
        json!({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
               "Condition": {operator: {"k": patterns}}}),
        json!({"k": values}),
        "arn:aws:s3:::b/k",
    )
}

fn texts(count: usize, make: impl Fn(usize) -> String) -> Vec<String> {
    (0..count).map(make).collect()
}

/// The issue's case: 2,000 patterns, 20,000 values, every value matching its own pattern.
fn issue_case() -> String {
    with_condition(
        "ForAllValues:StringLike",
        texts(2_000, |i| format!("p{i:04}-*")),
        texts(20_000, |i| format!("p{:04}-{i}", i % 2_000)),
    )
}

/// About 1 MB: 25,000 exact tags against 60,000 request values, the last one matching none.
fn megabyte_of_tags() -> String {
    let mut values = texts(60_000, |i| format!("tag-{:05}", i % 25_000));
    values.push("stranger".into());
    with_condition(
        "ForAllValues:StringEquals",
        texts(25_000, |i| format!("tag-{i:05}")),
        values,
    )
}

/// A 400 KB ARN against a 400 KB pattern whose long middle must be found in it.
fn huge_wildcard() -> String {
    let resource = format!("arn:aws:s3:::b/{}", "a".repeat(400_000));
    let pattern = format!("arn:aws:s3:::b/*{}b*", "a".repeat(400_000));
    case(
        json!({"Effect": "Allow", "Action": "s3:GetObject", "Resource": pattern}),
        json!({}),
        &resource,
    )
}

/// 10,000 statements (about 1 MB), the last one allowing.
fn many_statements() -> String {
    let mut statements: Vec<Value> = (0..10_000)
        .map(|i| {
            json!({"Sid": format!("S{i}"), "Effect": "Allow", "Action": format!("s3:Action{i}"),
                        "Resource": format!("arn:aws:s3:::bucket-{i}/*")})
        })
        .collect();
    statements.push(json!({"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}));
    case(Value::Array(statements), json!({}), "arn:aws:s3:::b/k")
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("bounded");
    group.sample_size(10);
    for (name, text) in [
        ("issue case (2,000 patterns x 20,000 values)", issue_case()),
        ("1 MB of tags (25,000 x 60,001)", megabyte_of_tags()),
        ("400 KB wildcard against a 400 KB ARN", huge_wildcard()),
        ("10,001 statements", many_statements()),
    ] {
        eprintln!("{name}: {} bytes", text.len());
        group.bench_function(format!("{name}: parse + decide"), |b| {
            b.iter(|| decide(&parse(black_box(&text))))
        });
        group.bench_function(format!("{name}: parse + evaluate"), |b| {
            b.iter(|| evaluate(&parse(black_box(&text))).decision)
        });
    }
    group.finish();
}

fn parse(text: &str) -> Case {
    Case::parse(text).unwrap_or_else(|err| panic!("benchmark case: {err}"))
}

criterion_group!(bounded_benches, benches);
criterion_main!(bounded_benches);
