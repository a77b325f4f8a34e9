//! Completions and hovers for policy JSON, computed from the loaded catalogue.

use std::collections::HashSet;

use iamplay_engine::catalog::{ActionRef, Catalog, Completion};
use iamplay_engine::condition::{BaseOperator, SetOperator};
use serde::Serialize;

use super::context::{context_at, statement_actions_at, CursorContext, Slot};
use iamplay_engine::policy::{POLICY_ELEMENTS, STATEMENT_ELEMENTS};

const LIMIT: usize = 200;
const PRINCIPAL_KEYS: [&str; 4] = ["AWS", "Service", "Federated", "CanonicalUser"];
/// Service principals data engineers meet most; the catalogue lists services, not principals.
const SERVICE_PRINCIPALS: [&str; 24] = [
    "lambda.amazonaws.com",
    "glue.amazonaws.com",
    "ec2.amazonaws.com",
    "ecs-tasks.amazonaws.com",
    "states.amazonaws.com",
    "events.amazonaws.com",
    "scheduler.amazonaws.com",
    "firehose.amazonaws.com",
    "kinesisanalytics.amazonaws.com",
    "sagemaker.amazonaws.com",
    "elasticmapreduce.amazonaws.com",
    "emr-serverless.amazonaws.com",
    "redshift.amazonaws.com",
    "datapipeline.amazonaws.com",
    "athena.amazonaws.com",
    "s3.amazonaws.com",
    "sns.amazonaws.com",
    "sqs.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "logs.amazonaws.com",
    "delivery.logs.amazonaws.com",
    "config.amazonaws.com",
    "codebuild.amazonaws.com",
    "airflow.amazonaws.com",
];

/// What a completion inserts, and what the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    pub label: String,
    /// Monaco's item kind, by name: `property`, `value`, `module`, `function`, `operator`,
    /// `variable`, `reference`.
    pub kind: &'static str,
    pub insert: String,
    pub detail: String,
    pub documentation: String,
}

/// Completions for the string at the cursor, and the UTF-16 range they replace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Completions {
    pub items: Vec<Item>,
    pub start: usize,
    pub end: usize,
}

fn item(label: &str, kind: &'static str, detail: &str, documentation: &str) -> Item {
    Item {
        label: label.to_owned(),
        kind,
        insert: label.to_owned(),
        detail: detail.to_owned(),
        documentation: documentation.to_owned(),
    }
}

fn utf16(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |t| t.encode_utf16().count())
}

/// Completions at byte `offset` of `text`; `None` outside strings.
pub fn complete(text: &str, offset: usize, catalog: Option<&Catalog>) -> Option<Completions> {
    let context = context_at(text, offset)?;
    let typed = context.typed.to_ascii_lowercase();
    let mut items = candidates(text, &context, catalog);
    items.retain(|i| i.label.to_ascii_lowercase().starts_with(&typed));
    items.truncate(LIMIT);
    Some(Completions {
        items,
        start: utf16(text, context.start),
        end: utf16(text, context.end),
    })
}

fn last(path: &[String]) -> &str {
    path.last().map_or("", String::as_str)
}

fn candidates(text: &str, context: &CursorContext, catalog: Option<&Catalog>) -> Vec<Item> {
    let path = &context.path;
    match &context.slot {
        Slot::Key if path.is_empty() => POLICY_ELEMENTS
            .iter()
            .map(|k| item(k, "property", "policy element", ""))
            .collect(),
        Slot::Key if last(path) == "Statement" => STATEMENT_ELEMENTS
            .iter()
            .map(|k| item(k, "property", "statement element", ""))
            .collect(),
        Slot::Key if matches!(last(path), "Principal" | "NotPrincipal") => PRINCIPAL_KEYS
            .iter()
            .map(|k| item(k, "property", "principal type", ""))
            .collect(),
        Slot::Key if last(path) == "Condition" => operators(),
        Slot::Key if path.len() >= 2 && path[path.len() - 2] == "Condition" => {
            statement_keys(text, context.start, catalog)
        }
        Slot::Value(key) if key == "Effect" => vec![
            item("Allow", "value", "effect", ""),
            item("Deny", "value", "effect", ""),
        ],
        Slot::Value(key) if key == "Version" => vec![item(
            "2012-10-17",
            "value",
            "current policy language",
            "Policy variables such as ${aws:username} work only in this version.",
        )],
        Slot::Value(key) if matches!(key.as_str(), "Action" | "NotAction") => {
            actions(&context.typed, catalog)
        }
        Slot::Value(key) if key == "Service" => SERVICE_PRINCIPALS
            .iter()
            .map(|p| item(p, "reference", "service principal", ""))
            .collect(),
        Slot::Value(key) if matches!(key.as_str(), "Resource" | "NotResource") => {
            arn_templates(text, context.start, catalog)
        }
        _ => Vec::new(),
    }
}

