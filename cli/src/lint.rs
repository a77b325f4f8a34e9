//! `iamplay lint FILE [--kind KIND] [--format human|json] [--require-mfa]`: every finding in a
//! policy, underlined like a compiler diagnostic, or as JSON for tools.
//!
//! Exit status: 1 when any finding is an error (AWS would reject the policy), 0 otherwise,
//! 2 when the command itself is used wrongly or the file cannot be read.

use iamplay_course::load_course;
use iamplay_engine::catalog::Catalog;
use iamplay_engine::lint::{has_errors, lint, Attachment, Check, Finding, LintOptions, Severity};
use iamplay_engine::policy::suggest::closest;
use iamplay_engine::policy_kind::PolicyKind;
use serde::Serialize;
use std::io::Read;

use crate::diagnostics;
use std::process::ExitCode;

/// Check a policy and point at what is wrong
#[derive(Debug, PartialEq, Eq, clap::Args)]
#[command(
    after_help = "Exit status: 1 when any finding is an error (AWS would reject the policy), 0 otherwise, 2 on bad usage or an unreadable file."
)]
pub struct Args {
    /// The policy document (`-` reads standard input)
    #[arg(required_unless_present = "explain")]
    file: Option<String>,
    /// Explain a check instead: what it finds, why it matters, how to fix it
    #[arg(long, value_name = "CODE", conflicts_with = "file")]
    explain: Option<String>,
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
        .map_err(|e: iamplay_engine::policy_kind::UnknownKind| format!("{e}; {}", e.help()))
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
    if let Some(code) = &args.explain {
        return explain(code);
    }
    let file = args.file.as_deref().unwrap_or("-");
    let text = match read(file) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("iamplay lint: cannot read `{file}`: {err}");
            return ExitCode::from(2);
        }
    };
    let mut options = LintOptions::new(args.kind, Some(Catalog::embedded()));
    options.require_mfa = args.require_mfa;
    options.attachment = args.inline.unwrap_or(Attachment::Managed);
    let findings = lint(&text, &options);
    // The built-in course says which lesson teaches each finding.
    let course = load_course(iamplay_lessons::FILES).course;
    let lesson = |finding: &Finding| {
        course
            .as_ref()
            .and_then(|course| course.lesson_teaching(finding.code))
            .map(|lesson| lesson.manifest.id.value.clone())
    };
    if args.format == Format::Json {
        let taught: Vec<Taught<'_>> = findings
            .iter()
            .map(|finding| Taught {
                finding,
                lesson: lesson(finding),
            })
            .collect();
        match serde_json::to_string_pretty(&taught) {
            Ok(json) => println!("{json}"),
            Err(err) => {
                eprintln!("iamplay lint: {err}");
                return ExitCode::from(2);
            }
        }
    } else {
        let colour = diagnostics::colour_for(&std::io::stdout());
        print!("{}", render(file, &text, &findings, &lesson, colour));
    }
    if has_errors(&findings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `--explain CODE`: the check's documentation, like `ruff rule`.
fn explain(code: &str) -> ExitCode {
    match Check::from_code(code) {
        Some(check) => {
            print!("{}", explanation(check));
            ExitCode::SUCCESS
        }
        None => {
            let codes: Vec<&str> = Check::ALL.iter().map(|c| c.code()).collect();
            eprintln!("iamplay lint: no check has the code `{code}`");
            match closest(code, &codes) {
                Some(near) => eprintln!("  help: did you mean `{near}`?"),
                None => eprintln!(
                    "  help: a finding shows its code in brackets, e.g. `error[invalid-arn]`"
                ),
            }
            ExitCode::from(2)
        }
    }
}

fn explanation(check: Check) -> String {
    format!(
        "{} ({})\n\n{}\n",
        check.code(),
        check.severity().as_str(),
        check.explanation()
    )
}

/// A finding as `--format json` prints it: its fields, then the lesson that teaches it.
#[derive(Serialize)]
struct Taught<'f> {
    #[serde(flatten)]
    finding: &'f Finding,
    lesson: Option<String>,
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
/// Compiler-style output: each finding with its span underlined, then the tally.
fn render(
    file: &str,
    text: &str,
    findings: &[Finding],
    lesson: &dyn Fn(&Finding) -> Option<String>,
    colour: bool,
) -> String {
    let mut out = String::new();
    for finding in findings {
        let mut notes = Vec::new();
        if let Some(suggestion) = &finding.suggestion {
            notes.push(("did you mean", format!("`{suggestion}`")));
        }
        if let Some(lesson) = lesson(finding) {
            notes.push(("lesson", lesson));
        }
        out += &diagnostics::render(file, text, finding, &notes, colour);
        out.push('\n');
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
                file: Some("p.json".into()),
                explain: None,
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
        assert_eq!(
            (text.file.as_deref(), text.format),
            (Some("-"), Format::Human)
        );
        let explain = crate::parse_args::<Args>(&["--explain", "invalid-arn"]).unwrap();
        assert_eq!(explain.explain.as_deref(), Some("invalid-arn"));
        assert!(crate::parse_args::<Args>(&["a.json", "--explain", "invalid-arn"]).is_err());
    }

    #[test]
    fn a_check_explains_itself() {
        let text = explanation(Check::PassRoleWildcardResource);
        assert!(
            text.starts_with(
                "passrole-wildcard-resource (security warning)\n\n`iam:PassRole` on every role."
            ),
            "{text}"
        );
        assert!(text.contains("iam:PassedToService"), "{text}");
    }

    #[test]
    fn human_output_underlines_the_span() {
        let text = "{\"Version\": \"2012-10-17\",\n \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"bucket\"}}";
        let findings = lint(text, &LintOptions::new(PolicyKind::Identity, None));
        let lesson = |finding: &Finding| Some(format!("lesson-on-{}", finding.code));
        let out = render("p.json", text, &findings, &lesson, false);
        let expected_caret = format!("{}^^^^^^^^", " ".repeat(" \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": ".len()));
        assert!(
            out.contains("error[invalid-arn]: `bucket` is not an ARN"),
            "{out}"
        );
        assert!(out.contains(" --> p.json:2:"), "{out}");
        assert!(out.contains(&format!("  | {expected_caret}\n")), "{out}");
        assert!(out.contains("= lesson: lesson-on-invalid-arn\n"), "{out}");
        assert!(out.ends_with("1 error\n"), "{out}");
        assert!(!out.contains('\x1b'));
    }
}
