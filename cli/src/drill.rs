//! `iamplay drill`: generated practice drills, as JSON Lines or a printable worksheet.

use iamplay_engine::drill::{generate, Drill, DrillOptions, Topic, LEVELS};
use iamplay_engine::eval::Decision;
use serde::Serialize;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: iamplay drill --seed S --count K [--topic T]... [--level N] [--format json|markdown]

Generates K drills: a setup and one request to predict (allowed, explicit deny or implicit
deny), each answered and explained by the evaluator. The same seed gives the same drills.

  --seed S       any number from 0 to 18446744073709551615
  --count K      how many drills, 1 to 10000
  --topic T      draw from this topic (repeatable; default: all, in turn)
  --level N      1: one policy; 2: several policies; 3: several layers and accounts
                 (default: a mix)
  --format F     json (default): one object per line with id, topic, level, story, case (the
                 `iamplay eval` format), answer and explanation; markdown: a worksheet with
                 an answer key

Topics: explicit-deny, implicit-deny, not-action-resource, wildcards-case, if-exists,
set-operators, source-ip, mfa, dates, tags-abac, policy-variables, resource-policies,
trust-assume-role, permission-boundaries, scps-rcps, session-policies, pass-role
";

const MAX_COUNT: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Markdown,
}

#[derive(Debug, PartialEq, Eq)]
struct Args {
    options: DrillOptions,
    count: usize,
    format: Format,
}

fn value<'a>(iter: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<&'a str, String> {
    iter.next()
        .map(String::as_str)
        .ok_or_else(|| format!("`{flag}` needs a value"))
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let (mut seed, mut count, mut level) = (None, None, None);
    let mut topics = Vec::new();
    let mut format = Format::Json;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--seed" => {
                let text = value(&mut iter, "--seed")?;
                seed = Some(text.parse::<u64>().map_err(|_| {
                    format!(
                        "`--seed` must be a whole number from 0 to {}, found `{text}`",
                        u64::MAX
                    )
                })?);
            }
            "--count" => {
                let text = value(&mut iter, "--count")?;
                count = Some(
                    text.parse::<usize>()
                        .ok()
                        .filter(|n| (1..=MAX_COUNT).contains(n))
                        .ok_or(format!(
                            "`--count` must be from 1 to {MAX_COUNT}, found `{text}`"
                        ))?,
                );
            }
            "--level" => {
                let text = value(&mut iter, "--level")?;
                level = Some(
                    text.parse::<u8>()
                        .ok()
                        .filter(|n| LEVELS.contains(n))
                        .ok_or(format!("`--level` must be 1, 2 or 3, found `{text}`"))?,
                );
            }
            "--topic" => {
                let text = value(&mut iter, "--topic")?;
                let topic = Topic::from_slug(text)
                    .ok_or_else(|| format!("unknown topic `{text}` (see the list below)"))?;
                if !topics.contains(&topic) {
                    topics.push(topic);
                }
            }
            "--format" => {
                format = match value(&mut iter, "--format")? {
                    "json" => Format::Json,
                    "markdown" => Format::Markdown,
                    other => {
                        return Err(format!(
                            "`--format` must be json or markdown, found `{other}`"
                        ))
                    }
                }
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let seed = seed.ok_or("`--seed` is required: the same seed gives the same drills")?;
    let count = count.ok_or("`--count` is required")?;
    Ok(Args {
        options: DrillOptions {
            seed,
            topics,
            level,
        },
        count,
        format,
    })
}

