//! The scenario panel's logic in plain Rust: what the learner's text gives (checks,
//! explanations, lint findings, least privilege) as flat view types, and the panel's rules
//! (hints, answers, predictions, spotting). Components only display these.

pub mod attempt;
pub mod explain;
pub mod least;
pub mod map;
pub mod report;
pub mod state;

pub use report::{report, report_prepared, CheckView, FindingView, Report};
