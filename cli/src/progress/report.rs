//! `iamplay progress report FILE...`: reads each exported progress file with the app's own
//! import (every schema version it migrates), re-grades it against the course, and prints the
//! class as Markdown, CSV or one self-contained HTML page. A file that cannot be read is named
//! with the reason (and the position, for broken JSON); the others are still reported.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use iamplay_course::{load_course, Course};
use iamplay_progress::exchange::{self, ImportError};

use super::regrade::{regrade, LearnerReport};
use crate::lessons::course_files;
use crate::output::print_out;

/// Report what each learner did, re-graded by the engine
///
/// Reads progress files saved with "Export progress" on the app's progress page (any schema
/// version the app reads) and prints, per learner (one file each, named after the file), per
/// lesson and per scenario, what is done. Every saved policy, prediction, pick and answer is
/// graded again against the course: a file that marks a scenario solved while its saved work
/// fails is FLAGGED with the check it fails. (A learner who edits a policy after solving it is
/// flagged too: the app remembers the solve, the file keeps the later text.)
#[derive(Debug, PartialEq, Eq, clap::Args)]
#[command(
    after_help = "Exit status: 0 when every file is read and nothing is flagged, 1 when a file is not a progress file or something is flagged, 2 on a usage error or a file that cannot be read."
)]
pub struct Args {
    /// Progress files exported from the app, one per learner (named after the file, or after
    /// its folder when files share a name)
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The report's format: Markdown, CSV (RFC 4180, one row per learner and lesson or
    /// scenario) or a self-contained HTML page with a chart
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    format: ReportFormat,
    /// Grade against the course in DIR instead of the built-in one
    #[arg(long, value_name = "DIR")]
    course: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Csv,
    Html,
}

/// Everything a report shows.
#[derive(Debug)]
pub struct ClassReport {
    pub course: Course,
    pub learners: Vec<LearnerReport>,
    /// Files that could not be reported on: (file as given, why).
    pub unread: Vec<(String, String)>,
}

impl ClassReport {
    pub fn scenario_count(&self) -> usize {
        self.course
            .lessons
            .iter()
            .map(|l| l.manifest.scenarios.len())
            .sum()
    }

    pub fn question_count(&self) -> usize {
        self.course
            .lessons
            .iter()
            .map(|l| l.manifest.questions.len())
            .sum()
    }
}

/// Runs `iamplay progress report`.
pub fn run(args: Args) -> ExitCode {
    let course = match course(args.course.as_deref()) {
        Ok(course) => course,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let mut report = ClassReport {
        course,
        learners: Vec::new(),
        unread: Vec::new(),
    };
    let mut cannot_read = false;
    for (file, name) in args.files.iter().zip(learner_names(&args.files)) {
        match read(file) {
            Ok(imported) => report
                .learners
                .push(regrade(&name, &imported, &report.course)),
            Err(Unread::Io(message)) => {
                cannot_read = true;
                eprintln!("error: {message}");
                report.unread.push((file.display().to_string(), message));
            }
            Err(Unread::NotProgress(message)) => {
                eprintln!("error: {message}");
                report.unread.push((file.display().to_string(), message));
            }
        }
    }
    let text = match args.format {
        ReportFormat::Markdown => super::markdown::render(&report),
        ReportFormat::Csv => super::csv::render(&report),
        ReportFormat::Html => super::html::render(&report),
    };
    print_out(&text);
    let flagged: usize = report.learners.iter().map(|l| l.flags.len()).sum();
    if flagged > 0 {
        eprintln!("{flagged} claim(s) flagged: marked solved or correct, but the saved work fails");
    }
    if cannot_read {
        ExitCode::from(2)
    } else if flagged > 0 || !report.unread.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn course(dir: Option<&Path>) -> Result<Course, String> {
    let files = course_files(dir)?;
    let loaded = load_course(&files);
    match loaded.course {
        Some(course) if loaded.problems.is_empty() => Ok(course),
        _ => Err("the course has problems; run `iamplay lessons check` on it first".to_owned()),
    }
}

enum Unread {
    /// The file system refused.
    Io(String),
    /// Read, but not a progress file the app would import.
    NotProgress(String),
}

fn read(file: &Path) -> Result<exchange::Imported, Unread> {
    let io = |e: std::io::Error| Unread::Io(format!("cannot read `{}`: {e}", file.display()));
    let opened = std::fs::File::open(file).map_err(io)?;
    let size = opened.metadata().map_err(io)?.len();
    let too_large = |bytes: usize| {
        let error = ImportError::TooLarge { bytes };
        Unread::NotProgress(format!("{}: {error}", file.display()))
    };
    if size > exchange::MAX_FILE_BYTES as u64 {
        return Err(too_large(usize::try_from(size).unwrap_or(usize::MAX)));
    }
    // Bounded even if the file grows while it is read.
    let mut bytes = Vec::new();
    opened
        .take(exchange::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Unread::NotProgress(format!(
            "{}: byte {}: the file is not UTF-8 text, so not a progress file",
            file.display(),
            e.utf8_error().valid_up_to() + 1
        ))
    })?;
    exchange::import(&text).map_err(|error| {
        let place = match &error {
            ImportError::NotJson { line, column, .. } => format!(":{line}:{column}"),
            _ => String::new(),
        };
        Unread::NotProgress(format!("{}{place}: {error}", file.display()))
    })
}

/// Each file's learner: its name without `.json`; when files share that name (the app names
/// every export `iam-playground-progress.json`), the folder it is in; failing that, its path.
fn learner_names(files: &[PathBuf]) -> Vec<String> {
    let stem = |file: &PathBuf| file.file_stem().map(|s| s.to_string_lossy().into_owned());
    let folder = |file: &PathBuf| {
        file.parent()
            .and_then(Path::file_name)
            .map(|s| s.to_string_lossy().into_owned())
    };
    let unique = |name: &Option<String>, of: &dyn Fn(&PathBuf) -> Option<String>| {
        name.is_some() && files.iter().filter(|other| of(other) == *name).count() == 1
    };
    files
        .iter()
        .map(|file| {
            let by_stem = stem(file);
            if unique(&by_stem, &stem) {
                return by_stem.unwrap_or_default();
            }
            let by_folder = folder(file);
            if unique(&by_folder, &folder) {
                return by_folder.unwrap_or_default();
            }
            file.display().to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_required_and_markdown_is_the_default() {
        let parsed = crate::parse_args::<Args>(&["a.json", "b.json"]).unwrap();
        assert_eq!(parsed.files.len(), 2);
        assert_eq!(parsed.format, ReportFormat::Markdown);
        let parsed = crate::parse_args::<Args>(&["--format", "html", "a.json"]).unwrap();
        assert_eq!(parsed.format, ReportFormat::Html);
        assert!(crate::parse_args::<Args>(&[]).is_err());
        assert!(crate::parse_args::<Args>(&["--format", "pdf", "a.json"]).is_err());
    }

    #[test]
    fn learners_are_named_after_their_files() {
        let names =
            |list: &[&str]| learner_names(&list.iter().map(PathBuf::from).collect::<Vec<_>>());
        assert_eq!(names(&["class/alice.json", "bob"]), ["alice", "bob"]);
        assert_eq!(
            names(&[
                "class/dana/iam-playground-progress.json",
                "class/eve/iam-playground-progress.json"
            ]),
            ["dana", "eve"]
        );
        assert_eq!(
            names(&["a/x/p.json", "b/x/p.json", "q.json"]),
            ["a/x/p.json", "b/x/p.json", "q"]
        );
    }
}
