//! A session's life as a pure state machine: set up, running (the items, the answers so far,
//! the clock), grading, done. The page feeds it events and draws what it holds; grading, which
//! needs the catalogue and the progress store, is a command it hands back to the page.

use super::{Answer, Item, Score};

#[derive(Debug, Clone, PartialEq)]
pub enum Checkpoint {
    Setup,
    Running(Sitting),
    /// The time is up or the candidate finished; the answers are being graded.
    Grading(Sitting),
    Done(Score),
}

/// A session under way.
#[derive(Debug, Clone, PartialEq)]
pub struct Sitting {
    pub items: Vec<Item>,
    /// One per item; `None` until answered (or when an answer is taken back).
    pub answers: Vec<Option<Answer>>,
    /// The item shown, an index into `items`.
    pub current: usize,
    pub started_ms: f64,
    pub deadline_ms: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Start {
        items: Vec<Item>,
        now_ms: f64,
        minutes: u32,
    },
    Answer {
        position: usize,
        answer: Option<Answer>,
    },
    Previous,
    Next,
    /// The clock: the session ends once it passes the deadline.
    Tick {
        now_ms: f64,
    },
    Finish {
        now_ms: f64,
    },
    Graded(Score),
    Restart,
}

/// Work the page does for the machine.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Grade these answers, record the result, then send [`Event::Graded`].
    Grade {
        items: Vec<Item>,
        answers: Vec<Option<Answer>>,
        seconds: u32,
    },
}

/// The stages, without their data: what the page switches its view on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Setup,
    Running,
    Grading,
    Done,
}

impl Checkpoint {
    /// Applies one event; events that make no sense in the current stage (a second finish, an
    /// answer after the end, an answer to an item that does not exist) change nothing.
    pub fn apply(&mut self, event: Event) -> Option<Command> {
        match event {
            Event::Tick { now_ms } if self.due(now_ms) => return self.end(now_ms),
            Event::Finish { now_ms } => return self.end(now_ms),
            _ => {}
        }
        match (&mut *self, event) {
            (
                Self::Setup,
                Event::Start {
                    items,
                    now_ms,
                    minutes,
                },
            ) if !items.is_empty() => {
                *self = Self::Running(Sitting {
                    answers: vec![None; items.len()],
                    items,
                    current: 0,
                    started_ms: now_ms,
                    deadline_ms: now_ms + f64::from(minutes) * 60_000.0,
                });
                None
            }
            (Self::Running(sitting), Event::Answer { position, answer }) => {
                if let Some(slot) = sitting.answers.get_mut(position) {
                    *slot = answer;
                }
                None
            }
            (Self::Running(sitting), Event::Previous) => {
                sitting.current = sitting.current.saturating_sub(1);
                None
            }
            (Self::Running(sitting), Event::Next) => {
                sitting.current = (sitting.current + 1).min(sitting.items.len() - 1);
                None
            }
            (Self::Grading(_), Event::Graded(score)) => {
                *self = Self::Done(score);
                None
            }
            (Self::Done(_), Event::Restart) => {
                *self = Self::Setup;
                None
            }
            _ => None,
        }
    }

    /// Whether the clock has run out on a running session.
    pub fn due(&self, now_ms: f64) -> bool {
        matches!(self, Self::Running(s) if now_ms >= s.deadline_ms)
    }

    pub fn stage(&self) -> Stage {
        match self {
            Self::Setup => Stage::Setup,
            Self::Running(_) => Stage::Running,
            Self::Grading(_) => Stage::Grading,
            Self::Done(_) => Stage::Done,
        }
    }

    /// The session under way or being graded.
    pub fn sitting(&self) -> Option<&Sitting> {
        match self {
            Self::Running(sitting) | Self::Grading(sitting) => Some(sitting),
            Self::Setup | Self::Done(_) => None,
        }
    }

    /// The answer given to an item so far.
    pub fn answer(&self, position: usize) -> Option<&Answer> {
        self.sitting()?.answers.get(position)?.as_ref()
    }

    /// Time left, as `m:ss`.
    pub fn remaining(&self, now_ms: f64) -> String {
        let left =
            self.sitting()
                .map_or(0.0, |s| ((s.deadline_ms - now_ms) / 1000.0).max(0.0)) as u64;
        format!("{}:{:02}", left / 60, left % 60)
    }

