//! `iamplay progress report` on progress files made by the app's own export code
//! (`iamplay_progress::exchange::export`) and on a checked-in file at schema 1: honest work is
//! done, a forged claim is flagged with the check it fails, a corrupt file is named with its
//! position while the others are still reported, and CSV and HTML keep hostile text inert.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a failing spawn or file operation should fail the test loudly"
)]

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use iamplay_progress::exchange::export;
use iamplay_progress::review::Item;
use iamplay_progress::{Prediction, Progress};
use support::iamplay;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn class_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("iamplay-report-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A scenario's reference answer from the built-in course, as editor text.
fn answer(lesson: &str, scenario: &str) -> String {
    let manifest: serde_json::Value =
        serde_json::from_str(iamplay_lessons::file(&format!("{lesson}/lesson.json")).unwrap())
            .unwrap();
    let scenario = manifest["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == scenario)
        .unwrap();
    serde_json::to_string_pretty(&scenario["answer"]).unwrap()
}

/// Writes the file the app's "Export progress" writes.
fn exported(dir: &Path, name: &str, progress: &Progress, drafts: &[(&str, String)]) -> String {
    let drafts: BTreeMap<String, String> = drafts
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    let path = dir.join(format!("{name}.json"));
    fs::write(&path, export(progress, &drafts, "2026-12-01T10:00:00.000Z")).unwrap();
    path.to_str().unwrap().to_owned()
}

/// Alice solved two scenarios and a question honestly, and started a third.
fn alice(dir: &Path) -> String {
    let mut progress = Progress::default();
    progress.update_scenario("what-iam-answers/first-allow", |s| {
        s.completed = true;
        s.attempted = true;
        s.hints_shown = 1;
    });
    progress.update_scenario("what-iam-answers/predict-request-context", |s| {
        s.completed = true;
        s.predictions = BTreeMap::from([
            ("from-office".to_owned(), Prediction::Allowed),
            ("from-cafe".to_owned(), Prediction::Denied),
            ("other-bucket".to_owned(), Prediction::Denied),
        ]);
    });
    progress.update_scenario("policy-anatomy/write-two-statements", |s| {
        s.attempted = true
    });
    progress.record_question("iam-authn-vs-authz", vec![0], true);
    for (seed, right) in [(1, true), (2, false), (3, true)] {
        let drill = Item::Drill {
            topic: "mfa".to_owned(),
            level: 1,
            seed,
        };
        progress.record_drill("mfa", &drill, right, 20_000);
    }
    exported(
        dir,
        "alice",
        &progress,
        &[
            (
                "what-iam-answers/first-allow",
                answer("what-iam-answers", "first-allow"),
            ),
            (
                "policy-anatomy/write-two-statements",
                r#"{"Version": "2012-10-17", "Statement": []}"#.to_owned(),
            ),
        ],
    )
}

/// Mallory's file claims a solve whose saved policy allows everything, and a right answer
/// with the wrong option chosen.
fn mallory(dir: &Path) -> String {
    let mut progress = Progress::default();
    progress.update_scenario("what-iam-answers/first-allow", |s| s.completed = true);
    progress.record_question("iam-authn-vs-authz", vec![1], true);
    let everything = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#;
    exported(
        dir,
        "mallory",
        &progress,
        &[("what-iam-answers/first-allow", everything.to_owned())],
    )
}

fn report(args: &[&str]) -> (Option<i32>, String, String) {
    let output = iamplay(&[&["progress", "report"], args].concat(), "");
    (
        output.status.code(),
        text(&output.stdout),
        text(&output.stderr),
    )
}

#[test]
fn honest_work_is_done_and_a_forged_claim_is_flagged() {
    let dir = class_dir("flags");
    let alice = alice(&dir);
    let (code, out, err) = report(&[&alice]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("| alice | 2/"), "{out}");
    assert!(
        out.contains("| 0 | 2/3 | 0 |"),
        "interviews, drills, flags: {out}"
    );
    assert!(out.contains("| 1/"), "{out}");
    assert!(
        out.contains(
            "| `what-iam-answers/first-allow` | Let Alice read one report | done | 1 | no |  |"
        ),
        "{out}"
    );
    // Started, with what is still missing.
    assert!(
        out.contains("| `policy-anatomy/write-two-statements`"),
        "{out}"
    );
    assert!(out.contains("in progress"), "{out}");
    assert!(out.contains("the saved policy fails check"), "{out}");

    let mallory = mallory(&dir);
    let (code, out, err) = report(&[&alice, &mallory]);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(err.contains("2 claim(s) flagged"), "{err}");
    assert!(
        out.contains("- `what-iam-answers/first-allow`: marked solved, but the saved policy fails check `alice-cannot-overwrite` (Alice overwrites the report): expected denied, the engine says allowed"),
        "{out}"
    );
    assert!(
        out.contains("- `iam-authn-vs-authz`: marked answered correctly, but the chosen option(s) 2 are not the correct ones"),
        "{out}"
    );
    assert!(out.contains("| mallory | 0/"), "{out}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_older_schema_is_migrated_as_the_app_does() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema-1-dana.json"
    );
    let (code, out, err) = report(&[fixture]);
    assert_eq!(code, Some(0), "{out}{err}");
    // The scenario moved in schema 2 is reported under its new key, and re-graded there.
    assert!(
        out.contains("| `conditions/spot-mfa-deny` | Why is Alice denied? | done | 1 | no |  |"),
        "{out}"
    );
    assert!(!out.contains("users-and-groups/spot-mfa-deny"), "{out}");
    assert!(out.contains("| schema-1-dana | 2/"), "{out}");
}

#[test]
fn schema_2_is_migrated_and_unsolved_work_says_what_is_missing() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema-2-erin.json"
    );
    let (code, out, err) = report(&["--format", "csv", fixture]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("schema-2-erin,what-iam-answers,first-allow,Let Alice read one report,in progress,0,1,,,1,false,\"the saved policy fails check `alice-cannot-overwrite` (Alice overwrites the report): expected denied, the engine says allowed\"\r\n"),
        "{out}"
    );
    assert!(
        out.contains(",in progress,0,1,,,2,true,\"the statement picked, `edited/ReadCuratedLake`, is not the one that causes the deny\"\r\n"),
        "{out}"
    );
    let (_, out, _) = report(&[fixture]);
    assert!(
        out.contains("| schema-2-erin | 0/53 | 0/110 | 0/14 | 1 (best 7/10) | 0/0 | 0 |"),
        "{out}"
    );
}

