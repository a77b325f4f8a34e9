//! The plain-English reading of every policy in the evaluator's case folder
//! (`tests/cases/*.json`): it renders without panic, names every action pattern and every
//! condition key, and says "everything except" exactly when NotAction, NotResource or
//! NotPrincipal is used. Also lints each policy, which must never panic either.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A test: a broken fixture should stop it loudly.

use iamplay_engine::catalog::Catalog;
use iamplay_engine::english::read_policy;
use iamplay_engine::lint::{lint, LintOptions};
use iamplay_engine::policy::{parse_policy, Policy};
use iamplay_engine::policy_kind::PolicyKind;
use serde_json::Value;
use std::path::Path;

/// Every policy document in a case: any object under `policies` with a `Statement`.
fn documents<'v>(value: &'v Value, found: &mut Vec<&'v Value>) {
    match value {
        Value::Object(map) if map.contains_key("Statement") => found.push(value),
        Value::Object(map) => map.values().for_each(|v| documents(v, found)),
        Value::Array(items) => items.iter().for_each(|v| documents(v, found)),
        _ => {}
    }
}

fn check(policy: &Policy, label: &str, failures: &mut Vec<String>) {
    let reading = read_policy(policy, Some(Catalog::embedded()));
    for (statement, read) in policy.statements.iter().zip(&reading.statements) {
        let text = &read.text;
        let mut fail = |what: String| {
            failures.push(format!(
                "{label} statement {}: {what}\n  {text}",
                statement.index
            ))
        };
        for action in &statement.action.values {
            if !text.contains(&format!("`{}`", action.node)) {
                fail(format!("does not name the action `{}`", action.node));
            }
        }
        for entry in statement.condition.iter().flat_map(|b| &b.entries) {
            if !text.contains(&format!("`{}`", entry.key.node)) {
                fail(format!(
                    "does not name the condition key `{}`",
                    entry.key.node
                ));
            }
        }
        let not_action = statement.action.negated && !statement.action.values.is_empty();
        if not_action != text.contains("every action except") {
            fail(format!(
                "NotAction is {not_action} but the reading disagrees"
            ));
        }
        let not_resource = statement
            .resource
            .as_ref()
            .is_some_and(|r| r.negated && !r.values.is_empty());
        if not_resource != text.contains("every resource except") {
            fail(format!(
                "NotResource is {not_resource} but the reading disagrees"
            ));
        }
        let not_principal = statement.principal.as_ref().is_some_and(|p| p.negated);
        if not_principal != text.contains("everyone except") {
            fail(format!(
                "NotPrincipal is {not_principal} but the reading disagrees"
            ));
        }
        let verb = match statement.effect.node {
            iamplay_engine::policy::Effect::Allow => "Allows ",
            iamplay_engine::policy::Effect::Deny => "Denies ",
        };
        if !text.starts_with(verb) {
            fail(format!("does not start with `{verb}`"));
        }
    }
}

#[test]
fn every_case_policy_reads_faithfully_and_lints_without_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut read = 0;
    for file in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let cases: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for case in cases.as_array().into_iter().flatten() {
            let id = case["id"].as_str().unwrap_or("?");
            let mut found = Vec::new();
            documents(&case["policies"], &mut found);
            for (n, document) in found.into_iter().enumerate() {
                let text = serde_json::to_string_pretty(document).unwrap();
                for kind in PolicyKind::ALL {
                    let _ = lint(&text, &LintOptions::new(kind, Some(Catalog::embedded())));
                }
                // Cases about malformed policies are the parser's business, not the reading's.
                let Ok(policy) = parse_policy(&text) else {
                    continue;
                };
                check(&policy, &format!("{id} policy {n}"), &mut failures);
                read += 1;
            }
        }
    }
    assert!(read > 100, "only {read} policies read");
    assert!(
        failures.is_empty(),
        "{} readings are wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
