//! The course the app shows: the engine's loader over the lesson files that `iamplay-lessons`
//! embeds at compile time, read once.

use std::fmt;
use std::sync::OnceLock;

use iamplay_engine::curriculum::{load_course, Course, Problem};
use thiserror::Error;

/// The embedded course could not be read at all (`course.json` is missing or broken). The
/// content checker in the engine's tests catches this before a release; the app still says so
/// plainly instead of crashing.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct CourseError {
    /// Every problem found, each with its file, position and a fix.
    pub problems: Vec<Problem>,
}

impl fmt::Display for CourseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [] => write!(f, "the course could not be loaded"),
            [one] => write!(f, "the course could not be loaded: {}", one.message),
            [first, rest @ ..] => write!(
                f,
                "the course could not be loaded: {} (and {} more problems)",
                first.message,
                rest.len()
            ),
        }
    }
}

/// Reads a course from `(path relative to lessons/, contents)` pairs.
pub fn course_from_files(files: &[(&str, &str)]) -> Result<Course, CourseError> {
    let loaded = load_course(files);
    loaded.course.ok_or(CourseError {
        problems: loaded.problems,
    })
}

/// The course compiled into the app.
pub fn embedded_course() -> Result<&'static Course, CourseError> {
    static COURSE: OnceLock<Result<Course, CourseError>> = OnceLock::new();
    COURSE
        .get_or_init(|| course_from_files(iamplay_lessons::FILES))
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_course_has_every_listed_lesson_with_prose() {
        let course = embedded_course().expect("the embedded course reads");
        assert_eq!(course.lessons.len(), course.manifest.lessons.len());
        for lesson in &course.lessons {
            assert!(!lesson.prose.trim().is_empty(), "{}", lesson.manifest.id);
            assert_eq!(course.lesson(&lesson.manifest.id), Some(lesson));
        }
    }

    #[test]
    fn a_course_without_its_course_file_is_an_error_that_says_why() {
        let err = course_from_files(&[("one/lesson.md", "# One")]).unwrap_err();
        assert_eq!(err.problems.len(), 1);
        assert!(err.to_string().contains("`course.json`"), "{err}");
        assert!(err.problems[0].help.is_some());
    }

    #[test]
    fn a_broken_course_file_names_its_position() {
        let err = course_from_files(&[("course.json", "{\"title\": \"T\",, }")]).unwrap_err();
        assert_eq!(err.problems[0].file, "course.json");
        assert_eq!(err.problems[0].position.map(|(line, _)| line), Some(1));
    }
}
