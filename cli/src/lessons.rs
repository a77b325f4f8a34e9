//! `iamplay lessons check [DIR]`: validates a course folder (default: the built-in course) with
//! the same checker the project's tests run, so trainers can check a course of their own.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use iamplay_course::{check_files, load_course};

const USAGE: &str = "\
Usage: iamplay lessons check [DIR] [--json]
       iamplay lessons bundle [DIR] --out FILE

Checks a course folder: `DIR/course.json` and one folder per lesson with `lesson.json` and
`lesson.md`. Without DIR, checks the course built into iamplay. With --json, prints the
problems as a JSON array (file, position, field, message, help).
Exit status: 0 without problems, 1 with problems, 2 on a usage or read error.

`bundle` checks the same way, then writes the app's course bundle (`iamplay lessons bundle
--help`).
";

/// Runs `iamplay lessons ARGS`.
pub fn run(args: &[String]) -> ExitCode {
    if args.first().is_some_and(|a| a == "bundle") {
        return match args.get(1).map(String::as_str) {
            Some("help" | "--help" | "-h") => {
                print!("{}", crate::bundle::USAGE);
                ExitCode::SUCCESS
            }
            _ => crate::bundle::run(&args[1..]),
        };
    }
    let json = args.iter().any(|a| a == "--json");
    let rest: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| *a != "--json")
        .collect();
    match rest.as_slice() {
        ["check"] => report("the built-in course", &builtin_files(), json),
        ["check", dir] if !dir.starts_with('-') => match read_course(Path::new(dir)) {
            Ok(files) => report(&format!("`{dir}`"), &files, json),
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
        },
        ["help" | "--help" | "-h"] => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Writes to standard output; a closed pipe (`| head`) is not an error worth a panic.
pub(crate) fn print_out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

pub(crate) fn builtin_files() -> Vec<(String, String)> {
    iamplay_lessons::FILES
        .iter()
        .map(|(path, text)| ((*path).to_owned(), (*text).to_owned()))
        .collect()
}

fn report(what: &str, files: &[(String, String)], json: bool) -> ExitCode {
    let problems = check_files(files);
    let mut out = String::new();
    if json {
        out = serde_json::to_string_pretty(&problems).unwrap_or_default() + "\n";
    } else if problems.is_empty() {
        out = format!("{what}: {}, no problems\n", summary(files));
    } else {
        for problem in &problems {
            out.push_str(&format!("error: {problem}\n\n"));
        }
        out.push_str(&format!("{what}: {} problem(s)\n", problems.len()));
    }
    print_out(&out);
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// "14 lessons, 47 scenarios (195 checks), 110 questions".
fn summary(files: &[(String, String)]) -> String {
    let Some(course) = load_course(files).course else {
        return String::new();
    };
    let scenarios: Vec<_> = course
        .lessons
        .iter()
        .flat_map(|l| &l.manifest.scenarios)
        .collect();
    let checks: usize = scenarios.iter().map(|s| s.checks.len()).sum();
    let questions: usize = course
        .lessons
        .iter()
        .map(|l| l.manifest.questions.len())
        .sum();
    format!(
        "{} lessons, {} scenarios ({checks} checks), {questions} questions",
        course.lessons.len(),
        scenarios.len()
    )
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
