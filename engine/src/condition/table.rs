//! The shared test table for operator families: one row per case, each with the rule it pins.

use super::{evaluate, parse_operator};
use crate::context::RequestContext;

/// The request side of a row, for the key `k`.
#[derive(Debug, Clone, Copy)]
pub(super) enum Req {
    Absent,
    One(&'static str),
    Many(&'static [&'static str]),
}

/// (operator, policy values, request, expected match, the rule and its AWS doc section)
pub(super) type Row = (
    &'static str,
    &'static [&'static str],
    Req,
    bool,
    &'static str,
);

pub(super) fn context_with(req: Req) -> RequestContext {
    let mut ctx = RequestContext::new();
    match req {
        Req::Absent => {}
        Req::One(value) => ctx.insert_single("k", value),
        Req::Many(values) => {
            ctx.insert_multi("k", values.iter().map(|v| (*v).to_owned()).collect())
        }
    }
    ctx
}

pub(super) fn check(rows: &[Row]) {
    let mut failures = Vec::new();
    for (name, policy, req, expected, why) in rows {
        let op = parse_operator(name).unwrap_or_else(|e| panic!("{e}"));
        let values: Vec<String> = policy.iter().map(|v| (*v).to_owned()).collect();
        let outcome = evaluate(&op, "k", &values, &context_with(*req), true);
        if outcome.matched != *expected {
            failures.push(format!(
                "{name} {policy:?} vs {req:?}: expected {expected}, got {} ({why}); note: {:?}",
                outcome.matched, outcome.note
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
