//! `iamplay lessons new` as a trainer runs it: the lesson it writes passes `iamplay lessons
//! check` right away, and a bad or taken id is refused with nothing written.
#![allow(
    clippy::expect_used,
    reason = "a failing spawn or file operation should fail the test loudly"
)]

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::iamplay;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh course folder with `course.json` listing no lessons yet.
fn fresh_course(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("iamplay-new-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    fs::write(
        dir.join("course.json"),
        "{\n  \"title\": \"Data platform onboarding\",\n  \"lessons\": []\n}\n",
    )
    .expect("course.json");
    dir
}

fn new_lesson(dir: &Path, id: &str) -> std::process::Output {
    iamplay(
        &["lessons", "new", id, "--dir", dir.to_str().expect("utf-8")],
        "",
    )
}

/// Every file below `dir`, with its content, to show that nothing changed.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path.clone());
            }
            let content = fs::read(&path).unwrap_or_default();
            files.push((path, content));
        }
    }
    files.sort();
    files
}

#[test]
fn new_lessons_pass_the_checker_right_away() {
    let dir = fresh_course("passes");
    for id in ["glue-crawlers", "athena-workgroups"] {
        let output = new_lesson(&dir, id);
        assert!(output.status.success(), "{}", text(&output.stderr));
        assert!(text(&output.stderr).contains("iamplay lessons check"));
        assert!(dir.join(id).join("lesson.json").is_file());
        assert!(dir.join(id).join("lesson.md").is_file());
    }
    let course = fs::read_to_string(dir.join("course.json")).expect("course.json");
    assert_eq!(
        course,
        "{\n  \"title\": \"Data platform onboarding\",\n  \"lessons\": [\n    \"glue-crawlers\",\n    \"athena-workgroups\"\n  ]\n}\n"
    );
    let prose = fs::read_to_string(dir.join("glue-crawlers/lesson.md")).expect("lesson.md");
    assert!(prose.starts_with("# Glue crawlers\n"), "{prose}");

    let checked = iamplay(&["lessons", "check", dir.to_str().expect("utf-8")], "");
    assert!(
        checked.status.success(),
        "{}{}",
        text(&checked.stdout),
        text(&checked.stderr)
    );
    assert!(
        text(&checked.stdout).contains("2 lessons, 4 scenarios"),
        "{}",
        text(&checked.stdout)
    );
    fs::remove_dir_all(&dir).expect("cleaned up");
}

#[test]
fn bad_or_taken_ids_are_refused_and_nothing_is_written() {
    let dir = fresh_course("refused");
    assert!(new_lesson(&dir, "glue-crawlers").status.success());
    // A folder nobody listed yet is not overwritten either.
    fs::create_dir(dir.join("drafts")).expect("folder");
    fs::write(dir.join("drafts/notes.md"), "mine").expect("notes");
    let before = snapshot(&dir);

    let cases = [
        ("Glue_Crawlers", "is not kebab-case"),
        ("../escape", "is not kebab-case"),
        ("glue-crawlers", "already lists a lesson `glue-crawlers`"),
        ("drafts", "already exists; nothing was written"),
    ];
    for (id, expected) in cases {
        let output = new_lesson(&dir, id);
        assert_eq!(output.status.code(), Some(2), "{id}");
        let stderr = text(&output.stderr);
        assert!(stderr.starts_with("error: "), "{id}: {stderr}");
        assert!(stderr.contains(expected), "{id}: {stderr}");
        assert_eq!(snapshot(&dir), before, "{id} changed the course");
    }

    let missing = dir.join("no-such-course");
    let output = new_lesson(&missing, "glue-crawlers");
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("course.json"));
    assert!(!missing.exists());
    fs::remove_dir_all(&dir).expect("cleaned up");
}
