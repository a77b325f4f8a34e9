//! Time to generate one drill: setups built, gated (parse, settled, decide) until one aims
//! right, then evaluated with its explanation. Per drill, from a fresh generator of a mixed
//! sequence and of each level.
//! Run with `cargo bench -p iamplay-engine --bench drill --profile native-release`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use iamplay_engine::drill::{generate, DrillOptions};
use std::hint::black_box;

const DRILLS: usize = 17;

fn drills(c: &mut Criterion) {
    let mut group = c.benchmark_group("drill");
    group.throughput(criterion::Throughput::Elements(DRILLS as u64));
    for level in [None, Some(1), Some(2), Some(3)] {
        let name = level.map_or("mixed".to_owned(), |l| format!("level {l}"));
        group.bench_with_input(BenchmarkId::new("17 drills", name), &level, |b, &level| {
            let mut seed = 0;
            b.iter(|| {
                seed += 1;
                let options = DrillOptions {
                    seed,
                    topics: Vec::new(),
                    level,
                };
                black_box(generate(options, DRILLS))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, drills);
criterion_main!(benches);
