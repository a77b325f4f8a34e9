//! What the learner has done, kept in the browser. The data, its schema, migrations, spaced
//! review and the export file are the `iamplay-progress` crate, shared with the command line
//! (which reports on exported files); [`store`] keeps it in localStorage and [`legacy`] adopts
//! older keys.

mod context;
pub mod legacy;
pub mod store;

pub use iamplay_progress::{
    exchange, moves, review, scenario_key, schema, InterviewResult, LessonStatus, LoadOutcome,
    Practice, Prediction, Progress, QuestionState, ScenarioState, TopicScore, SCHEMA_VERSION,
};
pub use store::{provide_progress, use_progress, ProgressStore};

/// The lesson list's CSS class for a status.
pub fn status_class(status: LessonStatus) -> &'static str {
    match status {
        LessonStatus::NotStarted => "status-not-started",
        LessonStatus::InProgress => "status-in-progress",
        LessonStatus::Done => "status-done",
    }
}
