//! `iamplay lessons`: check a course folder, or bundle it for the app. The subcommands share
//! how a course is read: from a folder, or the course built into iamplay.

mod bundle;
mod check;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Check a course folder, or bundle it for the app
///
/// A course folder holds `course.json` and one folder per lesson with `lesson.json` and
/// `lesson.md` (lessons/README.md). Without DIR, the course built into iamplay.
#[derive(Debug, clap::Args)]
#[command(subcommand_required = true, arg_required_else_help = true)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    Check(check::Args),
    Bundle(bundle::Args),
}

/// Runs `iamplay lessons SUBCOMMAND`.
pub fn run(args: Args) -> ExitCode {
    match args.command {
        Command::Check(args) => check::run(args),
        Command::Bundle(args) => bundle::run(args),
    }
}

/// The course named by an optional folder: read from disk, or the built-in one. An unreadable
/// folder is a message for the user.
pub(crate) fn course_files(dir: Option<&Path>) -> Result<Vec<(String, String)>, String> {
    match dir {
        Some(dir) => read_course(dir),
        None => Ok(builtin_files()),
    }
}

pub(crate) fn builtin_files() -> Vec<(String, String)> {
    iamplay_lessons::FILES
        .iter()
        .map(|(path, text)| ((*path).to_owned(), (*text).to_owned()))
        .collect()
}

/// Reads every `.json` and `.md` file below `dir`, with paths relative to it.
fn read_course(dir: &Path) -> Result<Vec<(String, String)>, String> {
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
