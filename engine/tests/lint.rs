//! Walks `tests/lint/*.json`: each case is a policy and the findings lint must report, each
//! checked by its code, the text it underlines and its help (not by raw offsets).
//!
//! A case: `{"name", "kind"?, "requireMfa"?, "inline"? (user|role|group), "policy": {...} | "text": "...", "expect": [
//! {"code", "underlined", "help"?}]}`. `policy` is written out with `serde_json` (keys sorted);
//! `text` is taken as is, for malformed JSON and duplicate keys. Every finding must be
//! expected and every expectation found; `expect: []` pins a clean policy.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test: a broken fixture should stop it loudly.

use iamplay_engine::catalog::Catalog;
use iamplay_engine::lint::{lint, Check, LintOptions};
use iamplay_engine::policy_kind::PolicyKind;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

struct Outcome {
    failures: Vec<String>,
    codes_seen: BTreeSet<String>,
    cases: usize,
    clean: usize,
}

#[test]
fn lint_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lint");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut outcome = Outcome {
        failures: Vec::new(),
        codes_seen: BTreeSet::new(),
        cases: 0,
        clean: 0,
    };
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let cases: Vec<Value> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for case in &cases {
            run_case(&name, case, &mut outcome);
        }
    }
    assert!(
        outcome.failures.is_empty(),
        "{} of {} lint cases failed:\n{}",
        outcome.failures.len(),
        outcome.cases,
        outcome.failures.join("\n")
    );
    let missing: Vec<&str> = Check::ALL
        .iter()
        .map(|c| c.code())
        .filter(|c| !outcome.codes_seen.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "checks without a case in tests/lint: {missing:?}"
    );
    assert!(outcome.clean >= 5, "at least five clean policies");
}

fn run_case(file: &str, case: &Value, outcome: &mut Outcome) {
    outcome.cases += 1;
    let name = case["name"].as_str().unwrap_or("?");
    let label = format!("{file} / {name}");
    let kind: PolicyKind = case["kind"]
        .as_str()
        .unwrap_or("identity")
        .parse()
        .unwrap_or_else(|_| panic!("{label}: bad kind"));
    let text = match (&case["text"], &case["policy"]) {
        (Value::String(text), _) => text.clone(),
        (_, policy) if !policy.is_null() => serde_json::to_string_pretty(policy).unwrap(),
        _ => panic!("{label}: needs `policy` or `text`"),
    };
    let mut options = LintOptions::new(kind, Some(Catalog::embedded()));
    options.require_mfa = case["requireMfa"].as_bool().unwrap_or(false);
    if let Some(inline) = case["inline"].as_str() {
        options.attachment = inline.parse().unwrap();
    }
    let found = lint(&text, &options);
    let expected = case["expect"]
        .as_array()
        .unwrap_or_else(|| panic!("{label}: needs `expect`"));
    if expected.is_empty() {
        outcome.clean += 1;
    }
    let mut unmatched: Vec<_> = found.iter().collect();
    for want in expected {
        let code = want["code"].as_str().unwrap_or_default();
        let underlined = want["underlined"].as_str();
        let help = want["help"].as_str();
        outcome.codes_seen.insert(code.to_owned());
        let position = unmatched
            .iter()
            .position(|f| f.code == code && underlined.is_none_or(|u| f.underlined(&text) == u));
        match position {
            Some(at) => {
                let finding = unmatched.remove(at);
                if let Some(help) = help {
                    if !finding.help.contains(help) {
                        outcome.failures.push(format!(
                            "{label}: `{code}` help is {:?}, expected it to contain {help:?}",
                            finding.help
                        ));
                    }
                }
                if let Some(suggestion) = want["suggestion"].as_str() {
                    if finding.suggestion.as_deref() != Some(suggestion) {
                        outcome.failures.push(format!(
                            "{label}: `{code}` suggests {:?}, expected {suggestion:?}",
                            finding.suggestion
                        ));
                    }
                }
            }
            None => outcome.failures.push(format!(
                "{label}: expected `{code}` underlining {underlined:?}; found {:?}",
                found
                    .iter()
                    .map(|f| (f.code, f.underlined(&text)))
                    .collect::<Vec<_>>()
            )),
        }
    }
    for extra in unmatched {
        outcome.failures.push(format!(
            "{label}: unexpected `{}` underlining {:?}: {}",
            extra.code,
            extra.underlined(&text),
            extra.message
        ));
    }
}
