//! `iamplay lessons bundle [DIR] --out FILE`: checks a course folder and writes the app's course
//! bundle, one JSON file with every Markdown field already parsed. Trunk runs it on every build
//! (`scripts/course-bundle.mjs`), so a course with problems never reaches the app.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use iamplay_course::{bundle_course, Bundle};

/// Check a course folder, then write the app's course bundle
///
/// Checks like `iamplay lessons check` and, when the course has no problems, writes the app's
/// course bundle to FILE: the course as JSON with its Markdown parsed. With problems, prints
/// them and writes nothing.
#[derive(Debug, PartialEq, Eq, clap::Args)]
#[command(
    after_help = "Exit status: 0 when written, 1 with problems, 2 on a usage, read or write error."
)]
pub struct Args {
    /// The course folder (default: the course built into iamplay)
    dir: Option<PathBuf>,
    /// The bundle to write
    #[arg(long, short, value_name = "FILE")]
    out: PathBuf,
}

/// Runs `iamplay lessons bundle`.
pub fn run(args: Args) -> ExitCode {
    let files = match super::course_files(args.dir.as_deref()) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let bundle = match bundle_course(&files) {
        Ok(bundle) => bundle,
        Err(problems) => {
            for problem in &problems {
                eprintln!("error: {problem}\n");
            }
            eprintln!(
                "the course has {} problem(s); no bundle was written",
                problems.len()
            );
            return ExitCode::FAILURE;
        }
    };
    match write(&bundle, &args.out) {
        Ok(bytes) => {
            eprintln!(
                "wrote `{}` ({bytes} bytes): {} lessons",
                args.out.display(),
                bundle.course.lessons.len()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Writes compact JSON (the app parses it; nobody reads it by hand) and returns its size.
fn write(bundle: &Bundle, path: &Path) -> Result<usize, String> {
    let text =
        serde_json::to_string(bundle).map_err(|e| format!("cannot serialise the bundle: {e}"))?;
    std::fs::write(path, &text).map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    Ok(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(list: &[&str]) -> Result<Args, String> {
        crate::parse_args::<Args>(list).map_err(|e| e.to_string())
    }

    #[test]
    fn the_folder_and_the_output_come_in_either_order() {
        let expected = Args {
            dir: Some("lessons".into()),
            out: "dist/course.json".into(),
        };
        assert_eq!(
            parse(&["lessons", "--out", "dist/course.json"]),
            Ok(expected)
        );
        let short = parse(&["-o", "c.json"]).unwrap();
        assert_eq!((short.dir, short.out), (None, "c.json".into()));
    }

    #[test]
    fn a_missing_output_or_a_stray_argument_is_a_usage_error() {
        assert!(parse(&["lessons"]).is_err_and(|m| m.contains("--out")));
        assert!(parse(&["a", "b", "--out", "x"]).is_err_and(|m| m.contains("'b'")));
        assert!(parse(&["--out"]).is_err());
        assert!(parse(&["--json", "--out", "x"]).is_err_and(|m| m.contains("--json")));
    }

    #[test]
    fn the_written_bundle_reads_back() {
        let dir = std::env::temp_dir().join(format!("iamplay-bundle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let out = dir.join("course.json");
        let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons");
        let code = run(Args {
            dir: Some(lessons),
            out: out.clone(),
        });
        assert_eq!(code, ExitCode::SUCCESS);
        let text = std::fs::read_to_string(&out).expect("written");
        let bundle: Bundle = serde_json::from_str(&text).expect("a bundle");
        assert_eq!(
            bundle,
            bundle_course(&crate::lessons::builtin_files()).expect("the built-in course is clean")
        );
        std::fs::remove_dir_all(&dir).expect("cleaned up");
    }
}
