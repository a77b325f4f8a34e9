//! The items of a session besides multiple choice: "predict" items made by the drill generator
//! and "write the policy" items taken from the course's write scenarios, and how a session's
//! mix of the three kinds is drawn.

use iamplay_course::ScenarioStyle;
use iamplay_engine::drill::Topic;
use iamplay_engine::eval::Decision;

use super::draw::{draw, pick, Config, Rng};
use crate::course::{Course, Question, Scenario};
use crate::practice::DrillRef;

/// A scenario that asks for a policy written from its task.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WriteTask {
    pub lesson: &'static str,
    pub scenario: &'static Scenario,
}

impl WriteTask {
    /// The key progress keeps scenarios by.
    pub fn key(&self) -> String {
        format!("{}/{}", self.lesson, self.scenario.id)
    }
}

/// Every write scenario of the course, in course order.
pub fn write_tasks(course: &'static Course) -> Vec<WriteTask> {
    course
        .lessons
        .iter()
        .flat_map(|lesson| {
            lesson
                .manifest
                .scenarios
                .iter()
                .filter(|s| s.style == ScenarioStyle::Write)
                .map(|scenario| WriteTask {
                    lesson: lesson.manifest.id.as_str(),
                    scenario,
                })
        })
        .collect()
}

/// Which kinds of item a session holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds {
    pub questions: bool,
    pub predict: bool,
    pub write: bool,
}

impl Default for Kinds {
    /// A mix of all three.
    fn default() -> Kinds {
        Kinds {
            questions: true,
            predict: true,
            write: true,
        }
    }
}

/// One item of a session.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// Index into the question bank.
    Question(usize),
    /// A generated drill: allowed, explicit deny or implicit deny?
    Predict(DrillRef),
    /// Index into the write tasks.
    Write(usize),
}

/// What the candidate gave for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Choices(Vec<usize>),
    Decision(Decision),
    /// The policy text as written in the editor.
    Policy(String),
}

/// How many items of each kind: a written policy takes several minutes, so about one item in
/// five is one, and three in ten are predictions; each kind chosen gets at least one. Drills
/// never run out, so predictions fill what the other kinds cannot; without them, written
/// items do.
fn split(count: usize, kinds: Kinds, questions: usize, writes: usize) -> [usize; 3] {
    let mut write_n = if kinds.write { (count / 5).max(1) } else { 0 };
    write_n = write_n.min(writes).min(count);
    let rest = count - write_n;
    let question_n = match (kinds.questions, kinds.predict) {
        (false, _) => 0,
        (true, true) => rest - (count * 3 / 10).max(1).min(rest),
        (true, false) => rest,
    }
    .min(questions);
    let mut predict_n = 0;
    if kinds.predict {
        predict_n = rest - question_n;
    } else if kinds.write {
        write_n = (count - question_n).min(writes);
    }
    [question_n, predict_n, write_n]
}

