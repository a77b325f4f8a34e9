//! Quick fixes: lint findings with an obvious repair, as text edits Monaco can apply.

use iamplay_engine::catalog::Catalog;
use iamplay_engine::lint::{lint, LintOptions};
use iamplay_engine::policy::parse_policy_lenient;
use iamplay_engine::policy_kind::PolicyKind;
use serde::Serialize;

/// Expanding a pattern into more actions than this would bury the policy.
const MAX_EXPANSION: usize = 60;

/// One edit: replace the UTF-16 range `start..end` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    pub title: String,
    pub start: usize,
    pub end: usize,
    pub replacement: String,
    /// The one fix Monaco applies on "auto fix".
    pub preferred: bool,
}

fn utf16(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |t| t.encode_utf16().count())
}

/// Every quick fix for `text`.
pub fn quick_fixes(text: &str, kind: PolicyKind, catalog: Option<&Catalog>) -> Vec<Fix> {
    let mut fixes = Vec::new();
    for finding in lint(text, &LintOptions::new(kind, catalog)) {
        let span = finding.range.span();
        match (finding.code, &finding.suggestion) {
            ("missing-version", _) => fixes.push(Fix {
                title: "Add \"Version\": \"2012-10-17\"".into(),
                start: utf16(text, span.start + 1),
                end: utf16(text, span.start + 1),
                replacement: "\n  \"Version\": \"2012-10-17\",".into(),
                preferred: true,
            }),
            (_, Some(suggestion)) if !suggestion.contains('"') => {
                let quoted = text
                    .get(span.start..span.end)
                    .is_some_and(|t| t.starts_with('"'));
                fixes.push(Fix {
                    title: format!("Change to `{suggestion}`"),
                    start: utf16(text, span.start),
                    end: utf16(text, span.end),
                    replacement: if quoted {
                        format!("\"{suggestion}\"")
                    } else {
                        suggestion.clone()
                    },
                    preferred: true,
                });
            }
            _ => {}
        }
    }
    if let Some(catalog) = catalog {
        expansions(text, catalog, &mut fixes);
    }
    fixes
}

/// "Replace `s3:Get*` with the N actions it matches", for each wildcard action pattern.
fn expansions(text: &str, catalog: &Catalog, fixes: &mut Vec<Fix>) {
    let Some(policy) = parse_policy_lenient(text).policy else {
        return;
    };
    for statement in &policy.statements {
        let element = &statement.action.node;
        for pattern in &element.values {
            let value = &pattern.node;
            if !value.contains(['*', '?']) || !value.contains(':') {
                continue;
            }
            let actions = catalog.expand(value);
            if actions.is_empty() || actions.len() > MAX_EXPANSION {
                continue;
            }
            let names: Vec<String> = actions
                .iter()
                .map(|a| format!("\"{}\"", a.full_name()))
                .collect();
            let span = pattern.span;
            // A single string value must become a list; inside a list, the names join it.
            let single = element.values.len() == 1
                && text
                    .get(..span.start)
                    .is_some_and(|before| before.trim_end().ends_with(':'));
            let joined = names.join(", ");
            fixes.push(Fix {
                title: format!(
                    "Replace `{value}` with the {} actions it matches",
                    names.len()
                ),
                start: utf16(text, span.start),
                end: utf16(text, span.end),
                replacement: if single {
                    format!("[{joined}]")
                } else {
                    joined
                },
                preferred: false,
            });
        }
    }
}
