//! What a learner has done: completed scenarios, hints taken, predictions, answered
//! questions, interview results, and the draft of every scenario. Plain data with its rules,
//! shared by the app (which saves it in the browser) and the command line (which reports on
//! exported files): [`schema`] reads and migrates saved state, [`exchange`] is the file a
//! learner exports, [`moves`] follows scenarios the course moved.

pub mod exchange;
pub mod moves;
pub mod review;
pub mod schema;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use review::{Card, Item};

pub use schema::{LoadOutcome, SCHEMA_VERSION};

/// Everything remembered except drafts, which live under their own keys so a keystroke writes
/// only its scenario's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Progress {
    /// Keyed by [`scenario_key`].
    pub scenarios: BTreeMap<String, ScenarioState>,
    /// Keyed by question id (unique across the course).
    pub questions: BTreeMap<String, QuestionState>,
    /// Finished interview sessions, oldest first.
    pub interviews: Vec<InterviewResult>,
    /// Generated drills answered: per topic, and the streak of right answers.
    pub practice: Practice,
    /// Items to review, keyed by [`review::Item::key`].
    pub review: BTreeMap<String, Card>,
}

/// Drill results: the right answers out of all per topic (the topic's slug), and streaks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Practice {
    pub topics: BTreeMap<String, TopicScore>,
    /// Right answers in a row, now.
    pub streak: u32,
    pub best_streak: u32,
}

/// One scenario's state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ScenarioState {
    /// Every check passed (and, for predict/spot, the learner answered).
    pub completed: bool,
    /// The learner changed the starter or answered: "show answer" becomes available.
    pub attempted: bool,
    /// How many tiered hints are revealed.
    pub hints_shown: usize,
    pub answer_shown: bool,
    /// Predict scenarios: the decision the learner predicted, by check id.
    pub predictions: BTreeMap<String, Prediction>,
    /// Spot scenarios: the statement (`policy/sid`) the learner picked.
    pub spotted: Option<String>,
}

/// A predicted decision, in the learner's two choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Prediction {
    Allowed,
    Denied,
}

impl Prediction {
    /// Whether this prediction is right for a request the engine allowed or not.
    pub fn accepts(self, allowed: bool) -> bool {
        (self == Prediction::Allowed) == allowed
    }
}

/// A checkpoint question's answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct QuestionState {
    /// Indexes of the chosen options.
    pub chosen: Vec<usize>,
    pub correct: bool,
}

/// One finished interview session, as interview mode reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InterviewResult {
    /// When it ended, ISO 8601 (from the browser clock).
    pub finished_at: String,
    pub seconds: u32,
    pub correct: u32,
    pub total: u32,
    /// Per topic (lesson id): correct and total.
    pub topics: BTreeMap<String, TopicScore>,
    /// Ids of the questions answered wrongly.
    pub missed: Vec<String>,
    /// "Predict" items drawn from drills: correct and total (zero in sessions before them).
    pub predicted: TopicScore,
    /// "Write the policy" items drawn from scenarios: solved and total.
    pub written: TopicScore,
    /// Review keys ([`Item::key`]) of the drills and scenarios missed, which come back in the
    /// spaced review.
    pub missed_items: Vec<String>,
}

impl InterviewResult {
    /// What the session missed, as spaced-review items: questions, drills and scenarios.
    /// Unreadable keys (written by a newer app) are skipped.
    pub fn review_items(&self) -> Vec<Item> {
        self.missed
            .iter()
            .map(|id| Item::Question(id.clone()))
            .chain(self.missed_items.iter().filter_map(|key| Item::parse(key)))
            .collect()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TopicScore {
    pub correct: u32,
    pub total: u32,
}

/// How far a lesson is, for the lesson list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonStatus {
    NotStarted,
    InProgress,
    Done,
}

impl LessonStatus {
    pub fn label(self) -> &'static str {
        match self {
            LessonStatus::NotStarted => "Not started",
            LessonStatus::InProgress => "In progress",
            LessonStatus::Done => "Done",
        }
    }
}

/// The key of a scenario in progress and in draft storage: `lesson/scenario`.
pub fn scenario_key(lesson: &str, scenario: &str) -> String {
    format!("{lesson}/{scenario}")
}

