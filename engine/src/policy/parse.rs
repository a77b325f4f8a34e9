//! From spanned JSON to [`Policy`]: the document and its statements.

use super::error::{PolicyError, PolicyErrorKind as Kind};
use super::parse_elements::{condition, patterns, principal, string};
use super::{suggest, Effect, Node, Policy, Statement, Version};
use crate::json::{self, Json, Key, Member, Span, Value};

/// The elements a policy document may have, in the order the IAM reference lists them.
pub const POLICY_ELEMENTS: [&str; 3] = ["Version", "Id", "Statement"];
/// The elements a statement may have, in the order the IAM reference lists them.
pub const STATEMENT_ELEMENTS: [&str; 9] = [
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

/// The best reading of a policy, with every error found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct LenientPolicy {
    /// `None` only when the text is not JSON or not an object. Statements with errors in a
    /// required element are left out; others keep what could be read.
    pub policy: Option<Policy>,
    pub errors: Vec<PolicyError>,
    /// The whole document, where a missing `Statement` is reported.
    pub span: Span,
}

impl LenientPolicy {
    /// What [`parse_policy`] gives for the same text, without parsing it again: the policy
    /// when nothing was wrong, else the first error. Both readings settle through one
    /// function, so they cannot drift apart.
    pub fn strict(&self) -> Result<&Policy, PolicyError> {
        settle(
            self.policy.as_ref(),
            self.errors.first().cloned(),
            self.span,
        )
    }
}

/// Parses a policy as AWS would accept it: any error rejects it.
pub fn parse_policy(text: &str) -> Result<Policy, PolicyError> {
    parse_policy_tree(json::parse(text)?)
}

/// Like [`parse_policy`], for a document already parsed (spans stay those of `json`).
pub fn parse_policy_json(json: &Json) -> Result<Policy, PolicyError> {
    parse_policy_tree(json.clone())
}

/// Like [`parse_policy_json`], consuming the tree: its strings move into the policy instead of
/// being copied (parsing is most of the time from case text to decision).
pub fn parse_policy_tree(json: Json) -> Result<Policy, PolicyError> {
    let span = json.span;
    let mut reader = Reader::default();
    let policy = reader.policy(json);
    settle(policy, reader.errors.into_iter().next(), span)
}

/// The strict verdict on a reading: any error rejects the policy.
fn settle<P>(
    policy: Option<P>,
    first_error: Option<PolicyError>,
    span: Span,
) -> Result<P, PolicyError> {
    match (first_error, policy) {
        (Some(first), _) => Err(first),
        (None, Some(policy)) => Ok(policy),
        (None, None) => Err(PolicyError::new(
            Kind::MissingElement {
                name: "Statement",
                place: "the policy",
            },
            span,
        )),
    }
}

/// Reads as much of a policy as possible and reports every error, for lint and the editor.
pub fn parse_policy_lenient(text: &str) -> LenientPolicy {
    match json::parse(text) {
        Ok(json) => {
            let span = json.span;
            let mut reader = Reader::default();
            let policy = reader.policy(json);
            LenientPolicy {
                policy,
                errors: reader.errors,
                span,
            }
        }
        Err(err) => LenientPolicy {
            policy: None,
            errors: vec![err.into()],
            span: Span::new(0, text.len()),
        },
    }
}

/// Collects errors; element readers return `None` after recording why.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) errors: Vec<PolicyError>,
}

impl Reader {
    pub(super) fn fail<T>(&mut self, kind: Kind, span: Span) -> Option<T> {
        self.errors.push(PolicyError::new(kind, span));
        None
    }

    pub(super) fn wrong_type<T>(
        &mut self,
        what: String,
        expected: &'static str,
        found: &Json,
    ) -> Option<T> {
        self.fail(
            Kind::WrongType {
                what,
                expected,
                found: found.kind_name(),
            },
            found.span,
        )
    }

