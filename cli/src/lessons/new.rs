//! `iamplay lessons new ID [--dir DIR]`: starts a lesson in a course folder: `ID/lesson.json`
//! and `ID/lesson.md` from an example that passes the checker (a `write` scenario, a `predict`
//! scenario and three questions), and `ID` appended to `course.json`. It never overwrites: a
//! bad or taken id, or an unreadable course, is an error and nothing is written.

use std::fs::{self, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use iamplay_course::{is_kebab_case, CourseManifest, COURSE_FILE};

const LESSON_TEMPLATE: &str = include_str!("template/lesson.json");
const PROSE_TEMPLATE: &str = include_str!("template/lesson.md");

/// Saved progress names a scenario `lesson/scenario` with ids of at most this many characters.
const MAX_ID_CHARS: usize = 100;

/// Start a lesson: a folder with an example that passes the checker, listed in course.json
///
/// Writes DIR/ID/lesson.json and DIR/ID/lesson.md (a `write` scenario, a `predict` scenario and
/// three questions, to replace with your own) and appends ID to DIR/course.json, so that
/// `iamplay lessons check DIR` passes right away. Never overwrites anything.
#[derive(Debug, PartialEq, Eq, clap::Args)]
#[command(after_help = "Exit status: 0 when written, 2 on a bad id, a usage, read or write error.")]
pub struct Args {
    /// The lesson id: kebab-case (`glue-crawlers`), the folder name, used in links and progress
    id: String,
    /// The course folder, holding `course.json`
    #[arg(long, value_name = "COURSE_DIR", default_value = "lessons")]
    dir: PathBuf,
}

/// Runs `iamplay lessons new`.
pub fn run(args: Args) -> ExitCode {
    match add_lesson(&args.dir, &args.id) {
        Ok(folder) => {
            eprintln!(
                "wrote `{}` and `{}`, and added `{}` to `{}`\n  next: edit them, then run `iamplay lessons check {}`",
                folder.join("lesson.json").display(),
                folder.join("lesson.md").display(),
                args.id,
                args.dir.join(COURSE_FILE).display(),
                args.dir.display(),
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// The lesson's title from its id: `glue-crawlers` reads "Glue crawlers".
fn title_from_id(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// The lesson files for `id`: (`lesson.json`, `lesson.md`). A kebab-case id and the title made
/// from it need no escaping in JSON or Markdown.
pub(crate) fn lesson_files(id: &str) -> (String, String) {
    let fill = |template: &str| {
        template
            .replace("{{id}}", id)
            .replace("{{title}}", &title_from_id(id))
    };
    (fill(LESSON_TEMPLATE), fill(PROSE_TEMPLATE))
}

fn validate_id(id: &str) -> Result<(), String> {
    if !is_kebab_case(id) {
        return Err(format!(
            "the lesson id `{}` is not kebab-case\n  help: use lowercase letters and digits in words joined by single hyphens, like `glue-crawlers`",
            id.escape_debug()
        ));
    }
    if id.len() > MAX_ID_CHARS {
        return Err(format!(
            "the lesson id is {} characters long; at most {MAX_ID_CHARS} fit in saved progress",
            id.len()
        ));
    }
    Ok(())
}

/// Adds the lesson and returns its folder. Checks everything before writing; if a write fails
/// half-way, the new folder is removed again and `course.json` is left as it was.
fn add_lesson(dir: &Path, id: &str) -> Result<PathBuf, String> {
    validate_id(id)?;
    let course_path = dir.join(COURSE_FILE);
    let text = fs::read_to_string(&course_path).map_err(|e| {
        format!(
            "cannot read `{}`: {e}\n  help: give the course folder that holds `{COURSE_FILE}` with --dir",
            course_path.display()
        )
    })?;
    let mut course: CourseManifest = serde_json::from_str(&text).map_err(|e| {
        format!(
            "`{}` cannot be read: {e}\n  help: run `iamplay lessons check {}` and fix it first",
            course_path.display(),
            dir.display()
        )
    })?;
    if course.lessons.iter().any(|listed| listed == id) {
        return Err(format!(
            "the course already lists a lesson `{id}` in `{}`\n  help: choose another id",
            course_path.display()
        ));
    }
    let folder = dir.join(id);
    if folder.exists() {
        return Err(format!(
            "`{}` already exists; nothing was written\n  help: choose another id, or list the existing folder in `{COURSE_FILE}` yourself",
            folder.display()
        ));
    }
    course.lessons.push(id.into());
    let course_text = serde_json::to_string_pretty(&course)
        .map_err(|e| format!("cannot write the course list: {e}"))?
        + "\n";
    // `create_dir` (not `_all`) fails if the folder appeared meanwhile: never write into it.
    fs::create_dir(&folder).map_err(|e| format!("cannot create `{}`: {e}", folder.display()))?;
    let (manifest, prose) = lesson_files(id);
    let written = write_new(&folder.join("lesson.json"), &manifest)
        .and_then(|()| write_new(&folder.join("lesson.md"), &prose))
        .and_then(|()| replace_file(&course_path, &course_text));
    if let Err(message) = written {
        let _ = fs::remove_dir_all(&folder);
        return Err(format!("{message}; nothing was kept"));
    }
    Ok(folder)
}

/// Writes a file that must not exist yet.
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()))
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}

/// Replaces a file's content through a temporary file and a rename, so it is never half-written.
fn replace_file(path: &Path, text: &str) -> Result<(), String> {
    let temporary = path.with_extension("json.new");
    write_new(&temporary, text)?;
    fs::rename(&temporary, path).map_err(|e| {
        let _ = fs::remove_file(&temporary);
        format!("cannot replace `{}`: {e}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamplay_course::check_files;

    #[test]
    fn the_id_is_required_and_the_folder_defaults_to_lessons() {
        let parsed = crate::parse_args::<Args>(&["glue-crawlers"]).unwrap();
        assert_eq!(
            parsed,
            Args {
                id: "glue-crawlers".into(),
                dir: "lessons".into()
            }
        );
        let parsed = crate::parse_args::<Args>(&["x", "--dir", "my-course"]).unwrap();
        assert_eq!(parsed.dir, PathBuf::from("my-course"));
        assert!(crate::parse_args::<Args>(&[]).is_err());
    }

    #[test]
    fn titles_come_from_ids() {
        assert_eq!(title_from_id("glue-crawlers"), "Glue crawlers");
        assert_eq!(title_from_id("s3"), "S3");
    }

    #[test]
    fn ids_must_be_kebab_case_and_short() {
        for bad in [
            "",
            "Glue",
            "glue_crawlers",
            "glue--crawlers",
            "-glue",
            "a/b",
            "../x",
            "glue crawlers",
            "ü",
        ] {
            let err = validate_id(bad).expect_err(bad);
            assert!(err.contains("not kebab-case"), "{bad}: {err}");
        }
        assert!(validate_id(&"a".repeat(MAX_ID_CHARS + 1)).is_err());
        assert!(validate_id("glue-crawlers-2").is_ok());
    }

    /// The example passes the whole checker (the engine included) inside the built-in course.
    #[test]
    fn the_example_lesson_passes_the_checker() {
        let mut files = crate::lessons::builtin_files();
        let (manifest, prose) = lesson_files("glue-crawlers");
        files.push(("glue-crawlers/lesson.json".to_owned(), manifest));
        files.push(("glue-crawlers/lesson.md".to_owned(), prose));
        let course = files
            .iter_mut()
            .find(|(path, _)| path == COURSE_FILE)
            .expect("course.json");
        let mut listed: CourseManifest = serde_json::from_str(&course.1).unwrap();
        listed.lessons.push("glue-crawlers".into());
        course.1 = serde_json::to_string(&listed).unwrap();
        let problems = check_files(&files);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
