//! Loading a course from `(path, contents)` pairs: the embedded `iamplay_lessons::FILES` or a
//! folder the CLI has read. Parse errors name the file, the line and column, and the field.

use std::collections::BTreeMap;

use iamplay_engine::json::{self, LineIndex};
use serde::de::DeserializeOwned;

pub use super::course::{Course, Lesson};
use super::glossary::{GlossaryFile, GLOSSARY_FILE};
use super::manifest::{CourseManifest, LessonManifest};
use super::problem::Problem;

/// The file that lists the lessons in order.
pub const COURSE_FILE: &str = "course.json";

/// The result of loading: the course (as much of it as parsed) and every problem found.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// `None` when `course.json` is missing or does not parse.
    pub course: Option<Course>,
    pub problems: Vec<Problem>,
}

/// Loads a course from its files; paths are relative to the course folder and use `/`.
pub fn load_course<P: AsRef<str>, C: AsRef<str>>(files: &[(P, C)]) -> Loaded {
    let files: BTreeMap<&str, &str> = files
        .iter()
        .map(|(path, text)| (path.as_ref(), text.as_ref()))
        .collect();
    let mut problems = Vec::new();
    let Some(course_text) = files.get(COURSE_FILE) else {
        problems.push(
            Problem::new(COURSE_FILE, "the course has no `course.json`")
                .help("add `course.json` with `{\"title\": \"...\", \"lessons\": [\"first-lesson-id\", ...]}`"),
        );
        return Loaded {
            course: None,
            problems,
        };
    };
    let manifest: CourseManifest = match parse_json(COURSE_FILE, course_text) {
        Ok(manifest) => manifest,
        Err(problem) => {
            problems.push(*problem);
            return Loaded {
                course: None,
                problems,
            };
        }
    };

    let mut lessons = Vec::new();
    for id in &manifest.lessons {
        let json_path = format!("{id}/lesson.json");
        let prose_path = format!("{id}/lesson.md");
        let Some(json) = files.get(json_path.as_str()) else {
            let mut problem = Problem::new(COURSE_FILE, format!("lesson `{id}` has no `{json_path}`"))
                .at("lessons")
                .help(format!("create the folder `{id}/` with `lesson.json` and `lesson.md`, or remove `{id}` from the list"));
            problem.offset = Some(manifest.lessons.place.start);
            problems.push(problem);
            continue;
        };
        let prose = files.get(prose_path.as_str()).copied().unwrap_or_default();
        if prose.trim().is_empty() {
            problems.push(Problem::new(&prose_path, "the lesson has no prose").help(
                "write the lesson text in Markdown in `lesson.md`, starting with a `# Title` line",
            ));
        }
        match parse_json::<LessonManifest>(&json_path, json) {
            Ok(manifest) => {
                lessons.push(Lesson {
                    manifest,
                    prose: prose.to_owned(),
                    folder: Some(id.value.clone()),
                });
            }
            Err(problem) => problems.push(*problem),
        }
    }

    // A lesson folder the course does not list would silently never be shown.
    for path in files.keys() {
        if let Some(folder) = path.strip_suffix("/lesson.json") {
            if !manifest.lessons.iter().any(|id| id == folder) {
                problems.push(
                    Problem::new(*path, format!("the folder `{folder}` is not listed in `course.json`"))
                        .help(format!("add `\"{folder}\"` to `lessons` in `course.json` where it belongs in the order, or delete the folder")),
                );
            }
        }
    }

    let glossary = match files.get(GLOSSARY_FILE) {
        Some(text) => match parse_json::<GlossaryFile>(GLOSSARY_FILE, text) {
            Ok(file) => file.terms,
            Err(problem) => {
                problems.push(*problem);
                Vec::new()
            }
        },
        None => Vec::new(),
    };

    Loaded {
        course: Some(Course {
            manifest,
            lessons,
            glossary,
        }),
        problems,
    }
}

/// Parses a JSON file into `T`, reporting the position, the field path and a fix.
pub fn parse_json<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Box<Problem>> {
    json::from_str(text).map_err(|error| {
        let help = error.help.clone().or_else(|| help_for(&error.message));
        let position = LineIndex::new(text).position(error.span.start);
        let mut problem = Problem::new(file, error.message);
        if !error.path.is_empty() {
            problem = problem.at(error.path);
        }
        problem.position = Some((position.line, position.column));
        Box::new(match help {
            Some(help) => problem.help(help),
            None => problem,
        })
    })
}

