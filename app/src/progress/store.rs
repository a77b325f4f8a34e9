//! Progress kept in a key-value store (the browser's localStorage in the app, memory in
//! tests): loading with migration, setting unreadable state aside, drafts per scenario,
//! export, import and reset.

use std::collections::BTreeMap;

use super::exchange::{self, ImportError, Imported};
use super::legacy::{interviews_from_legacy, LEGACY_INTERVIEWS_KEY};
use super::moves::MOVED_SCENARIOS;
use super::schema::{self, LoadOutcome};
use super::Progress;

pub use super::context::{provide_progress, use_progress, ProgressStore};

/// The saved progress (everything but drafts).
pub const PROGRESS_KEY: &str = "iamplay.progress";
/// Followed by `lesson/scenario`; holds the editor text as typed.
pub const DRAFT_PREFIX: &str = "iamplay.draft.";
/// Followed by a time stamp; unreadable progress is moved here, never deleted.
pub const SET_ASIDE_PREFIX: &str = "iamplay.progress.unreadable.";

/// The storage the book writes to. Writes may fail (quota, private mode).
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// Saved progress and drafts over a [`KeyValue`] store.
#[derive(Debug)]
pub struct Book<S> {
    storage: S,
    pub progress: Progress,
}

impl<S: KeyValue> Book<S> {
    /// Reads the saved progress. Returns a notice for the learner when it had to be set aside
    /// (under a key ending in `stamp`) or could not be saved back.
    pub fn open(storage: S, stamp: &str) -> (Self, Option<String>) {
        let saved = storage.get(PROGRESS_KEY);
        let outcome = schema::from_text(saved.as_deref());
        let mut book = Book {
            progress: outcome.progress(),
            storage,
        };
        let mut notice = match outcome {
            LoadOutcome::Fresh | LoadOutcome::Loaded(_) => None,
            LoadOutcome::Migrated { .. } => book.save().err(),
            LoadOutcome::Unreadable { reason } => {
                let aside = format!("{SET_ASIDE_PREFIX}{stamp}");
                let kept = saved
                    .as_deref()
                    .map(|text| book.storage.set(&aside, text))
                    .unwrap_or(Ok(()));
                book.storage.remove(PROGRESS_KEY);
                Some(match kept {
                    Ok(()) => format!(
                        "Your saved progress could not be read because {reason}. It is kept in this browser's storage under `{aside}`, and progress starts afresh; your drafts are untouched."
                    ),
                    Err(err) => format!(
                        "Your saved progress could not be read because {reason}, and it could not be kept aside ({err}). Progress starts afresh; your drafts are untouched."
                    ),
                })
            }
        };
        if let Err(err) = book.adopt_legacy_interviews() {
            notice.get_or_insert(err);
        }
        book.move_drafts();
        (book, notice)
    }

    /// Puts drafts of moved scenarios under their new keys; an old draft goes only once it is
    /// copied, and a draft already under the new key wins.
    fn move_drafts(&self) {
        for (old, new) in MOVED_SCENARIOS {
            let Some(text) = self.draft(old) else {
                continue;
            };
            if self.draft(new).is_none() && self.save_draft(new, &text).is_err() {
                continue;
            }
            self.remove_draft(old);
        }
    }

    /// Moves interview sessions saved under the old key into the progress, once: the old key
    /// goes only after the progress holding them is written, and unreadable history stays put.
    fn adopt_legacy_interviews(&mut self) -> Result<(), String> {
        let Some(text) = self.storage.get(LEGACY_INTERVIEWS_KEY) else {
            return Ok(());
        };
        let Some(old) = interviews_from_legacy(&text) else {
            return Ok(());
        };
        let newer = std::mem::take(&mut self.progress.interviews);
        self.progress.interviews = old.into_iter().chain(newer).collect();
        self.save()?;
        self.storage.remove(LEGACY_INTERVIEWS_KEY);
        Ok(())
    }

    /// Writes the progress; the error is a sentence for the learner.
    pub fn save(&mut self) -> Result<(), String> {
        self.storage
            .set(PROGRESS_KEY, &schema::to_text(&self.progress))
            .map_err(|err| format!("Your progress could not be saved in this browser ({err})."))
    }

    pub fn draft(&self, key: &str) -> Option<String> {
        self.storage.get(&format!("{DRAFT_PREFIX}{key}"))
    }

