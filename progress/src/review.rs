//! Spaced review on a Leitner schedule: what the learner missed (a drill, a question, a
//! scenario left unsolved) becomes a card; each right answer moves the card to a box reviewed
//! half as often, a wrong one sends it back to the first box.

use serde::{Deserialize, Serialize};

/// Days between reviews for boxes 1 to 5; a right answer in the last box retires the card.
pub const INTERVALS: [u32; 5] = [1, 2, 4, 8, 16];

/// One item to review: which box it is in and the day (UTC days since 1970) it is due.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Card {
    #[serde(rename = "box")]
    pub level: u8,
    pub due: u32,
}

impl Card {
    /// A fresh miss: the first box, due at once.
    pub fn missed(today: u32) -> Card {
        Card {
            level: 1,
            due: today,
        }
    }

    pub fn is_due(&self, today: u32) -> bool {
        self.due <= today
    }

    /// The card after a review; `None` when a right answer retires it.
    pub fn answered(self, right: bool, today: u32) -> Option<Card> {
        if !right {
            // Back to the first box, and not again the same day.
            return Some(Card {
                level: 1,
                due: today + INTERVALS[0],
            });
        }
        let level = self.level.max(1) + 1;
        let interval = INTERVALS.get(usize::from(level) - 1)?;
        Some(Card {
            level,
            due: today + interval,
        })
    }
}

/// What a card stands for, read from its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// `drill:TOPIC:LEVEL:SEED`: a generated drill, made again from its seed.
    Drill { topic: String, level: u8, seed: u64 },
    /// `question:ID`.
    Question(String),
    /// `scenario:LESSON/SCENARIO`.
    Scenario(String),
}

impl Item {
    pub fn key(&self) -> String {
        match self {
            Item::Drill { topic, level, seed } => format!("drill:{topic}:{level}:{seed}"),
            Item::Question(id) => format!("question:{id}"),
            Item::Scenario(key) => format!("scenario:{key}"),
        }
    }

    pub fn parse(key: &str) -> Option<Item> {
        let (kind, rest) = key.split_once(':')?;
        match kind {
            "drill" => {
                let mut parts = rest.split(':');
                let topic = parts.next()?.to_owned();
                let level = parts.next()?.parse().ok()?;
                let seed = parts.next()?.parse().ok()?;
                parts
                    .next()
                    .is_none()
                    .then_some(Item::Drill { topic, level, seed })
            }
            "question" => Some(Item::Question(rest.to_owned())),
            "scenario" => Some(Item::Scenario(rest.to_owned())),
            _ => None,
        }
    }
}

/// The UTC day of a time in milliseconds since 1970.
pub fn day_of(millis: f64) -> u32 {
    (millis / 86_400_000.0).floor().max(0.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_answers_space_a_card_out_until_it_retires() {
        let mut card = Card::missed(100);
        assert!(card.is_due(100));
        let mut dues = Vec::new();
        let mut today = 100;
        while let Some(next) = card.answered(true, today) {
            dues.push(next.due - today);
            today = next.due;
            card = next;
        }
        assert_eq!(dues, [2, 4, 8, 16]);
    }

    #[test]
    fn a_wrong_answer_goes_back_to_the_first_box_tomorrow() {
        let card = Card { level: 4, due: 50 };
        assert_eq!(card.answered(false, 50), Some(Card { level: 1, due: 51 }));
        assert!(!Card { level: 1, due: 51 }.is_due(50));
    }

    #[test]
    fn keys_read_back() {
        let items = [
            Item::Drill {
                topic: "scps-rcps".into(),
                level: 3,
                seed: 987_654_321,
            },
            Item::Question("q-trust-1".into()),
            Item::Scenario("trust-vs-permissions/trust-glue".into()),
        ];
        for item in items {
            assert_eq!(Item::parse(&item.key()), Some(item));
        }
        assert_eq!(Item::parse("drill:mfa:x:1"), None);
        assert_eq!(Item::parse("drill:mfa:1:2:3"), None);
        assert_eq!(Item::parse("lesson:x"), None);
    }

    #[test]
    fn days_are_utc_days() {
        assert_eq!(day_of(0.0), 0);
        assert_eq!(day_of(86_400_000.0 * 3.0 + 5.0), 3);
    }
}
