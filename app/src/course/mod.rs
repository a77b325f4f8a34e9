//! The course the app shows: the bundle `iamplay lessons bundle` writes at build time (checked,
//! Markdown parsed), fetched once when the app starts and kept for the page's life.
//!
//! [`provide_course`] starts the download; pages read it through
//! [`CourseGate`](crate::components::course_gate::CourseGate), which shows a loading state, then
//! the page, or the error with a button to try again.

mod load;
pub mod own;

pub use load::{parse_bundle, provide_course, use_course, CourseState, CourseStore};

use iamplay_course::markdown::Document;
use thiserror::Error;

/// The course with its Markdown parsed, as the bundle holds it.
pub type Course = iamplay_course::RenderedCourse;
pub type Lesson = iamplay_course::Lesson<Document>;
pub type Scenario = iamplay_course::Scenario<Document>;
pub type Question = iamplay_course::Question<Document>;

/// Why the course is not there. The content itself was checked when the bundle was built, so
/// what remains is the network, or a page and a course from different builds.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CourseError {
    #[error("the page does not name its course file")]
    NotNamed,
    #[error("the course did not download: {0}")]
    Fetch(String),
    #[error("the course file is format {found}; this version of the app reads format {expected}")]
    Format { found: u32, expected: u32 },
    #[error("the course file could not be read: {0}")]
    Parse(String),
}

impl CourseError {
    /// What the learner can do about it.
    pub fn help(&self) -> &'static str {
        match self {
            Self::Fetch(_) => "check your connection, then try again",
            Self::NotNamed | Self::Format { .. } | Self::Parse(_) => {
                "reload the page to get the app and its course from the same release"
            }
        }
    }
}

/// The built-in course bundled the way the build does it, for tests.
#[cfg(test)]
pub(crate) fn test_course() -> &'static Course {
    use std::sync::OnceLock;
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| {
        iamplay_course::bundle_course(iamplay_lessons::FILES)
            .expect("the built-in course has no problems")
            .course
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_course_has_every_listed_lesson_with_prose() {
        let course = test_course();
        assert_eq!(course.lessons.len(), course.manifest.lessons.len());
        for lesson in &course.lessons {
            assert!(!lesson.prose.is_empty(), "{}", lesson.manifest.id);
            assert_eq!(course.lesson(&lesson.manifest.id), Some(lesson));
        }
    }

    #[test]
    fn only_a_failed_download_is_worth_retrying_as_it_is() {
        assert!(CourseError::Fetch("HTTP 503".into())
            .help()
            .contains("try again"));
        let stale = CourseError::Format {
            found: 2,
            expected: 1,
        };
        assert!(stale.help().contains("reload"));
        assert_eq!(
            stale.to_string(),
            "the course file is format 2; this version of the app reads format 1"
        );
    }
}
