//! What a topic builds: one request and the policies around it, as a person would write them.
//! The setup becomes a case (the `iamplay eval` format) and readable policy texts; it never
//! holds an answer, which only the evaluator gives.

use super::text::{document, policy_text, J};
use crate::decision::Layer;
use std::ops::Range;

/// Strings from string slices and owned strings alike.
macro_rules! strings {
    ($($value:expr),* $(,)?) => { vec![$(String::from($value)),*] };
}
pub(super) use strings;

/// A condition operator and its keys with their values.
type Block = (String, Vec<(String, Vec<String>)>);

/// One statement, built in the order authors write its members.
#[derive(Debug, Clone)]
pub(super) struct Stmt {
    sid: Option<String>,
    allow: bool,
    principal: Option<J>,
    action: (bool, Vec<String>),
    resource: Option<(bool, Vec<String>)>,
    condition: Vec<Block>,
}

impl Stmt {
    pub fn allow(actions: Vec<String>) -> Stmt {
        Stmt {
            sid: None,
            allow: true,
            principal: None,
            action: (false, actions),
            resource: None,
            condition: Vec::new(),
        }
    }

    pub fn deny(actions: Vec<String>) -> Stmt {
        Stmt {
            allow: false,
            ..Stmt::allow(actions)
        }
    }

    pub fn sid(mut self, sid: &str) -> Stmt {
        self.sid = Some(sid.to_owned());
        self
    }

    /// Turns `Action` into `NotAction`.
    pub fn not_action(mut self) -> Stmt {
        self.action.0 = true;
        self
    }

    pub fn on(mut self, resources: Vec<String>) -> Stmt {
        self.resource = Some((false, resources));
        self
    }

    pub fn not_on(mut self, resources: Vec<String>) -> Stmt {
        self.resource = Some((true, resources));
        self
    }

    /// `"Principal": {"AWS": [...]}` (or `Service`, `Federated`); `*` alone is everyone.
    pub fn principal(mut self, kind: &str, values: Vec<String>) -> Stmt {
        self.principal = Some(if kind == "*" {
            J::str("*")
        } else {
            J::Obj(vec![(kind.to_owned(), J::one_or_list(&values))])
        });
        self
    }

    pub fn when(mut self, operator: &str, key: &str, values: Vec<String>) -> Stmt {
        let entry = (key.to_owned(), values);
        match self.condition.iter_mut().find(|(op, _)| op == operator) {
            Some((_, entries)) => entries.push(entry),
            None => self.condition.push((operator.to_owned(), vec![entry])),
        }
        self
    }

    pub fn json(&self) -> J {
        let mut members = Vec::new();
        if let Some(sid) = &self.sid {
            members.push(("Sid".into(), J::str(sid.clone())));
        }
        let effect = if self.allow { "Allow" } else { "Deny" };
        members.push(("Effect".into(), J::str(effect)));
        if let Some(principal) = &self.principal {
            members.push(("Principal".into(), principal.clone()));
        }
        let (negated, actions) = &self.action;
        let name = if *negated { "NotAction" } else { "Action" };
        members.push((name.into(), J::one_or_list(actions)));
        if let Some((negated, resources)) = &self.resource {
            let name = if *negated { "NotResource" } else { "Resource" };
            members.push((name.into(), J::one_or_list(resources)));
        }
        if !self.condition.is_empty() {
            let blocks = self.condition.iter().map(|(operator, entries)| {
                let keys = entries
                    .iter()
                    .map(|(key, values)| (key.clone(), J::one_or_list(values)))
                    .collect();
                (operator.clone(), J::Obj(keys))
            });
            members.push(("Condition".into(), J::Obj(blocks.collect())));
        }
        J::Obj(members)
    }
}

/// A policy with the name a team would give it.
#[derive(Debug, Clone)]
pub(super) struct Named {
    pub name: String,
    pub statements: Vec<Stmt>,
}

pub(super) fn named(name: impl Into<String>, statements: Vec<Stmt>) -> Named {
    Named {
        name: name.into(),
        statements,
    }
}

/// A context value: one value, or a list (a multivalued key, possibly empty).
#[derive(Debug, Clone)]
pub(super) enum Value {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Clone)]
pub(super) struct Setup {
    pub principal: String,
    pub action: String,
    pub resource: String,
    pub resource_account: Option<String>,
    pub context: Vec<(String, Value)>,
    pub identity: Vec<Named>,
    pub resource_policy: Option<Named>,
    pub boundary: Option<Named>,
    pub session: Option<Named>,
    /// One list per organization level (root, OU, account); empty: no organization.
    pub scps: Vec<Vec<Named>>,
    pub rcps: Vec<Vec<Named>>,
    /// The request in words: "The role etl-lambda reads s3://raw-data/...".
    pub story: String,
}

/// A policy as the learner sees it: indented text and where each statement is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownPolicy {
    pub layer: Layer,
    /// The organization level for SCPs and RCPs (0 = root).
    pub level: Option<usize>,
    /// Index among the policies of its layer (and level), as the evaluator counts.
    pub index: usize,
    pub name: String,
    pub text: String,
    pub statements: Vec<Range<usize>>,
}

