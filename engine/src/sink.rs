//! Where the evaluator writes its explanation while it matches. Its own module, because the
//! condition operators write to it too and must not depend on the evaluator.
//!
//! There is one evaluator. It is generic over a sink: [`Record`] keeps the explanation that
//! `eval::evaluate` returns, [`Silent`] keeps nothing and lets `eval::decide` skip the work.
//! With `Silent`, `RECORDS` is a constant `false`, so the compiler removes every branch that
//! builds text, and the decision logic still runs exactly once, the same code for both.

/// How much of the explanation to keep.
pub trait Sink {
    /// Whether the explanation is kept.
    const RECORDS: bool;

    /// Text for the explanation; empty (no allocation) when nothing is kept.
    fn text(make: impl FnOnce() -> String) -> String {
        if Self::RECORDS {
            make()
        } else {
            String::new()
        }
    }

    /// A part of the explanation; `None` when nothing is kept.
    fn keep<T>(make: impl FnOnce() -> T) -> Option<T> {
        if Self::RECORDS {
            Some(make())
        } else {
            None
        }
    }

    /// Adds one item to a list of the explanation.
    fn push<T>(list: &mut Vec<T>, make: impl FnOnce() -> T) {
        if Self::RECORDS {
            list.push(make());
        }
    }
}

/// Keeps the whole explanation.
#[derive(Debug, Clone, Copy)]
pub struct Record;

impl Sink for Record {
    const RECORDS: bool = true;
}

/// Keeps only what the decision needs.
#[derive(Debug, Clone, Copy)]
pub struct Silent;

impl Sink for Silent {
    const RECORDS: bool = false;
}
