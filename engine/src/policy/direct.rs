//! A valid policy read straight from its text into [`Policy`], with no JSON tree in between.
//!
//! This is the fast path of reading a case (see [`Cursor`]): it gives up (`None`) on anything
//! the strict reader ([`parse_policy_tree`](super::parse_policy_tree)) would reject, and on a few
//! unusual shapes it need not know, and the caller then reads the text through the tree. What
//! it does read, it reads exactly as the tree reader does, spans and key order included; a
//! test holds the two together on every case of the corpus and on damaged copies of them.

use super::{
    ConditionBlock, ConditionEntry, Effect, Node, Patterns, Policy, Principal, PrincipalElement,
    PrincipalEntry, PrincipalKind, Statement, Version,
};
use crate::condition::parse_operator;
use crate::json::{Cursor, Key, Span};

/// A policy document whose members are read one by one: by itself, or inside an object that
/// also holds other members (a case's `{"name": ..., "document": ...}` is read elsewhere).
#[derive(Default)]
pub(crate) struct PolicyMembers {
    version: Option<Node<Version>>,
    id: Option<Node<String>>,
    statements: Option<Vec<Statement>>,
    keys: Vec<Node<Key>>,
}

impl PolicyMembers {
    /// Reads the value of the member `key`; `None` for a member the strict reader rejects
    /// (unknown, repeated) or a value it rejects.
    pub(crate) fn member(&mut self, cursor: &mut Cursor, key: &str, key_span: Span) -> Option<()> {
        let name = match key {
            "Version" if self.version.is_none() => {
                self.version = Some(version(cursor)?);
                "Version"
            }
            "Id" if self.id.is_none() => {
                self.id = Some(string(cursor)?);
                "Id"
            }
            "Statement" if self.statements.is_none() => {
                self.statements = Some(statements(cursor)?);
                "Statement"
            }
            _ => return None,
        };
        self.keys.push(Node::new(Key::Borrowed(name), key_span));
        Some(())
    }

    /// The policy whose document spans `span`; `None` without a `Statement`.
    pub(crate) fn finish(self, span: Span) -> Option<Policy> {
        Some(Policy {
            version: self.version,
            id: self.id,
            statements: self.statements?,
            span,
            keys: self.keys,
        })
    }
}

/// A policy document at the cursor.
pub(crate) fn policy(cursor: &mut Cursor) -> Option<Policy> {
    let mut members = PolicyMembers::default();
    let span = cursor.object(|cursor, key, key_span| members.member(cursor, key, key_span))?;
    members.finish(span)
}

fn string(cursor: &mut Cursor) -> Option<Node<String>> {
    let (text, span) = cursor.string()?;
    Some(Node::new(text, span))
}

fn version(cursor: &mut Cursor) -> Option<Node<Version>> {
    let text = string(cursor)?;
    let version = match text.node.as_str() {
        "2012-10-17" => Version::V2012_10_17,
        "2008-10-17" => Version::V2008_10_17,
        _ => return None,
    };
    Some(Node::new(version, text.span))
}

fn statements(cursor: &mut Cursor) -> Option<Vec<Statement>> {
    match cursor.peek()? {
        b'{' => Some(vec![statement(cursor, 0)?]),
        b'[' => {
            let mut statements = Vec::new();
            cursor.array(|cursor| {
                statements.push(statement(cursor, statements.len())?);
                Some(())
            })?;
            Some(statements)
        }
        _ => None,
    }
}

fn statement(cursor: &mut Cursor, index: usize) -> Option<Statement> {
    let mut sid = None;
    let mut effect = None;
    let mut principal = None;
    let mut action = None;
    let mut resource = None;
    let mut condition = None;
    let mut keys = Vec::with_capacity(4);
    let span = cursor.object(|cursor, key, key_span| {
        // A second element of a pair (`Action` with `NotAction`) is rejected as a repeat.
        let name = match key {
            "Sid" if sid.is_none() => {
                sid = Some(string(cursor)?);
                "Sid"
            }
            "Effect" if effect.is_none() => {
                effect = Some(self::effect(cursor)?);
                "Effect"
            }
            "Principal" | "NotPrincipal" if principal.is_none() => {
                let negated = key == "NotPrincipal";
                principal = Some(self::principal(cursor, negated)?);
                if negated {
                    "NotPrincipal"
                } else {
                    "Principal"
                }
            }
            "Action" | "NotAction" if action.is_none() => {
                let negated = key == "NotAction";
                action = Some(patterns(cursor, negated)?);
                if negated {
                    "NotAction"
                } else {
                    "Action"
                }
            }
            "Resource" | "NotResource" if resource.is_none() => {
                let negated = key == "NotResource";
                resource = Some(patterns(cursor, negated)?);
                if negated {
                    "NotResource"
                } else {
                    "Resource"
                }
            }
            "Condition" if condition.is_none() => {
                condition = Some(conditions(cursor)?);
                "Condition"
            }
            _ => return None,
        };
        keys.push(Node::new(Key::Borrowed(name), key_span));
        Some(())
    })?;
    Some(Statement {
        index,
        sid,
        effect: effect?,
        principal,
        action: action?,
        resource,
        condition: condition.unwrap_or_default(),
        span,
        keys,
    })
}

