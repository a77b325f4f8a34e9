//! The report's tables as data, so Markdown and HTML show the same columns and numbers and
//! differ only in markup.

use super::regrade::{LearnerReport, Status};
use super::report::ClassReport;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A sentence whose `backticked` parts are code.
    Prose,
    /// An id: `lesson/scenario`.
    Code,
    /// A count or a fraction, right-aligned.
    Number,
    Done,
    /// Something a trainer should look at.
    Flagged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub kind: Kind,
}

fn cell(text: impl Into<String>, kind: Kind) -> Cell {
    Cell {
        text: text.into(),
        kind,
    }
}

fn fraction(part: usize, whole: usize) -> Cell {
    cell(format!("{part}/{whole}"), Kind::Number)
}

fn fraction_of((part, whole): (u64, u64)) -> Cell {
    cell(format!("{part}/{whole}"), Kind::Number)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub head: &'static [&'static str],
    pub rows: Vec<Vec<Cell>>,
}

/// Interview sessions in a few words: "2 (best 9/10)".
fn interviews(learner: &LearnerReport) -> String {
    let best = learner
        .interviews
        .iter()
        .filter(|(_, total)| *total > 0)
        .max_by(|a, b| (u64::from(a.0) * u64::from(b.1)).cmp(&(u64::from(b.0) * u64::from(a.1))));
    match best {
        Some((correct, total)) => {
            format!("{} (best {correct}/{total})", learner.interviews.len())
        }
        None => learner.interviews.len().to_string(),
    }
}

/// One row per learner.
pub fn class(report: &ClassReport) -> Table {
    let lessons = report.course.lessons.len();
    let rows = report
        .learners
        .iter()
        .map(|learner| {
            let flags = learner.flags.len();
            vec![
                cell(&learner.name, Kind::Text),
                fraction(learner.scenarios_done(), report.scenario_count()),
                fraction(learner.questions_correct(), report.question_count()),
                fraction(learner.lessons_done(), lessons),
                cell(interviews(learner), Kind::Number),
                fraction_of(learner.drills),
                cell(
                    flags.to_string(),
                    if flags > 0 {
                        Kind::Flagged
                    } else {
                        Kind::Number
                    },
                ),
            ]
        })
        .collect();
    Table {
        head: &[
            "Learner",
            "Scenarios done",
            "Questions correct",
            "Lessons done",
            "Interviews",
            "Drills (as recorded)",
            "Flagged",
        ],
        rows,
    }
}

/// One row per lesson of the course.
pub fn lessons(learner: &LearnerReport) -> Table {
    let rows = learner
        .lessons
        .iter()
        .map(|lesson| {
            vec![
                cell(&lesson.title, Kind::Text),
                cell(lesson.status.label(), Kind::Text),
                fraction(lesson.scenarios_done, lesson.scenarios),
                fraction(lesson.questions_correct, lesson.questions),
            ]
        })
        .collect();
    Table {
        head: &["Lesson", "Status", "Scenarios", "Questions"],
        rows,
    }
}

/// One row per scenario the learner touched; `None` when there is none.
pub fn scenarios(learner: &LearnerReport) -> Option<Table> {
    let rows: Vec<Vec<Cell>> = learner
        .scenarios
        .iter()
        .filter(|s| s.status != Status::NotStarted)
        .map(|scenario| {
            let status = match scenario.status {
                Status::Done => Kind::Done,
                Status::Flagged => Kind::Flagged,
                Status::Started | Status::NotStarted => Kind::Text,
            };
            vec![
                cell(format!("{}/{}", scenario.lesson, scenario.id), Kind::Code),
                cell(&scenario.title, Kind::Text),
                cell(scenario.status.label(), status),
                cell(scenario.hints_shown.to_string(), Kind::Number),
                cell(if scenario.answer_shown { "yes" } else { "no" }, Kind::Text),
                cell(scenario.detail.clone().unwrap_or_default(), Kind::Prose),
            ]
        })
        .collect();
    (!rows.is_empty()).then_some(Table {
        head: &[
            "Scenario",
            "Title",
            "Status",
            "Hints",
            "Answer shown",
            "Detail",
        ],
        rows,
    })
}

/// The opening paragraph, in words.
pub fn preamble(report: &ClassReport) -> String {
    format!(
        "{} learner(s). Every saved policy, prediction, pick and answer was graded again by the engine against the course ({} lessons, {} scenarios, {} questions); a claim the grading does not back is FLAGGED.",
        report.learners.len(),
        report.course.lessons.len(),
        report.scenario_count(),
        report.question_count()
    )
}

/// The closing line of a learner's section.
pub fn not_started(learner: &LearnerReport) -> String {
    let count = learner
        .scenarios
        .iter()
        .filter(|s| s.status == Status::NotStarted)
        .count();
    format!("{count} scenario(s) not started.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_interview_is_the_best_ratio() {
        let learner = LearnerReport {
            name: "a".to_owned(),
            scenarios: Vec::new(),
            lessons: Vec::new(),
            flags: Vec::new(),
            interviews: vec![(8, 10), (0, 0), (5, 5), (3, 4)],
            drills: (0, 0),
            unknown: Vec::new(),
        };
        assert_eq!(interviews(&learner), "4 (best 5/5)");
        let none = LearnerReport {
            interviews: Vec::new(),
            ..learner
        };
        assert_eq!(interviews(&none), "0");
    }
}
