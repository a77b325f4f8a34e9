//! `Resource` / `NotResource` in words, with S3 buckets and objects named as such.

use super::words::{and_list, code};
use crate::policy::Patterns;

pub(super) fn read(resource: &Patterns, variables: bool) -> String {
    let items: Vec<String> = resource.values.iter().map(|r| one(&r.node)).collect();
    let mut text = if resource.negated {
        if items.is_empty() {
            "on every resource".to_owned()
        } else {
            format!("on every resource except {}", and_list(&items))
        }
    } else if items.is_empty() {
        "on no resource (the `Resource` list is empty)".to_owned()
    } else {
        format!("on {}", and_list(&items))
    };
    let named: Vec<String> = resource
        .values
        .iter()
        .flat_map(|r| variable_names(&r.node))
        .fold(Vec::new(), |mut seen, name| {
            if !seen.contains(&name) {
                seen.push(name);
            }
            seen
        });
    if !named.is_empty() {
        let list: Vec<String> = named.iter().map(|n| code(&format!("${{{n}}}"))).collect();
        if variables {
            text.push_str(&format!(
                " (where {} {} replaced by the request's value; if the request has no such value, the resource does not match)",
                and_list(&list),
                if list.len() == 1 { "is" } else { "are" }
            ));
        } else {
            text.push_str(&format!(
                " (where {} is plain text, because the policy is not Version 2012-10-17)",
                and_list(&list)
            ));
        }
    }
    text
}

fn one(arn: &str) -> String {
    if arn == "*" {
        return "any resource".to_owned();
    }
    if let Some(s3) = s3(arn) {
        return s3;
    }
    code(arn)
}

/// `arn:aws:s3:::bucket` → bucket; `arn:aws:s3:::bucket/prefix/*` → objects under a prefix.
fn s3(arn: &str) -> Option<String> {
    let path = arn.strip_prefix("arn:aws:s3:::")?;
    // `${*}` and `${?}` are literal characters, not wildcards: keep such ARNs as written.
    if path.is_empty() || path.contains("${*}") || path.contains("${?}") {
        return None;
    }
    let (bucket, key) = match path.split_once('/') {
        Some((bucket, key)) => (bucket, Some(key)),
        None => (path, None),
    };
    if bucket.contains(['*', '?']) {
        return None;
    }
    Some(match key {
        None => format!("the bucket {} itself (not its objects)", code(bucket)),
        Some("*") => format!("every object in bucket {}", code(bucket)),
        Some(key) => match key.strip_suffix('*') {
            Some(prefix) if !prefix.contains(['*', '?']) => {
                format!("objects in bucket {} under {}", code(bucket), code(prefix))
            }
            _ if key.contains(['*', '?']) => {
                format!(
                    "objects in bucket {} whose key matches {}",
                    code(bucket),
                    code(key)
                )
            }
            _ => format!("the object {} in bucket {}", code(key), code(bucket)),
        },
    })
}

/// The names of `${...}` variables in `text` (without defaults).
pub(super) fn variable_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("${") {
        let after = &rest[at + 2..];
        let Some(end) = after.find('}') else { break };
        let name = after[..end].split(',').next().unwrap_or_default().trim();
        if !name.is_empty() {
            names.push(name.to_owned());
        }
        rest = &after[end + 1..];
    }
    names
}