    pub fn save_draft(&self, key: &str, text: &str) -> Result<(), String> {
        self.storage
            .set(&format!("{DRAFT_PREFIX}{key}"), text)
            .map_err(|err| format!("Your draft could not be saved in this browser ({err})."))
    }

    pub fn remove_draft(&self, key: &str) {
        self.storage.remove(&format!("{DRAFT_PREFIX}{key}"));
    }

    pub fn drafts(&self) -> BTreeMap<String, String> {
        self.storage
            .keys()
            .into_iter()
            .filter_map(|key| {
                let scenario = key.strip_prefix(DRAFT_PREFIX)?;
                Some((scenario.to_owned(), self.storage.get(&key)?))
            })
            .collect()
    }

    pub fn export(&self, exported_at: &str) -> String {
        exchange::export(&self.progress, &self.drafts(), exported_at)
    }

    /// Replaces progress and drafts with the file's, or changes nothing if it is invalid.
    pub fn import(&mut self, text: &str) -> Result<Imported, ImportError> {
        let imported = exchange::import(text)?;
        self.replace(imported.progress.clone(), &imported.drafts);
        Ok(imported)
    }

    /// Forgets all progress and drafts (set-aside copies stay).
    pub fn reset(&mut self) {
        self.replace(Progress::default(), &BTreeMap::new());
    }

    fn replace(&mut self, progress: Progress, drafts: &BTreeMap<String, String>) {
        for key in self.storage.keys() {
            if key.starts_with(DRAFT_PREFIX) {
                self.storage.remove(&key);
            }
        }
        for (key, text) in drafts {
            // A failed draft write is reported by the next keystroke's save; keep going.
            let _ = self.save_draft(key, text);
        }
        self.progress = progress;
        let _ = self.save();
    }
}

/// A [`KeyValue`] in memory, for tests (native and in the browser).
#[derive(Debug, Default, Clone)]
pub struct Memory {
    entries: std::rc::Rc<std::cell::RefCell<BTreeMap<String, String>>>,
    /// Writes fail when set, as a full localStorage does.
    pub full: std::rc::Rc<std::cell::Cell<bool>>,
}

