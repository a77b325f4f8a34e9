//! `iamplay drill`: generated practice drills, as JSON Lines or a printable worksheet.

use crate::output::print_out;
use iamplay_engine::drill::{generate, Drill, DrillOptions, Topic};
use iamplay_engine::eval::Decision;
use serde::Serialize;
use std::fmt::Write as _;
use std::process::ExitCode;

const MAX_COUNT: u64 = 10_000;

/// Generate practice drills: a setup and one request to predict
///
/// Each drill is answered (allowed, explicit deny or implicit deny) and explained by the
/// evaluator. The same seed gives the same drills on every machine.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Topics: explicit-deny, implicit-deny, not-action-resource, wildcards-case, \
if-exists, set-operators, source-ip, mfa, dates, tags-abac, policy-variables, resource-policies, \
trust-assume-role, permission-boundaries, scps-rcps, session-policies, pass-role"
)]
pub struct Args {
    /// Any whole number; the same seed gives the same drills
    #[arg(long)]
    seed: u64,
    /// How many drills
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=MAX_COUNT))]
    count: u64,
    /// Draw from this topic (repeatable; default: every topic, in turn)
    #[arg(long = "topic", value_name = "TOPIC", value_parser = parse_topic)]
    topics: Vec<Topic>,
    /// 1: one policy; 2: several policies; 3: several layers and accounts (default: a mix)
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=3))]
    level: Option<u8>,
    /// json: one object per line (id, topic, level, story, case in the `iamplay eval` format,
    /// answer, explanation); markdown: a printable worksheet with an answer key
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Markdown,
}

fn parse_topic(text: &str) -> Result<Topic, String> {
    Topic::from_slug(text).ok_or_else(|| {
        let names: Vec<&str> = Topic::ALL.iter().map(|t| t.slug()).collect();
        format!(
            "unknown topic `{text}`; the topics are {}",
            names.join(", ")
        )
    })
}

pub fn run(args: Args) -> ExitCode {
    let mut topics = args.topics;
    topics.dedup();
    let options = DrillOptions {
        seed: args.seed,
        topics,
        level: args.level,
    };
    // clap bounds the count.
    let drills = generate(options, args.count as usize);
    let text = match args.format {
        Format::Json => drills.iter().map(json_line).collect::<Vec<_>>().join("\n") + "\n",
        Format::Markdown => worksheet(&drills),
    };
    print_out(&text);
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

    #[test]
    fn arguments_are_read_and_checked() {
        let parsed: Args = crate::parse_args(&[
            "--seed", "7", "--count", "3", "--topic", "mfa", "--topic", "dates", "--level", "2",
            "--format", "markdown",
        ])
        .unwrap();
        assert_eq!(parsed.topics, vec![Topic::Mfa, Topic::Dates]);
        assert_eq!((parsed.seed, parsed.count), (7, 3));
        assert_eq!(parsed.level, Some(2));
        assert_eq!(parsed.format, Format::Markdown);
        let error = |list: &[&str]| crate::parse_args::<Args>(list).unwrap_err().to_string();
        assert!(error(&["--count", "3"]).contains("--seed"));
        assert!(error(&["--seed", "1"]).contains("--count"));
        assert!(error(&["--seed", "-1", "--count", "1"]).contains("-1"));
        assert!(error(&["--seed", "1", "--count", "0"]).contains("1..=10000"));
        assert!(error(&["--seed", "1", "--count", "1", "--level", "4"]).contains("1..=3"));
        assert!(error(&["--seed", "1", "--count", "1", "--topic", "scp"])
            .contains("unknown topic `scp`"));
        assert!(error(&["--seed", "1", "--count", "1", "--format", "yaml"]).contains("yaml"));
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