fn operators() -> Vec<Item> {
    let mut items = Vec::new();
    for base in BaseOperator::ALL {
        items.push(item(base.name(), "operator", "condition operator", ""));
        if *base != BaseOperator::Null {
            let name = format!("{}IfExists", base.name());
            items.push(item(
                &name,
                "operator",
                "condition operator",
                "Also true when the request lacks the key.",
            ));
        }
    }
    for set in [SetOperator::ForAllValues, SetOperator::ForAnyValue] {
        for base in BaseOperator::ALL
            .iter()
            .filter(|b| **b != BaseOperator::Null)
        {
            let name = format!("{}:{}", set.prefix(), base.name());
            items.push(item(
                &name,
                "operator",
                "set operator, for multivalued keys",
                "",
            ));
        }
    }
    items
}

fn actions(typed: &str, catalog: Option<&Catalog>) -> Vec<Item> {
    let Some(catalog) = catalog else {
        return Vec::new();
    };
    catalog
        .complete_action(typed, LIMIT)
        .into_iter()
        .filter_map(|completion| match completion {
            Completion::Service {
                prefix,
                name,
                actions,
            } => Some(Item {
                label: prefix.clone(),
                kind: "module",
                insert: format!("{prefix}:"),
                detail: format!("{name} · {actions} actions"),
                documentation: String::new(),
            }),
            Completion::Action {
                name,
                access_level,
                description,
            } => Some(Item {
                label: name.clone(),
                kind: "function",
                insert: name,
                detail: access_level.as_str().to_owned(),
                documentation: description,
            }),
            Completion::ConditionKey { .. } => None,
        })
        .collect()
}

/// The catalogue actions the statement around `offset` names (patterns expanded).
fn statement_actions<'c>(text: &str, offset: usize, catalog: &'c Catalog) -> Vec<ActionRef<'c>> {
    let mut found: Vec<ActionRef<'c>> = Vec::new();
    let mut seen = HashSet::new();
    for pattern in statement_actions_at(text, offset) {
        let matches = if pattern.contains(['*', '?']) {
            catalog.expand(&pattern)
        } else {
            catalog.action(&pattern).into_iter().collect()
        };
        for action in matches.into_iter().take(LIMIT) {
            if seen.insert(action.full_name()) {
                found.push(action);
            }
        }
    }
    found
}

fn statement_keys(text: &str, offset: usize, catalog: Option<&Catalog>) -> Vec<Item> {
    let Some(catalog) = catalog else {
        return Vec::new();
    };
    let mut items: Vec<Item> = Vec::new();
    let mut seen = HashSet::new();
    let actions = statement_actions(text, offset, catalog);
    let keys = actions
        .into_iter()
        .flat_map(|a| catalog.action_condition_keys(a));
    for key in keys {
        if seen.insert(key.name.to_ascii_lowercase()) {
            items.push(item(
                key.name,
                "variable",
                key.key_type.as_str(),
                key.description,
            ));
        }
    }
    if items.is_empty() {
        // No known action yet: offer the global keys, valid everywhere.
        return catalog
            .complete_condition_key("aws:", LIMIT)
            .into_iter()
            .filter_map(|c| match c {
                Completion::ConditionKey {
                    name,
                    key_type,
                    description,
                } => Some(item(&name, "variable", key_type.as_str(), &description)),
                _ => None,
            })
            .collect();
    }
    items
}

fn arn_templates(text: &str, offset: usize, catalog: Option<&Catalog>) -> Vec<Item> {
    let Some(catalog) = catalog else {
        return Vec::new();
    };
    let mut items: Vec<Item> = vec![item("*", "value", "every resource", "")];
    for action in statement_actions(text, offset, catalog) {
        for use_ in action.resource_types() {
            let resource_type = use_.resource_type();
            // The partition is almost always `aws`; filled in, the typed `arn:aws:` matches.
            let filled = resource_type.arn_template().replace("${Partition}", "aws");
            let template = filled.as_str();
            if !items.iter().any(|i| i.label == template) {
                let detail = format!(
                    "{} ({})",
                    resource_type.name(),
                    resource_type.service().prefix()
                );
                items.push(item(
                    template,
                    "reference",
                    &detail,
                    "ARN template: replace the ${...} parts.",
                ));
            }
        }
    }
    items
}

/// A hover card in Markdown for the action or condition key under the cursor.
pub fn hover(text: &str, offset: usize, catalog: &Catalog) -> Option<String> {
    let context = context_at(text, offset)?;
    let word = text.get(context.start..context.end)?;
    if let Some(details) = catalog.action_details(word) {
        let resources: Vec<String> = details
            .resource_types
            .iter()
            .map(|r| {
                format!(
                    "`{}`{}",
                    r.name,
                    if r.required { " (required)" } else { "" }
                )
            })
            .collect();
        return Some(format!(
            "**{}** · {}\n\n{}\n\nResource types: {}\n\nCondition keys: {}",
            details.name,
            details.access_level.as_str(),
            details.description,
            if resources.is_empty() {
                "none (use `*`)".to_owned()
            } else {
                resources.join(", ")
            },
            details.condition_keys.len(),
        ));
    }
    let key = catalog.condition_key(word)?;
    Some(format!(
        "**{}** · {}\n\n{}",
        key.name,
        key.key_type.as_str(),
        key.description
    ))
}

#[cfg(test)]
#[path = "complete_tests.rs"]
mod tests;
