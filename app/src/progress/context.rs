//! The progress store as Leptos context: one [`Book`] over localStorage for the whole app,
//! and a signal of [`Progress`] that views read.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::exchange::{ImportError, Imported};
use super::review::{day_of, Item};
use super::store::Book;
use super::{InterviewResult, Progress, ScenarioState};
use crate::interop::frame::after_paint;
use crate::interop::storage::{self, LocalStore, Storage};

/// Handle to the app's progress; cheap to copy into closures.
#[derive(Debug, Clone, Copy)]
pub struct ProgressStore {
    book: StoredValue<Book<Storage>, LocalStorage>,
    progress: RwSignal<Progress>,
    notice: RwSignal<Option<String>>,
    /// Drafts typed since the last write to storage. A keystroke's frame does not wait for
    /// localStorage: they are written once that frame is painted, or at once when the page is
    /// hidden or left, so a reload loses none.
    unsaved: StoredValue<BTreeMap<String, String>, LocalStorage>,
}

/// Opens the saved progress and makes it available to every page.
pub fn provide_progress() -> ProgressStore {
    let (book, notice) = Book::open(Storage::local(), &storage::now_millis().to_string());
    let store = ProgressStore {
        progress: RwSignal::new(book.progress.clone()),
        book: StoredValue::new_local(book),
        notice: RwSignal::new(notice),
        unsaved: StoredValue::new_local(BTreeMap::new()),
    };
    provide_context(store);
    // A page being left or hidden writes what the frame has not yet written.
    #[cfg(target_arch = "wasm32")]
    for event in ["pagehide", "visibilitychange"] {
        // For the page's lifetime, like the store.
        let _ = window_event_listener_untyped(event, move |_| store.write_drafts());
    }
    store
}

/// Today, in UTC days since 1970, by the browser clock.
pub fn today() -> u32 {
    day_of(storage::now_millis())
}

/// The store provided by [`provide_progress`].
pub fn use_progress() -> ProgressStore {
    use_context::<ProgressStore>().unwrap_or_else(provide_progress)
}

impl ProgressStore {
    /// Reactive: views re-run when progress changes.
    pub fn with<T>(&self, read: impl FnOnce(&Progress) -> T) -> T {
        self.progress.with(read)
    }

    pub fn scenario(&self, key: &str) -> ScenarioState {
        self.progress.with(|p| p.scenario(key))
    }

    /// One scenario's state as a signal, for views.
    pub fn scenario_signal(&self, key: String) -> Signal<ScenarioState> {
        let store = *self;
        Signal::derive(move || store.scenario(&key))
    }

    /// A sentence for the learner about saved state (set aside, not saved); `None` when all is well.
    pub fn notice(&self) -> RwSignal<Option<String>> {
        self.notice
    }

    pub fn update_scenario(&self, key: &str, change: impl FnOnce(&mut ScenarioState)) {
        let changed = self
            .book
            .try_update_value(|book| {
                if book.progress.update_scenario(key, change) {
                    book.progress.review_scenario(key, today());
                    Some(book.save())
                } else {
                    None
                }
            })
            .flatten();
        if let Some(saved) = changed {
            self.publish(saved);
        }
    }

    pub fn record_question(&self, id: &str, chosen: Vec<usize>, correct: bool) {
        let saved = self.book.try_update_value(|book| {
            book.progress.record_question(id, chosen, correct);
            book.progress
                .review_answer(&Item::Question(id.to_owned()), correct, today());
            book.save()
        });
        if let Some(saved) = saved {
            self.publish(saved);
        }
    }

    /// Keeps a finished interview session (called by interview mode).
    pub fn record_interview(&self, result: InterviewResult) {
        let saved = self.book.try_update_value(|book| {
            for item in result.review_items() {
                book.progress.review_answer(&item, false, today());
            }
            book.progress.record_interview(result);
            book.save()
        });
        if let Some(saved) = saved {
            self.publish(saved);
        }
    }

    /// A drill answered on the drill or review page.
    pub fn record_drill(&self, topic: &str, item: &Item, right: bool) {
        let saved = self.book.try_update_value(|book| {
            book.progress.record_drill(topic, item, right, today());
            book.save()
        });
        if let Some(saved) = saved {
            self.publish(saved);
        }
    }

    /// Reactive: the items due for review today.
    pub fn due(&self) -> Vec<(Item, super::review::Card)> {
        self.progress.with(|p| p.due(today()))
    }

    pub fn draft(&self, key: &str) -> Option<String> {
        self.unsaved
            .with_value(|unsaved| unsaved.get(key).cloned())
            .or_else(|| self.book.with_value(|book| book.draft(key)))
    }

    /// Saves the editor text of a scenario; called on every change, so it does not notify
    /// views, and it writes to storage after the frame (see `unsaved`).
    pub fn save_draft(&self, key: &str, text: &str) {
        let first = self.unsaved.try_update_value(|unsaved| {
            let first = unsaved.is_empty();
            unsaved.insert(key.to_owned(), text.to_owned());
            first
        });
        if first == Some(true) {
            let store = *self;
            after_paint(move || store.write_drafts());
        }
    }

    /// Writes the drafts typed since the last write.
    pub fn write_drafts(&self) {
        let Some(unsaved) = self.unsaved.try_update_value(std::mem::take) else {
            return;
        };
        for (key, text) in unsaved {
            if let Some(Err(err)) = self
                .book
                .try_with_value(|book| book.save_draft(&key, &text))
            {
                self.notice.set(Some(err));
            }
        }
    }

    pub fn remove_draft(&self, key: &str) {
        self.unsaved.update_value(|unsaved| {
            unsaved.remove(key);
        });
        self.book.with_value(|book| book.remove_draft(key));
    }

    pub fn has_draft(&self, key: &str) -> bool {
        self.draft(key).is_some()
    }

    pub fn export(&self) -> String {
        self.write_drafts();
        self.book
            .with_value(|book| book.export(&storage::now_iso()))
    }

    pub fn import(&self, text: &str) -> Result<Imported, ImportError> {
        // The file replaces every draft, including any typed a moment ago.
        self.write_drafts();
        let result = self
            .book
            .try_update_value(|book| book.import(text).map(|i| (i, book.progress.clone())));
        match result {
            Some(Ok((imported, progress))) => {
                self.progress.set(progress);
                self.notice.set(None);
                Ok(imported)
            }
            Some(Err(err)) => Err(err),
            None => Err(ImportError::Unreadable {
                reason: "the page is closing".to_owned(),
            }),
        }
    }

    /// Reads the saved progress again, after another module (the practice tools) changed it.
    pub fn reload(&self) {
        self.write_drafts();
        let (book, notice) = Book::open(Storage::local(), &storage::now_millis().to_string());
        let progress = book.progress.clone();
        if self.book.try_set_value(book).is_none() {
            self.progress.set(progress);
            if notice.is_some() {
                self.notice.set(notice);
            }
        }
    }

    pub fn reset(&self) {
        self.unsaved.update_value(BTreeMap::clear);
        self.book.update_value(Book::reset);
        self.progress.set(Progress::default());
        self.notice.set(None);
    }

    fn publish(&self, saved: Result<(), String>) {
        if let Some(progress) = self.book.try_with_value(|book| book.progress.clone()) {
            self.progress.set(progress);
        }
        if let Err(err) = saved {
            self.notice.set(Some(err));
        }
    }
}
