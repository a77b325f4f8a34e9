//! Readers for the elements inside a statement: string lists, principals, conditions.

use super::error::PolicyErrorKind as Kind;
use super::parse::Reader;
use super::{
    suggest, ConditionBlock, ConditionEntry, Node, Patterns, Principal, PrincipalElement,
    PrincipalEntry, PrincipalKind,
};
use crate::condition;
use crate::json::{Json, Value};

/// A string, moved out of the tree. `what` names it in an error, and is written only then.
pub(super) fn string(
    reader: &mut Reader,
    what: impl FnOnce() -> String,
    json: Json,
) -> Option<Node<String>> {
    match json.value {
        Value::String(text) => Some(Node::new(text, json.span)),
        value => reader.wrong_type(what(), "a string", &Json { value, ..json }),
    }
}

/// A string or an array of strings.
fn string_list(reader: &mut Reader, what: &str, json: Json) -> Option<Vec<Node<String>>> {
    match json.value {
        Value::String(text) => Some(vec![Node::new(text, json.span)]),
        Value::Array(items) => {
            let mut values = Vec::with_capacity(items.len());
            for item in items {
                values.push(string(reader, || format!("each value of `{what}`"), item)?);
            }
            Some(values)
        }
        value => reader.wrong_type(
            format!("`{what}`"),
            "a string or an array of strings",
            &Json { value, ..json },
        ),
    }
}

pub(super) fn patterns(
    reader: &mut Reader,
    name: &'static str,
    negated: bool,
    json: Json,
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
    json: Json,
) -> Option<PrincipalElement> {
    let span = json.span;
    let principal = match json.value {
        Value::String(text) if text == "*" => Principal::Any,
        Value::String(text) => return reader.fail(Kind::PrincipalString { found: text }, span),
        Value::Object(members) => {
            let mut entries: Vec<PrincipalEntry> = Vec::new();
            for member in members {
                let kind = match &*member.key {
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
                            name: member.key.into_owned(),
                        },
                        member.key_span,
                    );
                }
                let values = string_list(reader, &format!("{name}.{}", member.key), member.value)?;
                entries.push(PrincipalEntry {
                    kind: Node::new(kind, member.key_span),
                    values,
                });
            }
            Principal::Entries(entries)
        }
        value => {
            return reader.wrong_type(
                format!("`{name}`"),
                "`\"*\"` or an object",
                &Json { value, span },
            )
        }
    };
    Some(PrincipalElement { negated, principal })
}

/// `{"Operator": {"key": value or [values]}}`. Unreadable blocks are left out after recording
/// the error.
pub(super) fn condition(reader: &mut Reader, json: Json) -> Vec<ConditionBlock> {
    let members = match json.value {
        Value::Object(members) => members,
        value => {
            reader.wrong_type::<()>("`Condition`".into(), "an object", &Json { value, ..json });
            return Vec::new();
        }
    };
    let mut blocks: Vec<ConditionBlock> = Vec::new();
    for member in members {
        if blocks.iter().any(|b| b.operator.name == member.key) {
            reader.fail::<()>(
                Kind::DuplicateCondition {
                    what: "operator",
                    name: member.key.into_owned(),
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
        let keys = match member.value.value {
            Value::Object(keys) => keys,
            value => {
                reader.wrong_type::<()>(
                    format!("the keys of `{}`", member.key),
                    "an object",
                    &Json {
                        value,
                        span: member.value.span,
                    },
                );
                continue;
            }
        };
        let mut entries: Vec<ConditionEntry> = Vec::new();
        for key in keys {
            if entries.iter().any(|e| e.key.node == key.key) {
                reader.fail::<()>(
                    Kind::DuplicateCondition {
                        what: "key",
                        name: key.key.into_owned(),
                    },
                    key.key_span,
                );
                continue;
            }
            if let Some(values) = condition_values(reader, &key.key, key.value) {
                entries.push(ConditionEntry {
                    key: Node::new(key.key.into_owned(), key.key_span),
                    values,
                });
            }
        }
        blocks.push(ConditionBlock { operator, entries });
    }
    blocks
}

/// A scalar or an array of scalars; numbers and booleans become their text.
fn condition_values(reader: &mut Reader, key: &str, json: Json) -> Option<Vec<Node<String>>> {
    let scalar = |reader: &mut Reader, item: Json| match item.value {
        Value::String(text) | Value::Number(text) => Some(Node::new(text, item.span)),
        Value::Bool(flag) => Some(Node::new(flag.to_string(), item.span)),
        value => reader.wrong_type(
            format!("a value of `{key}`"),
            "a string, number or boolean",
            &Json { value, ..item },
        ),
    };
    match json.value {
        Value::Array(items) => items.into_iter().map(|item| scalar(reader, item)).collect(),
        value => Some(vec![scalar(reader, Json { value, ..json })?]),
    }
}
