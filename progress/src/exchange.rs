//! The progress file a learner exports and imports: progress and drafts in one JSON document.
//! Import is all or nothing: a file that fails any check changes nothing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::moves;
use crate::schema::{self, LoadOutcome};
use crate::Progress;

/// The `format` tag that tells this file from any other JSON.
pub const FILE_FORMAT: &str = "iamplay-progress";
/// Larger files are refused before parsing.
pub const MAX_FILE_BYTES: usize = 5_000_000;
/// A draft longer than this is not a policy anyone typed.
pub const MAX_DRAFT_CHARS: usize = 200_000;

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ProgressFile {
    format: String,
    version: u32,
    exported_at: String,
    progress: Value,
    #[serde(default)]
    drafts: BTreeMap<String, String>,
}

/// What an imported file holds, ready to replace the current state.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub progress: Progress,
    pub drafts: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    #[error("the file is {bytes} bytes, larger than a progress file can be")]
    TooLarge { bytes: usize },
    #[error("the file is not JSON: {message} (line {line}, column {column})")]
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("the file is not an IAM Playground progress file: {message}")]
    NotProgress { message: String },
    #[error("the progress in the file cannot be read: {reason}")]
    Unreadable { reason: String },
    #[error("the draft `{key}` is not named `lesson/scenario`")]
    BadDraftKey { key: String },
    #[error("the draft `{key}` is {chars} characters long, too long to be a policy")]
    DraftTooLong { key: String, chars: usize },
}

impl ImportError {
    pub fn help(&self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } | ImportError::NotJson { .. } | ImportError::NotProgress { .. } => {
                "choose a file saved with “Export progress”; nothing was changed"
            }
            ImportError::Unreadable { .. }
            | ImportError::BadDraftKey { .. }
            | ImportError::DraftTooLong { .. } => {
                "the file was edited or damaged; export again from the browser that holds your progress. Nothing was changed"
            }
        }
    }
}

