//! Scenarios the course moved to another lesson or folded into another scenario. Progress is
//! saved by `lesson/scenario`, so without this a moved scenario would look untouched and its
//! draft would be orphaned. Schema 2 renames the keys in saved progress; drafts live under
//! their own storage keys and are renamed when the book opens or a file is imported.

use std::collections::BTreeMap;

use serde_json::Value;

/// Old key, new key. The old scenario no longer exists under its old key.
pub const MOVED_SCENARIOS: &[(&str, &str)] = &[
    // Taught with `...IfExists` in Conditions, instead of before it in Users and groups.
    ("users-and-groups/spot-mfa-deny", "conditions/spot-mfa-deny"),
    // Was a copy of the users-and-groups exercise of the same name; the copy is gone.
    (
        "no-hardcoded-credentials/self-service-access-keys",
        "users-and-groups/own-access-keys",
    ),
];

/// Schema 1 to 2: each moved scenario's state goes to its new key. When both keys hold a state
/// (the learner did both copies of a duplicate), a completed one wins, then the newer key's.
pub fn rename_scenarios(mut progress: Value) -> Result<Value, String> {
    // A shape that is not a map is left for deserialising to report.
    let Some(scenarios) = progress.get_mut("scenarios").and_then(Value::as_object_mut) else {
        return Ok(progress);
    };
    for (old, new) in MOVED_SCENARIOS {
        let Some(moved) = scenarios.remove(*old) else {
            continue;
        };
        let completed = |state: &Value| state.get("completed") == Some(&Value::Bool(true));
        let keep_existing = scenarios
            .get(*new)
            .is_some_and(|existing| completed(existing) || !completed(&moved));
        if !keep_existing {
            scenarios.insert((*new).to_owned(), moved);
        }
    }
    Ok(progress)
}

/// The key a draft belongs under now.
pub fn current_key(key: &str) -> &str {
    MOVED_SCENARIOS
        .iter()
        .find(|(old, _)| *old == key)
        .map_or(key, |(_, new)| new)
}

/// Renames moved drafts in an imported set; a draft already under the new key wins.
pub fn rename_drafts(drafts: BTreeMap<String, String>) -> BTreeMap<String, String> {
    let mut renamed = BTreeMap::new();
    let (moved, kept): (Vec<_>, Vec<_>) = drafts
        .into_iter()
        .partition(|(key, _)| current_key(key) != key);
    renamed.extend(kept);
    for (key, text) in moved {
        renamed.entry(current_key(&key).to_owned()).or_insert(text);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn moved_states_follow_their_scenario() {
        let old = json!({
            "scenarios": {
                "users-and-groups/spot-mfa-deny": { "completed": true, "spotted": "edited/DenyWithoutMfa" },
                "what-iam-answers/first-allow": { "completed": true }
            },
            "questions": {}
        });
        let new = rename_scenarios(old).unwrap();
        assert_eq!(
            new["scenarios"],
            json!({
                "conditions/spot-mfa-deny": { "completed": true, "spotted": "edited/DenyWithoutMfa" },
                "what-iam-answers/first-allow": { "completed": true }
            })
        );
    }

    #[test]
    fn a_duplicate_keeps_the_completed_state() {
        let both = |old_done: bool, new_done: bool| {
            json!({ "scenarios": {
                "no-hardcoded-credentials/self-service-access-keys": { "completed": old_done, "hintsShown": 1 },
                "users-and-groups/own-access-keys": { "completed": new_done, "hintsShown": 2 }
            }})
        };
        let kept = |value: Value| {
            let new = rename_scenarios(value).unwrap();
            let scenarios = new["scenarios"].as_object().unwrap().clone();
            assert_eq!(scenarios.len(), 1, "{scenarios:?}");
            scenarios["users-and-groups/own-access-keys"].clone()
        };
        assert_eq!(kept(both(true, false))["hintsShown"], 1);
        assert_eq!(kept(both(false, true))["hintsShown"], 2);
        assert_eq!(kept(both(true, true))["hintsShown"], 2);
        assert_eq!(kept(both(false, false))["hintsShown"], 2);
    }

    #[test]
    fn progress_without_scenarios_or_with_a_bad_shape() {
        assert_eq!(rename_scenarios(json!({})).unwrap(), json!({}));
        let odd = json!({ "scenarios": [1] });
        assert_eq!(rename_scenarios(odd.clone()).unwrap(), odd);
    }

    /// Whether the built-in course has the scenario `lesson/scenario`.
    fn in_course(key: &str) -> bool {
        let (lesson, scenario) = key.split_once('/').unwrap();
        let Some(text) = iamplay_lessons::file(&format!("{lesson}/lesson.json")) else {
            return false;
        };
        let manifest: Value = serde_json::from_str(text).unwrap();
        manifest["scenarios"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == scenario)
    }

    #[test]
    fn moves_lead_from_gone_scenarios_to_existing_ones() {
        for (old, new) in MOVED_SCENARIOS {
            assert!(!in_course(old), "{old} is still in the course");
            assert!(in_course(new), "{new} is not in the course");
        }
    }

    #[test]
    fn drafts_follow_unless_the_new_key_has_one() {
        let drafts = BTreeMap::from([
            ("users-and-groups/spot-mfa-deny".to_owned(), "a".to_owned()),
            (
                "no-hardcoded-credentials/self-service-access-keys".to_owned(),
                "b".to_owned(),
            ),
            (
                "users-and-groups/own-access-keys".to_owned(),
                "c".to_owned(),
            ),
        ]);
        assert_eq!(
            rename_drafts(drafts),
            BTreeMap::from([
                ("conditions/spot-mfa-deny".to_owned(), "a".to_owned()),
                (
                    "users-and-groups/own-access-keys".to_owned(),
                    "c".to_owned()
                ),
            ])
        );
        assert_eq!(current_key("l/s"), "l/s");
    }
}