/// Advice for the mistakes authors make most often in JSON by hand.
fn help_for(message: &str) -> Option<String> {
    let help = if message.starts_with("unknown field") {
        "check the spelling and case of the field (camelCase, e.g. `leastPrivilege`); the fields are listed in lessons/README.md"
    } else if message.starts_with("missing field") {
        "add the field; lessons/README.md lists which fields are required"
    } else if message.starts_with("unknown variant") {
        "use one of the values listed in the message"
    } else if message.starts_with("duplicate field") {
        "a field appears twice in the same object; keep one"
    } else if message.starts_with("expected `,` or") {
        "a comma is missing between two items, or a bracket or brace is not closed"
    } else if message.starts_with("unexpected end of text") {
        "the file ends before every bracket and brace is closed"
    } else if message.starts_with("invalid type") {
        "the value has the wrong type (text needs quotes, lists need [ ], objects need { })"
    } else {
        return None;
    };
    Some(help.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LESSON: &str =
        r#"{"id": "a", "title": "A", "summary": "s", "objectives": ["o"], "minutes": 5}"#;

    #[test]
    fn a_minimal_course_loads() {
        let files = [
            ("course.json", r#"{"title": "T", "lessons": ["a"]}"#),
            ("a/lesson.json", LESSON),
            ("a/lesson.md", "# A\n"),
        ];
        let loaded = load_course(&files);
        assert_eq!(loaded.problems, vec![]);
        let course = loaded.course.expect("course");
        assert_eq!(course.lessons.len(), 1);
        assert_eq!(course.lesson("a").map(|l| l.prose.as_str()), Some("# A\n"));
    }

    #[test]
    fn a_misspelt_field_names_the_file_line_and_field() {
        let text = "{\n  \"id\": \"a\", \"title\": \"A\", \"summary\": \"s\", \"objectives\": [], \"minutes\": 5,\n  \"scenarios\": [{\"idd\": \"x\"}]\n}";
        let problem = parse_json::<LessonManifest>("a/lesson.json", text).expect_err("typo");
        assert_eq!(problem.position.map(|p| p.0), Some(3));
        assert_eq!(problem.field.as_deref(), Some("scenarios[0].idd"));
        assert!(
            problem.message.starts_with("unknown field `idd`"),
            "{}",
            problem.message
        );
        assert!(problem.help.is_some());
    }

    #[test]
    fn a_wrong_enum_value_names_the_field() {
        let text = r#"{"kind": "bundary", "name": "n"}"#;
        let problem =
            parse_json::<super::super::EditedPolicy>("f.json", text).expect_err("bad kind");
        assert_eq!(problem.field.as_deref(), Some("kind"));
        assert!(problem.message.contains("`bundary`"), "{}", problem.message);
    }

    #[test]
    fn missing_lessons_unlisted_folders_and_empty_prose_are_all_reported() {
        let files = [
            ("course.json", r#"{"title": "T", "lessons": ["a", "b"]}"#),
            ("a/lesson.json", LESSON),
            ("c/lesson.json", LESSON),
        ];
        let loaded = load_course(&files);
        let messages: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        assert!(messages[0].starts_with("a/lesson.md: the lesson has no prose"));
        assert!(messages[1].contains("lesson `b` has no `b/lesson.json`"));
        assert!(messages[2].contains("`c` is not listed"));
    }

    #[test]
    fn a_missing_comma_has_a_position_and_no_field() {
        let text = "{\n  \"title\": \"T\"\n  \"lessons\": []\n}";
        let problem = parse_json::<CourseManifest>("course.json", text).expect_err("syntax");
        assert_eq!(problem.to_string(), "course.json:3:3: expected `,` or `}` after the value of `title`, found `\"`\n  help: a comma is missing between two items, or a bracket or brace is not closed");
    }

    #[test]
    fn trailing_text_is_an_error_with_a_position() {
        let problem =
            parse_json::<CourseManifest>("course.json", r#"{"title": "T", "lessons": []} x"#)
                .expect_err("trailing");
        assert_eq!(
            problem.message,
            "unexpected `x` after the end of the JSON value"
        );
        assert_eq!(problem.position, Some((1, 31)));
    }
}
