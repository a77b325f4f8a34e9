//! A valid case read straight from its text, with no JSON tree in between: the fast path of
//! [`Case::parse`]. It gives up (`None`) on anything the tree reader ([`Case::from_tree`])
//! would reject and on a few unusual shapes (a repeated field, a policy object that mixes a
//! name with policy elements); the caller then reads the text through the tree, which reports
//! the error. Whatever it reads, it reads as the tree reader does: a test holds the two
//! together on the corpus and on damaged copies of it.

use super::{Case, NamedPolicy, PolicySet, Request};
use crate::context::{ContextEntry, ContextValues, KeySource, RequestContext};
use crate::decision::Decision;
use crate::json::Cursor;
use crate::policy::direct::{policy, PolicyMembers};
use crate::policy::POLICY_ELEMENTS;

pub(super) fn read_case(text: &str) -> Option<Case> {
    let mut cursor = Cursor::new(text)?;
    let (mut id, mut request, mut policies, mut expect) = (None, None, None, None);
    cursor.object(|cursor, key, _| {
        match key {
            "id" if id.is_none() => id = Some(cursor.scalar_text()?.0),
            "request" if request.is_none() => request = Some(self::request(cursor)?),
            "policies" if policies.is_none() => policies = Some(policy_set(cursor)?),
            "expect" if expect.is_none() => expect = Some(self::expect(cursor)?),
            "id" | "request" | "policies" | "expect" => return None,
            // Annotations (`note`, `source`, ...) are read only to pass over them.
            _ => drop(cursor.value()?),
        }
        Some(())
    })?;
    cursor.finish()?;
    Some(Case {
        id,
        request: request?,
        policies: policies.unwrap_or_default(),
        expect,
    })
}

fn expect(cursor: &mut Cursor) -> Option<Decision> {
    match cursor.string()?.0.as_str() {
        "allowed" => Some(Decision::Allowed),
        "explicitDeny" => Some(Decision::ExplicitDeny),
        "implicitDeny" => Some(Decision::ImplicitDeny),
        _ => None,
    }
}

fn request(cursor: &mut Cursor) -> Option<Request> {
    let (mut principal, mut action, mut resource) = (None, None, None);
    let (mut resource_account, mut context) = (None, None);
    cursor.object(|cursor, key, _| {
        match key {
            "principal" if principal.is_none() => principal = Some(cursor.string()?.0),
            "action" if action.is_none() => action = Some(cursor.string()?.0),
            "resource" if resource.is_none() => resource = Some(cursor.string()?.0),
            "resourceAccount" if resource_account.is_none() => {
                resource_account = Some(match cursor.null() {
                    true => None,
                    false => Some(cursor.scalar_text()?.0),
                });
            }
            "context" if context.is_none() => context = Some(self::context(cursor)?),
            _ => return None,
        }
        Some(())
    })?;
    let context = context.unwrap_or_else(RequestContext::new);
    Request::with_context(
        principal?,
        action?,
        resource?,
        resource_account.flatten(),
        context,
    )
    .ok()
}

/// Strings, numbers and booleans are single values; a list makes the key multivalued.
fn context(cursor: &mut Cursor) -> Option<RequestContext> {
    let mut entries = Vec::new();
    cursor.object(|cursor, key, _| {
        let (values, multivalued) = match cursor.peek()? {
            b'[' => {
                let mut values = Vec::new();
                cursor.array(|cursor| {
                    values.push(cursor.scalar_text()?.0);
                    Some(())
                })?;
                (ContextValues::List(values), true)
            }
            _ => (ContextValues::One(cursor.scalar_text()?.0), false),
        };
        entries.push(ContextEntry {
            key: crate::json::Key::Owned(key.to_owned()),
            values,
            multivalued,
            source: KeySource::Request,
        });
        Some(())
    })?;
    Some(RequestContext::from_entries(entries))
}

fn policy_set(cursor: &mut Cursor) -> Option<PolicySet> {
    if cursor.null() {
        return Some(PolicySet::default());
    }
    let mut set = PolicySet::default();
    // Which fields were seen: a repeated one is left to the tree reader.
    let mut seen = [false; 6];
    cursor.object(|cursor, key, _| {
        let field = match key {
            "identity" => 0,
            "resource" => 1,
            "permissionBoundary" => 2,
            "session" => 3,
            "scps" => 4,
            "rcps" => 5,
            _ => return None,
        };
        if std::mem::replace(&mut seen[field], true) {
            return None;
        }
        match field {
            0 => set.identity = optional(cursor, policy_list)?.unwrap_or_default(),
            1 => set.resource = optional(cursor, named_policy)?,
            2 => set.permission_boundary = optional(cursor, named_policy)?,
            3 => set.session = optional(cursor, named_policy)?,
            4 => set.scps = optional(cursor, organization_levels)?,
            _ => set.rcps = optional(cursor, organization_levels)?,
        }
        Some(())
    })?;
    Some(set)
}

/// `null` as absent, else what `read` reads.
fn optional<T>(cursor: &mut Cursor, read: fn(&mut Cursor) -> Option<T>) -> Option<Option<T>> {
    match cursor.null() {
        true => Some(None),
        false => read(cursor).map(Some),
    }
}

fn policy_list(cursor: &mut Cursor) -> Option<Vec<NamedPolicy>> {
    let mut policies = Vec::new();
    cursor.array(|cursor| {
        policies.push(named_policy(cursor)?);
        Some(())
    })?;
    Some(policies)
}

fn organization_levels(cursor: &mut Cursor) -> Option<Vec<Vec<NamedPolicy>>> {
    let mut levels = Vec::new();
    cursor.array(|cursor| {
        levels.push(policy_list(cursor)?);
        Some(())
    })?;
    Some(levels)
}

/// A policy document, or `{"name": ..., "document": {...}}` (told apart by its first key).
fn named_policy(cursor: &mut Cursor) -> Option<NamedPolicy> {
    enum Shape {
        Unknown,
        Named {
            name: Option<String>,
            document: Option<crate::policy::Policy>,
        },
        Document(PolicyMembers),
    }
    let mut shape = Shape::Unknown;
    let span = cursor.object(|cursor, key, key_span| {
        if let Shape::Unknown = shape {
            shape = match POLICY_ELEMENTS.contains(&key) {
                true => Shape::Document(PolicyMembers::default()),
                false => Shape::Named {
                    name: None,
                    document: None,
                },
            };
        }
        match &mut shape {
            Shape::Document(members) => members.member(cursor, key, key_span),
            Shape::Named { name, document } => {
                match key {
                    "name" if name.is_none() => *name = Some(cursor.string()?.0),
                    "document" if document.is_none() => *document = Some(policy(cursor)?),
                    _ => return None,
                }
                Some(())
            }
            Shape::Unknown => None,
        }
    })?;
    match shape {
        Shape::Document(members) => Some(NamedPolicy::new(None, members.finish(span)?)),
        Shape::Named { name, document } => Some(NamedPolicy::new(name, document?)),
        Shape::Unknown => None,
    }
}

#[cfg(test)]
#[path = "direct_tests.rs"]
mod tests;