pub fn run(args: &[String]) -> ExitCode {
    let args = match parse_args(args) {
        Ok(args) => args,
        Err(message) if message.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("iamplay drill: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let drills = generate(args.options, args.count);
    let text = match args.format {
        Format::Json => drills.iter().map(json_line).collect::<Vec<_>>().join("\n") + "\n",
        Format::Markdown => worksheet(&drills),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is the reader's choice, not an error.
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    ExitCode::SUCCESS
}

#[derive(Serialize)]
struct Head<'a> {
    id: &'a str,
    topic: Topic,
    level: u8,
    story: &'a str,
}

/// One drill as a JSON line. The case goes in verbatim, so the explanation's spans point into
/// it and `iamplay eval --jsonl` on it gives the same explanation.
pub fn json_line(drill: &Drill) -> String {
    let head = Head {
        id: &drill.id,
        topic: drill.topic,
        level: drill.level,
        story: &drill.story,
    };
    let head = serde_json::to_string(&head).unwrap_or_default();
    let explanation = serde_json::to_string(&drill.evaluation).unwrap_or_default();
    format!(
        "{},\"case\":{},\"answer\":\"{}\",\"explanation\":{explanation}}}",
        head.trim_end_matches('}'),
        drill.case,
        drill.answer().as_str()
    )
}

fn answer_words(decision: Decision) -> &'static str {
    match decision {
        Decision::Allowed => "Allowed",
        Decision::ExplicitDeny => "Explicit deny",
        Decision::ImplicitDeny => "Implicit deny",
    }
}

/// A printable worksheet: the drills, then the answer key on its own page.
fn worksheet(drills: &[Drill]) -> String {
    let mut out = String::from("# IAM drills\n\n");
    if let Some(first) = drills.first() {
        let seed = first.id.split('-').next().unwrap_or_default();
        let _ = writeln!(
            out,
            "Seed {seed}, {} drills. For each request, decide: **allowed**, **explicit deny** \
             or **implicit deny**. The answer key is at the end.\n",
            drills.len()
        );
    }
    for (number, drill) in drills.iter().enumerate() {
        let _ = writeln!(
            out,
            "## {}. {} (level {})\n\n{}\n",
            number + 1,
            drill.topic.title(),
            drill.level,
            drill.story
        );
        for policy in &drill.shown {
            let level = policy
                .level
                .map(|l| format!(", level {l}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{} `{}`{level}:\n\n```json\n{}\n```\n",
                policy.layer.policy_title(),
                policy.name,
                policy.text
            );
        }
        out.push_str("Answer: ☐ Allowed   ☐ Explicit deny   ☐ Implicit deny\n\n");
    }
    out.push_str("---\n\n# Answer key\n\n");
    for (number, drill) in drills.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}** ({}): {}",
            number + 1,
            answer_words(drill.answer()),
            drill.id,
            drill.evaluation.summary
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn arguments_are_read_and_checked() {
        let parsed = parse_args(&args(&[
            "--seed", "7", "--count", "3", "--topic", "mfa", "--topic", "dates", "--level", "2",
            "--format", "markdown",
        ]))
        .unwrap();
        assert_eq!(parsed.options.topics, vec![Topic::Mfa, Topic::Dates]);
        assert_eq!((parsed.options.seed, parsed.count), (7, 3));
        assert_eq!(parsed.options.level, Some(2));
        assert_eq!(parsed.format, Format::Markdown);
        let error = |list: &[&str]| parse_args(&args(list)).unwrap_err();
        assert!(error(&["--count", "3"]).contains("`--seed` is required"));
        assert!(error(&["--seed", "1"]).contains("`--count` is required"));
        assert!(error(&["--seed", "-1", "--count", "1"]).contains("found `-1`"));
        assert!(error(&["--seed", "1", "--count", "0"]).contains("from 1 to 10000"));
        assert!(error(&["--seed", "1", "--count", "1", "--level", "4"]).contains("1, 2 or 3"));
        assert!(error(&["--seed", "1", "--count", "1", "--topic", "scp"])
            .contains("unknown topic `scp`"));
        assert!(error(&["--seed", "1", "--count", "1", "--format", "yaml"])
            .contains("json or markdown"));
        assert!(error(&["--seed"]).contains("needs a value"));
    }

    #[test]
    fn a_json_line_replays_through_eval() {
        let options = DrillOptions::mixed(3);
        for drill in generate(options, 17) {
            let line = json_line(&drill);
            let value: serde_json::Value = serde_json::from_str(&line).unwrap();
            assert_eq!(value["id"], drill.id.as_str());
            assert_eq!(value["topic"], drill.topic.slug());
            // The case as printed, byte for byte: the explanation's spans point into it.
            let raw = line.split_once(",\"case\":").unwrap().1;
            let raw = raw.split_once(",\"answer\":").unwrap().0;
            assert_eq!(raw, drill.case);
            let (evaluated, ok) = crate::eval::evaluate_line(raw, false);
            assert!(ok, "{evaluated}");
            let evaluated: serde_json::Value = serde_json::from_str(&evaluated).unwrap();
            assert_eq!(evaluated["decision"], value["answer"]);
            assert_eq!(evaluated["explanation"], value["explanation"]);
        }
    }

    #[test]
    fn the_worksheet_has_every_drill_and_an_answer_key() {
        let options = DrillOptions {
            seed: 5,
            topics: vec![Topic::ScpsRcps],
            level: Some(3),
        };
        let drills = generate(options, 4);
        let sheet = worksheet(&drills);
        assert_eq!(sheet.matches("Answer: ☐ Allowed").count(), 4);
        let key = sheet.split("# Answer key").nth(1).unwrap();
        for (number, drill) in drills.iter().enumerate() {
            let line = format!(
                "{}. **{}** ({})",
                number + 1,
                answer_words(drill.answer()),
                drill.id
            );
            assert!(key.contains(&line), "{key}");
        }
        assert!(sheet.contains("Service control policy `data-accounts`, level 1:"));
    }
}
