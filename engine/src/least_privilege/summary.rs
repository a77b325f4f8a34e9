//! The policy summary by service and access level, like the IAM console's.

use super::expand::granted;
use crate::catalog::{AccessLevel, Catalog};
use crate::policy::Policy;
use serde::Serialize;
use std::collections::BTreeMap;

/// How much of an access level (or service) is granted: all of it, some, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Coverage {
    Full,
    Limited,
    None,
}

impl Coverage {
    fn of(granted: usize, total: usize) -> Coverage {
        match granted {
            0 => Coverage::None,
            n if n >= total => Coverage::Full,
            _ => Coverage::Limited,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Coverage::Full => "Full",
            Coverage::Limited => "Limited",
            Coverage::None => "None",
        }
    }
}

/// Whether the allowing statements name every resource or only some.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ResourceScope {
    AllResources,
    SpecificResources,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LevelSummary {
    pub level: AccessLevel,
    pub coverage: Coverage,
    pub granted: usize,
    pub total: usize,
    /// The granted actions of this level, when not all of them.
    pub actions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceSummary {
    pub prefix: String,
    pub name: String,
    pub coverage: Coverage,
    pub levels: Vec<LevelSummary>,
    pub resources: ResourceScope,
    /// Some allowing statement has a condition.
    pub conditional: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicySummary {
    pub services: Vec<ServiceSummary>,
}

/// Services the policy allows something in, by access level. Deny statements that apply to
/// every resource without conditions remove their actions; conditional or resource-specific
/// denies are left for evaluation to judge.
pub fn summarize(policy: &Policy, catalog: &Catalog) -> PolicySummary {
    struct Acc<'c> {
        by_level: BTreeMap<AccessLevel, Vec<&'c str>>,
        statements: Vec<usize>,
    }
    let mut services: BTreeMap<&str, Acc<'_>> = BTreeMap::new();
    for (action, statements) in granted(catalog, policy) {
        let acc = services
            .entry(action.service().prefix())
            .or_insert_with(|| Acc {
                by_level: BTreeMap::new(),
                statements: Vec::new(),
            });
        acc.by_level
            .entry(action.access_level())
            .or_default()
            .push(action.name());
        acc.statements.extend(statements);
    }
    let services = services
        .into_iter()
        .filter_map(|(prefix, acc)| {
            let service = catalog.service(prefix)?;
            let mut totals: BTreeMap<AccessLevel, usize> = BTreeMap::new();
            for action in service.actions() {
                *totals.entry(action.access_level()).or_default() += 1;
            }
            let levels: Vec<LevelSummary> = totals
                .iter()
                .map(|(level, total)| {
                    let names = acc.by_level.get(level).cloned().unwrap_or_default();
                    let coverage = Coverage::of(names.len(), *total);
                    LevelSummary {
                        level: *level,
                        coverage,
                        granted: names.len(),
                        total: *total,
                        actions: if coverage == Coverage::Limited {
                            names.iter().map(|n| format!("{prefix}:{n}")).collect()
                        } else {
                            Vec::new()
                        },
                    }
                })
                .collect();
            let granted: usize = levels.iter().map(|l| l.granted).sum();
            let total: usize = levels.iter().map(|l| l.total).sum();
            let statements = |f: &dyn Fn(&crate::policy::Statement) -> bool| {
                acc.statements
                    .iter()
                    .any(|i| policy.statements.get(*i).is_some_and(f))
            };
            let all_resources = statements(&|s| {
                s.resource
                    .as_ref()
                    .is_none_or(|r| r.negated || r.values.iter().any(|v| v.node == "*"))
            });
            Some(ServiceSummary {
                prefix: prefix.to_owned(),
                name: service.name().to_owned(),
                coverage: Coverage::of(granted, total),
                levels,
                resources: if all_resources {
                    ResourceScope::AllResources
                } else {
                    ResourceScope::SpecificResources
                },
                conditional: statements(&|s| !s.condition.is_empty()),
            })
        })
        .collect();
    PolicySummary { services }
}
