//! Interview results saved before they joined the progress store: interview mode used to keep
//! them under their own key. They are adopted into [`Progress`] once, so no past session is
//! lost, and the old key is removed only after the progress is safely written.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{InterviewResult, TopicScore};

/// The key interview mode wrote its history under.
pub const LEGACY_INTERVIEWS_KEY: &str = "iamplay.interview.results";

/// One session as the old key held it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LegacyInterview {
    /// Milliseconds since the Unix epoch.
    finished_at: u64,
    correct: u32,
    total: u32,
    /// (lesson id, correct, total)
    #[serde(default)]
    by_topic: Vec<(String, u32, u32)>,
}

/// The sessions in the old history text, oldest first; `None` when the text cannot be read
/// (it is then left where it is rather than thrown away).
pub fn interviews_from_legacy(text: &str) -> Option<Vec<InterviewResult>> {
    let old: Vec<LegacyInterview> = serde_json::from_str(text).ok()?;
    Some(
        old.into_iter()
            .map(|session| InterviewResult {
                finished_at: iso_from_epoch_millis(session.finished_at),
                // The old history did not keep the duration or the missed questions.
                seconds: 0,
                correct: session.correct,
                total: session.total,
                topics: session
                    .by_topic
                    .into_iter()
                    .map(|(topic, correct, total)| (topic, TopicScore { correct, total }))
                    .collect::<BTreeMap<_, _>>(),
                ..InterviewResult::default()
            })
            .collect(),
    )
}

/// `2026-11-23T07:05:09.250Z` for a time in milliseconds since the Unix epoch (UTC), the same
/// shape as JavaScript's `toISOString`, without needing the browser's clock.
pub fn iso_from_epoch_millis(millis: u64) -> String {
    let days = millis / 86_400_000;
    let in_day = millis % 86_400_000;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
}

/// Year, month and day of the `days`-th day after 1970-01-01 in the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`, for days on or after the epoch).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_millis_read_as_javascript_would_print_them() {
        assert_eq!(iso_from_epoch_millis(0), "1970-01-01T00:00:00.000Z");
        // new Date(1795417509250).toISOString()
        assert_eq!(
            iso_from_epoch_millis(1_795_417_509_250),
            "2026-11-23T07:05:09.250Z"
        );
        // A leap day and the last millisecond of a year.
        assert_eq!(
            iso_from_epoch_millis(951_782_400_000),
            "2000-02-29T00:00:00.000Z"
        );
        assert_eq!(
            iso_from_epoch_millis(1_704_067_199_999),
            "2023-12-31T23:59:59.999Z"
        );
    }

    #[test]
    fn old_sessions_become_interview_results() {
        let text = r#"[{"finishedAt":0,"correct":3,"total":4,
            "byTopic":[["conditions",1,2],["least-privilege",2,2]]}]"#;
        let results = interviews_from_legacy(text).expect("readable");
        assert_eq!(results.len(), 1);
        let session = &results[0];
        assert_eq!(session.finished_at, "1970-01-01T00:00:00.000Z");
        assert_eq!((session.correct, session.total), (3, 4));
        assert_eq!(
            session.topics.get("conditions"),
            Some(&TopicScore {
                correct: 1,
                total: 2
            })
        );
        assert_eq!(session.topics.len(), 2);
    }

    #[test]
    fn unreadable_history_is_not_adopted() {
        assert_eq!(interviews_from_legacy("not json"), None);
        assert_eq!(interviews_from_legacy(r#"[{"correct":1}]"#), None);
        assert_eq!(interviews_from_legacy("[]"), Some(Vec::new()));
    }
}
