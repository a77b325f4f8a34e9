//! `Action` / `NotAction` in words.

use super::words::{and_list, code};
use crate::catalog::Catalog;
use crate::policy::Patterns;

pub(super) fn read(action: &Patterns, catalog: Option<&Catalog>) -> String {
    let items: Vec<String> = action
        .values
        .iter()
        .map(|a| one(&a.node, catalog))
        .collect();
    if action.negated {
        // An empty NotAction excludes nothing; say so rather than print a dangling "except".
        if items.is_empty() {
            return "every action".to_owned();
        }
        format!("every action except {}", and_list(&items))
    } else if items.is_empty() {
        "no action (the `Action` list is empty)".to_owned()
    } else {
        and_list(&items)
    }
}

fn one(pattern: &str, catalog: Option<&Catalog>) -> String {
    if pattern == "*" || pattern == "*:*" {
        return format!("every action in every AWS service ({})", code(pattern));
    }
    let Some((service, name)) = pattern.split_once(':') else {
        return format!(
            "{} (not a valid action, so it matches nothing)",
            code(pattern)
        );
    };
    let service_name = catalog
        .and_then(|c| c.service(service))
        .map(|s| s.name().to_owned());
    let wildcard = pattern.contains(['*', '?']);
    if !wildcard {
        return match catalog.map(|c| c.action(pattern)) {
            Some(Some(found)) => format!("{} ({})", code(pattern), purpose(&found.description())),
            Some(None) => format!(
                "{} (an action AWS does not know, so it matches nothing)",
                code(pattern)
            ),
            None => code(pattern),
        };
    }
    // The pattern and how many actions it stands for: "(`s3:Get*`, 63 actions)".
    let tag = match catalog.map(|c| c.count_matches(pattern)) {
        Some(0) => format!("({}, which matches no action)", code(pattern)),
        Some(1) => format!("({}, 1 action)", code(pattern)),
        Some(n) => format!("({}, {n} actions)", code(pattern)),
        None => format!("({})", code(pattern)),
    };
    let service_words = service_name.unwrap_or_else(|| code(service));
    if name.chars().all(|c| c == '*') && !service.contains(['*', '?']) {
        return format!("every action of {service_words} {tag}");
    }
    if let Some(prefix) = name.strip_suffix('*').filter(|p| !p.contains(['*', '?'])) {
        if !service.contains(['*', '?']) {
            return format!(
                "every {service_words} action starting with {} {tag}",
                code(prefix)
            );
        }
    }
    format!("every action matching {tag}")
}

/// "Grants permission to retrieve objects from Amazon S3" → "to retrieve objects from Amazon S3".
fn purpose(description: &str) -> String {
    let text = description.trim().trim_end_matches('.');
    let text = text.strip_prefix("Grants permission to ").unwrap_or(text);
    format!("to {text}")
}
