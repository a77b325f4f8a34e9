//! Lint plus the least-privilege report of a 20-statement policy: the issue asks for well under
//! 5 ms natively, since the app reruns them on every keystroke.

#![allow(clippy::unwrap_used)] // A benchmark: a broken fixture should stop it loudly.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use iamplay_engine::case::{Case, NamedPolicy, PolicySet, Request};
use iamplay_engine::catalog::Catalog;
use iamplay_engine::english::read_policy;
use iamplay_engine::least_privilege::{over_grant, summarize, Task};
use iamplay_engine::lint::{lint, LintOptions};
use iamplay_engine::policy::{parse_policy, Policy};
use iamplay_engine::policy_kind::PolicyKind;

/// Twenty statements of the kind a data-engineering role collects: S3 prefixes, Glue, Athena,
/// DynamoDB, KMS, logs, with conditions, a NotResource deny and a few broad grants.
fn policy_text() -> String {
    let mut statements = Vec::new();
    for (i, prefix) in ["landing", "staging", "curated", "archive", "tmp"]
        .iter()
        .enumerate()
    {
        statements.push(format!(
            r#"{{"Sid": "Read{i}", "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion"],
               "Resource": "arn:aws:s3:::raw-data/{prefix}/*",
               "Condition": {{"IpAddress": {{"aws:SourceIp": "203.0.113.0/24"}}, "Bool": {{"aws:MultiFactorAuthPresent": "true"}}}}}}"#
        ));
        statements.push(format!(
            r#"{{"Sid": "List{i}", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::raw-data",
               "Condition": {{"StringLike": {{"s3:prefix": "{prefix}/*"}}}}}}"#
        ));
    }
    let rest = [
        r#"{"Sid": "Write", "Effect": "Allow", "Action": ["s3:PutObject", "s3:DeleteObject"], "Resource": "arn:aws:s3:::raw-data/staging/${aws:username}/*"}"#,
        r#"{"Sid": "Glue", "Effect": "Allow", "Action": ["glue:Get*", "glue:StartJobRun"], "Resource": "*"}"#,
        r#"{"Sid": "Athena", "Effect": "Allow", "Action": ["athena:StartQueryExecution", "athena:GetQueryResults"], "Resource": "arn:aws:athena:us-east-1:111122223333:workgroup/analytics"}"#,
        r#"{"Sid": "Table", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"], "Resource": "arn:aws:dynamodb:us-east-1:111122223333:table/orders"}"#,
        r#"{"Sid": "Kms", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "Condition": {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}}"#,
        r#"{"Sid": "Logs", "Effect": "Allow", "Action": "logs:*", "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/glue/*"}"#,
        r#"{"Sid": "PassGlueRole", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/glue-etl", "Condition": {"StringEquals": {"iam:PassedToService": "glue.amazonaws.com"}}}"#,
        r#"{"Sid": "DenyOutsideRegion", "Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": "us-east-1"}}}"#,
        r#"{"Sid": "DenyInsecure", "Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::public-site/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}"#,
        r#"{"Sid": "Everything", "Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::scratch", "arn:aws:s3:::scratch/*"]}"#,
    ];
    statements.extend(rest.iter().map(|s| s.to_string()));
    assert_eq!(statements.len(), 20);
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
        statements.join(",\n")
    )
}

fn cases(policy: &Policy) -> Vec<Case> {
    [
        ("s3:GetObject", "arn:aws:s3:::raw-data/landing/a.json"),
        ("s3:ListBucket", "arn:aws:s3:::raw-data"),
    ]
    .iter()
    .map(|(action, resource)| {
        let request =
            Request::new("arn:aws:iam::111122223333:user/alice", action, resource).unwrap();
        let policies = PolicySet {
            identity: vec![NamedPolicy::new(None, policy.clone())],
            ..PolicySet::default()
        };
        Case::new(request, policies)
    })
    .collect()
}

fn analysis(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    let text = policy_text();
    let policy = parse_policy(&text).unwrap();
    let needed = cases(&policy);
    let resources = vec![
        "arn:aws:s3:::raw-data".to_owned(),
        "arn:aws:s3:::raw-data/landing/a.json".to_owned(),
        "arn:aws:dynamodb:us-east-1:111122223333:table/orders".to_owned(),
    ];
    let task = Task {
        must_allow: &needed,
        resources: &resources,
    };
    let options = LintOptions::new(PolicyKind::Identity, Some(catalog));
    c.bench_function("lint, 20 statements", |b| {
        b.iter(|| lint(black_box(&text), &options).len())
    });
    c.bench_function("summary, 20 statements", |b| {
        b.iter(|| summarize(black_box(&policy), catalog).services.len())
    });
    c.bench_function("over-grant, 20 statements, 3 resources", |b| {
        b.iter(|| over_grant(black_box(&policy), &task, catalog).extra_count)
    });
    c.bench_function("english, 20 statements", |b| {
        b.iter(|| {
            read_policy(black_box(&policy), Some(catalog))
                .statements
                .len()
        })
    });
    c.bench_function("lint + summary + over-grant, 20 statements", |b| {
        b.iter(|| {
            let findings = lint(black_box(&text), &options).len();
            let parsed = parse_policy(&text).unwrap();
            let summary = summarize(&parsed, catalog).services.len();
            findings + summary + over_grant(&parsed, &task, catalog).extra_count
        })
    });
}

criterion_group!(benches, analysis);
criterion_main!(benches);
