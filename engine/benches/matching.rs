//! Wildcard matching on inputs that make a backtracking matcher take exponential time: the
//! matcher places each segment at its leftmost fit and never backtracks, so these stay in the
//! microseconds. (They were timed asserts in the unit tests; timing belongs here.)
//! `cargo bench -p iamplay-engine --bench matching`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use iamplay_engine::matching::{resource_matches, Pattern};

fn pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological wildcards");
    let glob = Pattern::wildcard(&format!("{}b", "*a".repeat(200)));
    let text = "a".repeat(2_000);
    group.bench_function("200 `*a` then `b` against 2,000 `a`", |b| {
        b.iter(|| glob.matches(black_box(&text), false))
    });
    let arn = Pattern::wildcard(&format!("arn:aws:s3:::{}b", "*a".repeat(300)));
    let resource = format!("arn:aws:s3:::{}", "a".repeat(2_000));
    group.bench_function("ARN with 300 `*a` against 2,000 `a`", |b| {
        b.iter(|| resource_matches(&arn, black_box(&resource)))
    });
    group.finish();
}

criterion_group!(benches, pathological);
criterion_main!(benches);
