//! The course bundle: the checked course with its Markdown already parsed, as one JSON file the
//! app fetches. Building it needs the loader, the checker and the Markdown parser (feature
//! `authoring`); reading it needs only serde, so the app carries none of them.

use serde::{Deserialize, Serialize};

use super::course::Course;
use super::markdown::Document;

/// The bundle format. Raise it whenever the shape of [`Bundle`] (or of anything in it) changes:
/// an app refuses a bundle of another format with a clear message instead of misreading it.
pub const BUNDLE_FORMAT: u32 = 1;

/// A course whose Markdown fields are parsed documents.
pub type RenderedCourse = Course<Document>;

/// What `iamplay lessons bundle` writes and the app reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Bundle {
    /// [`BUNDLE_FORMAT`] of the tool that wrote it; first, so a reader can check it early.
    pub format: u32,
    pub course: RenderedCourse,
}

#[cfg(feature = "authoring")]
pub use build::bundle_course;

#[cfg(feature = "authoring")]
mod build {
    use super::{Bundle, BUNDLE_FORMAT};
    use crate::check::check_files;
    use crate::load::load_course;
    use crate::markdown;
    use crate::problem::Problem;

    /// Checks a course and bundles it. Any problem the checker finds refuses the bundle: a
    /// learner must never meet a scenario whose reference answer fails or a broken lesson file.
    pub fn bundle_course<P: AsRef<str>, C: AsRef<str>>(
        files: &[(P, C)],
    ) -> Result<Bundle, Vec<Problem>> {
        let problems = check_files(files);
        if !problems.is_empty() {
            return Err(problems);
        }
        let loaded = load_course(files);
        match loaded.course {
            Some(course) if loaded.problems.is_empty() => Ok(Bundle {
                format: BUNDLE_FORMAT,
                course: course.map_prose(&mut |text: String| markdown::parse(&text)),
            }),
            _ => Err(loaded.problems),
        }
    }
}

#[cfg(all(test, feature = "authoring"))]
mod tests {
    use super::*;
    use crate::load::load_course;
    use crate::markdown;

    #[test]
    fn the_bundle_round_trips_to_the_loaded_course_with_parsed_markdown() {
        let bundle = bundle_course(iamplay_lessons::FILES).expect("the course is clean");
        let text = serde_json::to_string(&bundle).expect("serialises");
        let read: Bundle = serde_json::from_str(&text).expect("reads back");
        assert_eq!(read, bundle);

        let loaded = load_course(iamplay_lessons::FILES)
            .course
            .expect("the course loads");
        assert_eq!(read.format, BUNDLE_FORMAT);
        let expected = loaded.map_prose(&mut |text: String| markdown::parse(&text));
        assert_eq!(read.course, expected);
        let first = &read.course.lessons[0];
        assert!(!first.prose.is_empty(), "the prose is parsed, not dropped");
    }

    #[test]
    fn checker_problems_refuse_the_bundle() {
        let files = [
            ("course.json", r#"{"title": "T", "lessons": ["a"]}"#),
            (
                "a/lesson.json",
                r#"{"id": "a", "title": "A", "summary": "s", "objectives": ["o"], "minutes": 5}"#,
            ),
            ("a/lesson.md", "# A\n\nNo scenarios, no questions.\n"),
        ];
        let problems = bundle_course(&files).expect_err("a lesson without scenarios");
        assert!(!problems.is_empty());
        assert!(
            problems.iter().any(|p| p.file == "a/lesson.json"),
            "{problems:#?}"
        );
    }

    #[test]
    fn a_broken_course_file_refuses_the_bundle_with_its_position() {
        let problems =
            bundle_course(&[("course.json", "{\"title\": \"T\",}")]).expect_err("trailing comma");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].position.is_some());
    }
}