/// The trainer's path end to end: a lesson from `lessons new`, a learner's export for it, and
/// the report graded against that course.
#[test]
fn a_trainers_own_course_grades_its_own_scenarios() {
    let dir = class_dir("own-course");
    let course = dir.join("course");
    fs::create_dir(&course).unwrap();
    fs::write(
        course.join("course.json"),
        r#"{"title": "Onboarding", "lessons": []}"#,
    )
    .unwrap();
    let course = course.to_str().unwrap();
    let added = iamplay(&["lessons", "new", "glue-crawlers", "--dir", course], "");
    assert!(added.status.success(), "{}", text(&added.stderr));

    let key = "glue-crawlers/read-one-prefix";
    let mut progress = Progress::default();
    progress.update_scenario(key, |s| s.completed = true);
    let answer = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "s3:GetObject", "Resource": "arn:aws:s3:::raw-data/incoming/*"}]}"#;
    let file = exported(&dir, "fay", &progress, &[(key, answer.to_owned())]);
    let (code, out, err) = report(&["--course", course, &file]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.starts_with("# Progress report: Onboarding\n"), "{out}");
    assert!(out.contains("| fay | 1/2 | 0/3 | 0/1 |"), "{out}");
    assert!(
        out.contains(
            "| `glue-crawlers/read-one-prefix` | Let the ingest role read incoming files | done |"
        ),
        "{out}"
    );
    // Against the built-in course the same file is about a lesson it does not have.
    let (_, out, _) = report(&[&file]);
    assert!(
        out.contains("Not in this course (ignored): `glue-crawlers/read-one-prefix`."),
        "{out}"
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn corrupt_files_are_named_and_the_others_still_reported() {
    let dir = class_dir("corrupt");
    let alice = alice(&dir);
    let broken = dir.join("broken.json");
    fs::write(
        &broken,
        "{\n  \"format\": \"iamplay-progress\",\n  \"version\": 2,\n  oops\n}",
    )
    .unwrap();
    let other = dir.join("notes.json");
    fs::write(&other, "[1, 2, 3]").unwrap();
    let binary = dir.join("photo.json");
    fs::write(&binary, [0x7b, 0xff, 0xfe]).unwrap();
    let huge = dir.join("huge.json");
    fs::write(
        &huge,
        " ".repeat(iamplay_progress::exchange::MAX_FILE_BYTES + 10),
    )
    .unwrap();
    let missing = dir.join("missing.json");
    let files = [
        broken.to_str().unwrap(),
        alice.as_str(),
        other.to_str().unwrap(),
        binary.to_str().unwrap(),
        huge.to_str().unwrap(),
    ];
    let (code, out, err) = report(&files);
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(
        err.contains(&format!(
            "error: {}:4:3: the file is not JSON: key must be a string (line 4, column 3)",
            broken.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("notes.json: the file is not an IAM Playground progress file"),
        "{err}"
    );
    assert!(
        err.contains("photo.json: byte 2: the file is not UTF-8"),
        "{err}"
    );
    assert!(
        err.contains("huge.json: the file is 5000010 bytes, larger than a progress file can be"),
        "{err}"
    );
    assert!(out.contains("## Files not read"), "{out}");
    assert!(out.contains("## alice"), "{out}");

    let (code, _, err) = report(&[&alice, missing.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("cannot read"), "{err}");
    fs::remove_dir_all(&dir).unwrap();
}

/// A learner named by a hostile file, whose file picks a statement named like markup.
fn hostile(dir: &Path) -> String {
    let mut progress = Progress::default();
    progress.update_scenario("conditions/spot-mfa-deny", |s| {
        s.completed = true;
        s.spotted = Some("edited/<script>alert(1)</script>".to_owned());
    });
    exported(dir, "<img src=x onerror=alert(1)>, \"Eve\"", &progress, &[])
}

#[test]
fn html_is_one_self_contained_page_with_every_string_escaped() {
    let dir = class_dir("html");
    let files = [alice(&dir), hostile(&dir)];
    let (code, page, err) = report(&["--format", "html", &files[0], &files[1]]);
    assert_eq!(code, Some(1), "{err}");
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(page.contains("<svg"), "{page}");
    assert!(page.contains("Content-Security-Policy"));
    for forbidden in ["<script", "<img", "src=\"http", "href=", "url(", "@import"] {
        assert!(!page.contains(forbidden), "{forbidden} in {page}");
    }
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;, &quot;Eve&quot;"));
    assert!(page.contains("edited/&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The chart's numbers are text too.
    assert!(page.contains(">2/"), "{page}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn csv_has_a_row_per_lesson_and_scenario_quoted_as_rfc_4180_says() {
    let dir = class_dir("csv");
    let files = [alice(&dir), hostile(&dir)];
    let (code, csv, err) = report(&["--format", "csv", &files[0], &files[1]]);
    assert_eq!(code, Some(1), "{err}");
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "learner,lesson,scenario,title,status,scenarios_done,scenarios,questions_correct,questions,hints_shown,answer_shown,detail"
    );
    assert_eq!(
        lines[1],
        "alice,what-iam-answers,,What IAM answers,In progress,2,3,1,5,,,"
    );
    assert!(
        csv.contains(
            "alice,what-iam-answers,first-allow,Let Alice read one report,done,1,1,,,1,false,\r\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("\"<img src=x onerror=alert(1)>, \"\"Eve\"\"\",conditions,spot-mfa-deny,"),
        "{csv}"
    );
    assert!(csv.contains(",FLAGGED,0,1,,,0,false,\"marked solved, but the statement picked, `edited/<script>alert(1)</script>`, is not the one that causes the deny\""), "{csv}");
    assert!(csv.ends_with("\r\n"));
    fs::remove_dir_all(&dir).unwrap();
}