/// The session's items, in random order; the same seed gives the same session. Topics (lesson
/// ids) filter the questions and the write tasks; predictions come from every drill topic, at
/// level 1 or 2.
pub fn draw_items(
    bank: &[Question],
    writes: &[WriteTask],
    config: &Config,
    kinds: Kinds,
    rng: &mut Rng,
) -> Vec<Item> {
    let of_topics =
        |lesson: &str| config.topics.is_empty() || config.topics.iter().any(|t| t == lesson);
    let mut write_pool: Vec<usize> = (0..writes.len())
        .filter(|&i| of_topics(writes[i].lesson))
        .collect();
    let question_pool = draw(
        bank,
        &Config {
            count: usize::MAX,
            ..config.clone()
        },
        rng,
    );
    let [question_n, predict_n, write_n] =
        split(config.count, kinds, question_pool.len(), write_pool.len());
    let mut items: Vec<Item> = question_pool[..question_n]
        .iter()
        .map(|&i| Item::Question(i))
        .collect();
    for _ in 0..predict_n {
        items.push(Item::Predict(DrillRef {
            topic: Topic::ALL[rng.below(Topic::ALL.len())],
            level: 1 + rng.below(2) as u8,
            seed: rng.next_u64() >> 11,
        }));
    }
    pick(&mut write_pool, write_n, rng);
    items.extend(write_pool.into_iter().map(Item::Write));
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::test_course;
    use crate::interview::draw::question_bank as bank;
    use crate::interview::draw::tests::config;

    fn tally(items: &[Item]) -> [usize; 3] {
        let mut counts = [0; 3];
        for item in items {
            counts[match item {
                Item::Question(_) => 0,
                Item::Predict(_) => 1,
                Item::Write(_) => 2,
            }] += 1;
        }
        counts
    }

    #[test]
    fn the_course_has_write_tasks_and_each_has_a_model_answer_that_solves_it() {
        let writes = write_tasks(test_course());
        assert!(writes.len() >= 5, "{}", writes.len());
        for task in &writes {
            let answer = crate::scenario::state::policy_text(&task.scenario.answer);
            let report = crate::scenario::report::report(task.scenario, &answer, None);
            assert!(report.solved, "{}", task.key());
        }
    }

    #[test]
    fn the_same_seed_draws_the_same_mixed_session() {
        let course = test_course();
        let (bank, writes) = (bank(course), write_tasks(course));
        let draw_with = |seed| {
            draw_items(
                &bank,
                &writes,
                &config(10, &[]),
                Kinds::default(),
                &mut Rng::new(seed),
            )
        };
        let first = draw_with(42);
        assert_eq!(first, draw_with(42));
        assert_ne!(first, draw_with(43));
        assert_eq!(tally(&first), [5, 3, 2]);
        for item in &first {
            if let Item::Predict(drill) = item {
                assert!(drill.make().is_some(), "{drill:?}");
            }
        }
    }

    #[test]
    fn kinds_and_topics_choose_what_is_drawn() {
        let course = test_course();
        let (bank, writes) = (bank(course), write_tasks(course));
        let only = |questions, predict, write| Kinds {
            questions,
            predict,
            write,
        };
        let mut rng = Rng::new(5);
        let writes_only = draw_items(
            &bank,
            &writes,
            &config(3, &[]),
            only(false, false, true),
            &mut rng,
        );
        assert_eq!(tally(&writes_only), [0, 0, 3]);
        let distinct: std::collections::BTreeSet<String> = writes_only
            .iter()
            .filter_map(|i| match i {
                Item::Write(w) => Some(writes[*w].key()),
                _ => None,
            })
            .collect();
        assert_eq!(distinct.len(), 3);
        let predict_only = draw_items(
            &bank,
            &writes,
            &config(4, &[]),
            only(false, true, false),
            &mut rng,
        );
        assert_eq!(tally(&predict_only), [0, 4, 0]);
        // A lesson's topic keeps its questions and write tasks; predictions still fill up.
        let lesson = writes[0].lesson;
        let focused = draw_items(
            &bank,
            &writes,
            &config(30, &[lesson]),
            Kinds::default(),
            &mut rng,
        );
        for item in &focused {
            match item {
                Item::Question(q) => {
                    assert_eq!(bank[*q].topic.as_ref().map(|t| t.as_str()), Some(lesson))
                }
                Item::Write(w) => assert_eq!(writes[*w].lesson, lesson),
                Item::Predict(_) => {}
            }
        }
        assert_eq!(focused.len(), 30);
    }

    #[test]
    fn a_short_session_still_has_one_of_each_kind_chosen() {
        assert_eq!(split(3, Kinds::default(), 40, 10), [1, 1, 1]);
        assert_eq!(split(1, Kinds::default(), 40, 10), [0, 0, 1]);
        assert_eq!(split(10, Kinds::default(), 2, 10), [2, 6, 2]);
        let no_writes = Kinds {
            write: false,
            ..Kinds::default()
        };
        assert_eq!(split(10, no_writes, 40, 10), [7, 3, 0]);
        let no_predictions = Kinds {
            predict: false,
            ..Kinds::default()
        };
        assert_eq!(split(10, no_predictions, 3, 4), [3, 0, 4]);
        assert_eq!(
            split(
                10,
                Kinds {
                    questions: false,
                    ..no_predictions
                },
                40,
                4
            ),
            [0, 0, 4]
        );
    }
}
