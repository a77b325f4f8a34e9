//! The catalogue actions a policy's Allow statements name, minus those denied outright.

use crate::catalog::{ActionRef, Catalog};
use crate::matching::Pattern;
use crate::policy::{Effect, Patterns, Policy, Statement};
use std::collections::HashSet;

/// An action's identity for sets: its service prefix and name as the catalogue spells them.
pub(super) type ActionKey<'c> = (&'c str, &'c str);

pub(super) fn key<'c>(action: &ActionRef<'c>) -> ActionKey<'c> {
    (action.service().prefix(), action.name())
}

/// The actions one `Action`/`NotAction` element matches.
pub(super) fn actions_of<'c>(catalog: &'c Catalog, patterns: &Patterns) -> Vec<ActionRef<'c>> {
    if !patterns.negated {
        let mut seen = HashSet::new();
        let mut found = Vec::new();
        for pattern in &patterns.values {
            for action in catalog.expand(&pattern.node) {
                if seen.insert(key(&action)) {
                    found.push(action);
                }
            }
        }
        return found;
    }
    // NotAction: every action the patterns do not match (IAM User Guide, NotAction).
    let excluded: Vec<Pattern> = patterns
        .values
        .iter()
        .map(|p| Pattern::wildcard(&p.node))
        .collect();
    catalog
        .actions()
        .filter(|action| {
            let name = action.full_name();
            !excluded.iter().any(|p| p.matches(&name, true))
        })
        .collect()
}

/// Whether a Deny statement removes its actions everywhere: no condition, every resource.
fn denies_outright(statement: &Statement) -> bool {
    statement.effect.node == Effect::Deny
        && statement.condition.is_empty()
        && statement.principal.is_none()
        && statement
            .resource
            .as_ref()
            .is_some_and(|r| !r.negated && r.values.iter().any(|v| v.node == "*"))
}

/// The actions some Allow statement grants (on some resource, under some condition), less the
/// ones a Deny statement forbids everywhere.
pub(super) fn granted<'c>(
    catalog: &'c Catalog,
    policy: &Policy,
) -> Vec<(ActionRef<'c>, Vec<usize>)> {
    let denied: HashSet<ActionKey<'c>> = policy
        .statements
        .iter()
        .filter(|s| denies_outright(s))
        .flat_map(|s| actions_of(catalog, &s.action))
        .map(|a| key(&a))
        .collect();
    let mut order: Vec<ActionRef<'c>> = Vec::new();
    let mut statements: std::collections::HashMap<ActionKey<'c>, Vec<usize>> = Default::default();
    for (index, statement) in policy.statements.iter().enumerate() {
        if statement.effect.node != Effect::Allow {
            continue;
        }
        for action in actions_of(catalog, &statement.action) {
            let k = key(&action);
            if denied.contains(&k) {
                continue;
            }
            let entry = statements.entry(k).or_default();
            if entry.is_empty() {
                order.push(action);
            }
            entry.push(index);
        }
    }
    order
        .into_iter()
        .map(|a| {
            let by = statements.remove(&key(&a)).unwrap_or_default();
            (a, by)
        })
        .collect()
}
