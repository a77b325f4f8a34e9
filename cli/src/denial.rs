//! `iamplay denial`: an AWS access-denied message read back into the request it refused, the
//! policy type AWS blames, what to look for there, and the lesson that teaches it.

use crate::output::{print_out, Format};
use iamplay_engine::denial::{parse_denial, BlamedLayer, Denial};
use iamplay_lessons::lesson_for_layer;
use serde::Serialize;
use std::io::Read;
use std::process::ExitCode;

/// The largest message read from standard input; real ones are a few hundred bytes.
const MAX_MESSAGE: u64 = 1024 * 1024;

/// Explain an AWS access-denied message: the request, the blamed policy, what to look for
///
/// Understands `User: ARN is not authorized to perform: ACTION on resource: ARN because no
/// <policy type> allows ...` and `... with an explicit deny in a <policy type>`, the older
/// message without a reason, the SDK's `An error occurred (...) when calling the X operation:`
/// prefix, and the JSON printed by `aws sts decode-authorization-message`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The message, quoted; `-` reads it from standard input
    message: String,
    /// text: a short report; json: {principal, action, resource, decision, blockedBy, advice,
    /// lesson}
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report<'a> {
    principal: Option<&'a str>,
    action: Option<&'a str>,
    resource: Option<&'a str>,
    decision: Option<&'static str>,
    blocked_by: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    policy_arn: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    operation: Option<&'a str>,
    advice: String,
    lesson: &'static str,
}

impl<'a> Report<'a> {
    fn new(denial: &'a Denial) -> Self {
        Report {
            principal: denial.principal.as_deref(),
            action: denial.action.as_deref(),
            resource: denial.resource.as_deref(),
            decision: denial.decision.map(|d| d.as_str()),
            blocked_by: denial.blocked_by.map(BlamedLayer::as_str),
            policy_arn: denial.policy_arn.as_deref(),
            operation: denial.operation.as_deref(),
            advice: denial.advice(),
            lesson: lesson_for_layer(denial.blocked_by.map(BlamedLayer::as_str)),
        }
    }

    fn text(&self) -> String {
        let unknown = "(not in the message)";
        let mut out = format!(
            "principal: {}\naction:    {}\nresource:  {}\ndecision:  {}\nblocked by: {}\n",
            self.principal.unwrap_or(unknown),
            self.action.unwrap_or(unknown),
            self.resource.unwrap_or("(none named: `*`)"),
            self.decision.unwrap_or("(not said: the older message)"),
            self.blocked_by.unwrap_or("(not said)"),
        );
        if let Some(arn) = self.policy_arn {
            out += &format!("policy:    {arn}\n");
        }
        out += &format!(
            "\n{}\n\nlesson: {} (iamplay lessons, or the Learn page)\n",
            self.advice, self.lesson
        );
        out
    }
}

pub fn run(args: Args) -> ExitCode {
    let message = if args.message == "-" {
        let mut text = String::new();
        if let Err(err) = std::io::stdin().take(MAX_MESSAGE).read_to_string(&mut text) {
            eprintln!("iamplay denial: cannot read standard input: {err}");
            return ExitCode::from(2);
        }
        text
    } else {
        args.message
    };
    match parse_denial(&message) {
        Ok(denial) => {
            let report = Report::new(&denial);
            let text = match args.format {
                Format::Json => match serde_json::to_string(&report) {
                    Ok(json) => json + "\n",
                    Err(err) => {
                        eprintln!("iamplay denial: {err}");
                        return ExitCode::from(2);
                    }
                },
                Format::Text => report.text(),
            };
            print_out(&text);
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("iamplay denial: {err}\n{}", err.help());
            ExitCode::from(2)
        }
    }
}