impl KeyValue for Memory {
    fn get(&self, key: &str) -> Option<String> {
        self.entries.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        if self.full.get() {
            return Err("the storage quota is exceeded".to_owned());
        }
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.entries.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.entries.borrow().keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(storage: &Memory) -> (Book<Memory>, Option<String>) {
        Book::open(storage.clone(), "1700000000000")
    }

    #[test]
    fn progress_and_drafts_survive_reopening() {
        let storage = Memory::default();
        let (mut book, notice) = open(&storage);
        assert_eq!(notice, None);
        book.progress.update_scenario("l/s", |s| s.completed = true);
        book.save().unwrap();
        book.save_draft("l/s", "{ \"Version\"").unwrap();
        let (book, notice) = open(&storage);
        assert_eq!(notice, None);
        assert!(book.progress.scenario("l/s").completed);
        assert_eq!(book.draft("l/s").as_deref(), Some("{ \"Version\""));
        assert_eq!(book.drafts().len(), 1);
    }

    #[test]
    fn corrupt_progress_is_set_aside_with_a_notice() {
        let storage = Memory::default();
        storage
            .set(PROGRESS_KEY, "{\"version\": 1, \"progr")
            .unwrap();
        storage.set("iamplay.draft.l/s", "my text").unwrap();
        let (book, notice) = open(&storage);
        let notice = notice.expect("a notice");
        assert!(
            notice
                .starts_with("Your saved progress could not be read because it is not valid JSON"),
            "{notice}"
        );
        assert!(notice.contains("`iamplay.progress.unreadable.1700000000000`"));
        assert_eq!(book.progress, Progress::default());
        assert_eq!(
            storage
                .get("iamplay.progress.unreadable.1700000000000")
                .as_deref(),
            Some("{\"version\": 1, \"progr")
        );
        assert_eq!(storage.get(PROGRESS_KEY), None);
        assert_eq!(book.draft("l/s").as_deref(), Some("my text"));
        // The next visit is quiet.
        assert_eq!(open(&storage).1, None);
    }

    #[test]
    fn a_moved_scenario_keeps_its_state_and_draft() {
        let storage = Memory::default();
        storage
            .set(
                PROGRESS_KEY,
                r#"{"version":1,"progress":{"scenarios":{"users-and-groups/spot-mfa-deny":{"completed":true}}}}"#,
            )
            .unwrap();
        storage
            .set("iamplay.draft.users-and-groups/spot-mfa-deny", "draft")
            .unwrap();
        let (book, notice) = open(&storage);
        assert_eq!(notice, None);
        assert!(book.progress.scenario("conditions/spot-mfa-deny").completed);
        assert_eq!(
            book.draft("conditions/spot-mfa-deny").as_deref(),
            Some("draft")
        );
        assert_eq!(book.draft("users-and-groups/spot-mfa-deny"), None);
        // Saved back at the current version.
        let saved = storage.get(PROGRESS_KEY).unwrap();
        assert!(
            saved.starts_with(&format!("{{\"version\":{},", schema::SCHEMA_VERSION)),
            "{saved}"
        );
    }

    #[test]
    fn a_full_storage_is_reported_not_fatal() {
        let storage = Memory::default();
        let (mut book, _) = open(&storage);
        storage.full.set(true);
        let err = book.save_draft("l/s", "x").unwrap_err();
        assert!(err.contains("quota"), "{err}");
        assert!(book.save().is_err());
    }

    #[test]
    fn old_interview_results_are_adopted_once_before_newer_ones() {
        let storage = Memory::default();
        let (mut book, _) = open(&storage);
        book.progress
            .record_interview(super::super::InterviewResult {
                finished_at: "2026-11-23T08:00:00.000Z".to_owned(),
                correct: 9,
                total: 10,
                ..Default::default()
            });
        book.save().unwrap();
        storage
            .set(
                LEGACY_INTERVIEWS_KEY,
                r#"[{"finishedAt":1795417509250,"correct":2,"total":3,"byTopic":[["conditions",2,3]]}]"#,
            )
            .unwrap();

        let (book, notice) = open(&storage);
        assert_eq!(notice, None);
        let sessions: Vec<(&str, u32)> = book
            .progress
            .interviews
            .iter()
            .map(|r| (r.finished_at.as_str(), r.correct))
            .collect();
        assert_eq!(
            sessions,
            [
                ("2026-11-23T07:05:09.250Z", 2),
                ("2026-11-23T08:00:00.000Z", 9)
            ]
        );
        assert_eq!(storage.get(LEGACY_INTERVIEWS_KEY), None);
        // Reopening does not import them a second time.
        assert_eq!(open(&storage).0.progress.interviews.len(), 2);
        // And they travel with an export.
        assert!(book.export("now").contains("\"conditions\""));
    }

    #[test]
    fn old_interview_results_stay_when_they_cannot_be_saved_or_read() {
        let storage = Memory::default();
        let legacy = r#"[{"finishedAt":0,"correct":1,"total":1}]"#;
        storage.set(LEGACY_INTERVIEWS_KEY, legacy).unwrap();
        storage.full.set(true);
        let (book, notice) = open(&storage);
        assert!(notice.is_some_and(|n| n.contains("could not be saved")));
        assert_eq!(book.progress.interviews.len(), 1);
        assert_eq!(storage.get(LEGACY_INTERVIEWS_KEY).as_deref(), Some(legacy));

        storage.full.set(false);
        storage.set(LEGACY_INTERVIEWS_KEY, "damaged").unwrap();
        let (book, notice) = open(&storage);
        assert_eq!(notice, None);
        assert!(book.progress.interviews.is_empty());
        assert_eq!(
            storage.get(LEGACY_INTERVIEWS_KEY).as_deref(),
            Some("damaged")
        );
    }

    #[test]
    fn import_replaces_everything_and_a_bad_file_changes_nothing() {
        let storage = Memory::default();
        let (mut book, _) = open(&storage);
        book.progress
            .update_scenario("a/one", |s| s.completed = true);
        book.save().unwrap();
        book.save_draft("a/one", "mine").unwrap();
        let exported = book.export("2026-11-23T07:00:00Z");

        book.reset();
        assert_eq!(book.progress, Progress::default());
        assert!(book.drafts().is_empty());

        assert!(book.import("{\"format\": \"something-else\"}").is_err());
        assert!(book.drafts().is_empty());

        book.import(&exported).unwrap();
        let (book, _) = open(&storage);
        assert!(book.progress.scenario("a/one").completed);
        assert_eq!(book.draft("a/one").as_deref(), Some("mine"));
    }
}
