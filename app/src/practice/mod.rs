//! The drill page's logic as plain Rust: which drill comes next, the follow-up question at
//! level 2 and up, grading, and the policy text split around the statements to highlight.

use iamplay_engine::drill::{Drill, DrillOptions, Generator, ShownPolicy, Topic};
use iamplay_engine::eval::{Decision, Layer};
use std::ops::Range;

use crate::progress::review::Item;

/// The three answers, numbered as the keyboard picks them.
pub const ANSWERS: [Decision; 3] = [
    Decision::Allowed,
    Decision::ExplicitDeny,
    Decision::ImplicitDeny,
];

/// A drill made again from what names it: a topic, a level and a seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrillRef {
    pub topic: Topic,
    pub level: u8,
    pub seed: u64,
}

impl DrillRef {
    pub fn make(self) -> Option<Drill> {
        let options = DrillOptions {
            seed: self.seed,
            topics: vec![self.topic],
            level: Some(self.level),
        };
        Generator::new(options).next()
    }

    pub fn item(self) -> Item {
        Item::Drill {
            topic: self.topic.slug().to_owned(),
            level: self.level,
            seed: self.seed,
        }
    }

    pub fn from_item(item: &Item) -> Option<DrillRef> {
        match item {
            Item::Drill { topic, level, seed } => Some(DrillRef {
                topic: Topic::from_slug(topic)?,
                level: *level,
                seed: *seed,
            }),
            _ => None,
        }
    }
}

/// The `n`th drill of a practice run: topics in turn, each with its own seed so any drill can
/// come back in the review from its reference alone.
pub fn nth(run_seed: u64, n: u64, topics: &[Topic], level: u8) -> DrillRef {
    let topics = if topics.is_empty() {
        &Topic::ALL[..]
    } else {
        topics
    };
    DrillRef {
        topic: topics[(n % topics.len() as u64) as usize],
        level,
        seed: run_seed.wrapping_mul(1_000_003).wrapping_add(n),
    }
}

/// The question after the decision, at level 2 and up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub prompt: &'static str,
    pub options: Vec<String>,
    /// Indexes of the right options (several statements may decide together).
    pub right: Vec<usize>,
}

/// "Which statement decides?" when statements decided; "Which layer stops the request?" for an
/// implicit deny, where no statement did.
pub fn follow_up(drill: &Drill) -> Option<FollowUp> {
    if drill.level < 2 {
        return None;
    }
    let evaluation = &drill.evaluation;
    if evaluation.deciding.is_empty() {
        let mut layers: Vec<Layer> = drill.shown.iter().map(|p| p.layer).collect();
        layers.dedup();
        let blocked = evaluation.blocked_by.map(|b| b.layer)?;
        let right = layers.iter().position(|l| *l == blocked)?;
        return Some(FollowUp {
            prompt: "Which layer stops the request?",
            options: layers.iter().map(|l| l.policy_title().to_owned()).collect(),
            right: vec![right],
        });
    }
    let mut options = Vec::new();
    let mut right = Vec::new();
    for (policy_index, policy) in drill.shown.iter().enumerate() {
        for statement in 0..policy.statements.len() {
            let deciding = evaluation.deciding.iter().any(|d| {
                drill.locate(d).map(|(p, _)| p) == Some(policy_index)
                    && d.statement_index == statement
            });
            if deciding {
                right.push(options.len());
            }
            options.push(statement_label(policy, statement));
        }
    }
    Some(FollowUp {
        prompt: "Which statement decides?",
        options,
        right,
    })
}

