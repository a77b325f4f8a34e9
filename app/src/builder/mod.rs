//! The scenario builder (`/build`): a trainer's form for one scenario, as plain tested Rust.
//!
//! - [`draft`]: the form as data, saved as typed, and its conversion to a course [`Scenario`]
//!   (with the JSON problems of its policy and context fields, at their positions).
//! - [`problems`]: the course checker's problems (and the conversion's) placed at the form's
//!   fields.
//! - [`link`]: a scenario in a URL fragment, compressed and checked on open, for learners.
//!
//! [`Scenario`]: iamplay_course::Scenario

pub mod draft;
pub mod link;
pub mod problems;

pub use draft::{CheckDraft, Draft, FixedDraft};
pub use problems::{check_draft, Field, FieldProblem};

/// The key of the builder's draft among the saved drafts (exported and imported with them).
pub const DRAFT_KEY: &str = "build/draft";

/// The progress key's lesson part for the trainer's own tries of the draft.
pub const TRY_LESSON: &str = "build-try";

/// The draft as the scenario panel shows it to a learner, its Markdown parsed. Progress keys
/// must be `lesson/scenario` in kebab-case (an exported file with another key does not import),
/// so a draft whose id is not yet valid is tried as `draft`.
pub fn try_scenario(draft: &Draft) -> iamplay_course::Scenario<iamplay_course::markdown::Document> {
    let (mut scenario, _) = draft.to_scenario();
    if !iamplay_course::is_kebab_case(&scenario.id) {
        "draft".clone_into(&mut scenario.id);
    }
    scenario.map_prose(&mut |text: String| iamplay_course::markdown::parse(&text))
}

/// The scenario as a `lesson.json` holds it, to paste into a lesson's `scenarios` list: absent
/// optional fields are left out rather than written as `null`.
pub fn lesson_json(scenario: &iamplay_course::Scenario) -> String {
    let mut value = serde_json::to_value(scenario).unwrap_or_default();
    if let serde_json::Value::Object(map) = &mut value {
        map.retain(|_, field| !field.is_null());
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_try_is_saved_under_a_key_an_export_can_import_again() {
        let mut draft = draft::tests::sound();
        for (id, tried) in [
            ("read-raw-data", "read-raw-data"),
            ("Read raw", "draft"),
            ("", "draft"),
        ] {
            draft.id = id.to_owned();
            let scenario = try_scenario(&draft);
            assert_eq!(scenario.id, tried);
            let key = crate::progress::scenario_key(TRY_LESSON, &scenario.id);
            assert!(iamplay_progress::exchange::is_scenario_key(&key), "{key}");
        }
    }

    #[test]
    fn lesson_json_reads_back_as_the_scenario_and_has_no_nulls() {
        let (scenario, _) = draft::tests::sound().to_scenario();
        let text = lesson_json(&scenario);
        assert!(!text.contains("null"), "{text}");
        assert!(
            text.starts_with("{\n  \"id\": \"read-raw-data\",\n  \"title\""),
            "{text}"
        );
        let back: iamplay_course::Scenario = serde_json::from_str(&text).unwrap();
        assert_eq!(back, scenario);
    }
}
