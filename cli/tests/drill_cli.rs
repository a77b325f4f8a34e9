//! `iamplay drill` as a user runs it: drills whose cases `iamplay eval` answers the same way,
//! the same drills for the same seed, a worksheet, and clear errors.
#![allow(
    clippy::expect_used,
    reason = "a failing spawn should fail the test loudly"
)]

mod support;

use support::iamplay;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The `case` member of a drill line, exactly as printed.
fn raw_case(line: &str) -> &str {
    let after = line.split_once(",\"case\":").expect("a case").1;
    after.split_once(",\"answer\":").expect("an answer").0
}

#[test]
fn eval_gives_every_drill_its_answer_and_explanation() {
    let args = ["drill", "--seed", "12", "--count", "20", "--level", "3"];
    let output = iamplay(&args, "");
    assert!(output.status.success(), "{}", text(&output.stderr));
    let drills = text(&output.stdout);
    assert_eq!(drills.lines().count(), 20);
    let cases: String = drills
        .lines()
        .map(|l| format!("{}\n", raw_case(l)))
        .collect();
    let evaluated = iamplay(&["eval", "--jsonl", "-"], &cases);
    assert!(evaluated.status.success());
    let evaluated = text(&evaluated.stdout);
    for (drill, answer) in drills.lines().zip(evaluated.lines()) {
        let drill: serde_json::Value = serde_json::from_str(drill).expect("json");
        let answer: serde_json::Value = serde_json::from_str(answer).expect("json");
        assert_eq!(drill["level"], 3);
        assert_eq!(answer["id"], drill["id"]);
        assert_eq!(answer["decision"], drill["answer"]);
        assert_eq!(answer["explanation"], drill["explanation"]);
    }
    assert_eq!(
        text(&iamplay(&args, "").stdout),
        drills,
        "same seed, same drills"
    );
}

#[test]
fn topics_narrow_the_drills_and_markdown_makes_a_worksheet() {
    let args = [
        "drill",
        "--seed",
        "4",
        "--count",
        "6",
        "--topic",
        "mfa",
        "--topic",
        "pass-role",
    ];
    let output = text(&iamplay(&args, "").stdout);
    for line in output.lines() {
        let drill: serde_json::Value = serde_json::from_str(line).expect("json");
        assert!(["mfa", "pass-role"].contains(&drill["topic"].as_str().expect("topic")));
    }
    let mut markdown = args.to_vec();
    markdown.extend(["--format", "markdown"]);
    let sheet = text(&iamplay(&markdown, "").stdout);
    assert!(sheet.starts_with("# IAM drills\n"), "{sheet}");
    assert_eq!(sheet.matches("\n## ").count(), 6);
    assert_eq!(
        sheet
            .split("# Answer key")
            .nth(1)
            .expect("a key")
            .lines()
            .filter(|l| l.contains("**"))
            .count(),
        6
    );
}

#[test]
fn bad_arguments_are_explained_with_exit_code_two() {
    let output = iamplay(
        &["drill", "--seed", "1", "--count", "2", "--topic", "scp"],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    let error = text(&output.stderr);
    assert!(
        error.contains("invalid value 'scp' for '--topic <TOPIC>': unknown topic `scp`"),
        "{error}"
    );
    assert!(
        error.contains("scps-rcps"),
        "the list of topics helps: {error}"
    );
    assert!(output.stdout.is_empty());
}
