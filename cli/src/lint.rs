//! `iamplay lint FILE [--kind KIND] [--format human|json] [--require-mfa]`: every finding in a
//! policy, underlined like a compiler diagnostic, or as JSON for tools.
//!
//! Exit status: 1 when any finding is an error (AWS would reject the policy), 0 otherwise,
//! 2 when the command itself is used wrongly or the file cannot be read.

use iamplay_engine::catalog::Catalog;
use iamplay_engine::json::LineIndex;
use iamplay_engine::lint::{
    has_errors, lint, Attachment, Finding, LintOptions, PolicyKind, Severity,
};
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

/// Check a policy and point at what is wrong
#[derive(Debug, PartialEq, Eq, clap::Args)]
#[command(
    after_help = "Exit status: 1 when any finding is an error (AWS would reject the policy), 0 otherwise, 2 on bad usage or an unreadable file."
)]
pub struct Args {
    /// The policy document (`-` reads standard input)
    file: String,
    /// The kind of policy: identity, resource, trust, scp, rcp, boundary, session
    #[arg(long, default_value = "identity", value_parser = parse_kind)]
    kind: PolicyKind,
    /// An identity policy inline in a user, role or group (size quotas differ from a managed
    /// policy's)
    #[arg(long, value_name = "TARGET", value_parser = parse_inline)]
    inline: Option<Attachment>,
    /// How to print the findings
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Report allowed actions that change things without an MFA condition
    #[arg(long)]
    require_mfa: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Compiler-style messages with the span underlined
    #[value(alias = "text")]
    Human,
    /// A JSON array of findings with ranges, for tools
    Json,
}

fn parse_kind(text: &str) -> Result<PolicyKind, String> {
    text.parse()
        .map_err(|e: iamplay_engine::lint::UnknownKind| format!("{e}; {}", e.help()))
}

fn parse_inline(text: &str) -> Result<Attachment, String> {
    match text {
        "user" => Ok(Attachment::InlineUser),
        "role" => Ok(Attachment::InlineRole),
        "group" => Ok(Attachment::InlineGroup),
        other => Err(format!(
            "unknown inline target `{other}`; use `user`, `role` or `group`"
        )),
    }
}

pub fn run(args: Args) -> ExitCode {
    let text = match read(&args.file) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("iamplay lint: cannot read `{}`: {err}", args.file);
            return ExitCode::from(2);
        }
    };
    let mut options = LintOptions::new(args.kind, Some(Catalog::embedded()));
    options.require_mfa = args.require_mfa;
    options.attachment = args.inline.unwrap_or(Attachment::Managed);
    let findings = lint(&text, &options);
    if args.format == Format::Json {
        match serde_json::to_string_pretty(&findings) {
            Ok(json) => println!("{json}"),
            Err(err) => {
                eprintln!("iamplay lint: {err}");
                return ExitCode::from(2);
            }
        }
    } else {
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        print!("{}", render(&args.file, &text, &findings, colour));
    }
    if has_errors(&findings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn read(file: &str) -> std::io::Result<String> {
    if file == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(file)
    }
}

struct Paint {
    on: bool,
}

impl Paint {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

fn severity_colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "1;31",
        Severity::SecurityWarning => "1;35",
        Severity::Warning => "1;33",
        Severity::Suggestion => "1;36",
    }
}

