//! `iamplay lessons check [DIR]`: validates a course folder (default: the built-in course) with
//! the same checker the project's tests run, so trainers can check a course of their own.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use iamplay_engine::curriculum::check_files;

const USAGE: &str = "\
Usage: iamplay lessons check [DIR]

Checks a course folder: `DIR/course.json` and one folder per lesson with `lesson.json` and
`lesson.md`. Without DIR, checks the course built into iamplay.
";

/// Runs `iamplay lessons ARGS`.
pub fn run(args: &[String]) -> ExitCode {
    match args {
        [check] if check == "check" => report("the built-in course", &builtin_files()),
        [check, dir] if check == "check" => match read_course(Path::new(dir)) {
            Ok(files) => report(&format!("`{dir}`"), &files),
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
        },
        [help] if matches!(help.as_str(), "help" | "--help" | "-h") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

pub(crate) fn builtin_files() -> Vec<(String, String)> {
    iamplay_lessons::FILES
        .iter()
        .map(|(path, text)| ((*path).to_owned(), (*text).to_owned()))
        .collect()
}

fn report(what: &str, files: &[(String, String)]) -> ExitCode {
    let problems = check_files(files);
    if problems.is_empty() {
        let lessons = files
            .iter()
            .filter(|(path, _)| path.ends_with("/lesson.json"))
            .count();
        println!("{what}: {lessons} lesson(s), no problems");
        return ExitCode::SUCCESS;
    }
    for problem in &problems {
        println!("error: {problem}\n");
    }
    println!("{what}: {} problem(s)", problems.len());
    ExitCode::FAILURE
}

/// Reads every `.json` and `.md` file below `dir`, with paths relative to it.
pub(crate) fn read_course(dir: &Path) -> Result<Vec<(String, String)>, String> {
    if !dir.join("course.json").is_file() {
        return Err(format!(
            "`{}` has no `course.json`; give the folder that holds it",
            dir.display()
        ));
    }
    let mut files = Vec::new();
    let mut pending: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read `{}`: {e}", folder.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot read `{}`: {e}", folder.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let is_content = path
                .extension()
                .is_some_and(|ext| ext == "json" || ext == "md");
            let relative = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if !is_content || relative == "README.md" {
                continue;
            }
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
            files.push((relative, text));
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_the_lessons_folder_gives_the_embedded_files() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons");
        let mut from_disk = read_course(&dir).expect("readable");
        // The crate's own files are not course content.
        from_disk.retain(|(path, _)| !path.starts_with("src/") && path != "Cargo.toml");
        assert_eq!(from_disk, builtin_files());
    }

    #[test]
    fn a_folder_without_course_json_is_refused() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        assert!(read_course(&dir).is_err_and(|m| m.contains("course.json")));
    }
}
