//! Lint and the English reading never panic, whatever the text: random edits of real policies
//! (deleted, repeated and replaced characters, including multi-byte ones) and random strings.
//! On the same texts, the lenient reading an editor lints gives, as its strict verdict, exactly
//! what the strict parser gives: an editor parses each keystroke's text once.

#![allow(clippy::unwrap_used)] // A test.

use iamplay_engine::catalog::Catalog;
use iamplay_engine::english::read_policy;
use iamplay_engine::lint::{lint, LintOptions};
use iamplay_engine::policy::{parse_policy, parse_policy_lenient};
use iamplay_engine::policy_kind::PolicyKind;
use proptest::prelude::*;

const SEEDS: [&str; 3] = [
    r#"{"Version": "2012-10-17", "Statement": [{"Sid": "A1", "Effect": "Allow", "Action": ["s3:Get*", "iam:PassRole"], "Resource": ["arn:aws:s3:::b/${aws:username}/*", "*"], "Condition": {"ForAllValues:StringLike": {"aws:TagKeys": ["t*"]}, "IpAddress": {"aws:SourceIp": "10.0.0.0/8"}, "DateLessThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"}}}]}"#,
    r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:role/a", "111122223333"]}, "NotAction": "s3:*", "NotResource": "arn:aws:s3:::x/*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": false}, "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}}}}"#,
    r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com", "Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"Null": {"aws:PrincipalTag/team": "true"}}}]}"#,
];

fn exercise(text: &str) {
    for kind in PolicyKind::ALL {
        let mut options = LintOptions::new(kind, Some(Catalog::embedded()));
        options.require_mfa = true;
        for finding in lint(text, &options) {
            assert!(finding.range.start <= finding.range.end && finding.range.end <= text.len());
        }
    }
    let lenient = parse_policy_lenient(text);
    assert_eq!(lenient.strict().cloned(), parse_policy(text), "{text}");
    if let Some(policy) = lenient.policy {
        let _ = read_policy(&policy, Some(Catalog::embedded()));
    }
}

/// An edit at a character position: delete, repeat or replace with `insert`.
fn edit(seed: &str, at: usize, how: u8, insert: char) -> String {
    let chars: Vec<char> = seed.chars().collect();
    let at = at % chars.len().max(1);
    let mut out: Vec<char> = chars.clone();
    match how % 3 {
        0 => {
            out.remove(at);
        }
        1 => out.insert(at, chars[at]),
        _ => out[at] = insert,
    }
    out.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn edited_policies_never_panic(seed in 0..SEEDS.len(), edits in prop::collection::vec((any::<usize>(), any::<u8>(), prop::sample::select(vec!['"', '{', '}', '[', ']', ',', ':', '*', '$', 'é', '😀', ' ', '\\', 'x', '0'])), 1..4)) {
        let mut text = SEEDS[seed].to_owned();
        for (at, how, insert) in edits {
            text = edit(&text, at, how, insert);
        }
        exercise(&text);
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,80}") {
        exercise(&text);
    }
}

#[test]
fn the_strict_verdict_of_a_lenient_reading_is_the_strict_parse_even_with_many_errors() {
    let texts = [
        r#"{"Version": "2012-10-17", "Statement": [{"Action": "s3:*", "Resource": "*"}, {"Effect": "Maybe", "Action": 7, "Resource": "*"}]}"#,
        r#"{"Version": "2013", "Statement": {"Effect": "Allow", "Action": "s3:GetObject"}, "Extra": 1}"#,
        r#"{"Version": "2012-10-17"}"#,
        "{}",
        "[]",
        r#"{"Statement": [1, "two", {"Effect": "Deny", "NotAction": [], "Resource": "*"}]}"#,
        "not json",
        "",
    ];
    for text in texts {
        let lenient = parse_policy_lenient(text);
        assert_eq!(lenient.strict().cloned(), parse_policy(text), "{text}");
    }
    let many = parse_policy_lenient(texts[0]);
    assert!(many.errors.len() > 1, "the first text has several errors");
}