impl Progress {
    pub fn scenario(&self, key: &str) -> ScenarioState {
        self.scenarios.get(key).cloned().unwrap_or_default()
    }

    /// Applies `change` to one scenario's state; returns whether anything changed.
    pub fn update_scenario(&mut self, key: &str, change: impl FnOnce(&mut ScenarioState)) -> bool {
        let before = self.scenario(key);
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return false;
        }
        self.scenarios.insert(key.to_owned(), after);
        true
    }

    pub fn record_question(&mut self, id: &str, chosen: Vec<usize>, correct: bool) {
        self.questions
            .insert(id.to_owned(), QuestionState { chosen, correct });
    }

    /// A drill answered, from practice or from the review: scores, streak and its card.
    pub fn record_drill(&mut self, topic: &str, item: &Item, right: bool, today: u32) {
        let score = self.practice.topics.entry(topic.to_owned()).or_default();
        score.total += 1;
        score.correct += u32::from(right);
        self.practice.streak = if right { self.practice.streak + 1 } else { 0 };
        self.practice.best_streak = self.practice.best_streak.max(self.practice.streak);
        self.review_answer(item, right, today);
    }

    /// Moves an item's card after an answer; a wrong answer to an item without a card makes
    /// one, due today.
    pub fn review_answer(&mut self, item: &Item, right: bool, today: u32) {
        let key = item.key();
        match self.review.get(&key).copied() {
            Some(card) => match card.answered(right, today) {
                Some(next) => {
                    self.review.insert(key, next);
                }
                None => {
                    self.review.remove(&key);
                }
            },
            None if !right => {
                self.review.insert(key, Card::missed(today));
            }
            None => {}
        }
    }

    /// A scenario tried and left unsolved comes back tomorrow; once solved, its card goes.
    pub fn review_scenario(&mut self, key: &str, today: u32) {
        let state = self.scenario(key);
        let item = Item::Scenario(key.to_owned()).key();
        if state.completed {
            self.review.remove(&item);
        } else if state.attempted && !self.review.contains_key(&item) {
            self.review.insert(
                item,
                Card {
                    level: 1,
                    due: today + 1,
                },
            );
        }
    }

    /// The cards due on `today`, the most overdue first.
    pub fn due(&self, today: u32) -> Vec<(Item, Card)> {
        let mut due: Vec<(Item, Card)> = self
            .review
            .iter()
            .filter(|(_, card)| card.is_due(today))
            .filter_map(|(key, card)| Some((Item::parse(key)?, *card)))
            .collect();
        due.sort_by_key(|(_, card)| card.due);
        due
    }

    pub fn record_interview(&mut self, result: InterviewResult) {
        self.interviews.push(result);
    }

    /// A lesson is done when every scenario is completed and every question answered
    /// correctly; in progress once anything was touched; `has_draft` tells whether a scenario
    /// holds saved text.
    pub fn lesson_status(
        &self,
        lesson: &str,
        scenarios: &[&str],
        questions: &[&str],
        has_draft: impl Fn(&str) -> bool,
    ) -> LessonStatus {
        let keys: Vec<String> = scenarios.iter().map(|s| scenario_key(lesson, s)).collect();
        let done = keys.iter().all(|k| self.scenario(k).completed)
            && questions
                .iter()
                .all(|q| self.questions.get(*q).is_some_and(|s| s.correct));
        if done && !(keys.is_empty() && questions.is_empty()) {
            return LessonStatus::Done;
        }
        let touched = keys
            .iter()
            .any(|k| self.scenarios.contains_key(k) || has_draft(k))
            || questions.iter().any(|q| self.questions.contains_key(*q));
        if touched {
            LessonStatus::InProgress
        } else {
            LessonStatus::NotStarted
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updating_a_scenario_reports_whether_it_changed() {
        let mut progress = Progress::default();
        assert!(!progress.update_scenario("l/s", |_| {}));
        assert!(progress.scenarios.is_empty());
        assert!(progress.update_scenario("l/s", |s| s.completed = true));
        assert!(!progress.update_scenario("l/s", |s| s.completed = true));
        assert!(progress.scenario("l/s").completed);
    }

    #[test]
    fn a_lesson_moves_from_not_started_to_done() {
        let mut progress = Progress::default();
        let status =
            |p: &Progress, draft: bool| p.lesson_status("l", &["a", "b"], &["q"], |_| draft);
        assert_eq!(status(&progress, false), LessonStatus::NotStarted);
        assert_eq!(status(&progress, true), LessonStatus::InProgress);
        progress.update_scenario("l/a", |s| s.completed = true);
        progress.update_scenario("l/b", |s| s.completed = true);
        assert_eq!(status(&progress, false), LessonStatus::InProgress);
        progress.record_question("q", vec![1], false);
        assert_eq!(status(&progress, false), LessonStatus::InProgress);
        progress.record_question("q", vec![0], true);
        assert_eq!(status(&progress, false), LessonStatus::Done);
    }

    #[test]
    fn drills_score_per_topic_keep_a_streak_and_misses_come_back() {
        let mut progress = Progress::default();
        let item = |seed| Item::Drill {
            topic: "mfa".into(),
            level: 1,
            seed,
        };
        progress.record_drill("mfa", &item(1), true, 10);
        progress.record_drill("mfa", &item(2), true, 10);
        progress.record_drill("mfa", &item(3), false, 10);
        progress.record_drill("dates", &item(4), true, 10);
        let mfa = progress.practice.topics["mfa"];
        assert_eq!((mfa.correct, mfa.total), (2, 3));
        assert_eq!(
            (progress.practice.streak, progress.practice.best_streak),
            (1, 2)
        );
        let due = progress.due(10);
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].0, item(3));
        // Right in the review: the card moves to box 2, due in two days.
        progress.record_drill("mfa", &item(3), true, 10);
        assert!(progress.due(10).is_empty());
        assert_eq!(progress.due(12).len(), 1);
    }

    #[test]
    fn unsolved_scenarios_come_back_tomorrow_until_solved() {
        let mut progress = Progress::default();
        progress.update_scenario("l/s", |s| s.attempted = true);
        progress.review_scenario("l/s", 5);
        assert!(progress.due(5).is_empty());
        assert_eq!(progress.due(6)[0].0, Item::Scenario("l/s".into()));
        progress.update_scenario("l/s", |s| s.completed = true);
        progress.review_scenario("l/s", 6);
        assert!(progress.review.is_empty());
    }

    #[test]
    fn interview_results_are_kept_in_order() {
        let mut progress = Progress::default();
        for correct in [3, 5] {
            progress.record_interview(InterviewResult {
                correct,
                total: 6,
                ..InterviewResult::default()
            });
        }
        let scores: Vec<u32> = progress.interviews.iter().map(|r| r.correct).collect();
        assert_eq!(scores, [3, 5]);
    }

    #[test]
    fn a_session_saved_before_written_items_loads_with_empty_tallies() {
        let saved = r#"{"version": 3, "progress": {"interviews": [
            {"finishedAt": "2026-11-20T10:00:00.000Z", "seconds": 300, "correct": 2, "total": 3,
             "topics": {"conditions": {"correct": 2, "total": 3}}, "missed": ["q1"]}]}}"#;
        let progress = schema::from_text(Some(saved)).progress();
        let result = &progress.interviews[0];
        assert_eq!((result.correct, result.total), (2, 3));
        assert_eq!(result.written, TopicScore::default());
        assert_eq!(result.predicted, TopicScore::default());
        assert_eq!(result.review_items(), [Item::Question("q1".into())]);
    }

    #[test]
    fn missed_drills_and_scenarios_of_a_session_are_review_items() {
        let result = InterviewResult {
            missed: vec!["q1".into()],
            missed_items: vec![
                "drill:mfa:2:77".into(),
                "scenario:conditions/tag-match".into(),
                "from-a-newer-app".into(),
            ],
            ..InterviewResult::default()
        };
        assert_eq!(
            result.review_items(),
            [
                Item::Question("q1".into()),
                Item::Drill {
                    topic: "mfa".into(),
                    level: 2,
                    seed: 77
                },
                Item::Scenario("conditions/tag-match".into()),
            ]
        );
    }
}
