//! The engine behind a few wasm-bindgen functions, so Node can time it as the browser runs it.
//!
//! Each entry point takes case text, because that is what crosses the JS boundary in the app:
//! timing from text includes parsing, which the app pays on every keystroke.

use iamplay_engine::case::Case;
use iamplay_engine::eval::{self, evaluate, Decision};
use std::hint::black_box;
use wasm_bindgen::prelude::*;

/// Parses and evaluates one case; returns `allowed`, `explicitDeny` or `implicitDeny`.
#[wasm_bindgen]
pub fn evaluate_case(case_text: &str) -> Result<String, String> {
    decide(case_text).map(|decision| decision.as_str().to_owned())
}

/// Parses and evaluates one case and serialises the whole explanation, as the app displays it.
#[wasm_bindgen]
pub fn explain_case(case_text: &str) -> Result<String, String> {
    let case = Case::parse(case_text).map_err(|err| err.to_string())?;
    serde_json::to_string(&evaluate(&case)).map_err(|err| err.to_string())
}

/// Parses one case and decides it without keeping the explanation (`eval::decide`).
#[wasm_bindgen]
pub fn decide_case(case_text: &str) -> Result<String, String> {
    let case = Case::parse(case_text).map_err(|err| err.to_string())?;
    Ok(eval::decide(&case).as_str().to_owned())
}

/// Parses and evaluates every line of a JSON Lines text; returns one decision per line.
#[wasm_bindgen]
pub fn evaluate_lines(jsonl: &str) -> Result<String, String> {
    let mut decisions = Vec::new();
    for line in jsonl.lines().filter(|line| !line.trim().is_empty()) {
        decisions.push(decide(line)?.as_str());
    }
    Ok(decisions.join("\n"))
}

/// Parses and evaluates the same case `times` times inside wasm (no JS boundary per call);
/// returns the last decision.
#[wasm_bindgen]
pub fn evaluate_repeatedly(case_text: &str, times: u32) -> Result<String, String> {
    let mut last = decide(case_text)?;
    for _ in 1..times {
        last = decide(black_box(case_text))?;
    }
    Ok(last.as_str().to_owned())
}

/// A case parsed once, to time evaluation alone.
#[wasm_bindgen]
#[derive(Debug)]
pub struct ParsedCase {
    case: Case,
}

#[wasm_bindgen]
impl ParsedCase {
    #[wasm_bindgen(constructor)]
    pub fn new(case_text: &str) -> Result<ParsedCase, String> {
        let case = Case::parse(case_text).map_err(|err| err.to_string())?;
        Ok(ParsedCase { case })
    }

    /// Evaluates the parsed case `times` times (at least once); returns the last decision.
    pub fn evaluate(&self, times: u32) -> String {
        let mut last = evaluate(&self.case).decision;
        for _ in 1..times {
            last = evaluate(black_box(&self.case)).decision;
        }
        last.as_str().to_owned()
    }

    /// Decides the parsed case `times` times (at least once) without keeping the explanation.
    pub fn decide(&self, times: u32) -> String {
        let mut last = eval::decide(&self.case);
        for _ in 1..times {
            last = eval::decide(black_box(&self.case));
        }
        last.as_str().to_owned()
    }
}

fn decide(case_text: &str) -> Result<Decision, String> {
    let case = Case::parse(case_text).map_err(|err| err.to_string())?;
    Ok(evaluate(&case).decision)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALLOWED: &str = r#"{"request": {"principal": "arn:aws:iam::111122223333:user/alice",
        "action": "s3:GetObject", "resource": "arn:aws:s3:::bucket/key"},
        "policies": {"identity": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
        "Action": "s3:Get*", "Resource": "arn:aws:s3:::bucket/*"}}]}}"#;

    #[test]
    fn every_entry_point_gives_the_engine_decision() {
        assert_eq!(evaluate_case(ALLOWED).as_deref(), Ok("allowed"));
        assert_eq!(evaluate_repeatedly(ALLOWED, 3).as_deref(), Ok("allowed"));
        let parsed = ParsedCase::new(ALLOWED).map(|case| case.evaluate(2));
        assert_eq!(parsed.as_deref(), Ok("allowed"));
        let decided = ParsedCase::new(ALLOWED).map(|case| case.decide(2));
        assert_eq!(decided.as_deref(), Ok("allowed"));
        assert_eq!(decide_case(ALLOWED).as_deref(), Ok("allowed"));
        let explained = explain_case(ALLOWED).unwrap_or_default();
        assert!(explained.contains(r#""decision":"allowed""#), "{explained}");
    }

    #[test]
    fn lines_keep_their_order_and_skip_blank_ones() {
        let denied = ALLOWED.replace("s3:Get*", "s3:Put*").replace('\n', " ");
        let text = format!("{}\n\n{}\n", ALLOWED.replace('\n', " "), denied);
        assert_eq!(
            evaluate_lines(&text).as_deref(),
            Ok("allowed\nimplicitDeny")
        );
    }

    #[test]
    fn a_bad_case_is_an_error_not_a_decision() {
        let error = evaluate_case("{\"request\": 1}").unwrap_err();
        assert!(
            error.contains("`request`") || error.contains("request"),
            "{error}"
        );
    }
}