    /// The members of an object, with duplicates and unknown names reported in the order
    /// written. Returns, for each name of `allowed`, the position among `members` of the member
    /// kept for it (the first).
    fn members<const N: usize>(
        &mut self,
        members: &[Member],
        allowed: &[&'static str; N],
        place: &'static str,
    ) -> [Option<usize>; N] {
        let mut kept = [None; N];
        for (position, member) in members.iter().enumerate() {
            match allowed.iter().position(|name| *name == member.key) {
                None => {
                    let suggestion = suggest::closest(&member.key, allowed);
                    self.fail::<()>(
                        Kind::UnknownElement {
                            name: member.key.to_string(),
                            place,
                            suggestion,
                        },
                        member.key_span,
                    );
                }
                Some(element) if kept[element].is_some() => {
                    self.fail::<()>(
                        Kind::DuplicateElement {
                            name: member.key.to_string(),
                        },
                        member.key_span,
                    );
                }
                Some(element) => kept[element] = Some(position),
            }
        }
        kept
    }

    pub(super) fn policy(&mut self, json: Json) -> Option<Policy> {
        let span = json.span;
        let mut members = match json.value {
            Value::Object(members) => members,
            value => {
                return self.wrong_type("a policy".into(), "a JSON object", &Json { value, span })
            }
        };
        let mut policy = Policy {
            version: None,
            id: None,
            statements: Vec::new(),
            span,
            keys: Vec::new(),
        };
        let kept = self.members(&members, &POLICY_ELEMENTS, "a policy");
        let mut has_statement = false;
        // Read in the order written, so that errors are reported in that order.
        for (position, member) in members.iter_mut().enumerate() {
            let Some(element) = kept.iter().position(|&at| at == Some(position)) else {
                continue;
            };
            let value = member.value.take();
            match POLICY_ELEMENTS[element] {
                "Version" => policy.version = self.version(value),
                "Id" => policy.id = string(self, || "`Id`".into(), value),
                _ => {
                    has_statement = true;
                    policy.statements = self.statements(value);
                }
            }
        }
        if !has_statement {
            self.fail::<()>(
                Kind::MissingElement {
                    name: "Statement",
                    place: "the policy",
                },
                span,
            );
        }
        policy.keys = keys(members);
        Some(policy)
    }

    fn version(&mut self, json: Json) -> Option<Node<Version>> {
        let span = json.span;
        let text = string(self, || "`Version`".into(), json)?;
        let version = match text.node.as_str() {
            "2012-10-17" => Version::V2012_10_17,
            "2008-10-17" => Version::V2008_10_17,
            _ => return self.fail(Kind::InvalidVersion { found: text.node }, span),
        };
        Some(Node::new(version, span))
    }

    fn statements(&mut self, json: Json) -> Vec<Statement> {
        let span = json.span;
        match json.value {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .filter_map(|(index, item)| self.statement(index, item))
                .collect(),
            value @ Value::Object(_) => self
                .statement(0, Json { value, span })
                .into_iter()
                .collect(),
            value => {
                self.wrong_type::<()>(
                    "`Statement`".into(),
                    "an object or an array of objects",
                    &Json { value, span },
                );
                Vec::new()
            }
        }
    }

    fn statement(&mut self, index: usize, json: Json) -> Option<Statement> {
        let span = json.span;
        let mut members = match json.value {
            Value::Object(members) => members,
            value => {
                return self.wrong_type(
                    "a statement".into(),
                    "a JSON object",
                    &Json { value, span },
                )
            }
        };
        // Where each element is, in the order of STATEMENT_ELEMENTS.
        let [sid, effect, principal_at, not_principal, action, not_action, resource, not_resource, condition_at] =
            self.members(&members, &STATEMENT_ELEMENTS, "a statement");
        let sid = sid.and_then(|at| string(self, || "`Sid`".into(), members[at].value.take()));
        let effect = match effect {
            Some(at) => self.effect(members[at].value.take()),
            None => self.fail(
                Kind::MissingElement {
                    name: "Effect",
                    place: "the statement",
                },
                span,
            ),
        };
        let principal = self.pair(
            &mut members,
            (principal_at, not_principal),
            ("Principal", "NotPrincipal"),
            principal,
        );
        let action_read = self.pair(
            &mut members,
            (action, not_action),
            ("Action", "NotAction"),
            patterns,
        );
        let resource = self.pair(
            &mut members,
            (resource, not_resource),
            ("Resource", "NotResource"),
            patterns,
        );
        let condition = condition_at
            .map(|at| condition(self, members[at].value.take()))
            .unwrap_or_default();
        if action_read.is_none() && action.is_none() && not_action.is_none() {
            self.fail::<()>(
                Kind::MissingEither {
                    first: "Action",
                    second: "NotAction",
                },
                span,
            );
        }
        let statement = Statement {
            index,
            sid,
            effect: effect?,
            principal,
            action: action_read?,
            resource,
            condition,
            span,
            keys: keys(members),
        };
        Some(statement)
    }

    fn effect(&mut self, json: Json) -> Option<Node<Effect>> {
        let span = json.span;
        let text = string(self, || "`Effect`".into(), json)?;
        match text.node.as_str() {
            "Allow" => Some(Node::new(Effect::Allow, span)),
            "Deny" => Some(Node::new(Effect::Deny, span)),
            _ => self.fail(Kind::InvalidEffect { found: text.node }, span),
        }
    }

    /// An element that has an "everything except" twin (`Action`/`NotAction`): at most one.
    /// `at` holds the positions of the two among `members`.
    fn pair<T>(
        &mut self,
        members: &mut [Member],
        at: (Option<usize>, Option<usize>),
        (first, second): (&'static str, &'static str),
        read: fn(&mut Reader, &'static str, bool, Json) -> Option<T>,
    ) -> Option<Node<T>> {
        let (name, negated, position) = match at {
            (Some(_), Some(not)) => {
                return self.fail(Kind::Conflicting { first, second }, members[not].key_span)
            }
            (Some(position), None) => (first, false, position),
            (None, Some(position)) => (second, true, position),
            (None, None) => return None,
        };
        let value = members[position].value.take();
        let span = value.span;
        Some(Node::new(read(self, name, negated, value)?, span))
    }
}

/// The keys of an object as written, moved out of the tree.
fn keys(members: Vec<Member>) -> Vec<Node<Key>> {
    // A plain loop: the size-optimised build runs the in-place `collect` machinery slowly.
    let mut keys = Vec::with_capacity(members.len());
    for member in members {
        keys.push(Node::new(member.key, member.key_span));
    }
    keys
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
