//! Readers for the elements inside a statement: string lists, principals, conditions.

use super::error::PolicyErrorKind as Kind;
use super::parse::Reader;
use super::{
    suggest, ConditionBlock, ConditionEntry, Node, Patterns, Principal, PrincipalElement,
    PrincipalEntry, PrincipalKind,
};
use crate::condition;
use crate::json::{Json, Value};

pub(super) fn string(reader: &mut Reader, what: String, json: &Json) -> Option<Node<String>> {
    match json.as_str() {
        Some(text) => Some(Node::new(text.to_owned(), json.span)),
        None => reader.wrong_type(what, "a string", json),
    }
}

/// A string or an array of strings.
fn string_list(reader: &mut Reader, what: &str, json: &Json) -> Option<Vec<Node<String>>> {
    match &json.value {
        Value::String(text) => Some(vec![Node::new(text.clone(), json.span)]),
        Value::Array(items) => {
            let mut values = Vec::with_capacity(items.len());
            for item in items {
                values.push(string(reader, format!("each value of `{what}`"), item)?);
            }
            Some(values)
        }
        _ => reader.wrong_type(format!("`{what}`"), "a string or an array of strings", json),
    }
}

pub(super) fn patterns(
    reader: &mut Reader,
    name: &'static str,
    negated: bool,
    json: &Json,
) -> Option<Patterns> {
    Some(Patterns {
        negated,
        values: string_list(reader, name, json)?,
    })
}

pub(super) fn principal(
    reader: &mut Reader,
    name: &'static str,
    negated: bool,
    json: &Json,
) -> Option<PrincipalElement> {
    let principal = match &json.value {
        Value::String(text) if text == "*" => Principal::Any,
        Value::String(text) => {
            return reader.fail(
                Kind::PrincipalString {
                    found: text.clone(),
                },
                json.span,
            )
        }
        Value::Object(members) => {
            let mut entries: Vec<PrincipalEntry> = Vec::new();
            for member in members {
                let kind = match member.key.as_str() {
                    "AWS" => PrincipalKind::Aws,
                    "Service" => PrincipalKind::Service,
                    "Federated" => PrincipalKind::Federated,
                    "CanonicalUser" => PrincipalKind::CanonicalUser,
                    other => {
                        let suggestion = suggest::closest(other, &PrincipalKind::NAMES);
                        let kind = Kind::UnknownPrincipalKind {
                            found: other.to_owned(),
                            suggestion,
                        };
                        return reader.fail(kind, member.key_span);
                    }
                };
                if entries.iter().any(|e| e.kind.node == kind) {
                    return reader.fail(
                        Kind::DuplicateElement {
                            name: member.key.clone(),
                        },
                        member.key_span,
                    );
                }
                let values = string_list(reader, &format!("{name}.{}", member.key), &member.value)?;
                entries.push(PrincipalEntry {
                    kind: Node::new(kind, member.key_span),
                    values,
                });
            }
            Principal::Entries(entries)
        }
        _ => return reader.wrong_type(format!("`{name}`"), "`\"*\"` or an object", json),
    };
    Some(PrincipalElement { negated, principal })
}

/// `{"Operator": {"key": value or [values]}}`. Unreadable blocks are left out after recording
/// the error.
pub(super) fn condition(reader: &mut Reader, json: &Json) -> Vec<ConditionBlock> {
    let Some(members) = json.as_object() else {
        reader.wrong_type::<()>("`Condition`".into(), "an object", json);
        return Vec::new();
    };
    let mut blocks: Vec<ConditionBlock> = Vec::new();
    for member in members {
        if blocks.iter().any(|b| b.operator.name == member.key) {
            reader.fail::<()>(
                Kind::DuplicateCondition {
                    what: "operator",
                    name: member.key.clone(),
                },
                member.key_span,
            );
            continue;
        }
        let operator = match condition::parse_operator(&member.key) {
            Ok(operator) => Node::new(operator, member.key_span),
            Err(unknown) => {
                reader.fail::<()>(Kind::UnknownOperator(unknown), member.key_span);
                continue;
            }
        };
        let Some(keys) = member.value.as_object() else {
            reader.wrong_type::<()>(
                format!("the keys of `{}`", member.key),
                "an object",
                &member.value,
            );
            continue;
        };
        let mut entries: Vec<ConditionEntry> = Vec::new();
        for key in keys {
            if entries.iter().any(|e| e.key.node == key.key) {
                reader.fail::<()>(
                    Kind::DuplicateCondition {
                        what: "key",
                        name: key.key.clone(),
                    },
                    key.key_span,
                );
                continue;
            }
            if let Some(values) = condition_values(reader, &key.key, &key.value) {
                entries.push(ConditionEntry {
                    key: Node::new(key.key.clone(), key.key_span),
                    values,
                });
            }
        }
        blocks.push(ConditionBlock { operator, entries });
    }
    blocks
}

/// A scalar or an array of scalars; numbers and booleans become their text.
fn condition_values(reader: &mut Reader, key: &str, json: &Json) -> Option<Vec<Node<String>>> {
    let scalar = |reader: &mut Reader, item: &Json| match item.scalar_text() {
        Some(text) => Some(Node::new(text, item.span)),
        None => reader.wrong_type(
            format!("a value of `{key}`"),
            "a string, number or boolean",
            item,
        ),
    };
    match &json.value {
        Value::Array(items) => items.iter().map(|item| scalar(reader, item)).collect(),
        _ => Some(vec![scalar(reader, json)?]),
    }
}
