//! From spanned JSON to [`Policy`]: the document and its statements.

use super::error::{PolicyError, PolicyErrorKind as Kind};
use super::parse_elements::{condition, patterns, principal, string};
use super::{suggest, Effect, Node, Policy, Statement, Version};
use crate::json::{self, Json, Member, Span};

const POLICY_ELEMENTS: [&str; 3] = ["Version", "Id", "Statement"];
const STATEMENT_ELEMENTS: [&str; 9] = [
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
}

/// Parses a policy as AWS would accept it: any error rejects it.
pub fn parse_policy(text: &str) -> Result<Policy, PolicyError> {
    let json = json::parse(text)?;
    parse_policy_json(&json)
}

/// Like [`parse_policy`], for a document already parsed (spans stay those of `json`).
pub fn parse_policy_json(json: &Json) -> Result<Policy, PolicyError> {
    let mut reader = Reader::default();
    let policy = reader.policy(json);
    match (reader.errors.into_iter().next(), policy) {
        (Some(first), _) => Err(first),
        (None, Some(policy)) => Ok(policy),
        (None, None) => Err(PolicyError::new(
            Kind::MissingElement {
                name: "Statement",
                place: "the policy",
            },
            json.span,
        )),
    }
}

/// Reads as much of a policy as possible and reports every error, for lint and the editor.
pub fn parse_policy_lenient(text: &str) -> LenientPolicy {
    match json::parse(text) {
        Ok(json) => {
            let mut reader = Reader::default();
            let policy = reader.policy(&json);
            LenientPolicy {
                policy,
                errors: reader.errors,
            }
        }
        Err(err) => LenientPolicy {
            policy: None,
            errors: vec![err.into()],
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

    /// The members of an object, with duplicates and unknown names reported.
    fn members<'j>(
        &mut self,
        members: &'j [Member],
        allowed: &[&'static str],
        place: &'static str,
    ) -> Vec<&'j Member> {
        let mut seen: Vec<&str> = Vec::new();
        let mut kept = Vec::new();
        for member in members {
            if !allowed.contains(&member.key.as_str()) {
                let suggestion = suggest::closest(&member.key, allowed);
                self.fail::<()>(
                    Kind::UnknownElement {
                        name: member.key.clone(),
                        place,
                        suggestion,
                    },
                    member.key_span,
                );
            } else if seen.contains(&member.key.as_str()) {
                self.fail::<()>(
                    Kind::DuplicateElement {
                        name: member.key.clone(),
                    },
                    member.key_span,
                );
            } else {
                seen.push(&member.key);
                kept.push(member);
            }
        }
        kept
    }

    pub(super) fn policy(&mut self, json: &Json) -> Option<Policy> {
        let Some(members) = json.as_object() else {
            return self.wrong_type("a policy".into(), "a JSON object", json);
        };
        let keys = members
            .iter()
            .map(|m| Node::new(m.key.clone(), m.key_span))
            .collect();
        let mut policy = Policy {
            version: None,
            id: None,
            statements: Vec::new(),
            span: json.span,
            keys,
        };
        let mut has_statement = false;
        for member in self.members(members, &POLICY_ELEMENTS, "a policy") {
            let value = &member.value;
            match member.key.as_str() {
                "Version" => policy.version = self.version(value),
                "Id" => policy.id = string(self, "`Id`".into(), value),
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
                json.span,
            );
        }
        Some(policy)
    }

    fn version(&mut self, json: &Json) -> Option<Node<Version>> {
        let text = string(self, "`Version`".into(), json)?;
        let version = match text.node.as_str() {
            "2012-10-17" => Version::V2012_10_17,
            "2008-10-17" => Version::V2008_10_17,
            other => {
                return self.fail(
                    Kind::InvalidVersion {
                        found: other.to_owned(),
                    },
                    json.span,
                )
            }
        };
        Some(Node::new(version, json.span))
    }

    fn statements(&mut self, json: &Json) -> Vec<Statement> {
        match &json.value {
            json::Value::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(index, item)| self.statement(index, item))
                .collect(),
            json::Value::Object(_) => self.statement(0, json).into_iter().collect(),
            _ => {
                self.wrong_type::<()>(
                    "`Statement`".into(),
                    "an object or an array of objects",
                    json,
                );
                Vec::new()
            }
        }
    }

    fn statement(&mut self, index: usize, json: &Json) -> Option<Statement> {
        let Some(members) = json.as_object() else {
            return self.wrong_type("a statement".into(), "a JSON object", json);
        };
        let keys = members
            .iter()
            .map(|m| Node::new(m.key.clone(), m.key_span))
            .collect();
        let members = self.members(members, &STATEMENT_ELEMENTS, "a statement");
        let find = |name: &str| members.iter().find(|m| m.key == name).copied();
        let sid = find("Sid").and_then(|m| string(self, "`Sid`".into(), &m.value));
        let effect = match find("Effect") {
            Some(member) => self.effect(&member.value),
            None => self.fail(
                Kind::MissingElement {
                    name: "Effect",
                    place: "the statement",
                },
                json.span,
            ),
        };
        let principal = self.pair(
            find("Principal"),
            find("NotPrincipal"),
            "Principal",
            "NotPrincipal",
            principal,
        );
        let action = self.pair(
            find("Action"),
            find("NotAction"),
            "Action",
            "NotAction",
            patterns,
        );
        let resource = self.pair(
            find("Resource"),
            find("NotResource"),
            "Resource",
            "NotResource",
            patterns,
        );
        let condition = find("Condition")
            .map(|m| condition(self, &m.value))
            .unwrap_or_default();
        if action.is_none() && find("Action").is_none() && find("NotAction").is_none() {
            self.fail::<()>(
                Kind::MissingEither {
                    first: "Action",
                    second: "NotAction",
                },
                json.span,
            );
        }
        let statement = Statement {
            index,
            sid,
            effect: effect?,
            principal,
            action: action?,
            resource,
            condition,
            span: json.span,
            keys,
        };
        Some(statement)
    }

    fn effect(&mut self, json: &Json) -> Option<Node<Effect>> {
        let text = string(self, "`Effect`".into(), json)?;
        match text.node.as_str() {
            "Allow" => Some(Node::new(Effect::Allow, json.span)),
            "Deny" => Some(Node::new(Effect::Deny, json.span)),
            other => self.fail(
                Kind::InvalidEffect {
                    found: other.to_owned(),
                },
                json.span,
            ),
        }
    }

    /// An element that has an "everything except" twin (`Action`/`NotAction`): at most one.
    fn pair<T>(
        &mut self,
        positive: Option<&Member>,
        negative: Option<&Member>,
        first: &'static str,
        second: &'static str,
        read: fn(&mut Reader, &'static str, bool, &Json) -> Option<T>,
    ) -> Option<Node<T>> {
        match (positive, negative) {
            (Some(_), Some(not)) => self.fail(Kind::Conflicting { first, second }, not.key_span),
            (Some(member), None) => Some(Node::new(
                read(self, first, false, &member.value)?,
                member.value.span,
            )),
            (None, Some(member)) => Some(Node::new(
                read(self, second, true, &member.value)?,
                member.value.span,
            )),
            (None, None) => None,
        }
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