fn effect(cursor: &mut Cursor) -> Option<Node<Effect>> {
    let text = string(cursor)?;
    let effect = match text.node.as_str() {
        "Allow" => Effect::Allow,
        "Deny" => Effect::Deny,
        _ => return None,
    };
    Some(Node::new(effect, text.span))
}

/// A string or an array of strings, with the span of the whole value.
fn strings(cursor: &mut Cursor) -> Option<(Vec<Node<String>>, Span)> {
    match cursor.peek()? {
        b'[' => {
            let mut values = Vec::new();
            let span = cursor.array(|cursor| {
                values.push(string(cursor)?);
                Some(())
            })?;
            Some((values, span))
        }
        _ => {
            let value = string(cursor)?;
            let span = value.span;
            Some((vec![value], span))
        }
    }
}

fn patterns(cursor: &mut Cursor, negated: bool) -> Option<Node<Patterns>> {
    let (values, span) = strings(cursor)?;
    Some(Node::new(Patterns { negated, values }, span))
}

fn principal(cursor: &mut Cursor, negated: bool) -> Option<Node<PrincipalElement>> {
    let (principal, span) = match cursor.peek()? {
        b'{' => {
            let mut entries: Vec<PrincipalEntry> = Vec::new();
            let span = cursor.object(|cursor, key, key_span| {
                let kind = match key {
                    "AWS" => PrincipalKind::Aws,
                    "Service" => PrincipalKind::Service,
                    "Federated" => PrincipalKind::Federated,
                    "CanonicalUser" => PrincipalKind::CanonicalUser,
                    _ => return None,
                };
                if entries.iter().any(|entry| entry.kind.node == kind) {
                    return None;
                }
                let (values, _) = strings(cursor)?;
                entries.push(PrincipalEntry {
                    kind: Node::new(kind, key_span),
                    values,
                });
                Some(())
            })?;
            (Principal::Entries(entries), span)
        }
        _ => {
            let text = string(cursor)?;
            (text.node == "*").then_some((Principal::Any, text.span))?
        }
    };
    Some(Node::new(PrincipalElement { negated, principal }, span))
}

/// `{"Operator": {"key": value or [values]}}`.
fn conditions(cursor: &mut Cursor) -> Option<Vec<ConditionBlock>> {
    let mut blocks: Vec<ConditionBlock> = Vec::new();
    cursor.object(|cursor, name, name_span| {
        if blocks.iter().any(|block| block.operator.name == name) {
            return None;
        }
        let operator = Node::new(parse_operator(name).ok()?, name_span);
        let mut entries: Vec<ConditionEntry> = Vec::new();
        cursor.object(|cursor, key, key_span| {
            if entries.iter().any(|entry| entry.key.node == key) {
                return None;
            }
            entries.push(ConditionEntry {
                key: Node::new(key.to_owned(), key_span),
                values: condition_values(cursor)?,
            });
            Some(())
        })?;
        blocks.push(ConditionBlock { operator, entries });
        Some(())
    })?;
    Some(blocks)
}

/// A scalar or an array of scalars; numbers and booleans become their text.
fn condition_values(cursor: &mut Cursor) -> Option<Vec<Node<String>>> {
    let scalar = |cursor: &mut Cursor| {
        let (text, span) = cursor.scalar_text()?;
        Some(Node::new(text, span))
    };
    match cursor.peek()? {
        b'[' => {
            let mut values = Vec::new();
            cursor.array(|cursor| {
                values.push(scalar(cursor)?);
                Some(())
            })?;
            Some(values)
        }
        _ => Some(vec![scalar(cursor)?]),
    }
}
