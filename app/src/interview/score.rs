use std::collections::BTreeSet;

use crate::course::Question;

/// The result of a finished session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub correct: usize,
    pub total: usize,
    /// In the order topics first appeared in the session.
    pub by_topic: Vec<TopicScore>,
    pub missed: Vec<Missed>,
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

/// Scores the session: `drawn` indexes the bank, `answers[i]` is what was chosen for
/// `drawn[i]` (`None` when time ran out first).
pub fn score(bank: &[Question], drawn: &[usize], answers: &[Option<Vec<usize>>]) -> Score {
    let mut result = Score {
        correct: 0,
        total: drawn.len(),
        by_topic: Vec::new(),
        missed: Vec::new(),
    };
    for (position, &index) in drawn.iter().enumerate() {
        let Some(question) = bank.get(index) else {
            continue;
        };
        let chosen = answers.get(position).cloned().flatten().unwrap_or_default();
        let right = !chosen.is_empty() && is_correct(question, &chosen);
        let topic = question.topic.clone().unwrap_or_else(|| "general".into());
        let entry = match result.by_topic.iter().position(|t| t.topic == topic) {
            Some(i) => &mut result.by_topic[i],
            None => {
                result.by_topic.push(TopicScore {
                    topic,
                    correct: 0,
                    total: 0,
                });
                let last = result.by_topic.len() - 1;
                &mut result.by_topic[last]
            }
        };
        entry.total += 1;
        if right {
            entry.correct += 1;
            result.correct += 1;
        } else {
            result.missed.push(Missed {
                question: index,
                chosen,
            });
        }
    }
    result
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
    fn an_empty_session_scores_zero_without_dividing_by_zero() {
        let score = score(&bank(), &[], &[]);
        assert_eq!(score.percent(), 0);
        assert!(score.weak_topics().is_empty());
    }
}
