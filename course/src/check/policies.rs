//! The shape of the policies and requests inside a scenario. The full grammar of a policy is the
//! engine parser's job; here we catch what would make a scenario unusable before evaluation.

use serde_json::Value;

use crate::problem::Report;
use iamplay_engine::policy_kind::PolicyKind;

const FIXED_SLOTS: [&str; 6] = [
    "identity",
    "resource",
    "permissionBoundary",
    "session",
    "scps",
    "rcps",
];
const REQUEST_FIELDS: [&str; 5] = [
    "principal",
    "action",
    "resource",
    "resourceAccount",
    "context",
];

/// The statements of a policy document (`Statement` may be one object or a list).
pub(crate) fn statements(document: &Value) -> Vec<&Value> {
    match document.get("Statement") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(single @ Value::Object(_)) => vec![single],
        _ => Vec::new(),
    }
}

pub(crate) fn has_sid(document: &Value, sid: &str) -> bool {
    statements(document)
        .iter()
        .any(|s| s.get("Sid").and_then(Value::as_str) == Some(sid))
}

/// A policy document: an object with `Statement` (one statement object or a list of them).
pub(crate) fn check_document(value: &Value, field: &str, report: &mut Report<'_>) {
    let Value::Object(map) = value else {
        report.push(
            field,
            "is not a policy document",
            "write a JSON object with `Version` and `Statement`",
        );
        return;
    };
    for key in map.keys() {
        if !["Version", "Id", "Statement"].contains(&key.as_str()) {
            report.push(
                field,
                format!("a policy document has no field `{key}`"),
                "a policy document has `Version`, optionally `Id`, and `Statement`",
            );
        }
    }
    match map.get("Statement") {
        Some(Value::Array(list)) => {
            for (index, statement) in list.iter().enumerate() {
                if !statement.is_object() {
                    report.push(
                        &format!("{field}.Statement[{index}]"),
                        "a statement must be a JSON object",
                        "write `{\"Effect\": ..., \"Action\": ..., \"Resource\": ...}`",
                    );
                }
            }
        }
        Some(Value::Object(_)) => {}
        _ => report.push(
            field,
            "the policy has no `Statement` list",
            "add `\"Statement\": []` (empty is fine for a starter)",
        ),
    }
}

/// `fixed`: the case's `policies` shape; the edited policy's slot must be free (or a list).
pub(crate) fn check_fixed(fixed: &Value, edited: PolicyKind, field: &str, report: &mut Report<'_>) {
    let Value::Object(map) = fixed else {
        report.push(
            field,
            "`fixed` must be an object of policies",
            "use the engine's `policies` shape: `{\"identity\": [...], \"resource\": {...}, ...}`",
        );
        return;
    };
    for (key, value) in map {
        let here = format!("{field}.{key}");
        match key.as_str() {
            "identity" => check_identity_list(value, &here, report),
            "resource" | "permissionBoundary" | "session" if !value.is_null() => {
                check_document(value, &here, report)
            }
            "scps" | "rcps" => check_levels(value, &here, report),
            _ if !FIXED_SLOTS.contains(&key.as_str()) => report.push(
                &here,
                format!("`{key}` is not a kind of policy"),
                "use `identity`, `resource`, `permissionBoundary`, `session`, `scps` or `rcps`",
            ),
            _ => {}
        }
    }
    let slot = match edited {
        PolicyKind::Resource | PolicyKind::Trust => "resource",
        PolicyKind::Boundary => "permissionBoundary",
        PolicyKind::Session => "session",
        PolicyKind::Identity | PolicyKind::Scp | PolicyKind::Rcp => return,
    };
    if map.get(slot).is_some_and(|v| !v.is_null()) {
        report.push(
            &format!("{field}.{slot}"),
            format!("the edited policy goes into `{slot}`, which `fixed` already fills"),
            format!("remove `{slot}` from `fixed`: the learner's policy takes its place"),
        );
    }
}

