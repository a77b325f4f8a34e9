//! `iamplay eval`: evaluate cases, as JSON Lines or one case file explained for a human.

use crate::render;
use iamplay_engine::case::Case;
use iamplay_engine::eval::{decide, evaluate, Evaluation};
use iamplay_engine::json::{self, Json, LineIndex};
use serde::Serialize;
use serde_json::json;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

/// Evaluate requests against policies and explain the decision
///
/// A case is one request and the policies around it (engine/tests/cases/README.md).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit status: 0 when every case was evaluated, 1 when any was invalid, 2 on bad usage."
)]
pub struct Args {
    /// One case (or an array of cases), explained with the deciding statement
    #[arg(
        value_name = "CASE.json",
        required_unless_present = "jsonl",
        conflicts_with = "jsonl"
    )]
    case: Option<String>,
    /// One case per line (`-` reads standard input); prints one JSON line per case:
    /// {"id", "decision", "explanation"} or {"id", "error"}
    #[arg(long, value_name = "FILE|-")]
    jsonl: Option<String>,
    /// Print only the id and the decision of each case
    #[arg(long, requires = "jsonl", conflicts_with = "case")]
    brief: bool,
}

pub fn run(args: Args) -> ExitCode {
    match (args.jsonl, args.case) {
        (Some(path), _) => run_lines(&path, args.brief),
        (None, Some(path)) => run_human(&path),
        // clap requires one of the two.
        (None, None) => ExitCode::from(2),
    }
}

/// One output line; fields in the order the format documents (`id` first).
#[derive(Serialize)]
struct OutputLine<'a> {
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    decision: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a Evaluation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// The output line for one input line, and whether it was a valid case.
pub fn evaluate_line(line: &str, brief: bool) -> (String, bool) {
    let parsed = json::parse(line);
    let id = parsed
        .as_ref()
        .ok()
        .and_then(|j| j.get("id"))
        .and_then(Json::scalar_text);
    // Lines are single-line JSON, so the column is where to look.
    let column = |offset: usize| LineIndex::new(line).position(offset).column;
    let case = match parsed {
        Ok(json) => Case::from_json(&json)
            .map_err(|err| format!("{err} (at column {})", column(err.span.start))),
        Err(err) => Err(format!("{err} (at column {})", column(err.span.start))),
    };
    let (output, ok) = match case {
        // Without the explanation, the evaluator skips building it.
        Ok(case) if brief => {
            let line = OutputLine {
                id,
                decision: Some(decide(&case).as_str()),
                explanation: None,
                error: None,
            };
            (serde_json::to_string(&line), true)
        }
        Ok(case) => {
            let evaluation = evaluate(&case);
            let line = OutputLine {
                id,
                decision: Some(evaluation.decision.as_str()),
                explanation: Some(&evaluation),
                error: None,
            };
            (serde_json::to_string(&line), true)
        }
        Err(message) => {
            let line = OutputLine {
                id,
                decision: None,
                explanation: None,
                error: Some(message),
            };
            (serde_json::to_string(&line), false)
        }
    };
    match output {
        Ok(text) => (text, ok),
        Err(err) => (
            format!("{{\"id\":null,\"error\":\"cannot serialise the result: {err}\"}}"),
            false,
        ),
    }
}

fn run_lines(path: &str, brief: bool) -> ExitCode {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(path) {
            Ok(file) => Box::new(std::io::BufReader::new(file)),
            Err(err) => {
                eprintln!("iamplay eval: cannot read `{path}`: {err}");
                return ExitCode::from(2);
            }
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut all_ok = true;
    for (number, line) in reader.lines().enumerate() {
        let (value, ok) = match line {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => evaluate_line(&line, brief),
            Err(err) => (
                json!({"id": null, "error": format!("line {}: {err}", number + 1)}).to_string(),
                false,
            ),
        };
        all_ok &= ok;
        if writeln!(out, "{value}").is_err() {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run_human(path: &str) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("iamplay eval: cannot read `{path}`: {err}");
            return ExitCode::from(2);
        }
    };
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let style = render::Style { colour };
    let (output, ok) = render::explain_file(path, &text, &style);
    print!("{output}");
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_line_gives_the_decision_and_an_explanation() {
        let line = r#"{"id": "a", "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}, "policies": {"identity": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}}]}}"#;
        let (text, ok) = evaluate_line(line, false);
        assert!(ok);
        assert!(
            text.starts_with(r#"{"id":"a","decision":"allowed","explanation":{"#),
            "{text}"
        );
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["id"], "a");
        assert_eq!(value["decision"], "allowed");
        assert_eq!(value["explanation"]["deciding"][0]["layer"], "identity");
        let (brief, _) = evaluate_line(line, true);
        assert_eq!(brief, r#"{"id":"a","decision":"allowed"}"#);
    }

    #[test]
    fn an_invalid_line_gives_an_error_with_its_id() {
        let (text, ok) = evaluate_line(r#"{"id": "b", "request": {"principal": "x"}}"#, false);
        assert!(!ok);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["id"], "b");
        assert_eq!(value["error"], "`request` has no `action` (at column 24)");
        let (text, _) = evaluate_line("{not json", false);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(value["error"].as_str().unwrap().contains("at column 2"));
    }

    #[test]
    fn arguments_are_checked() {
        let parse = |list: &[&str]| crate::parse_args::<Args>(list);
        let lines = parse(&["--jsonl", "-", "--brief"]).unwrap();
        assert_eq!((lines.jsonl.as_deref(), lines.brief), (Some("-"), true));
        assert_eq!(
            parse(&["case.json"]).unwrap().case.as_deref(),
            Some("case.json")
        );
        assert!(parse(&["--jsonl"]).is_err());
        assert!(parse(&["--frob"]).is_err());
        assert!(parse(&[]).is_err());
        assert!(parse(&["a.json", "--brief"]).is_err());
        assert!(parse(&["a.json", "--jsonl", "-"]).is_err());
    }
}
