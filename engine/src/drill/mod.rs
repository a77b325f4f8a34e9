//! Generated drills: a small, realistic setup and one request on one topic, to predict what AWS
//! decides. Seeded and deterministic on every machine (our own [`rng`]); every answer and its
//! explanation come from the evaluator, never from the generator.
//!
//! ```
//! use iamplay_engine::drill::{DrillOptions, Generator, Topic};
//!
//! let options = DrillOptions { seed: 7, topics: vec![Topic::ExplicitDeny], level: Some(1) };
//! let drills: Vec<_> = Generator::new(options.clone()).take(3).collect();
//! assert_eq!(drills.len(), 3);
//! assert!(drills.iter().all(|d| d.topic == Topic::ExplicitDeny && d.level == 1));
//! // The same seed gives the same drills.
//! let again: Vec<_> = Generator::new(options).take(3).map(|d| d.case).collect();
//! assert_eq!(again, drills.iter().map(|d| d.case.clone()).collect::<Vec<_>>());
//! ```

mod gate;
mod names;
mod rng;
mod setup;
mod text;
mod topic;
mod topics;

pub use gate::{settled, LEVEL_ONE_STATEMENTS};
pub use setup::ShownPolicy;
pub use topic::Topic;

use crate::case::Case;
use crate::eval::{decide, evaluate, Decision, Evaluation, StatementRef};
use rng::Rng;
use std::collections::BTreeSet;
use std::ops::Range;

/// The three levels: one policy; several policies; several layers and accounts.
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillOptions {
    pub seed: u64,
    /// The topics to draw from, in turn; empty means all of them.
    pub topics: Vec<Topic>,
    /// One level for every drill, or `None` for a mix.
    pub level: Option<u8>,
}

impl DrillOptions {
    /// Every topic in turn, levels mixed.
    pub fn mixed(seed: u64) -> DrillOptions {
        DrillOptions {
            seed,
            topics: Vec::new(),
            level: None,
        }
    }
}

/// One drill, with the evaluator's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Drill {
    pub id: String,
    pub topic: Topic,
    pub level: u8,
    /// The request in words.
    pub story: String,
    /// The case in the `iamplay eval` format, on one line; the explanation's spans point into it.
    pub case: String,
    /// The policies as the learner reads them, in the order of the evaluation flowchart.
    pub shown: Vec<ShownPolicy>,
    pub evaluation: Evaluation,
}

impl Drill {
    pub fn answer(&self) -> Decision {
        self.evaluation.decision
    }

    /// The shown policy holding a statement the evaluator names, and the statement's range in
    /// that policy's text.
    pub fn locate(&self, statement: &StatementRef) -> Option<(usize, Range<usize>)> {
        let index = self.shown.iter().position(|policy| {
            policy.layer == statement.layer
                && policy.level == statement.level
                && policy.index == statement.policy_index
        })?;
        let range = self.shown[index]
            .statements
            .get(statement.statement_index)?;
        Some((index, range.clone()))
    }
}

const ANSWERS: [Decision; 3] = [
    Decision::Allowed,
    Decision::ExplicitDeny,
    Decision::ImplicitDeny,
];
/// Tries per drill to reach the answer it aims at (answers are balanced by aiming in turn).
const ATTEMPTS: usize = 24;
/// Slots tried in a row without a drill before the generator gives up (never seen in tests).
const BARREN_SLOTS: u64 = 64;

/// An endless sequence of distinct drills for one seed and choice of topics and level.
#[derive(Debug, Clone)]
pub struct Generator {
    options: DrillOptions,
    produced: usize,
    slot: u64,
    seen: BTreeSet<String>,
}

impl Generator {
    pub fn new(mut options: DrillOptions) -> Generator {
        if options.topics.is_empty() {
            options.topics = Topic::ALL.to_vec();
        }
        options.level = options
            .level
            .map(|level| level.clamp(*LEVELS.start(), *LEVELS.end()));
        Generator {
            options,
            produced: 0,
            slot: 0,
            seen: BTreeSet::new(),
        }
    }

    fn try_slot(&mut self) -> Option<Drill> {
        let seed = self.options.seed;
        let mut r = Rng::derive(seed, self.slot);
        self.slot += 1;
        let topics = &self.options.topics;
        let turn = self.produced + (seed % 1009) as usize;
        let topic = topics[turn % topics.len()];
        // Each topic aims at each answer in turn, whatever the number of topics.
        let target = ANSWERS[(turn / topics.len() + turn % topics.len()) % ANSWERS.len()];
        let level = match self.options.level {
            Some(level) => level,
            None => 1 + r.below(3) as u8,
        };
        let mut fallback = None;
        for _ in 0..ATTEMPTS {
            let setup = topics::build(topic, &mut r, level);
            if level == 1 && setup.statement_count() > LEVEL_ONE_STATEMENTS {
                continue;
            }
            let text = setup.case_text(None);
            if self.seen.contains(&text) {
                continue;
            }
            let Ok(case) = Case::parse(&text) else {
                continue;
            };
            if !settled(&case) {
                continue;
            }
            if decide(&case) == target {
                fallback = Some((setup, text));
                break;
            }
            fallback.get_or_insert((setup, text));
        }
        let (setup, text) = fallback?;
        let id = format!("{seed}-{}", self.produced + 1);
        let case_text = setup.case_text(Some(&id));
        let case = Case::parse(&case_text).ok()?;
        self.seen.insert(text);
        self.produced += 1;
        Some(Drill {
            id,
            topic,
            level,
            story: setup.story.clone(),
            shown: setup.shown(),
            evaluation: evaluate(&case),
            case: case_text,
        })
    }
}

impl Iterator for Generator {
    type Item = Drill;

    fn next(&mut self) -> Option<Drill> {
        (0..BARREN_SLOTS).find_map(|_| self.try_slot())
    }
}

/// `count` drills for the options: what the CLI prints and a worksheet holds.
pub fn generate(options: DrillOptions, count: usize) -> Vec<Drill> {
    Generator::new(options).take(count).collect()
}

#[cfg(test)]
mod tests;
