//! Interview checkpoint mode: a timed session drawn from the course's question bank, answered
//! without feedback, then scored by topic.

mod draw;
mod score;
pub mod store;

pub use draw::{draw, topics, Config, Rng};
pub use score::{score, Missed, Score, TopicScore};

/// Where a finished session's result goes. The progress store implements it; the page only
/// knows this trait, so changing the store is one line.
pub trait ResultSink {
    fn record(&self, score: &Score);
}
