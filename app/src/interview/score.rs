use std::collections::BTreeSet;

use iamplay_engine::catalog::Catalog;
use iamplay_engine::eval::Decision;

use super::items::{Answer, Item, WriteTask};
use crate::course::Question;
use crate::practice::DrillRef;
use crate::scenario::report::{report, Report};

/// The result of a finished session.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub correct: usize,
    pub total: usize,
    /// Questions and written items by lesson, in the order lessons first appeared.
    pub by_topic: Vec<TopicScore>,
    pub missed: Vec<Missed>,
    /// Every prediction, right or wrong, in session order.
    pub predicted: Vec<Predicted>,
    /// Every written item, solved or not, in session order.
    pub written: Vec<Written>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicScore {
    pub topic: String,
    pub correct: usize,
    pub total: usize,
}

/// A question answered wrongly or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missed {
    /// Index into the bank.
    pub question: usize,
    /// The options the learner chose; empty when unanswered.
    pub chosen: Vec<usize>,
}

/// A "predict" item: the drill, what was chosen, and whether it is the engine's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicted {
    pub drill: DrillRef,
    pub chosen: Option<Decision>,
    pub right: bool,
}

/// A "write the policy" item, graded as the scenario panel grades it.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// Index into the write tasks.
    pub task: usize,
    /// `None` when the starter was left as it was.
    pub text: Option<String>,
    pub report: Option<Report>,
}

impl Written {
    pub fn solved(&self) -> bool {
        self.report.as_ref().is_some_and(|r| r.solved)
    }
}

impl Score {
    pub fn percent(&self) -> usize {
        (self.correct * 100).checked_div(self.total).unwrap_or(0)
    }

    /// The topics with a miss, to review.
    pub fn weak_topics(&self) -> Vec<&str> {
        self.by_topic
            .iter()
            .filter(|t| t.correct < t.total)
            .map(|t| t.topic.as_str())
            .collect()
    }

    fn count(&mut self, topic: Option<String>, right: bool) {
        self.total += 1;
        self.correct += usize::from(right);
        let Some(topic) = topic else {
            return;
        };
        let entry = match self.by_topic.iter().position(|t| t.topic == topic) {
            Some(i) => &mut self.by_topic[i],
            None => {
                self.by_topic.push(TopicScore {
                    topic,
                    correct: 0,
                    total: 0,
                });
                let last = self.by_topic.len() - 1;
                &mut self.by_topic[last]
            }
        };
        entry.total += 1;
        entry.correct += usize::from(right);
    }
}

/// Right only when the chosen options are exactly the correct ones.
pub fn is_correct(question: &Question, chosen: &[usize]) -> bool {
    let chosen: BTreeSet<usize> = chosen.iter().copied().collect();
    let correct: BTreeSet<usize> = question
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.correct)
        .map(|(i, _)| i)
        .collect();
    chosen == correct
}

/// What the session graded against: the question bank and the write tasks its items index,
/// and the action catalogue once loaded (it makes the least-privilege bound exact, as in the
/// scenario panel).
#[derive(Debug, Clone, Copy)]
pub struct Grader<'a> {
    pub bank: &'a [Question],
    pub writes: &'a [WriteTask],
    pub catalog: Option<&'a Catalog>,
}