/// The file to download. `exported_at` is an ISO 8601 time from the browser clock.
pub fn export(progress: &Progress, drafts: &BTreeMap<String, String>, exported_at: &str) -> String {
    let file = ProgressFile {
        format: FILE_FORMAT.to_owned(),
        version: schema::SCHEMA_VERSION,
        exported_at: exported_at.to_owned(),
        progress: serde_json::to_value(progress).unwrap_or(Value::Null),
        drafts: drafts.clone(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads and validates an exported file.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|err| ImportError::NotJson {
        message: short_message(&err),
        line: err.line(),
        column: err.column(),
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FILE_FORMAT) {
        return Err(ImportError::NotProgress {
            message: format!("it has no `\"format\": \"{FILE_FORMAT}\"`"),
        });
    }
    let file: ProgressFile =
        serde_json::from_value(value).map_err(|err| ImportError::NotProgress {
            message: err.to_string(),
        })?;
    let envelope = serde_json::json!({ "version": file.version, "progress": file.progress });
    let progress = match schema::from_text(Some(&envelope.to_string())) {
        LoadOutcome::Loaded(progress) | LoadOutcome::Migrated { progress, .. } => progress,
        LoadOutcome::Fresh => Progress::default(),
        LoadOutcome::Unreadable { reason } => return Err(ImportError::Unreadable { reason }),
    };
    for (key, text) in &file.drafts {
        if !is_scenario_key(key) {
            return Err(ImportError::BadDraftKey { key: key.clone() });
        }
        let chars = text.chars().count();
        if chars > MAX_DRAFT_CHARS {
            return Err(ImportError::DraftTooLong {
                key: key.clone(),
                chars,
            });
        }
    }
    for key in progress.scenarios.keys() {
        if !is_scenario_key(key) {
            return Err(ImportError::Unreadable {
                reason: format!("the scenario `{key}` is not named `lesson/scenario`"),
            });
        }
    }
    Ok(Imported {
        progress,
        drafts: moves::rename_drafts(file.drafts),
    })
}

/// `lesson/scenario`, both kebab-case ids.
pub fn is_scenario_key(key: &str) -> bool {
    let kebab = |id: &str| {
        !id.is_empty()
            && id.len() <= 100
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    matches!(key.split_once('/'), Some((lesson, scenario)) if kebab(lesson) && kebab(scenario))
}

/// serde_json appends " at line L column C"; the error shows them separately.
fn short_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Progress, BTreeMap<String, String>) {
        let mut progress = Progress::default();
        progress.update_scenario("policy-anatomy/write-two-statements", |s| {
            s.completed = true
        });
        progress.record_question("q-1", vec![1], true);
        let drafts = BTreeMap::from([(
            "policy-anatomy/write-two-statements".to_owned(),
            "{\"Version\": \"2012-10-17\"}".to_owned(),
        )]);
        (progress, drafts)
    }

    #[test]
    fn an_exported_file_imports_to_the_same_state() {
        let (progress, drafts) = sample();
        let text = export(&progress, &drafts, "2026-11-23T07:00:00Z");
        assert!(text.contains("\"format\": \"iamplay-progress\""));
        assert_eq!(import(&text), Ok(Imported { progress, drafts }));
    }

    #[test]
    fn an_older_file_imports_with_moved_scenarios_renamed() {
        let text = r#"{"format":"iamplay-progress","version":1,"exportedAt":"x",
            "progress":{"scenarios":{"users-and-groups/spot-mfa-deny":{"completed":true}}},
            "drafts":{"no-hardcoded-credentials/self-service-access-keys":"d"}}"#;
        let imported = import(text).unwrap();
        assert!(
            imported
                .progress
                .scenario("conditions/spot-mfa-deny")
                .completed
        );
        assert_eq!(
            imported.drafts,
            BTreeMap::from([(
                "users-and-groups/own-access-keys".to_owned(),
                "d".to_owned()
            )])
        );
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let (progress, _) = sample();
        let with_drafts = |drafts: &str| {
            format!(
                r#"{{"format":"iamplay-progress","version":1,"exportedAt":"x","progress":{},"drafts":{drafts}}}"#,
                serde_json::to_string(&progress).unwrap()
            )
        };
        let cases: Vec<(String, &str)> = vec![
            ("not json".into(), "the file is not JSON: expected ident (line 1, column 2)"),
            ("[1, 2]".into(), "the file is not an IAM Playground progress file: it has no `\"format\": \"iamplay-progress\"`"),
            (
                r#"{"format":"iamplay-progress","version":1,"exportedAt":"x","progress":{},"extra":1}"#.into(),
                "the file is not an IAM Playground progress file: unknown field `extra`",
            ),
            (
                r#"{"format":"iamplay-progress","version":7,"exportedAt":"x","progress":{}}"#.into(),
                "the progress in the file cannot be read: it was saved by another version",
            ),
            (with_drafts(r#"{"../etc":"x"}"#), "the draft `../etc` is not named `lesson/scenario`"),
            (
                r#"{"format":"iamplay-progress","version":1,"exportedAt":"x","progress":{"scenarios":{"<b>":{}}}}"#.into(),
                "the progress in the file cannot be read: the scenario `<b>` is not named",
            ),
        ];
        for (text, expected) in cases {
            let err = import(&text).expect_err(&text);
            assert!(err.to_string().starts_with(expected), "{text}\n{err}");
            assert!(
                err.help().contains("Nothing was changed")
                    || err.help().contains("nothing was changed")
            );
        }
    }

    #[test]
    fn oversized_input_is_refused_before_parsing() {
        let text = " ".repeat(MAX_FILE_BYTES + 1);
        assert!(matches!(import(&text), Err(ImportError::TooLarge { .. })));
        let long = "x".repeat(MAX_DRAFT_CHARS + 1);
        let text = format!(
            r#"{{"format":"iamplay-progress","version":1,"exportedAt":"x","progress":{{}},"drafts":{{"l/s":"{long}"}}}}"#
        );
        assert!(matches!(
            import(&text),
            Err(ImportError::DraftTooLong { .. })
        ));
    }

    #[test]
    fn scenario_keys_are_two_kebab_ids() {
        assert!(is_scenario_key("how-aws-decides/predict-deny-wins"));
        for bad in ["", "a", "a/", "/b", "a/b/c", "A/b", "a/b c"] {
            assert!(!is_scenario_key(bad), "{bad}");
        }
    }
}
