//! Human-readable explanations, like a compiler message: the decision, the deciding statement
//! and the policy text around it.

use iamplay_engine::case::Case;
use iamplay_engine::eval::{evaluate, Decision, Evaluation, StatementExplanation};
use iamplay_engine::json::{self, LineIndex, Span, Value};
use iamplay_engine::limits::{shorten, SHOWN_VALUES};
use std::fmt::Write;

/// Whether to use ANSI colours (only on a terminal).
pub struct Style {
    pub colour: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn decision(&self, decision: Decision) -> String {
        let code = match decision {
            Decision::Allowed => "1;32",
            Decision::ExplicitDeny => "1;31",
            Decision::ImplicitDeny => "1;33",
        };
        self.paint(code, decision.as_str())
    }
}

/// Explains a case file (one case or an array of cases). The flag is false when any case was
/// invalid.
pub fn explain_file(path: &str, text: &str, style: &Style) -> (String, bool) {
    let lines = LineIndex::new(text);
    let json = match json::parse(text) {
        Ok(json) => json,
        Err(err) => {
            return (
                error_block(path, &lines, &err.to_string(), err.span, err.help(), style),
                false,
            )
        }
    };
    match &json.value {
        Value::Array(items) => {
            let mut out = String::new();
            let mut ok = true;
            for item in items {
                match Case::from_json(item) {
                    Ok(case) => out += &one_line(&case, &evaluate(&case), style),
                    Err(err) => {
                        ok = false;
                        out += &error_block(
                            path,
                            &lines,
                            &err.to_string(),
                            err.span,
                            err.help(),
                            style,
                        );
                    }
                }
            }
            (out, ok)
        }
        _ => match Case::from_json(&json) {
            Ok(case) => (
                explain_case(path, &lines, &case, &evaluate(&case), style),
                true,
            ),
            Err(err) => (
                error_block(path, &lines, &err.to_string(), err.span, err.help(), style),
                false,
            ),
        },
    }
}

fn expectation(evaluation: &Evaluation, style: &Style) -> String {
    match (evaluation.expected, evaluation.matches_expected) {
        (Some(expected), Some(true)) => format!(
            " (expected {}: {})",
            expected.as_str(),
            style.paint("32", "ok")
        ),
        (Some(expected), _) => format!(
            " (expected {}: {})",
            expected.as_str(),
            style.paint("1;31", "MISMATCH")
        ),
        _ => String::new(),
    }
}

fn one_line(case: &Case, evaluation: &Evaluation, style: &Style) -> String {
    let id = case.id.as_deref().unwrap_or("(no id)");
    format!(
        "{id}: {}{}\n    {}\n",
        style.decision(evaluation.decision),
        expectation(evaluation, style),
        evaluation.summary
    )
}

fn explain_case(
    path: &str,
    lines: &LineIndex<'_>,
    case: &Case,
    evaluation: &Evaluation,
    style: &Style,
) -> String {
    let request = &case.request;
    let mut out = String::new();
    let id = case
        .id
        .as_deref()
        .map(|id| format!("{id}: "))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{id}{}{}",
        style.decision(evaluation.decision),
        expectation(evaluation, style)
    );
    let _ = writeln!(
        out,
        "  request: {} calls `{}` on `{}`",
        shorten(&request.principal),
        shorten(&request.action),
        shorten(&request.resource)
    );
    let facts = &evaluation.request;
    let accounts = match (&facts.principal_account, &facts.resource_account) {
        (Some(p), Some(r)) if facts.cross_account => {
            format!("cross-account: caller in {p}, resource in {r}")
        }
        (Some(p), _) => format!("same account {p}"),
        (None, _) => "caller outside any account".to_owned(),
    };
    let _ = writeln!(out, "  caller: {:?}, {accounts}", facts.caller);
    if let Some(required) = facts.required_resource_policy {
        let _ = writeln!(out, "  note: {required} must allow this request");
    }
    let _ = writeln!(out, "  {}", style.paint("1", &evaluation.summary));
    for statement in &evaluation.deciding {
        let title = statement_title(statement.sid.as_deref(), statement.statement_index);
        let layer = statement.layer.describe();
        let _ = writeln!(
            out,
            "\n{} {title} in {layer}",
            style.paint("1;36", "deciding:")
        );
        out += &snippet(path, lines, statement.span, style);
    }
    if let Some(blocker) = evaluation
        .blocked_by
        .filter(|_| evaluation.decision == Decision::ImplicitDeny)
    {
        let level = blocker
            .level
            .map(|l| format!(" (organization level {l})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "\n{} {}{level}",
            style.paint("1;33", "blocked by:"),
            blocker.layer.describe()
        );
        let relevant = evaluation.policies.iter().filter(|p| {
            p.layer == blocker.layer && (blocker.level.is_none() || p.level == blocker.level)
        });
        let relevant: Vec<_> = relevant.collect();
        if relevant.is_empty() {
            let _ = writeln!(
                out,
                "  this case has no such policy, so nothing there allows the request"
            );
        }
        let statements = relevant.iter().flat_map(|p| &p.statements);
        for statement in statements.clone().take(SHOWN_VALUES) {
            let title = statement_title(statement.sid.as_deref(), statement.index);
            let _ = writeln!(out, "  {title} does not apply: {}", why_not(statement));
        }
        let more = statements.count().saturating_sub(SHOWN_VALUES)
            + relevant.iter().map(|p| p.statements_omitted).sum::<usize>();
        if more > 0 {
            let _ = writeln!(out, "  ... and {more} more statements that do not apply");
        }
    }
    out
}

pub fn statement_title(sid: Option<&str>, index: usize) -> String {
    match sid {
        Some(sid) if !sid.is_empty() => format!("statement `{sid}`"),
        _ => format!("statement {}", index + 1),
    }
}

