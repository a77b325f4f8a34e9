//! `iamplay eval`: evaluate cases, as JSON Lines or one case file explained for a human.

use crate::render;
use iamplay_engine::case::Case;
use iamplay_engine::eval::{decide, evaluate, Evaluation};
use iamplay_engine::json::{self, Json, LineIndex};
use serde::Serialize;
use serde_json::json;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

const USAGE: &str = "\
Usage: iamplay eval --jsonl <FILE|-> [--brief]
       iamplay eval <CASE.json>

  --jsonl FILE   one case per line (`-` reads standard input); prints one JSON line per case:
                 {\"id\", \"decision\", \"explanation\"} or {\"id\", \"error\"}
  --brief        print only the id and the decision of each case
  CASE.json      one case (or an array of cases), explained with the deciding statement

Exit status: 0 when every case was evaluated, 1 when any was invalid, 2 on bad usage.
";

enum Mode {
    Lines { path: String, brief: bool },
    Human { path: String },
}

fn parse_args(args: &[String]) -> Result<Mode, String> {
    let mut jsonl = None;
    let mut brief = false;
    let mut file = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--jsonl" => {
                jsonl = Some(
                    iter.next()
                        .ok_or("`--jsonl` needs a file name or `-`")?
                        .clone(),
                )
            }
            "--brief" => brief = true,
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            path if file.is_none() => file = Some(path.to_owned()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    match (jsonl, file) {
        (Some(path), None) => Ok(Mode::Lines { path, brief }),
        (None, Some(path)) if !brief => Ok(Mode::Human { path }),
        (None, Some(_)) => Err("`--brief` goes with `--jsonl`".into()),
        (Some(_), Some(file)) => Err(format!("unexpected argument `{file}` after `--jsonl`")),
        (None, None) => Err("nothing to evaluate".into()),
    }
}

pub fn run(args: &[String]) -> ExitCode {
    match parse_args(args) {
        Ok(Mode::Lines { path, brief }) => run_lines(&path, brief),
        Ok(Mode::Human { path }) => run_human(&path),
        Err(message) if message.is_empty() => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("iamplay eval: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
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
        let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(matches!(
            parse_args(&args(&["--jsonl", "-", "--brief"])),
            Ok(Mode::Lines { brief: true, .. })
        ));
        assert!(matches!(
            parse_args(&args(&["case.json"])),
            Ok(Mode::Human { .. })
        ));
        assert!(parse_args(&args(&["--jsonl"])).is_err());
        assert!(parse_args(&args(&["--frob"])).is_err());
        assert!(parse_args(&args(&[])).is_err());
        assert!(parse_args(&args(&["a.json", "--brief"])).is_err());
    }
}
