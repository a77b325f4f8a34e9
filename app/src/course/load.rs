//! Reading the bundle, and the one download every page shares.

use std::sync::OnceLock;

use iamplay_course::{Bundle, BUNDLE_FORMAT};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::Deserialize;

use super::{own, Course, CourseError};
use crate::interop::course::fetch_course_text;
use crate::interop::storage::unscoped;
use crate::progress::ProgressStore;

/// Parses a bundle's text, refusing a bundle of another format with the versions in the message.
pub fn parse_bundle(text: &str) -> Result<Course, CourseError> {
    match serde_json::from_str::<Bundle>(text) {
        Ok(bundle) if bundle.format == BUNDLE_FORMAT => Ok(bundle.course),
        Ok(bundle) => Err(format_error(bundle.format)),
        Err(error) => {
            // A different format explains a shape this app cannot read better than serde does.
            #[derive(Deserialize)]
            struct Header {
                format: u32,
            }
            match serde_json::from_str::<Header>(text) {
                Ok(header) if header.format != BUNDLE_FORMAT => Err(format_error(header.format)),
                _ => Err(CourseError::Parse(error.to_string())),
            }
        }
    }
}

fn format_error(found: u32) -> CourseError {
    CourseError::Format {
        found,
        expected: BUNDLE_FORMAT,
    }
}

/// Where the course stands.
#[derive(Debug, Clone, PartialEq)]
pub enum CourseState {
    Loading,
    Ready(&'static Course),
    Failed(CourseError),
}

/// The course for every page: one download, started when the app starts.
#[derive(Debug, Clone, Copy)]
pub struct CourseStore {
    state: RwSignal<CourseState>,
    /// The title of the trainer's course being run, or `None` for the built-in course.
    own: RwSignal<Option<String>>,
    /// Why a chosen course is not shown, for the learner.
    notice: RwSignal<Option<String>>,
}

/// Loaded once; the pages hold `&'static` parts of it.
static COURSE: OnceLock<Course> = OnceLock::new();
/// The trainer's course chosen when the page loaded; choosing another reloads the page.
static OWN: OnceLock<Course> = OnceLock::new();

impl CourseStore {
    pub fn state(&self) -> CourseState {
        self.state.get()
    }

    /// The course once it is loaded (reactive).
    pub fn course(&self) -> Option<&'static Course> {
        match self.state.get() {
            CourseState::Ready(course) => Some(course),
            _ => None,
        }
    }

    /// Downloads the course again after a failure; does nothing while loading or once loaded.
    pub fn retry(&self) {
        if matches!(self.state.get_untracked(), CourseState::Failed(_)) {
            self.load();
        }
    }

    /// The title of the trainer's course being run (reactive); `None` for the built-in one.
    pub fn own_title(&self) -> Option<String> {
        self.own.get()
    }

    pub fn notice(&self) -> RwSignal<Option<String>> {
        self.notice
    }

    /// Runs the built-in course again, with its own progress; the trainer's course and its
    /// progress stay stored for the next time it is loaded.
    pub fn switch_to_built_in(&self) {
        own::switch_back(&unscoped());
        self.own.set(None);
        self.notice.set(None);
        self.load();
        if let Some(progress) = use_context::<ProgressStore>() {
            progress.reload();
        }
    }

    /// The chosen own course, parsed (it was checked when it was chosen); on failure the choice
    /// is dropped, with a notice, and the built-in course is shown.
    fn load_own(self) -> bool {
        let Some((text, _)) = own::active(&unscoped()) else {
            return false;
        };
        let parsed = match OWN.get() {
            Some(course) => Ok(course),
            None => parse_bundle(&text).map(|course| OWN.get_or_init(|| course)),
        };
        match parsed {
            Ok(course) => {
                self.own.set(Some(course.manifest.title.value.clone()));
                self.state.set(CourseState::Ready(course));
                true
            }
            Err(error) => {
                own::switch_back(&unscoped());
                self.notice.set(Some(format!(
                    "Your own course could not be opened again ({error}), so the built-in course is shown. Nothing is lost: load the course file again to continue where you were."
                )));
                if let Some(progress) = use_context::<ProgressStore>() {
                    progress.reload();
                }
                false
            }
        }
    }

    fn load(self) {
        if self.load_own() {
            return;
        }
        if let Some(course) = COURSE.get() {
            self.state.set(CourseState::Ready(course));
            return;
        }
        self.state.set(CourseState::Loading);
        spawn_local(async move {
            let loaded = match fetch_course_text().await {
                Ok(text) => parse_bundle(&text).map(|course| COURSE.get_or_init(|| course)),
                Err(error) => Err(error),
            };
            self.state.set(match loaded {
                Ok(course) => CourseState::Ready(course),
                Err(error) => CourseState::Failed(error),
            });
        });
    }
}

/// Starts the download (the page's preload link has usually begun it already) and shares the
/// result with every page.
pub fn provide_course() {
    let store = CourseStore {
        state: RwSignal::new(CourseState::Loading),
        own: RwSignal::new(None),
        notice: RwSignal::new(None),
    };
    store.load();
    provide_context(store);
}

pub fn use_course() -> CourseStore {
    expect_context::<CourseStore>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::test_course;
    use iamplay_course::Bundle;

    fn bundle_text(format: u32) -> String {
        serde_json::to_string(&Bundle {
            format,
            course: test_course().clone(),
        })
        .expect("serialises")
    }

    #[test]
    fn a_bundle_of_this_format_reads_to_the_course() {
        assert_eq!(
            parse_bundle(&bundle_text(BUNDLE_FORMAT)).as_ref(),
            Ok(test_course())
        );
    }

    #[test]
    fn a_bundle_of_another_format_says_which() {
        let newer = BUNDLE_FORMAT + 1;
        assert_eq!(parse_bundle(&bundle_text(newer)), Err(format_error(newer)));
        // A newer shape that this app cannot read at all is still reported by its format.
        let reshaped = format!(r#"{{"format": {newer}, "lessons": []}}"#);
        assert_eq!(parse_bundle(&reshaped), Err(format_error(newer)));
    }

    #[test]
    fn a_broken_bundle_is_a_parse_error() {
        let err = parse_bundle("<!doctype html>").expect_err("not JSON");
        assert!(matches!(err, CourseError::Parse(_)), "{err:?}");
        let cut = bundle_text(BUNDLE_FORMAT);
        let err = parse_bundle(&cut[..cut.len() / 2]).expect_err("truncated");
        assert!(matches!(err, CourseError::Parse(_)), "{err:?}");
    }
}
