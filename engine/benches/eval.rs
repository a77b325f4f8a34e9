//! Evaluations per second: a typical case, and a request against a 50-statement policy set.
//! Run with `cargo bench -p iamplay-engine --bench eval` (not part of `make test`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use iamplay_engine::case::Case;
use iamplay_engine::eval::evaluate;
use serde_json::json;
use std::hint::black_box;

fn typical() -> Case {
    let text = json!({
        "request": {"principal": "arn:aws:sts::111122223333:assumed-role/etl/run-42", "action": "s3:GetObject",
            "resource": "arn:aws:s3:::raw-data/landing/2026/11/23/events.json",
            "context": {"aws:SourceIp": "203.0.113.7", "aws:SecureTransport": true, "aws:PrincipalTag/team": "data"}},
        "policies": {
            "identity": [{"Version": "2012-10-17", "Statement": [
                {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
                 "Resource": ["arn:aws:s3:::raw-data", "arn:aws:s3:::raw-data/landing/*"],
                 "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}},
                {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}]}],
            "resource": {"Version": "2012-10-17", "Statement": [
                {"Sid": "TLS", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::raw-data/*",
                 "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]},
            "permissionBoundary": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "s3:*", "Resource": "*",
                 "Condition": {"StringEquals": {"aws:PrincipalTag/team": "${aws:PrincipalTag/team}"}}}]},
            "scps": [[{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}]]
        }
    });
    Case::parse(&text.to_string()).unwrap_or_else(|err| panic!("benchmark case: {err}"))
}

/// Fifty statements over five identity policies; the one that allows is the last.
fn fifty_statements() -> Case {
    let policies: Vec<_> = (0..5)
        .map(|p| {
            let statements: Vec<_> = (0..10)
                .map(|s| {
                    let n = p * 10 + s;
                    let action = if n == 49 { "s3:GetObject".to_owned() } else { format!("service{n}:Action*") };
                    json!({"Sid": format!("S{n}"), "Effect": "Allow", "Action": [action, format!("other{n}:Get*")],
                           "Resource": [format!("arn:aws:s3:::bucket-{n}/*"), "arn:aws:s3:::raw-data/*"],
                           "Condition": {"StringLike": {"aws:username": ["a*", "ali?e"]}}})
                })
                .collect();
            json!({"Version": "2012-10-17", "Statement": statements})
        })
        .collect();
    let text = json!({
        "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
                    "resource": "arn:aws:s3:::raw-data/landing/key"},
        "policies": {"identity": policies}
    });
    Case::parse(&text.to_string()).unwrap_or_else(|err| panic!("benchmark case: {err}"))
}

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate");
    group.throughput(Throughput::Elements(1));
    let case = typical();
    group.bench_function("typical case", |b| b.iter(|| evaluate(black_box(&case))));
    let case = fifty_statements();
    group.bench_function("50-statement policy set", |b| {
        b.iter(|| evaluate(black_box(&case)))
    });
    group.finish();
}

criterion_group!(eval_benches, benches);
criterion_main!(eval_benches);