impl Setup {
    pub fn new(principal: String, action: &str, resource: String, story: String) -> Setup {
        Setup {
            principal,
            action: action.to_owned(),
            resource,
            resource_account: None,
            context: Vec::new(),
            identity: Vec::new(),
            resource_policy: None,
            boundary: None,
            session: None,
            scps: Vec::new(),
            rcps: Vec::new(),
            story,
        }
    }

    pub fn with(mut self, key: &str, value: impl Into<String>) -> Setup {
        self.context
            .push((key.to_owned(), Value::One(value.into())));
        self
    }

    pub fn with_list(mut self, key: &str, values: Vec<String>) -> Setup {
        self.context.push((key.to_owned(), Value::Many(values)));
        self
    }

    pub fn identity(mut self, policy: Named) -> Setup {
        self.identity.push(policy);
        self
    }

    /// Every statement of the setup, for the readability limit.
    pub fn statement_count(&self) -> usize {
        self.policies()
            .iter()
            .map(|(_, _, _, p)| p.statements.len())
            .sum()
    }

    fn policies(&self) -> Vec<(Layer, Option<usize>, usize, &Named)> {
        let mut all = Vec::new();
        for (layer, levels) in [(Layer::Rcp, &self.rcps), (Layer::Scp, &self.scps)] {
            for (level, list) in levels.iter().enumerate() {
                for (index, policy) in list.iter().enumerate() {
                    all.push((layer, Some(level), index, policy));
                }
            }
        }
        if let Some(policy) = &self.resource_policy {
            all.push((Layer::Resource, None, 0, policy));
        }
        for (index, policy) in self.identity.iter().enumerate() {
            all.push((Layer::Identity, None, index, policy));
        }
        for (layer, single) in [
            (Layer::Boundary, &self.boundary),
            (Layer::Session, &self.session),
        ] {
            if let Some(policy) = single {
                all.push((layer, None, 0, policy));
            }
        }
        all
    }

    /// The policies in the order of the evaluation flowchart, as the learner reads them.
    pub fn shown(&self) -> Vec<ShownPolicy> {
        self.policies()
            .into_iter()
            .map(|(layer, level, index, policy)| {
                let statements: Vec<J> = policy.statements.iter().map(Stmt::json).collect();
                let (text, statements) = policy_text(&statements);
                ShownPolicy {
                    layer,
                    level,
                    index,
                    name: policy.name.clone(),
                    text,
                    statements,
                }
            })
            .collect()
    }

    /// The case in the `iamplay eval` format, on one line (`id` first when given).
    pub fn case_text(&self, id: Option<&str>) -> String {
        let mut members = Vec::new();
        if let Some(id) = id {
            members.push(("id".into(), J::str(id)));
        }
        members.push(("request".into(), self.request_json()));
        members.push(("policies".into(), self.policies_json()));
        let mut out = String::new();
        J::Obj(members).write(&mut out, None);
        out
    }

    fn request_json(&self) -> J {
        let mut request = vec![
            ("principal".into(), J::str(self.principal.clone())),
            ("action".into(), J::str(self.action.clone())),
            ("resource".into(), J::str(self.resource.clone())),
        ];
        if let Some(account) = &self.resource_account {
            request.push(("resourceAccount".into(), J::str(account.clone())));
        }
        if !self.context.is_empty() {
            let context = self.context.iter().map(|(key, value)| {
                let value = match value {
                    Value::One(one) => J::str(one.clone()),
                    Value::Many(many) => J::List(many.iter().cloned().map(J::Str).collect()),
                };
                (key.clone(), value)
            });
            request.push(("context".into(), J::Obj(context.collect())));
        }
        J::Obj(request)
    }

    fn policies_json(&self) -> J {
        fn policy(named: &Named) -> J {
            let statements = named.statements.iter().map(Stmt::json).collect();
            J::Obj(vec![
                ("name".into(), J::str(named.name.clone())),
                ("document".into(), document(statements)),
            ])
        }
        let levels = |levels: &[Vec<Named>]| {
            J::List(
                levels
                    .iter()
                    .map(|list| J::List(list.iter().map(policy).collect()))
                    .collect(),
            )
        };
        let mut members = Vec::new();
        if !self.identity.is_empty() {
            members.push((
                "identity".into(),
                J::List(self.identity.iter().map(policy).collect()),
            ));
        }
        let singles = [
            ("resource", &self.resource_policy),
            ("permissionBoundary", &self.boundary),
            ("session", &self.session),
        ];
        for (name, single) in singles {
            if let Some(named) = single {
                members.push((name.into(), policy(named)));
            }
        }
        if !self.scps.is_empty() {
            members.push(("scps".into(), levels(&self.scps)));
        }
        if !self.rcps.is_empty() {
            members.push(("rcps".into(), levels(&self.rcps)));
        }
        J::Obj(members)
    }
}