/// Compiler-style output: the message, the line, and a caret line under the span.
fn render(file: &str, text: &str, findings: &[Finding], colour: bool) -> String {
    let paint = Paint { on: colour };
    let index = LineIndex::new(text);
    let mut out = String::new();
    for finding in findings {
        let start = finding.range.start_position;
        let end = finding.range.end_position;
        let tone = severity_colour(finding.severity);
        out += &format!(
            "{}: {}\n",
            paint.paint(
                tone,
                &format!("{}[{}]", finding.severity.as_str(), finding.code)
            ),
            paint.paint("1", &finding.message)
        );
        let gutter = start.line.to_string().len();
        let pad = " ".repeat(gutter);
        out += &format!(
            "{pad}{} {file}:{}:{}\n",
            paint.paint("1;34", "-->"),
            start.line,
            start.column
        );
        if let Some(line) = index.line_text(start.line) {
            let bar = paint.paint("1;34", "|");
            let line_chars = line.chars().count();
            let last_column = if end.line == start.line {
                end.column
            } else {
                line_chars + 1
            };
            let width = last_column.saturating_sub(start.column).max(1);
            let before: String = line
                .chars()
                .take(start.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            out += &format!("{pad} {bar}\n");
            out += &format!(
                "{} {bar} {line}\n",
                paint.paint("1;34", &start.line.to_string())
            );
            let more = if end.line > start.line {
                format!(" (to line {})", end.line)
            } else {
                String::new()
            };
            out += &format!(
                "{pad} {bar} {before}{}{more}\n",
                paint.paint(tone, &"^".repeat(width))
            );
        }
        if !finding.help.is_empty() {
            out += &format!("{pad} = {}: {}\n", paint.paint("1", "help"), finding.help);
        }
        if let Some(suggestion) = &finding.suggestion {
            out += &format!(
                "{pad} = {}: `{suggestion}`\n",
                paint.paint("1", "did you mean")
            );
        }
        out += &format!("{pad} = lesson: {}\n\n", finding.lesson);
    }
    out += &summary(findings);
    out
}

fn summary(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return "no findings\n".to_owned();
    }
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    let parts: Vec<String> = [
        (Severity::Error, "error", "errors"),
        (
            Severity::SecurityWarning,
            "security warning",
            "security warnings",
        ),
        (Severity::Warning, "warning", "warnings"),
        (Severity::Suggestion, "suggestion", "suggestions"),
    ]
    .into_iter()
    .filter_map(|(severity, one, many)| {
        let n = count(severity);
        (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }))
    })
    .collect();
    format!("{}\n", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_in_any_order_with_or_without_equals() {
        let args =
            crate::parse_args::<Args>(&["--kind", "trust", "p.json", "--format=json"]).unwrap();
        assert_eq!(
            args,
            Args {
                file: "p.json".into(),
                kind: PolicyKind::Trust,
                inline: None,
                format: Format::Json,
                require_mfa: false,
            }
        );
        assert!(crate::parse_args::<Args>(&["p.json", "--kind", "bucket"])
            .unwrap_err()
            .to_string()
            .contains("unknown policy kind `bucket`"));
        assert!(crate::parse_args::<Args>(&[]).is_err());
        assert!(crate::parse_args::<Args>(&["a.json", "b.json"]).is_err());
        assert!(crate::parse_args::<Args>(&["a.json", "--kind"]).is_err());
        let inline = crate::parse_args::<Args>(&["a.json", "--inline", "role"]).unwrap();
        assert_eq!(inline.inline, Some(Attachment::InlineRole));
        assert!(crate::parse_args::<Args>(&["a.json", "--inline", "bucket"])
            .unwrap_err()
            .to_string()
            .contains("unknown inline target `bucket`"));
        let text = crate::parse_args::<Args>(&["-", "--format", "text"]).unwrap();
        assert_eq!((text.file.as_str(), text.format), ("-", Format::Human));
    }

    #[test]
    fn human_output_underlines_the_span() {
        let text = "{\"Version\": \"2012-10-17\",\n \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"bucket\"}}";
        let findings = lint(text, &LintOptions::new(PolicyKind::Identity, None));
        let out = render("p.json", text, &findings, false);
        let expected_caret = format!("{}^^^^^^^^", " ".repeat(" \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": ".len()));
        assert!(
            out.contains("error[invalid-arn]: `bucket` is not an ARN"),
            "{out}"
        );
        assert!(out.contains(" --> p.json:2:"), "{out}");
        assert!(out.contains(&format!("  | {expected_caret}\n")), "{out}");
        assert!(out.ends_with("1 error\n"), "{out}");
        assert!(!out.contains('\x1b'));
    }
}
