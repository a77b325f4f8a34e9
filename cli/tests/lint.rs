//! `iamplay lint` end to end: output and exit status.

#![allow(clippy::unwrap_used)] // A test.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_iamplay"))
        .arg("lint")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that rejects its arguments exits without reading its input: a closed pipe is
    // then expected, not a failure.
    let written = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

const CLEAN: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}"#;

#[test]
fn a_clean_policy_exits_zero() {
    let out = run(&["-"], CLEAN);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "no findings\n");
}

#[test]
fn warnings_alone_exit_zero_and_errors_exit_one() {
    let warning = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}]}"#;
    assert_eq!(run(&["-"], warning).status.code(), Some(0));
    let error = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}"#;
    let out = run(&["-"], error);
    assert_eq!(out.status.code(), Some(1));
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(human.contains("error[missing-resource]"));
    assert!(human.contains("= lesson: policy-anatomy"), "{human}");
}

#[test]
fn the_kind_changes_the_rules() {
    let trust = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}"#;
    assert_eq!(run(&["-", "--kind", "trust"], trust).status.code(), Some(0));
    assert_eq!(
        run(&["-", "--kind", "identity"], trust).status.code(),
        Some(1)
    );
}

#[test]
fn json_output_lists_findings_with_ranges() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjects", "Resource": "*"}]}"#;
    let out = run(&["--format", "json", "-"], text);
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &findings[0];
    assert_eq!(first["code"], "unknown-action");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["suggestion"], "s3:GetObject");
    let start = first["range"]["start"].as_u64().unwrap() as usize;
    let end = first["range"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "\"s3:GetObjects\"");
    assert_eq!(first["range"]["startPosition"]["line"], 1);
    assert!(first["help"].as_str().unwrap().contains("grants nothing"));
    // The built-in course's lesson on the finding, after the finding's own fields.
    assert_eq!(first["lesson"], "policy-anatomy");
    let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    assert_eq!(keys.last().map(|k| k.as_str()), Some("lesson"));
}

#[test]
fn bad_usage_exits_two() {
    assert_eq!(run(&[], "").status.code(), Some(2));
    assert_eq!(
        run(&["-", "--kind", "bucket"], CLEAN).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["/nonexistent/policy.json"], "").status.code(),
        Some(2)
    );
}

#[test]
fn explain_prints_a_check_s_documentation() {
    let out = run(&["--explain", "public-trust"], "");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("public-trust (security warning)\n\n"),
        "{text}"
    );
    let unknown = run(&["--explain", "public-trst"], "");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8(unknown.stderr)
        .unwrap()
        .contains("did you mean `public-trust`?"));
}
