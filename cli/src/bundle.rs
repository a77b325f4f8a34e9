//! `iamplay lessons bundle [DIR] --out FILE`: checks a course folder and writes the app's course
//! bundle, one JSON file with every Markdown field already parsed. Trunk runs it on every build
//! (`scripts/course-bundle.mjs`), so a course with problems never reaches the app.

use std::path::Path;
use std::process::ExitCode;

use iamplay_course::{bundle_course, Bundle};

use crate::lessons::{builtin_files, read_course};

pub const USAGE: &str = "\
Usage: iamplay lessons bundle [DIR] --out FILE

Checks a course folder (default: the course built into iamplay) like `iamplay lessons check`
and, when it has no problems, writes the app's course bundle to FILE: the course as JSON with
its Markdown parsed. With problems, prints them and writes nothing.
Exit status: 0 when written, 1 with problems, 2 on a usage, read or write error.
";

/// Runs `iamplay lessons bundle ARGS` (the arguments after `bundle`).
pub fn run(args: &[String]) -> ExitCode {
    let (dir, out) = match parse_args(args) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let files = match dir {
        Some(dir) => match read_course(Path::new(dir)) {
            Ok(files) => files,
            Err(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(2);
            }
        },
        None => builtin_files(),
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
    match write(&bundle, Path::new(out)) {
        Ok(bytes) => {
            eprintln!(
                "wrote `{out}` ({bytes} bytes): {} lessons",
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

/// `[DIR] --out FILE`, in either order.
fn parse_args(args: &[String]) -> Result<(Option<&str>, &str), String> {
    let mut dir = None;
    let mut out = None;
    let mut rest = args.iter().map(String::as_str);
    while let Some(arg) = rest.next() {
        match arg {
            "--out" | "-o" => {
                out = Some(rest.next().ok_or("`--out` needs a file name")?);
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            path if dir.is_none() => dir = Some(path),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    let out = out.ok_or("give the file to write with `--out FILE`")?;
    Ok((dir, out))
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

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|a| (*a).to_owned()).collect()
    }

    #[test]
    fn the_folder_and_the_output_come_in_either_order() {
        let given = args(&["lessons", "--out", "dist/course.json"]);
        assert_eq!(
            parse_args(&given),
            Ok((Some("lessons"), "dist/course.json"))
        );
        let given = args(&["-o", "c.json"]);
        assert_eq!(parse_args(&given), Ok((None, "c.json")));
    }

    #[test]
    fn a_missing_output_or_a_stray_argument_is_a_usage_error() {
        assert!(parse_args(&args(&["lessons"])).is_err_and(|m| m.contains("--out")));
        assert!(parse_args(&args(&["a", "b", "--out", "x"])).is_err_and(|m| m.contains("`b`")));
        assert!(parse_args(&args(&["--out"])).is_err());
        assert!(parse_args(&args(&["--json", "--out", "x"])).is_err_and(|m| m.contains("--json")));
    }

    #[test]
    fn the_written_bundle_reads_back() {
        let dir = std::env::temp_dir().join(format!("iamplay-bundle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let out = dir.join("course.json");
        let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons");
        let code = run(&args(&[
            &lessons.to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
        ]));
        assert_eq!(code, ExitCode::SUCCESS);
        let text = std::fs::read_to_string(&out).expect("written");
        let bundle: Bundle = serde_json::from_str(&text).expect("a bundle");
        assert_eq!(
            bundle,
            bundle_course(&builtin_files()).expect("the built-in course is clean")
        );
        std::fs::remove_dir_all(&dir).expect("cleaned up");
    }
}
