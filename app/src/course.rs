//! The course as the app shows it: the order from `lessons/course.json`, each lesson's typed
//! manifest and its Markdown prose, read from the files embedded by `iamplay-lessons`.

use std::sync::OnceLock;

use iamplay_engine::curriculum::{CourseManifest, LessonManifest};
use thiserror::Error;

/// One lesson: its manifest and its prose (`lesson.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub manifest: LessonManifest,
    pub prose: &'static str,
}

/// The whole course in teaching order.
#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    pub title: String,
    pub lessons: Vec<Lesson>,
}

/// Why the embedded course could not be read. These are authoring mistakes caught by the tests,
/// but the app still shows them plainly instead of crashing.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CourseError {
    #[error("the lesson file `{path}` is missing")]
    Missing { path: String },
    #[error("the lesson file `{path}` is not valid: {message}")]
    Invalid { path: String, message: String },
    #[error("the folder `{folder}` holds a lesson whose id is `{id}`")]
    IdMismatch { folder: String, id: String },
}

impl CourseError {
    /// Advice for the author of the lesson files.
    pub fn help(&self) -> &'static str {
        match self {
            Self::Missing { .. } => "every id in `lessons/course.json` needs a folder `lessons/<id>/` with `lesson.json` and `lesson.md`",
            Self::Invalid { .. } => "run `cargo test -p iamplay-engine curriculum` to see the problem with its position",
            Self::IdMismatch { .. } => "a lesson's `id` must equal the name of its folder",
        }
    }
}

impl Course {
    /// Reads the course through `file`, which maps a path relative to `lessons/` to its text.
    pub fn from_files(file: impl Fn(&str) -> Option<&'static str>) -> Result<Self, CourseError> {
        let course: CourseManifest = parse(&file, "course.json")?;
        let lessons = course
            .lessons
            .iter()
            .map(|id| {
                let manifest: LessonManifest = parse(&file, &format!("{id}/lesson.json"))?;
                if &manifest.id != id {
                    return Err(CourseError::IdMismatch {
                        folder: id.clone(),
                        id: manifest.id,
                    });
                }
                let prose = read(&file, &format!("{id}/lesson.md"))?;
                Ok(Lesson { manifest, prose })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            title: course.title,
            lessons,
        })
    }

    /// The course compiled into the app, read once.
    pub fn embedded() -> Result<&'static Self, CourseError> {
        static COURSE: OnceLock<Result<Course, CourseError>> = OnceLock::new();
        COURSE
            .get_or_init(|| Self::from_files(iamplay_lessons::file))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|lesson| lesson.manifest.id == id)
    }
}

fn read(
    file: &impl Fn(&str) -> Option<&'static str>,
    path: &str,
) -> Result<&'static str, CourseError> {
    file(path).ok_or_else(|| CourseError::Missing {
        path: path.to_owned(),
    })
}

fn parse<T: serde::de::DeserializeOwned>(
    file: &impl Fn(&str) -> Option<&'static str>,
    path: &str,
) -> Result<T, CourseError> {
    serde_json::from_str(read(file, path)?).map_err(|err| CourseError::Invalid {
        path: path.to_owned(),
        message: err.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LESSON: &str =
        r#"{"id": "one", "title": "One", "summary": "s", "objectives": ["o"], "minutes": 5}"#;

    fn files(
        entries: &'static [(&'static str, &'static str)],
    ) -> impl Fn(&str) -> Option<&'static str> {
        move |path| {
            entries
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, text)| *text)
        }
    }

    #[test]
    fn the_embedded_course_has_every_lesson_in_order_with_prose() {
        let course = Course::embedded().expect("the embedded course reads");
        assert!(!course.lessons.is_empty());
        let first = &course.lessons[0];
        assert_eq!(course.lesson(&first.manifest.id), Some(first));
        assert!(course.lessons.iter().all(|l| !l.prose.trim().is_empty()));
    }

    #[test]
    fn a_small_course_reads_from_files() {
        let course = Course::from_files(files(&[
            ("course.json", r#"{"title": "T", "lessons": ["one"]}"#),
            ("one/lesson.json", LESSON),
            ("one/lesson.md", "# One"),
        ]))
        .expect("reads");
        assert_eq!(course.title, "T");
        assert_eq!(course.lessons[0].prose, "# One");
        assert_eq!(course.lesson("two"), None);
    }

    #[test]
    fn a_missing_prose_file_is_named() {
        let err = Course::from_files(files(&[
            ("course.json", r#"{"title": "T", "lessons": ["one"]}"#),
            ("one/lesson.json", LESSON),
        ]))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "the lesson file `one/lesson.md` is missing"
        );
    }

    #[test]
    fn a_lesson_in_the_wrong_folder_is_reported() {
        let err = Course::from_files(files(&[
            ("course.json", r#"{"title": "T", "lessons": ["two"]}"#),
            ("two/lesson.json", LESSON),
            ("two/lesson.md", "text"),
        ]))
        .unwrap_err();
        assert_eq!(
            err,
            CourseError::IdMismatch {
                folder: "two".into(),
                id: "one".into()
            }
        );
        assert!(err.help().contains("folder"));
    }

    #[test]
    fn an_unknown_field_is_invalid_with_its_position() {
        let err = Course::from_files(files(&[(
            "course.json",
            r#"{"title": "T", "lessons": [], "extra": 1}"#,
        )]))
        .unwrap_err();
        let CourseError::Invalid { path, message } = err else {
            panic!("expected invalid, got {err:?}");
        };
        assert_eq!(path, "course.json");
        assert!(
            message.contains("`extra`") && message.contains("line 1"),
            "{message}"
        );
    }
}
