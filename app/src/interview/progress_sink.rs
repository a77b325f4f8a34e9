//! Finished sessions go into the learner's progress, so they are shown on the progress page
//! and travel with export, import and reset like everything else.

use crate::course::Question;

use super::items::WriteTask;
use super::{ResultSink, Score};
use crate::progress::review::Item;
use crate::progress::{InterviewResult, ProgressStore, TopicScore};

/// The progress store as the place results go, with what the score alone does not know.
#[derive(Debug)]
pub struct ProgressSink<'a> {
    pub store: ProgressStore,
    /// The bank the session's question indexes point into.
    pub bank: &'a [Question],
    /// The tasks its written items point into.
    pub writes: &'a [WriteTask],
    /// ISO 8601, from the browser clock.
    pub finished_at: String,
    pub seconds: u32,
}

impl ResultSink for ProgressSink<'_> {
    fn record(&self, score: &Score) {
        self.store.record_interview(interview_result(
            score,
            self.bank,
            self.writes,
            self.finished_at.clone(),
            self.seconds,
        ));
    }
}

/// The stored form of a score: topics by lesson id, missed questions by id and missed drills
/// and scenarios by review key (stable across app versions, unlike bank indexes).
pub fn interview_result(
    score: &Score,
    bank: &[Question],
    writes: &[WriteTask],
    finished_at: String,
    seconds: u32,
) -> InterviewResult {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    InterviewResult {
        finished_at,
        seconds,
        correct: count(score.correct),
        total: count(score.total),
        topics: score
            .by_topic
            .iter()
            .map(|t| {
                let topic = TopicScore {
                    correct: count(t.correct),
                    total: count(t.total),
                };
                (t.topic.clone(), topic)
            })
            .collect(),
        missed: score
            .missed
            .iter()
            .filter_map(|m| bank.get(m.question).map(|q| q.id.value.clone()))
            .collect(),
        predicted: TopicScore {
            correct: count(score.predicted.iter().filter(|p| p.right).count()),
            total: count(score.predicted.len()),
        },
        written: TopicScore {
            correct: count(score.written.iter().filter(|w| w.solved()).count()),
            total: count(score.written.len()),
        },
        missed_items: score
            .predicted
            .iter()
            .filter(|p| !p.right)
            .map(|p| p.drill.item().key())
            .chain(
                score
                    .written
                    .iter()
                    .filter(|w| !w.solved())
                    .filter_map(|w| writes.get(w.task))
                    .map(|task| Item::Scenario(task.key()).key()),
            )
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::score::tests::{bank, score};
    use crate::interview::score::{Predicted, Written};
    use crate::practice::DrillRef;

    #[test]
    fn a_score_is_stored_by_topic_with_missed_question_ids() {
        let bank = bank();
        let scored = score(
            &bank,
            &[2, 0, 1, 3],
            &[Some(vec![1]), Some(vec![1]), Some(vec![0, 1]), None],
        );
        let stored = interview_result(&scored, &bank, &[], "2026-11-23T08:00:00.000Z".into(), 95);
        assert_eq!((stored.correct, stored.total, stored.seconds), (2, 4, 95));
        assert_eq!(stored.finished_at, "2026-11-23T08:00:00.000Z");
        assert_eq!(
            stored.topics.get("least-privilege"),
            Some(&TopicScore {
                correct: 1,
                total: 2
            })
        );
        assert_eq!(
            stored.topics.get("conditions"),
            Some(&TopicScore {
                correct: 1,
                total: 2
            })
        );
        assert_eq!(stored.missed, ["a", "d"]);
    }

    #[test]
    fn missed_predictions_and_unsolved_writing_are_stored_as_review_keys() {
        let writes = crate::interview::items::write_tasks(crate::course::test_course());
        let drill = DrillRef {
            topic: iamplay_engine::drill::Topic::ALL[1],
            level: 2,
            seed: 31,
        };
        let mut scored = score(&bank(), &[], &[]);
        scored.predicted = vec![
            Predicted {
                drill,
                chosen: None,
                right: false,
            },
            Predicted {
                drill,
                chosen: None,
                right: true,
            },
        ];
        scored.written = vec![Written {
            task: 1,
            text: None,
            report: None,
        }];
        let stored = interview_result(&scored, &[], &writes, String::new(), 60);
        assert_eq!(
            stored.predicted,
            TopicScore {
                correct: 1,
                total: 2
            }
        );
        assert_eq!(
            stored.written,
            TopicScore {
                correct: 0,
                total: 1
            }
        );
        assert_eq!(
            stored.missed_items,
            [drill.item().key(), format!("scenario:{}", writes[1].key())]
        );
    }

    #[test]
    fn the_sink_keeps_sessions_in_the_progress_store_in_order() {
        use leptos::prelude::Owner;

        let bank = bank();
        Owner::new().with(|| {
            let store = crate::progress::provide_progress();
            for (seconds, answer) in [(30, vec![0]), (45, vec![1])] {
                let scored = score(&bank, &[0], &[Some(answer)]);
                let sink = ProgressSink {
                    store,
                    bank: &bank,
                    writes: &[],
                    finished_at: format!("2026-11-23T08:00:{seconds}.000Z"),
                    seconds,
                };
                sink.record(&scored);
            }
            let kept = store.with(|p| p.interviews.clone());
            let summary: Vec<(u32, u32, &[String])> = kept
                .iter()
                .map(|r| (r.seconds, r.correct, r.missed.as_slice()))
                .collect();
            assert_eq!(summary, [(30, 1, &[][..]), (45, 0, &["a".to_owned()][..])]);
            // And they are in what the learner exports.
            assert!(store.export().contains("\"interviews\""));
        });
    }
}
