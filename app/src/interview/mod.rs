//! Interview checkpoint mode: a timed session of multiple-choice questions, predictions on
//! generated drills and policies to write, answered without feedback, then scored by topic.

mod checkpoint;
mod draw;
mod items;
mod progress_sink;
mod score;

pub use checkpoint::{Checkpoint, Command, Event, Sitting, Stage};
pub use draw::{draw, question_bank, topics, Config, Rng};
pub use items::{draw_items, write_tasks, Answer, Item, Kinds, WriteTask};
pub use progress_sink::{interview_result, ProgressSink};
pub use score::{Grader, Missed, Predicted, Score, TopicScore, Written};

/// Where a finished session's result goes ([`ProgressSink`] in the app); scoring and the page
/// do not depend on how results are kept.
pub trait ResultSink {
    fn record(&self, score: &Score);
}
