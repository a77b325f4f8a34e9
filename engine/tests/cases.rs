#![allow(
    clippy::expect_used,
    reason = "a test harness: an unreadable case folder should fail loudly"
)]
//! Walks `tests/cases/*.json`: every case is evaluated and compared with its `expect` (and
//! `blockedBy`). All mismatches are reported together, each with its file, id and `why`.

use iamplay_engine::case::Case;
use iamplay_engine::eval::{decide, decide_open, evaluate, OpenDecision};
use iamplay_engine::json::{self, Json, LineIndex};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn case_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// Checks one case; returns a description of what is wrong, if anything.
fn check(case_json: &Json, topic: &str) -> Result<(), String> {
    let text_field = |name: &str| {
        case_json
            .get(name)
            .and_then(Json::as_str)
            .map(str::to_owned)
    };
    let id = text_field("id").ok_or("no `id`")?;
    if !is_kebab_case(&id) || !id.starts_with(&format!("{topic}-")) {
        return Err(format!(
            "id `{id}` must be kebab-case and start with `{topic}-`"
        ));
    }
    if text_field("why").is_none_or(|why| why.trim().is_empty()) {
        return Err("no `why`".into());
    }
    let case = Case::from_json(case_json).map_err(|err| format!("invalid case: {err}"))?;
    let expected = case.expect.ok_or("no `expect`")?;
    let evaluation = evaluate(&case);
    let mut problems = Vec::new();
    // The decision without explanation comes from the same evaluator and must never differ.
    let decided = decide(&case);
    if decided != evaluation.decision {
        problems.push(format!(
            "decide() gives {}, evaluate() gives {}",
            decided.as_str(),
            evaluation.decision.as_str()
        ));
    }
    if evaluation.decision != expected {
        problems.push(format!(
            "expected {}, got {}",
            expected.as_str(),
            evaluation.decision.as_str()
        ));
    }
    if let Some(blocked) = text_field("blockedBy") {
        let got = evaluation.blocked_by.map(|b| b.layer.as_str());
        if got != Some(blocked.as_str()) {
            problems.push(format!(
                "expected blockedBy {blocked}, got {}",
                got.unwrap_or("none")
            ));
        }
    }
    if let Some(open) = case_json.get("open") {
        problems.extend(check_open(&case, open));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n      summary: {}",
            problems.join("; "),
            evaluation.summary
        ))
    }
}

/// Checks the `open` member: the open-context decision, the keys it depends on, and where
/// given, the values that allow (order does not matter).
fn check_open(case: &Case, open: &Json) -> Vec<String> {
    let mut problems = Vec::new();
    let decision = decide_open(case);
    let expected = open.get("expect").and_then(Json::as_str).unwrap_or("");
    if decision.as_str() != expected {
        problems.push(format!(
            "open context: expected {expected}, got {} {:?}",
            decision.as_str(),
            decision.depends_on()
        ));
    }
    if let (OpenDecision::Known(_), false) = (&decision, open.get("dependsOn").is_none()) {
        problems
            .push("open context: `dependsOn` given for a decision that is not `depends`".into());
    }
    let texts = |json: Option<&Json>| -> Vec<String> {
        let mut items: Vec<String> = match json.map(|j| &j.value) {
            Some(json::Value::Array(items)) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        items.sort();
        items
    };
    let Some(json::Value::Array(wanted)) = open.get("dependsOn").map(|j| &j.value) else {
        return problems;
    };
    let mut got: Vec<&str> = decision
        .depends_on()
        .iter()
        .map(|d| d.key.as_str())
        .collect();
    let mut keys: Vec<&str> = wanted
        .iter()
        .filter_map(|w| w.get("key").and_then(Json::as_str))
        .collect();
    got.sort_unstable();
    keys.sort_unstable();
    if got != keys {
        problems.push(format!(
            "open context: depends on {got:?}, expected {keys:?}"
        ));
    }
    for want in wanted {
        let key = want.get("key").and_then(Json::as_str).unwrap_or("");
        let Some(allowed) = want.get("allowedWhen") else {
            continue;
        };
        let found = decision.depends_on().iter().find(|d| d.key == key);
        let mut values = found.map(|d| d.allowed_when.clone()).unwrap_or_default();
        values.sort();
        if values != texts(Some(allowed)) {
            problems.push(format!(
                "open context: `{key}` allowed when {values:?}, expected {:?}",
                texts(Some(allowed))
            ));
        }
    }
    problems
}

#[test]
fn every_case_gets_the_decision_aws_documents() {
    let mut failures = String::new();
    let mut total = 0;
    let mut failed = 0;
    let mut ids: HashMap<String, String> = HashMap::new();
    for path in case_files() {
        let file = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let topic = file.trim_end_matches(".json");
        let text = std::fs::read_to_string(&path).expect("readable case file");
        let items = match json::parse(&text) {
            Ok(Json {
                value: json::Value::Array(items),
                ..
            }) => items,
            Ok(_) => {
                failed += 1;
                let _ = writeln!(failures, "{file}: must be a JSON array of cases");
                continue;
            }
            Err(err) => {
                failed += 1;
                let at = LineIndex::new(&text).position(err.span.start);
                let _ = writeln!(failures, "{file}:{}:{}: {err}", at.line, at.column);
                continue;
            }
        };
        let lines = LineIndex::new(&text);
        for item in &items {
            total += 1;
            let id = item
                .get("id")
                .and_then(Json::as_str)
                .unwrap_or("<no id>")
                .to_owned();
            if let Some(other) = ids.insert(id.clone(), file.clone()) {
                failed += 1;
                let _ = writeln!(failures, "{file}: id `{id}` also used in {other}");
            }
            if let Err(problem) = check(item, topic) {
                failed += 1;
                let line = lines.position(item.span.start).line;
                let why = item.get("why").and_then(Json::as_str).unwrap_or("");
                let _ = writeln!(
                    failures,
                    "{file}:{line} `{id}`: {problem}\n      why: {why}"
                );
            }
        }
    }
    eprintln!("cases: {total} checked, {failed} failed");
    assert!(total > 0, "no cases found in tests/cases");
    assert!(
        failures.is_empty(),
        "{failed} of {total} cases disagree:\n{failures}"
    );
}