fn check_identity_list(value: &Value, field: &str, report: &mut Report<'_>) {
    let Value::Array(list) = value else {
        report.push(
            field,
            "`identity` must be a list of policies",
            "write `[ {policy}, {\"name\": \"...\", \"document\": {policy}} ]`",
        );
        return;
    };
    for (index, entry) in list.iter().enumerate() {
        check_document(document_of(entry), &format!("{field}[{index}]"), report);
    }
}

fn check_levels(value: &Value, field: &str, report: &mut Report<'_>) {
    let levels = value
        .as_array()
        .filter(|levels| levels.iter().all(Value::is_array));
    let Some(levels) = levels else {
        report.push(
            field,
            "must be a list of levels, each a list of policies",
            "write `[[root policies], [OU policies], [account policies]]`",
        );
        return;
    };
    for (level, policies) in levels.iter().enumerate() {
        for (index, policy) in policies.as_array().into_iter().flatten().enumerate() {
            check_document(policy, &format!("{field}[{level}][{index}]"), report);
        }
    }
}

/// An identity entry is a document or `{"name": ..., "document": ...}`.
pub(crate) fn document_of(entry: &Value) -> &Value {
    match entry.get("document") {
        Some(document) if entry.get("Statement").is_none() => document,
        _ => entry,
    }
}

/// Every fixed policy with the name a culprit may use: an identity entry's `name`, or the slot.
pub(crate) fn named_fixed(fixed: Option<&Value>) -> Vec<(String, &Value)> {
    let mut named = Vec::new();
    let Some(Value::Object(map)) = fixed else {
        return named;
    };
    for (key, value) in map {
        match (key.as_str(), value) {
            ("identity", Value::Array(list)) => {
                for entry in list {
                    if let Some(name) = entry.get("name").and_then(Value::as_str) {
                        named.push((name.to_owned(), document_of(entry)));
                    }
                }
            }
            ("scps" | "rcps", Value::Array(levels)) => {
                for policy in levels.iter().filter_map(Value::as_array).flatten() {
                    named.push((key.clone(), policy));
                }
            }
            (_, Value::Object(_)) => named.push((key.clone(), value)),
            _ => {}
        }
    }
    named
}

/// A check's request in the engine's case format.
pub(crate) fn check_request(request: &Value, field: &str, report: &mut Report<'_>) {
    let Value::Object(map) = request else {
        report.push(
            field,
            "the request must be an object",
            "write `{\"principal\": ..., \"action\": ..., \"resource\": ...}`",
        );
        return;
    };
    for key in map.keys() {
        if !REQUEST_FIELDS.contains(&key.as_str()) {
            report.push(&format!("{field}.{key}"), format!("a request has no field `{key}`"), "a request has `principal`, `action`, `resource`, and optionally `resourceAccount` and `context`");
        }
    }
    for key in ["principal", "action", "resource"] {
        match map.get(key) {
            Some(Value::String(text)) if !text.trim().is_empty() => {}
            _ => report.push(
                &format!("{field}.{key}"),
                format!("the request needs a non-empty `{key}` string"),
                "see the engine's case format in lessons/README.md",
            ),
        }
    }
    if let Some(context) = map.get("context") {
        check_context(context, &format!("{field}.context"), report);
    }
}

fn check_context(context: &Value, field: &str, report: &mut Report<'_>) {
    let Some(map) = context.as_object() else {
        report.push(
            field,
            "the context must be an object of condition keys",
            "write `{\"aws:SourceIp\": \"203.0.113.7\"}`",
        );
        return;
    };
    let scalar = |v: &Value| v.is_string() || v.is_number() || v.is_boolean();
    for (key, value) in map {
        let ok = scalar(value) || value.as_array().is_some_and(|list| list.iter().all(scalar));
        if !ok {
            report.push(
                &format!("{field}.{key}"),
                "a context value must be text, a number, a boolean or a list of them",
                "",
            );
        }
    }
}
