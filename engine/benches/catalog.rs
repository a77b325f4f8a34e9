//! The catalogue's hot paths: loading it (the app does this once per page), expanding `*:*`
//! (the issue asks for well under 10 ms) and "did you mean" over every action.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use iamplay_engine::catalog::Catalog;

const TEXT: &str = include_str!("../data/catalog.json");

fn load(c: &mut Criterion) {
    c.bench_function("catalog load (from_str)", |b| {
        b.iter(|| Catalog::from_str(black_box(TEXT)).map(|c| c.action_count()))
    });
}

fn expand(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    for pattern in ["*:*", "*", "*:List*", "s3:Get*", "s3:*Object?"] {
        c.bench_function(&format!("expand `{pattern}`"), |b| {
            b.iter(|| catalog.expand(black_box(pattern)).len())
        });
    }
}

fn lookup(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    c.bench_function("action lookup `S3:getobject`", |b| {
        b.iter(|| catalog.action(black_box("S3:getobject")).is_some())
    });
    c.bench_function("resource types of `arn:aws:s3:::bucket/key`", |b| {
        b.iter(|| {
            catalog
                .resource_types_for_arn(black_box("arn:aws:s3:::bucket/key"))
                .len()
        })
    });
    c.bench_function("condition key `aws:PrincipalTag/team`", |b| {
        b.iter(|| {
            catalog
                .condition_key(black_box("aws:PrincipalTag/team"))
                .is_some()
        })
    });
}

fn did_you_mean(c: &mut Criterion) {
    let catalog = Catalog::embedded();
    for typed in [
        "s3:GetObjects",
        "ec2:DescribeInstance",
        "s4:GetObject",
        "s3:DescribeInstances",
    ] {
        c.bench_function(&format!("did you mean `{typed}`"), |b| {
            b.iter(|| catalog.suggest_actions(black_box(typed), 3).len())
        });
    }
    c.bench_function("did you mean key `aws:SourceIP4`", |b| {
        b.iter(|| {
            catalog
                .suggest_condition_keys(black_box("aws:SourceIP4"), 3)
                .len()
        })
    });
    c.bench_function("did you mean key `xyz:SomeKey` (every service)", |b| {
        b.iter(|| {
            catalog
                .suggest_condition_keys(black_box("xyz:SomeKey"), 3)
                .len()
        })
    });
}

criterion_group!(benches, load, expand, lookup, did_you_mean);
criterion_main!(benches);
