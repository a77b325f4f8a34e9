//! `iamplay eval` as a user runs it: output lines in input order and the exit codes.
#![allow(
    clippy::expect_used,
    reason = "a failing spawn should fail the test loudly"
)]

mod support;

const GOOD: &str = r#"{"id": "ok", "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}, "policies": {"identity": [{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}]}}"#;

fn run(args: &[&str], stdin: &str) -> (String, i32) {
    let output = support::iamplay(args, stdin);
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn every_line_is_answered_in_order_and_an_invalid_line_makes_the_exit_code_one() {
    let input = format!(
        "{GOOD}\n\n{{\"id\": \"bad\"}}\n{}\n",
        GOOD.replace("\"ok\"", "\"second\"")
    );
    let (stdout, code) = run(&["eval", "--jsonl", "-", "--brief"], &input);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            r#"{"id":"ok","decision":"allowed"}"#,
            r#"{"id":"bad","error":"the case has no `request` (at column 1)"}"#,
            r#"{"id":"second","decision":"allowed"}"#
        ]
    );
    assert_eq!(code, 1);
}

#[test]
fn all_valid_lines_exit_zero_and_bad_usage_exits_two() {
    assert_eq!(run(&["eval", "--jsonl", "-"], GOOD).1, 0);
    assert_eq!(run(&["eval", "--jsonl"], "").1, 2);
    assert_eq!(
        run(&["eval", "--jsonl", "/nonexistent/cases.jsonl"], "").1,
        2
    );
    assert_eq!(run(&["frobnicate"], "").1, 2);
}
