//! Saved progress as text: a versioned envelope, migrations from older versions, and what to
//! do with text that cannot be read (set it aside and start fresh, never crash).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Progress;

/// The version written today. Bump it and add a step to [`MIGRATIONS`] when the shape of
/// [`Progress`] changes in a way serde defaults cannot absorb (a rename, a move).
pub const SCHEMA_VERSION: u32 = 3;

/// A step from version `n` to `n + 1` (the step at index `n - 1`), on the raw JSON so the old
/// shape needs no Rust type.
pub type Migration = fn(Value) -> Result<Value, String>;

/// The migrations of the real schema history, oldest first. Version 1 is the first shipped;
/// version 2 follows the scenarios the course moved; version 3 adds spaced review.
pub const MIGRATIONS: &[Migration] = &[crate::moves::rename_scenarios, review_past_misses];

/// Version 3 adds spaced review: what version 1 recorded as missed (a question answered
/// wrongly, a scenario tried and not solved) becomes a card in the first box, due at once.
fn review_past_misses(mut progress: Value) -> Result<Value, String> {
    let Some(object) = progress.as_object_mut() else {
        // Left for the final read to reject with its own reason.
        return Ok(progress);
    };
    let mut cards = serde_json::Map::new();
    let due_now = serde_json::json!({ "box": 1, "due": 0 });
    if let Some(questions) = object.get("questions").and_then(Value::as_object) {
        for (id, state) in questions {
            if state.get("correct") == Some(&Value::Bool(false)) {
                cards.insert(format!("question:{id}"), due_now.clone());
            }
        }
    }
    if let Some(scenarios) = object.get("scenarios").and_then(Value::as_object) {
        for (key, state) in scenarios {
            let flag = |name: &str| state.get(name) == Some(&Value::Bool(true));
            if flag("attempted") && !flag("completed") {
                cards.insert(format!("scenario:{key}"), due_now.clone());
            }
        }
    }
    object.insert("review".to_owned(), Value::Object(cards));
    Ok(progress)
}

#[derive(Debug, Serialize, Deserialize)]
struct Envelope<T> {
    version: u32,
    progress: T,
}

/// What reading the saved text gave.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadOutcome {
    /// Nothing was saved yet.
    Fresh,
    Loaded(Progress),
    /// Read from an older version and upgraded; save it back.
    Migrated {
        progress: Progress,
        from: u32,
    },
    /// The text cannot be used; keep it aside and start fresh. `reason` is for the notice.
    Unreadable {
        reason: String,
    },
}

impl LoadOutcome {
    pub fn progress(&self) -> Progress {
        match self {
            LoadOutcome::Loaded(progress) | LoadOutcome::Migrated { progress, .. } => {
                progress.clone()
            }
            LoadOutcome::Fresh | LoadOutcome::Unreadable { .. } => Progress::default(),
        }
    }
}

