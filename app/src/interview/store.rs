//! Where interview results are kept until the shared progress store takes them: the browser's
//! local storage, behind [`ResultSink`](super::ResultSink).

use serde::{Deserialize, Serialize};

use super::{ResultSink, Score};

const KEY: &str = "iamplay.interview.results";
/// Enough history to see a trend without growing storage forever.
const KEEP: usize = 20;

/// One finished session as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredResult {
    /// Milliseconds since the Unix epoch.
    pub finished_at: u64,
    pub correct: usize,
    pub total: usize,
    /// (topic, correct, total)
    pub by_topic: Vec<(String, usize, usize)>,
}

impl StoredResult {
    pub fn of(score: &Score, finished_at: u64) -> StoredResult {
        StoredResult {
            finished_at,
            correct: score.correct,
            total: score.total,
            by_topic: score
                .by_topic
                .iter()
                .map(|t| (t.topic.clone(), t.correct, t.total))
                .collect(),
        }
    }
}

/// Appends `result` to the stored history text, dropping the oldest beyond [`KEEP`]; a
/// damaged history is started afresh rather than failing.
pub fn append(history: &str, result: StoredResult) -> String {
    let mut results: Vec<StoredResult> = serde_json::from_str(history).unwrap_or_default();
    results.push(result);
    let extra = results.len().saturating_sub(KEEP);
    results.drain(..extra);
    serde_json::to_string(&results).unwrap_or_default()
}

pub fn history(text: &str) -> Vec<StoredResult> {
    serde_json::from_str(text).unwrap_or_default()
}

/// Local storage through `interop::page`.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalResults;

impl LocalResults {
    pub fn history(&self) -> Vec<StoredResult> {
        history(&crate::interop::page::storage_get(KEY))
    }
}

impl ResultSink for LocalResults {
    fn record(&self, score: &Score) {
        use crate::interop::page;
        let result = StoredResult::of(score, page::epoch_millis() as u64);
        page::storage_set(KEY, &append(&page::storage_get(KEY), result));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(n: usize) -> StoredResult {
        StoredResult {
            finished_at: n as u64,
            correct: n,
            total: 30,
            by_topic: vec![],
        }
    }

    #[test]
    fn history_keeps_the_latest_and_survives_damage() {
        let mut text = String::from("not json");
        for n in 0..25 {
            text = append(&text, result(n));
        }
        let kept = history(&text);
        assert_eq!(kept.len(), KEEP);
        assert_eq!(kept.first().map(|r| r.correct), Some(5));
        assert_eq!(kept.last().map(|r| r.correct), Some(24));
    }
}
