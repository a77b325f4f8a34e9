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
/// optional fields are left out rather than written as `null`, and each policy is written as
/// the trainer typed it (a JSON object in their key order and layout), not as a string.
pub fn lesson_json(scenario: &iamplay_course::Scenario) -> String {
    let mut value = serde_json::to_value(scenario).unwrap_or_default();
    let mut texts = Vec::new();
    if let serde_json::Value::Object(map) = &mut value {
        map.retain(|_, field| !field.is_null());
    }
    for_each_policy(&mut value, &mut |policy| mark(policy, &mut texts));
    let mut out = serde_json::to_string_pretty(&value).unwrap_or_default();
    for (index, text) in texts.iter().enumerate() {
        let marker = serde_json::to_string(&marker(index)).unwrap_or_default();
        let Some(at) = out.find(&marker) else {
            continue;
        };
        let line_start = out[..at].rfind('\n').map_or(0, |n| n + 1);
        let indent: String = out[line_start..at]
            .chars()
            .take_while(|c| *c == ' ')
            .collect();
        let indented = text.trim().replace('\n', &format!("\n{indent}"));
        out.replace_range(at..at + marker.len(), &indented);
    }
    out
}

/// Calls `visit` on every policy of a scenario held as JSON: the starter, the answer, and each
/// fixed policy's document.
pub(crate) fn for_each_policy(
    scenario: &mut serde_json::Value,
    visit: &mut dyn FnMut(&mut serde_json::Value),
) {
    let serde_json::Value::Object(map) = scenario else {
        return;
    };
    for key in ["starter", "answer"] {
        map.get_mut(key).into_iter().for_each(&mut *visit);
    }
    let Some(serde_json::Value::Object(fixed)) = map.get_mut("fixed") else {
        return;
    };
    for (slot, policies) in fixed.iter_mut() {
        let levels = slot == "scps" || slot == "rcps";
        let entries: Vec<&mut serde_json::Value> = match policies {
            serde_json::Value::Array(list) if levels => list
                .iter_mut()
                .filter_map(serde_json::Value::as_array_mut)
                .flatten()
                .collect(),
            serde_json::Value::Array(list) => list.iter_mut().collect(),
            single => vec![single],
        };
        for entry in entries {
            match entry.get_mut("document") {
                Some(document) => visit(document),
                None => visit(entry),
            }
        }
    }
}

/// Where the `index`th policy's text goes once the rest is printed.
fn marker(index: usize) -> String {
    format!("\u{1}policy-{index}")
}

/// Replaces a policy's text by a marker when it is JSON (other text stays a string).
fn mark(policy: &mut serde_json::Value, texts: &mut Vec<String>) {
    let Some(text) = policy.as_str() else {
        return;
    };
    if serde_json::from_str::<serde_json::Value>(text).is_ok() {
        texts.push(text.to_owned());
        *policy = marker(texts.len() - 1).into();
    }
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
        // The course loader's reader gives back each policy as the trainer typed it.
        let back: iamplay_course::Scenario = iamplay_engine::json::from_str(&text).unwrap();
        assert_eq!(back, scenario);
    }
}
