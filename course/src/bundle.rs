//! The course bundle: the checked course with its Markdown already parsed, as one JSON file the
//! app fetches. Building it needs the loader, the checker and the Markdown parser (feature
//! `authoring`); reading it needs only serde, so the app carries none of them.

use serde::{Deserialize, Serialize};

use super::course::Course;
use super::markdown::Document;

/// The bundle format. Raise it whenever the shape of [`Bundle`] (or of anything in it) changes:
/// an app refuses a bundle of another format with a clear message instead of misreading it.
/// Format 4 holds each policy as its author's text.
pub const BUNDLE_FORMAT: u32 = 4;

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
pub use build::{bundle_course, render_course};

#[cfg(feature = "authoring")]
mod build {
    use std::collections::HashSet;

    use super::{Bundle, RenderedCourse, BUNDLE_FORMAT};
    use crate::check::check_files;
    use crate::course::{Course, Lesson};
    use crate::load::load_course;
    use crate::markdown::{self, Document, Kind};
    use crate::problem::Problem;

    /// The course with its Markdown parsed (diagrams laid out), and each glossary term marked
    /// only where its page first uses it.
    pub fn render_course(course: Course) -> RenderedCourse {
        let mut rendered = course.map_prose(&mut |text: String| markdown::parse(&text));
        for lesson in &mut rendered.lessons {
            first_uses_only(lesson);
        }
        rendered
    }

    /// A lesson page shows its prose, then each scenario and question: a term's definition
    /// pops up at its first use there; later marks become plain text.
    fn first_uses_only(lesson: &mut Lesson<Document>) {
        let mut seen: HashSet<String> = HashSet::new();
        let mut documents: Vec<&mut Document> = vec![&mut lesson.prose];
        for scenario in &mut lesson.manifest.scenarios {
            let scenario = &mut scenario.value;
            documents.push(&mut scenario.task.value);
            documents.extend(scenario.hints.iter_mut().map(|hint| &mut hint.value));
            documents.push(&mut scenario.explanation.value);
        }
        for question in &mut lesson.manifest.questions {
            documents.push(&mut question.prompt.value);
            documents.extend(
                question
                    .model_answer
                    .iter_mut()
                    .map(|answer| &mut answer.value),
            );
        }
        for document in documents {
            markdown::visit_kinds(document, &mut |kind| {
                if let Kind::Term { id } = kind {
                    if !seen.insert(id.clone()) {
                        *kind = Kind::Span;
                    }
                }
            });
        }
    }

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
                course: render_course(course),
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
        assert_eq!(read.course, render_course(loaded));
        let first = &read.course.lessons[0];
        assert!(!first.prose.is_empty(), "the prose is parsed, not dropped");
    }

    /// Every element kind in the course's documents, for counting.
    fn kinds(course: &RenderedCourse) -> Vec<markdown::Kind> {
        let mut all = Vec::new();
        for lesson in &course.lessons {
            let mut prose = lesson.prose.clone();
            markdown::visit_kinds(&mut prose, &mut |kind| all.push(kind.clone()));
        }
        all
    }

    #[test]
    fn the_course_ships_its_diagrams_laid_out_and_its_glossary() {
        let bundle = bundle_course(iamplay_lessons::FILES).expect("the course is clean");
        let kinds = kinds(&bundle.course);
        let diagrams: Vec<&iamplay_diagram::Diagram> = kinds
            .iter()
            .filter_map(|k| match k {
                markdown::Kind::Diagram(d) => Some(d.as_ref()),
                _ => None,
            })
            .collect();
        assert!(diagrams.len() >= 12, "{} diagrams", diagrams.len());
        assert!(diagrams.iter().all(|d| d.width > 0 && !d.nodes.is_empty()));
        let sets: Vec<&iamplay_diagram::Venn> = kinds
            .iter()
            .filter_map(|k| match k {
                markdown::Kind::Sets(v) => Some(v.as_ref()),
                _ => None,
            })
            .collect();
        assert!(
            !sets.is_empty(),
            "the boundary is drawn as overlapping sets"
        );
        assert!(sets.iter().all(|v| v.sets.len() == 2 && v.width > 0));
        let no_diagram_code = !kinds.iter().any(
            |k| matches!(k, markdown::Kind::CodeBlock { language: Some(l) } if l == "diagram"),
        );
        assert!(no_diagram_code, "every diagram block was laid out");
        assert!(bundle.course.glossary.len() >= 40);
        assert!(!bundle.course.glossary[0].definition.is_empty());
    }

    #[test]
    fn a_term_is_marked_only_at_its_first_use_on_a_page() {
        let files = [
            ("course.json", r#"{"title": "T", "lessons": ["a"]}"#.to_owned()),
            (
                "a/lesson.json",
                r#"{"id": "a", "title": "A", "summary": "s", "objectives": ["o"], "minutes": 5}"#
                    .to_owned(),
            ),
            (
                "a/lesson.md",
                "# A\n\nA [role](term:iam-role) and a [role](term:iam-role) again.\n".to_owned(),
            ),
            (
                "glossary.json",
                r#"{"terms": [{"id": "iam-role", "term": "IAM role", "definition": "An identity.", "lesson": "a"}]}"#
                    .to_owned(),
            ),
        ];
        let course = load_course(&files).course.expect("loads");
        let rendered = render_course(course);
        let mut prose = rendered.lessons[0].prose.clone();
        let mut terms = 0;
        let mut spans = 0;
        markdown::visit_kinds(&mut prose, &mut |kind| match kind {
            markdown::Kind::Term { id } if id == "iam-role" => terms += 1,
            markdown::Kind::Span => spans += 1,
            _ => {}
        });
        assert_eq!((terms, spans), (1, 1));
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
