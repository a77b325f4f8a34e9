use super::*;

fn codes(text: &str, kind: PolicyKind) -> Vec<&'static str> {
    lint(text, &LintOptions::new(kind, None))
        .iter()
        .map(|f| f.code)
        .collect()
}

#[test]
fn a_clean_policy_has_no_findings() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow",
        "Action": "s3:GetObject", "Resource": "arn:aws:s3:::raw-data/landing/*"}]}"#;
    assert_eq!(codes(text, PolicyKind::Identity), Vec::<&str>::new());
}

#[test]
fn errors_and_warnings_come_back_together_in_text_order() {
    let text = r#"{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "bucket"}]}"#;
    let found = lint(text, &LintOptions::default());
    let codes: Vec<_> = found.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        ["missing-version", "full-wildcard-action", "invalid-arn"]
    );
    assert!(has_errors(&found));
    assert_eq!(found[2].underlined(text), "\"bucket\"");
    assert_eq!(found[2].range.start_position.line, 1);
}

#[test]
fn lint_never_panics_on_truncated_or_odd_input() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "é x", "Effect": "Allow", "Action": ["s3:Get*", "iam:PassRole", "ünï:cödé"], "Resource": ["arn:aws:s3:::b/${aws:username", "arn:ü:s3:é:ñ:x"], "Principal": {"AWS": "é"}}]}"#;
    for end in 0..=text.len() {
        if let Some(prefix) = text.get(..end) {
            for kind in PolicyKind::ALL {
                let _ = lint(prefix, &LintOptions::new(kind, None));
            }
        }
    }
}