impl Grader<'_> {
    /// Scores the session: `answers[i]` is what was given for `items[i]` (`None` when time ran
    /// out first). Predictions are graded by the engine's decision on the drill, written
    /// policies by every check of the scenario and its least-privilege bound.
    pub fn score(&self, items: &[Item], answers: &[Option<Answer>]) -> Score {
        let mut result = Score {
            correct: 0,
            total: 0,
            by_topic: Vec::new(),
            missed: Vec::new(),
            predicted: Vec::new(),
            written: Vec::new(),
        };
        for (position, item) in items.iter().enumerate() {
            let answer = answers.get(position).cloned().flatten();
            match *item {
                Item::Question(index) => {
                    let Some(question) = self.bank.get(index) else {
                        continue;
                    };
                    let chosen = match answer {
                        Some(Answer::Choices(chosen)) => chosen,
                        _ => Vec::new(),
                    };
                    let right = !chosen.is_empty() && is_correct(question, &chosen);
                    let topic = question
                        .topic
                        .as_ref()
                        .map_or_else(|| "general".to_owned(), |t| t.value.clone());
                    result.count(Some(topic), right);
                    if !right {
                        result.missed.push(Missed {
                            question: index,
                            chosen,
                        });
                    }
                }
                Item::Predict(drill) => {
                    let chosen = match answer {
                        Some(Answer::Decision(decision)) => Some(decision),
                        _ => None,
                    };
                    let right = chosen.is_some()
                        && drill.make().is_some_and(|d| Some(d.answer()) == chosen);
                    result.count(None, right);
                    result.predicted.push(Predicted {
                        drill,
                        chosen,
                        right,
                    });
                }
                Item::Write(task) => {
                    let Some(write) = self.writes.get(task) else {
                        continue;
                    };
                    let text = match answer {
                        Some(Answer::Policy(text)) => Some(text),
                        _ => None,
                    };
                    let graded = text
                        .as_deref()
                        .map(|t| report(write.scenario, t, self.catalog));
                    let written = Written {
                        task,
                        text,
                        report: graded,
                    };
                    result.count(Some(write.lesson.to_owned()), written.solved());
                    result.written.push(written);
                }
            }
        }
        result
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn bank() -> Vec<Question> {
        let json = r#"[
          {"id": "a", "kind": "single", "prompt": "A?", "topic": "conditions",
           "options": [{"text": "yes", "correct": true, "explanation": "e"},
                       {"text": "no", "correct": false, "explanation": "e"}]},
          {"id": "b", "kind": "multiple", "prompt": "B?", "topic": "conditions",
           "options": [{"text": "1", "correct": true, "explanation": "e"},
                       {"text": "2", "correct": true, "explanation": "e"},
                       {"text": "3", "correct": false, "explanation": "e"}]},
          {"id": "c", "kind": "trueFalse", "prompt": "C?", "topic": "least-privilege",
           "options": [{"text": "True", "correct": false, "explanation": "e"},
                       {"text": "False", "correct": true, "explanation": "e"}]},
          {"id": "d", "kind": "single", "prompt": "D?", "topic": "least-privilege",
           "options": [{"text": "x", "correct": true, "explanation": "e"},
                       {"text": "y", "correct": false, "explanation": "e"}]}
        ]"#;
        let written: Vec<iamplay_course::Question> = serde_json::from_str(json).expect("test bank");
        let parse = &mut |text: String| iamplay_course::markdown::parse(&text);
        written.into_iter().map(|q| q.map_prose(parse)).collect()
    }

    #[test]
    fn multiple_choice_needs_exactly_the_correct_set() {
        let bank = bank();
        assert!(is_correct(&bank[1], &[1, 0]));
        assert!(!is_correct(&bank[1], &[0]));
        assert!(!is_correct(&bank[1], &[0, 1, 2]));
    }

    /// Scores questions only: `drawn` indexes the bank, `answers[i]` is chosen for `drawn[i]`.
    pub(crate) fn score(
        bank: &[Question],
        drawn: &[usize],
        answers: &[Option<Vec<usize>>],
    ) -> Score {
        let grader = Grader {
            bank,
            writes: &[],
            catalog: None,
        };
        let items: Vec<Item> = drawn.iter().map(|&i| Item::Question(i)).collect();
        let answers: Vec<Option<Answer>> = answers
            .iter()
            .map(|a| a.clone().map(Answer::Choices))
            .collect();
        grader.score(&items, &answers)
    }

    #[test]
    fn scores_by_topic_and_lists_misses_and_unanswered() {
        let bank = bank();
        let drawn = [2, 0, 1, 3];
        let answers = [Some(vec![1]), Some(vec![1]), Some(vec![0, 1]), None];
        let score = score(&bank, &drawn, &answers);
        assert_eq!((score.correct, score.total, score.percent()), (2, 4, 50));
        let topics: Vec<(&str, usize, usize)> = score
            .by_topic
            .iter()
            .map(|t| (t.topic.as_str(), t.correct, t.total))
            .collect();
        assert_eq!(topics, [("least-privilege", 1, 2), ("conditions", 1, 2)]);
        assert_eq!(
            score.missed,
            [
                Missed {
                    question: 0,
                    chosen: vec![1]
                },
                Missed {
                    question: 3,
                    chosen: vec![]
                },
            ]
        );
        assert_eq!(score.weak_topics(), ["least-privilege", "conditions"]);
    }

    #[test]
    fn predictions_are_graded_by_the_engine_and_written_policies_by_every_check() {
        let course = crate::course::test_course();
        let writes = super::super::items::write_tasks(course);
        let grader = Grader {
            bank: &[],
            writes: &writes,
            catalog: None,
        };
        let drill = DrillRef {
            topic: iamplay_engine::drill::Topic::ALL[0],
            level: 1,
            seed: 9,
        };
        let decision = drill.make().expect("a drill").answer();
        let wrong = [
            Decision::Allowed,
            Decision::ExplicitDeny,
            Decision::ImplicitDeny,
        ]
        .into_iter()
        .find(|d| *d != decision)
        .expect("another decision");
        let model = crate::scenario::state::policy_text(&writes[0].scenario.answer);
        let items = [
            Item::Predict(drill),
            Item::Predict(drill),
            Item::Write(0),
            Item::Write(0),
            Item::Write(0),
            Item::Predict(drill),
        ];
        let answers = [
            Some(Answer::Decision(decision)),
            Some(Answer::Decision(wrong)),
            Some(Answer::Policy(model)),
            Some(Answer::Policy(r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#.into())),
            None,
            None,
        ];
        let score = grader.score(&items, &answers);
        assert_eq!((score.correct, score.total), (2, 6));
        let predicted: Vec<bool> = score.predicted.iter().map(|p| p.right).collect();
        assert_eq!(predicted, [true, false, false]);
        assert_eq!(score.predicted[2].chosen, None);
        let solved: Vec<bool> = score.written.iter().map(Written::solved).collect();
        assert_eq!(solved, [true, false, false]);
        // Allowing everything passes the allow checks at best: a deny check or the
        // least-privilege bound says why it is not the answer.
        let broad = score.written[1].report.as_ref().expect("graded");
        assert!(
            broad.checks.iter().any(|c| !c.passed)
                || broad
                    .least_privilege
                    .as_ref()
                    .is_some_and(|lp| !lp.is_tight()),
            "{broad:?}"
        );
        assert!(score.written[2].report.is_none());
        assert_eq!(
            score.by_topic,
            [TopicScore {
                topic: writes[0].lesson.to_owned(),
                correct: 1,
                total: 3
            }]
        );
    }

    #[test]
    fn an_empty_session_scores_zero_without_dividing_by_zero() {
        let score = score(&bank(), &[], &[]);
        assert_eq!(score.percent(), 0);
        assert!(score.weak_topics().is_empty());
    }
}