/// The text to save.
pub fn to_text(progress: &Progress) -> String {
    let envelope = Envelope {
        version: SCHEMA_VERSION,
        progress,
    };
    // Plain maps and strings: serialising cannot fail.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads saved text with the real migrations.
pub fn from_text(text: Option<&str>) -> LoadOutcome {
    from_text_with(text, SCHEMA_VERSION, MIGRATIONS)
}

/// Reads saved text written at any version up to `current`, upgrading through `steps`.
pub fn from_text_with(text: Option<&str>, current: u32, steps: &[Migration]) -> LoadOutcome {
    let Some(text) = text else {
        return LoadOutcome::Fresh;
    };
    let unreadable = |reason: String| LoadOutcome::Unreadable { reason };
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(err) => return unreadable(format!("it is not valid JSON ({err})")),
    };
    let Some(version) = value.get("version").and_then(Value::as_u64) else {
        return unreadable("it has no schema version".to_owned());
    };
    let Ok(version) = u32::try_from(version) else {
        return unreadable(format!(
            "its schema version {version} is not one this app knows"
        ));
    };
    if version == 0 || version > current {
        return unreadable(format!(
            "it was saved by another version of the app (schema {version}; this one reads up to {current})"
        ));
    }
    if (steps.len() as u32) < current - 1 {
        return unreadable(format!("no upgrade is known from schema {version}"));
    }
    let mut progress = value.get("progress").cloned().unwrap_or(Value::Null);
    for (index, step) in steps
        .iter()
        .enumerate()
        .skip(version as usize - 1)
        .take((current - version) as usize)
    {
        progress = match step(progress) {
            Ok(next) => next,
            Err(reason) => {
                return unreadable(format!(
                    "it could not be upgraded from schema {}: {reason}",
                    index + 1
                ))
            }
        };
    }
    match serde_json::from_value::<Progress>(progress) {
        Ok(progress) if version == current => LoadOutcome::Loaded(progress),
        Ok(progress) => LoadOutcome::Migrated {
            progress,
            from: version,
        },
        Err(err) => unreadable(format!("its content does not fit ({err})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn saved() -> Progress {
        let mut progress = Progress::default();
        progress.update_scenario("l/s", |s| {
            s.completed = true;
            s.hints_shown = 2;
        });
        progress.record_question("q1", vec![0, 2], true);
        progress
    }

    #[test]
    fn saved_progress_reads_back() {
        let text = to_text(&saved());
        assert!(text.starts_with(r#"{"version":3,"#), "{text}");
        assert_eq!(from_text(Some(&text)), LoadOutcome::Loaded(saved()));
        assert_eq!(from_text(None), LoadOutcome::Fresh);
    }

    #[test]
    fn version_one_misses_become_review_cards_due_at_once() {
        let old = r#"{"version":1,"progress":{
            "scenarios":{"l/tried":{"attempted":true},"l/done":{"attempted":true,"completed":true}},
            "questions":{"q-wrong":{"chosen":[1],"correct":false},"q-right":{"chosen":[0],"correct":true}}}}"#;
        let LoadOutcome::Migrated { progress, from } = from_text(Some(old)) else {
            panic!("expected a migration");
        };
        assert_eq!(from, 1);
        let keys: Vec<&str> = progress.review.keys().map(String::as_str).collect();
        assert_eq!(keys, ["question:q-wrong", "scenario:l/tried"]);
        assert_eq!(progress.due(0).len(), 2);
        assert!(
            progress.scenario("l/tried").attempted,
            "nothing else changes"
        );
    }

    #[test]
    fn fields_added_later_take_their_defaults() {
        let text = r#"{"version":3,"progress":{"scenarios":{"l/s":{"completed":true}}}}"#;
        let progress = from_text(Some(text)).progress();
        assert!(progress.scenario("l/s").completed);
        assert_eq!(progress.scenario("l/s").hints_shown, 0);
        assert!(progress.interviews.is_empty());
    }

    /// A made-up history for the machinery: schema 1 kept completed scenarios as a list,
    /// schema 2 as a map of states.
    fn list_to_map(value: Value) -> Result<Value, String> {
        let list = value
            .get("completed")
            .and_then(Value::as_array)
            .ok_or("`completed` is not a list")?;
        let scenarios: serde_json::Map<String, Value> = list
            .iter()
            .filter_map(Value::as_str)
            .map(|key| (key.to_owned(), json!({ "completed": true })))
            .collect();
        Ok(json!({ "scenarios": scenarios }))
    }

    #[test]
    fn an_older_schema_is_migrated_step_by_step() {
        let old = r#"{"version":1,"progress":{"completed":["l/s","l/t"]}}"#;
        let outcome = from_text_with(Some(old), 2, &[list_to_map]);
        let LoadOutcome::Migrated { progress, from } = outcome else {
            panic!("expected a migration, got {outcome:?}");
        };
        assert_eq!(from, 1);
        assert!(progress.scenario("l/t").completed);
        let current = r#"{"version":2,"progress":{"scenarios":{"l/s":{"completed":true}}}}"#;
        assert!(matches!(
            from_text_with(Some(current), 2, &[list_to_map]),
            LoadOutcome::Loaded(_)
        ));
    }

    #[test]
    fn a_failing_migration_sets_the_text_aside() {
        let old = r#"{"version":1,"progress":{"completed":7}}"#;
        let LoadOutcome::Unreadable { reason } = from_text_with(Some(old), 2, &[list_to_map])
        else {
            panic!("expected unreadable");
        };
        assert_eq!(
            reason,
            "it could not be upgraded from schema 1: `completed` is not a list"
        );
    }

    #[test]
    fn corrupt_text_is_unreadable_with_a_reason() {
        let cases = [
            ("{\"version\":1,", "it is not valid JSON"),
            (r#"{"progress":{}}"#, "it has no schema version"),
            (
                r#"{"version":9,"progress":{}}"#,
                "it was saved by another version",
            ),
            (
                r#"{"version":0,"progress":{}}"#,
                "it was saved by another version",
            ),
            (
                r#"{"version":1,"progress":{"scenarios":[1,2]}}"#,
                "its content does not fit",
            ),
            (
                r#"{"version":1,"progress":null}"#,
                "its content does not fit",
            ),
        ];
        for (text, expected) in cases {
            let outcome = from_text(Some(text));
            let LoadOutcome::Unreadable { reason } = &outcome else {
                panic!("{text}: expected unreadable, got {outcome:?}");
            };
            assert!(reason.starts_with(expected), "{text}: {reason}");
            assert_eq!(outcome.progress(), Progress::default());
        }
    }
}
