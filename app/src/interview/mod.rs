//! Interview checkpoint mode: a timed session drawn from the course's question bank, answered
//! without feedback, then scored by topic.

mod draw;
mod progress_sink;
mod score;

pub use draw::{draw, topics, Config, Rng};
pub use progress_sink::{interview_result, ProgressSink};
pub use score::{score, Missed, Score, TopicScore};

/// Where a finished session's result goes ([`ProgressSink`] in the app); scoring and the page
/// do not depend on how results are kept.
pub trait ResultSink {
    fn record(&self, score: &Score);
}
