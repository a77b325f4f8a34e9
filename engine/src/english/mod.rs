//! Plain-English reading of policies and statements, deterministic from the parsed policy and
//! the catalogue: what a learner sees beside the editor.
//!
//! It must never misstate a policy: Deny, NotAction, NotResource and NotPrincipal read as
//! "everything except ...", set operators and `...IfExists` say what happens when a key is
//! absent, and variables are named as variables (or as plain text under Version 2008-10-17).

mod actions;
mod conditions;
mod principals;
mod resources;
mod words;

use crate::catalog::Catalog;
use crate::policy::{Effect, Policy, Statement};
use serde::Serialize;

/// A policy read back: one sentence per statement, and an overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyReading {
    pub overview: String,
    pub statements: Vec<StatementReading>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementReading {
    pub index: usize,
    pub sid: Option<String>,
    pub text: String,
}

impl PolicyReading {
    /// The overview and every statement, one per line.
    pub fn full_text(&self) -> String {
        let mut text = self.overview.clone();
        for statement in &self.statements {
            text.push('\n');
            text.push_str(&statement.text);
        }
        text
    }
}

/// Reads a whole policy.
pub fn read_policy(policy: &Policy, catalog: Option<&Catalog>) -> PolicyReading {
    let variables = policy.variables_enabled();
    let statements: Vec<StatementReading> = policy
        .statements
        .iter()
        .map(|s| StatementReading {
            index: s.index,
            sid: s.sid.as_ref().map(|sid| sid.node.clone()),
            text: read_statement(s, variables, catalog),
        })
        .collect();
    PolicyReading {
        overview: overview(policy),
        statements,
    }
}

fn overview(policy: &Policy) -> String {
    let allows = policy
        .statements
        .iter()
        .filter(|s| s.effect.node == Effect::Allow)
        .count();
    let denies = policy.statements.len() - allows;
    let mut text = match policy.statements.len() {
        0 => "This policy has no statements, so it allows nothing.".to_owned(),
        1 => "This policy has one statement.".to_owned(),
        n => format!(
            "This policy has {n} statements: {} and {}.",
            words::count(allows, "allows", "allow"),
            words::count(denies, "denies", "deny")
        ),
    };
    if denies > 0 && allows > 0 {
        text.push_str(" Where an allow and a deny both apply, the deny wins.");
    }
    if !policy.variables_enabled() && policy.statements.iter().any(uses_variable_syntax) {
        text.push_str(
            " Without `\"Version\": \"2012-10-17\"`, `${...}` is plain text, not a policy variable.",
        );
    }
    text
}

fn uses_variable_syntax(statement: &Statement) -> bool {
    let resource = statement
        .resource
        .as_ref()
        .is_some_and(|r| r.values.iter().any(|v| v.node.contains("${")));
    let condition = statement
        .condition
        .iter()
        .flat_map(|b| &b.entries)
        .flat_map(|e| &e.values)
        .any(|v| v.node.contains("${"));
    resource || condition
}

/// Reads one statement. `variables` is whether `${...}` is a policy variable (Version
/// 2012-10-17); the catalogue, when given, names what each action does.
pub fn read_statement(statement: &Statement, variables: bool, catalog: Option<&Catalog>) -> String {
    let verb = match statement.effect.node {
        Effect::Allow => "Allows",
        Effect::Deny => "Denies",
    };
    let mut text = String::from(verb);
    if let Some(principal) = &statement.principal {
        text.push(' ');
        text.push_str(&principals::read(principal));
        text.push(':');
    }
    text.push(' ');
    text.push_str(&actions::read(&statement.action, catalog));
    if let Some(resource) = &statement.resource {
        text.push(' ');
        text.push_str(&resources::read(resource, variables));
    }
    if !statement.condition.is_empty() {
        text.push_str(match statement.effect.node {
            Effect::Allow => ", only when ",
            Effect::Deny => ", when ",
        });
        text.push_str(&conditions::read(&statement.condition, variables));
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests;