/// `lake-access · ProtectPublished`, or the statement's position when it has no Sid.
fn statement_label(policy: &ShownPolicy, statement: usize) -> String {
    let text = policy
        .statements
        .get(statement)
        .and_then(|range| policy.text.get(range.clone()))
        .unwrap_or_default();
    let sid = text
        .split_once("\"Sid\": \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(sid, _)| sid.to_owned());
    let name = sid.unwrap_or_else(|| format!("statement {}", statement + 1));
    format!("{} · {name}", policy.name)
}

/// Right when the decision is, and at level 2 and up the follow-up too.
pub fn grade(drill: &Drill, decision: Decision, follow: Option<usize>) -> bool {
    let decided = decision == drill.answer();
    match follow_up(drill) {
        Some(question) => decided && follow.is_some_and(|f| question.right.contains(&f)),
        None => decided,
    }
}

/// A policy text cut into pieces, each marked when it is a statement to highlight.
pub fn highlighted(drill: &Drill, policy: usize) -> Vec<(String, bool)> {
    let Some(shown) = drill.shown.get(policy) else {
        return Vec::new();
    };
    let mut marks: Vec<Range<usize>> = drill
        .evaluation
        .deciding
        .iter()
        .filter_map(|d| drill.locate(d))
        .filter(|(p, _)| *p == policy)
        .map(|(_, range)| range)
        .collect();
    iamplay_sort::sort_by_key(&mut marks, |r| r.start);
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in marks {
        if range.start < at {
            continue;
        }
        pieces.push((shown.text[at..range.start].to_owned(), false));
        pieces.push((shown.text[range.clone()].to_owned(), true));
        at = range.end;
    }
    pieces.push((shown.text[at..].to_owned(), false));
    pieces.retain(|(text, _)| !text.is_empty());
    pieces
}

/// A topic's mastery in percent, from its right answers out of all.
pub fn mastery(correct: u32, total: u32) -> u32 {
    if total == 0 {
        0
    } else {
        (f64::from(correct) * 100.0 / f64::from(total)).round() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drills(level: u8) -> Vec<Drill> {
        (0..40)
            .filter_map(|n| nth(5, n, &[], level).make())
            .collect()
    }

    #[test]
    fn a_reference_makes_the_same_drill_again() {
        let reference = nth(9, 4, &[Topic::Mfa, Topic::PassRole], 2);
        assert_eq!(reference.topic, Topic::Mfa);
        assert_eq!(reference.make(), reference.make());
        let item = reference.item();
        assert_eq!(DrillRef::from_item(&item), Some(reference));
    }

    #[test]
    fn level_one_asks_only_the_decision() {
        for drill in drills(1) {
            assert!(follow_up(&drill).is_none());
            assert!(grade(&drill, drill.answer(), None));
            let wrong = ANSWERS.into_iter().find(|d| *d != drill.answer()).unwrap();
            assert!(!grade(&drill, wrong, None));
        }
    }

    #[test]
    fn the_follow_up_has_a_right_option_from_the_evaluator() {
        let mut layers = 0;
        for drill in drills(3) {
            let question = follow_up(&drill).unwrap();
            assert!(!question.right.is_empty(), "{}", drill.case);
            for &right in &question.right {
                assert!(grade(&drill, drill.answer(), Some(right)));
            }
            let wrong = (0..question.options.len()).find(|i| !question.right.contains(i));
            if let Some(wrong) = wrong {
                assert!(!grade(&drill, drill.answer(), Some(wrong)));
            }
            if drill.answer() == Decision::ImplicitDeny {
                layers += 1;
                assert_eq!(question.prompt, "Which layer stops the request?");
            } else {
                let label = &question.options[question.right[0]];
                let sid = drill
                    .evaluation
                    .deciding
                    .iter()
                    .filter_map(|d| d.sid.as_deref());
                assert!(sid.into_iter().any(|s| label.ends_with(s)), "{label}");
            }
        }
        assert!(layers > 0);
    }

    #[test]
    fn highlighting_marks_exactly_the_deciding_statements() {
        for drill in drills(2) {
            let marked: Vec<String> = (0..drill.shown.len())
                .flat_map(|p| highlighted(&drill, p))
                .filter(|(_, mark)| *mark)
                .map(|(text, _)| text)
                .collect();
            assert_eq!(
                marked.len(),
                drill.evaluation.deciding.len(),
                "{}",
                drill.case
            );
            for policy in 0..drill.shown.len() {
                let joined: String = highlighted(&drill, policy)
                    .into_iter()
                    .map(|p| p.0)
                    .collect();
                assert_eq!(joined, drill.shown[policy].text);
            }
        }
    }

    #[test]
    fn mastery_rounds_to_whole_percent() {
        assert_eq!(mastery(0, 0), 0);
        assert_eq!(mastery(2, 3), 67);
        assert_eq!(mastery(5, 5), 100);
    }
}
