use crate::course::{Course, Question};

/// What the learner chose before starting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub count: usize,
    /// Lesson ids; empty means every topic.
    pub topics: Vec<String>,
    pub minutes: u32,
}

/// A small deterministic generator (xorshift64*), seeded from the clock by the page, so tests
/// can replay a draw.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Zero is xorshift's fixed point.
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..bound` (bound > 0), rejection-sampled so no index is favoured.
    pub fn below(&mut self, bound: usize) -> usize {
        let bound = bound as u64;
        let zone = u64::MAX - u64::MAX % bound;
        loop {
            let value = self.next_u64();
            if value < zone {
                return (value % bound) as usize;
            }
        }
    }
}

/// The bank: every course question that names the lesson it tests.
pub fn question_bank(course: &Course) -> Vec<Question> {
    course
        .lessons
        .iter()
        .flat_map(|l| l.manifest.questions.iter())
        .filter(|q| q.topic.is_some())
        .cloned()
        .collect()
}

/// The topics of the bank in first-seen order.
pub fn topics(bank: &[Question]) -> Vec<String> {
    let mut topics: Vec<String> = Vec::new();
    for topic in bank.iter().filter_map(|q| q.topic.as_ref()) {
        if !topics.contains(topic) {
            topics.push(topic.value.clone());
        }
    }
    topics
}

/// Indexes into `bank` of `config.count` distinct questions of the chosen topics, in random
/// order. Asking for more than there are gives them all.
pub fn draw(bank: &[Question], config: &Config, rng: &mut Rng) -> Vec<usize> {
    let mut pool: Vec<usize> = bank
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            config.topics.is_empty() || q.topic.as_ref().is_some_and(|t| config.topics.contains(t))
        })
        .map(|(index, _)| index)
        .collect();
    pick(&mut pool, config.count, rng);
    pool
}

/// Keeps `count` of `pool` (all when there are fewer), chosen at random, in random order.
pub fn pick<T>(pool: &mut Vec<T>, count: usize, rng: &mut Rng) {
    // Fisher-Yates, stopping once the first `count` places are chosen.
    let count = count.min(pool.len());
    for i in 0..count {
        let j = i + rng.below(pool.len() - i);
        pool.swap(i, j);
    }
    pool.truncate(count);
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::interview::score::tests::bank;

    pub(crate) fn config(count: usize, topics: &[&str]) -> Config {
        Config {
            count,
            topics: topics.iter().map(|t| (*t).to_owned()).collect(),
            minutes: 10,
        }
    }

    #[test]
    fn draws_distinct_questions_of_the_chosen_topics() {
        let bank = bank();
        for seed in 0..50 {
            let drawn = draw(&bank, &config(2, &["conditions"]), &mut Rng::new(seed));
            assert_eq!(drawn.len(), 2);
            assert_ne!(drawn[0], drawn[1]);
            assert!(drawn
                .iter()
                .all(|&i| bank[i].topic.as_ref().is_some_and(|t| *t == "conditions")));
        }
    }

    #[test]
    fn asking_for_too_many_gives_all_and_no_topics_means_every_topic() {
        let bank = bank();
        let mut drawn = draw(&bank, &config(99, &[]), &mut Rng::new(7));
        drawn.sort_unstable();
        assert_eq!(drawn, (0..bank.len()).collect::<Vec<_>>());
        assert!(draw(&bank, &config(3, &["nope"]), &mut Rng::new(7)).is_empty());
    }

    #[test]
    fn the_order_depends_on_the_seed_and_every_question_can_come_first() {
        let bank = bank();
        let firsts: std::collections::BTreeSet<usize> = (0..200)
            .map(|seed| draw(&bank, &config(1, &[]), &mut Rng::new(seed))[0])
            .collect();
        assert_eq!(firsts.len(), bank.len());
        let a = draw(&bank, &config(4, &[]), &mut Rng::new(1));
        assert_eq!(a, draw(&bank, &config(4, &[]), &mut Rng::new(1)));
    }

    #[test]
    fn the_real_bank_has_topics_that_are_lessons() {
        let course = crate::course::test_course();
        let bank: Vec<Question> = course
            .lessons
            .iter()
            .flat_map(|l| l.manifest.questions.iter())
            .filter(|q| q.topic.is_some())
            .cloned()
            .collect();
        assert!(bank.len() >= 40);
        for topic in topics(&bank) {
            assert!(
                course.lesson(&topic).is_some(),
                "topic `{topic}` is no lesson"
            );
        }
    }
}