/// The first element of a statement that did not match, in words.
fn why_not(statement: &StatementExplanation) -> String {
    let elements = [
        statement.principal.as_ref(),
        Some(&statement.action),
        statement.resource.as_ref(),
    ];
    for element in elements.into_iter().flatten() {
        if !element.matched {
            let note = element
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            return format!(
                "{} does not match `{}`{note}",
                element.element, element.request_value
            );
        }
    }
    if let Some(condition) = statement.conditions.iter().find(|c| !c.matched) {
        let values = match &condition.request_values {
            Some(values) => format!("request has {values:?}"),
            None => "key absent from the request".to_owned(),
        };
        return format!(
            "condition {} on `{}` is false ({values})",
            condition.operator, condition.key
        );
    }
    "it applies, but with the wrong effect for this layer".to_owned()
}

/// The lines of `span`, numbered, with a location header.
fn snippet(path: &str, lines: &LineIndex<'_>, span: Span, style: &Style) -> String {
    const MAX_LINES: usize = 14;
    let start = lines.position(span.start);
    let end = lines.position(span.end.saturating_sub(1).max(span.start));
    let width = end.line.to_string().len();
    let gutter = |n: &str| style.paint("1;34", &format!("{n:>width$} |"));
    let mut out = format!(
        "{} {path}:{}:{}\n{}\n",
        style.paint("1;34", &format!("{:>width$}-->", "")),
        start.line,
        start.column,
        gutter("")
    );
    // Long lines (a case on one line) show a window from a little before the span.
    let skip = start.column.saturating_sub(WINDOW_BEFORE + 1);
    for line in start.line..=end.line.min(start.line + MAX_LINES - 1) {
        let text = lines.line_text(line).unwrap_or("");
        let _ = writeln!(out, "{} {}", gutter(&line.to_string()), window(text, skip));
    }
    if end.line >= start.line + MAX_LINES {
        let _ = writeln!(
            out,
            "{} ... ({} more lines)",
            gutter(""),
            end.line + 1 - start.line - MAX_LINES
        );
    }
    if start.line == end.line {
        let width = (end.column + 1).saturating_sub(start.column).max(1);
        let indent = start.column - 1 - skip + usize::from(skip > 0);
        let carets = "^".repeat(width.min(WINDOW_CHARS.saturating_sub(indent)).max(1));
        let _ = writeln!(
            out,
            "{} {}{}",
            gutter(""),
            " ".repeat(indent),
            style.paint("1;36", &carets)
        );
    }
    out
}

/// Characters of a source line shown, and how many of them come before the span.
const WINDOW_CHARS: usize = 160;
const WINDOW_BEFORE: usize = 40;

/// `WINDOW_CHARS` characters of `line` from character `skip`, with `…` where text is cut.
fn window(line: &str, skip: usize) -> String {
    let mut chars = line.chars().skip(skip);
    let mut shown: String = chars.by_ref().take(WINDOW_CHARS).collect();
    if chars.next().is_some() {
        shown.push('…');
    }
    if skip > 0 {
        shown.insert(0, '…');
    }
    shown
}

fn error_block(
    path: &str,
    lines: &LineIndex<'_>,
    message: &str,
    span: Span,
    help: Option<String>,
    style: &Style,
) -> String {
    let mut out = format!("{}: {message}\n", style.paint("1;31", "error"));
    out += &snippet(path, lines, span, style);
    if let Some(help) = help {
        let _ = writeln!(out, "{}: {help}", style.paint("1", "help"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = r#"{
  "id": "demo",
  "expect": "allowed",
  "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
              "resource": "arn:aws:s3:::raw-data/key"},
  "policies": {"identity": [{"Version": "2012-10-17", "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::raw-data/*"}
  ]}]}
}"#;

    #[test]
    fn a_case_is_explained_with_the_deciding_statement_and_its_text() {
        let (out, ok) = explain_file("case.json", CASE, &Style { colour: false });
        assert!(ok);
        assert!(
            out.starts_with("demo: allowed (expected allowed: ok)\n"),
            "{out}"
        );
        assert!(
            out.contains("deciding: statement `Read` in the identity-based policies"),
            "{out}"
        );
        assert!(out.contains("--> case.json:7:5"), "{out}");
        assert!(out.contains("7 |     {\"Sid\": \"Read\""), "{out}");
        assert!(!out.contains('\x1b'));
    }

    #[test]
    fn an_implicit_deny_says_which_layer_and_why_each_statement_missed() {
        let text = CASE
            .replace("\"s3:GetObject\",\n", "\"s3:PutObject\",\n")
            .replace("\"expect\": \"allowed\"", "\"expect\": \"implicitDeny\"");
        let (out, _) = explain_file("case.json", &text, &Style { colour: false });
        assert!(
            out.contains("blocked by: the identity-based policies"),
            "{out}"
        );
        assert!(
            out.contains("statement `Read` does not apply: Action does not match `s3:PutObject`"),
            "{out}"
        );
    }

    #[test]
    fn malformed_json_points_at_the_error_with_help() {
        let (out, ok) = explain_file("bad.json", "{\"id\": 'x'}", &Style { colour: true });
        assert!(!ok);
        assert!(
            out.contains("expected a value for `id`, found `'`"),
            "{out}"
        );
        assert!(out.contains("bad.json:1:8"), "{out}");
        assert!(out.contains("double quotes"), "{out}");
        assert!(out.contains('\x1b'));
    }

    #[test]
    fn an_array_of_cases_gives_one_line_each() {
        let text = format!("[{CASE}, {CASE}]");
        let (out, ok) = explain_file("cases.json", &text, &Style { colour: false });
        assert!(ok);
        assert_eq!(out.matches("demo: allowed").count(), 2);
    }
}
