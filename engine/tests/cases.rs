#![allow(
    clippy::expect_used,
    reason = "a test harness: an unreadable case folder should fail loudly"
)]
//! Walks `tests/cases/*.json`: every case is evaluated and compared with its `expect` (and
//! `blockedBy`). All mismatches are reported together, each with its file, id and `why`.

use iamplay_engine::case::Case;
use iamplay_engine::eval::evaluate;
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