    fn end(&mut self, now_ms: f64) -> Option<Command> {
        let Self::Running(sitting) = std::mem::replace(self, Self::Setup) else {
            return None;
        };
        let seconds = ((now_ms - sitting.started_ms) / 1000.0).round().max(0.0) as u32;
        let command = Command::Grade {
            items: sitting.items.clone(),
            answers: sitting.answers.clone(),
            seconds,
        };
        *self = Self::Grading(sitting);
        Some(command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamplay_engine::eval::Decision;

    fn started(items: usize) -> Checkpoint {
        let mut checkpoint = Checkpoint::Setup;
        let command = checkpoint.apply(Event::Start {
            items: (0..items).map(Item::Question).collect(),
            now_ms: 1_000.0,
            minutes: 2,
        });
        assert_eq!(command, None);
        checkpoint
    }

    fn score() -> Score {
        Score {
            correct: 1,
            total: 2,
            by_topic: Vec::new(),
            missed: Vec::new(),
            predicted: Vec::new(),
            written: Vec::new(),
        }
    }

    #[test]
    fn a_session_starts_with_every_item_unanswered_and_a_deadline() {
        let checkpoint = started(3);
        let sitting = checkpoint.sitting().expect("running");
        assert_eq!(sitting.answers, vec![None, None, None]);
        assert_eq!(sitting.current, 0);
        assert_eq!(sitting.deadline_ms, 121_000.0);
        assert_eq!(checkpoint.remaining(1_000.0), "2:00");
        assert_eq!(checkpoint.remaining(200_000.0), "0:00");
    }

    #[test]
    fn nothing_starts_without_items() {
        let mut checkpoint = Checkpoint::Setup;
        checkpoint.apply(Event::Start {
            items: Vec::new(),
            now_ms: 0.0,
            minutes: 5,
        });
        assert_eq!(checkpoint, Checkpoint::Setup);
    }

    #[test]
    fn answers_are_kept_per_item_and_can_be_taken_back() {
        let mut checkpoint = started(2);
        let choice = Answer::Choices(vec![1]);
        checkpoint.apply(Event::Answer {
            position: 1,
            answer: Some(choice.clone()),
        });
        checkpoint.apply(Event::Answer {
            position: 7,
            answer: Some(Answer::Decision(Decision::Allowed)),
        });
        assert_eq!(checkpoint.answer(1), Some(&choice));
        assert_eq!(checkpoint.answer(0), None);
        checkpoint.apply(Event::Answer {
            position: 1,
            answer: None,
        });
        assert_eq!(checkpoint.answer(1), None);
    }

    #[test]
    fn moving_between_items_stays_inside_the_session() {
        let mut checkpoint = started(2);
        checkpoint.apply(Event::Previous);
        assert_eq!(checkpoint.sitting().map(|s| s.current), Some(0));
        checkpoint.apply(Event::Next);
        checkpoint.apply(Event::Next);
        assert_eq!(checkpoint.sitting().map(|s| s.current), Some(1));
    }

    #[test]
    fn the_clock_ends_the_session_once_and_hands_over_the_answers_for_grading() {
        let mut checkpoint = started(2);
        checkpoint.apply(Event::Answer {
            position: 0,
            answer: Some(Answer::Policy("{}".to_owned())),
        });
        assert_eq!(checkpoint.apply(Event::Tick { now_ms: 60_000.0 }), None);
        assert_eq!(checkpoint.stage(), Stage::Running);
        let command = checkpoint.apply(Event::Tick { now_ms: 121_400.0 });
        assert_eq!(
            command,
            Some(Command::Grade {
                items: vec![Item::Question(0), Item::Question(1)],
                answers: vec![Some(Answer::Policy("{}".to_owned())), None],
                seconds: 120,
            })
        );
        assert_eq!(checkpoint.stage(), Stage::Grading);
        // A late tick, or the candidate pressing Finish meanwhile, grades nothing twice.
        assert_eq!(checkpoint.apply(Event::Tick { now_ms: 130_000.0 }), None);
        assert_eq!(checkpoint.apply(Event::Finish { now_ms: 130_000.0 }), None);
        // Nor does an answer change what is being graded.
        checkpoint.apply(Event::Answer {
            position: 1,
            answer: Some(Answer::Choices(vec![0])),
        });
        assert_eq!(checkpoint.answer(1), None);
    }

    #[test]
    fn finishing_early_grades_then_shows_the_score_then_starts_afresh() {
        let mut checkpoint = started(1);
        let command = checkpoint.apply(Event::Finish { now_ms: 31_000.0 });
        assert!(matches!(command, Some(Command::Grade { seconds: 30, .. })));
        checkpoint.apply(Event::Restart);
        assert_eq!(
            checkpoint.stage(),
            Stage::Grading,
            "no restart before the score"
        );
        checkpoint.apply(Event::Graded(score()));
        assert_eq!(checkpoint, Checkpoint::Done(score()));
        checkpoint.apply(Event::Restart);
        assert_eq!(checkpoint, Checkpoint::Setup);
    }

    #[test]
    fn a_score_arriving_outside_grading_changes_nothing() {
        let mut checkpoint = started(1);
        checkpoint.apply(Event::Graded(score()));
        assert_eq!(checkpoint.stage(), Stage::Running);
    }
}
