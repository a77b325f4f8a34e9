//! Matching one statement against the request, explaining every element on the way.

use super::explain::{
    Comparison, ConditionMatch, ElementMatch, StatementExplanation, ValueMatch, Variable,
};
use super::principal::{match_principal, PrincipalMatch};
use super::Layer;
use crate::case::Request;
use crate::condition;
use crate::matching::{action_matches, resource_matches, substitute, Pattern};
use crate::policy::{ConditionBlock, Node, Patterns, Statement};

/// What a statement needs to know about where it is evaluated.
pub struct Scope<'a> {
    pub request: &'a Request,
    pub layer: Layer,
    pub variables: bool,
    pub has_boundary: bool,
}

pub struct StatementOutcome {
    pub explanation: StatementExplanation,
    /// How the Principal named the caller (resource policies and RCPs only).
    pub principal_matches: Vec<PrincipalMatch>,
}

pub fn match_statement(statement: &Statement, scope: &Scope<'_>) -> StatementOutcome {
    let request = scope.request;
    let (principal, principal_matches) = principal_element(statement, scope);
    let action = action_element(&statement.action, &request.action);
    let resource = resource_element(statement.resource.as_ref(), scope);
    let conditions: Vec<ConditionMatch> = statement
        .condition
        .iter()
        .flat_map(|block| condition_block(block, scope))
        .collect();
    let applies = principal.as_ref().is_none_or(|p| p.matched)
        && action.matched
        && resource.matched
        && conditions.iter().all(|c| c.matched);
    let explanation = StatementExplanation {
        index: statement.index,
        sid: statement.sid.as_ref().map(|s| s.node.clone()),
        effect: statement.effect.node,
        span: statement.span,
        applies,
        principal,
        action,
        resource: Some(resource),
        conditions,
    };
    StatementOutcome {
        explanation,
        principal_matches,
    }
}

fn principal_element(
    statement: &Statement,
    scope: &Scope<'_>,
) -> (Option<ElementMatch>, Vec<PrincipalMatch>) {
    let caller = &scope.request.caller;
    let shown = scope.request.principal.clone();
    let names_principals = matches!(scope.layer, Layer::Resource | Layer::Rcp);
    match (&statement.principal, names_principals) {
        (Some(element), true) => {
            let outcome = match_principal(
                element,
                caller,
                statement.effect.node,
                scope.has_boundary,
                &shown,
            );
            (Some(outcome.explanation), outcome.matches)
        }
        // RCPs always name `*`; read a missing Principal the same way.
        (None, true) if scope.layer == Layer::Rcp => (None, vec![PrincipalMatch::Everyone]),
        (None, true) => {
            let note = "a resource-based policy statement applies only to the principals it names"
                .to_owned();
            let element = ElementMatch {
                element: "Principal",
                matched: false,
                request_value: shown,
                values: Vec::new(),
                note: Some(note),
            };
            (Some(element), Vec::new())
        }
        // In identity policies, boundaries, session policies and SCPs the principal is the
        // one the policy is attached to.
        (_, false) => (None, Vec::new()),
    }
}

fn plain_value(value: &Node<String>, matched: bool) -> ValueMatch {
    ValueMatch {
        value: value.node.clone(),
        span: value.span,
        matched,
        resolved: None,
        variables: Vec::new(),
        note: None,
    }
}

fn action_element(action: &Node<Patterns>, requested: &str) -> ElementMatch {
    let values: Vec<ValueMatch> = action
        .values
        .iter()
        .map(|v| plain_value(v, action_matches(&v.node, requested)))
        .collect();
    let any = values.iter().any(|v| v.matched);
    ElementMatch {
        element: if action.negated {
            "NotAction"
        } else {
            "Action"
        },
        matched: any != action.negated,
        request_value: requested.to_owned(),
        values,
        note: None,
    }
}

fn resource_element(resource: Option<&Node<Patterns>>, scope: &Scope<'_>) -> ElementMatch {
    let requested = scope.request.resource.clone();
    let Some(resource) = resource else {
        // Trust policies and key policies have no Resource: the resource is the role or key
        // the policy belongs to. Elsewhere AWS rejects such a policy.
        let applies = scope.layer == Layer::Resource;
        let note = if applies {
            "no Resource: the statement is about the resource this policy is attached to"
        } else {
            "no Resource: AWS requires one in this kind of policy, so the statement applies to nothing"
        };
        return ElementMatch {
            element: "Resource",
            matched: applies,
            request_value: requested,
            values: Vec::new(),
            note: Some(note.to_owned()),
        };
    };
    let mut unresolved = false;
    let values: Vec<ValueMatch> = resource
        .values
        .iter()
        .map(|value| {
            let pattern = if scope.variables {
                substitute(&value.node, &scope.request.context, true)
            } else {
                Ok(crate::matching::Substituted {
                    pattern: Pattern::wildcard(&value.node),
                    variables: Vec::new(),
                })
            };
            match pattern {
                Ok(substituted) => {
                    let matched = resource_matches(&substituted.pattern, &requested);
                    let has_variables = !substituted.variables.is_empty();
                    ValueMatch {
                        resolved: has_variables.then(|| substituted.pattern.text().to_owned()),
                        variables: substituted
                            .variables
                            .into_iter()
                            .map(resolved_variable)
                            .collect(),
                        ..plain_value(value, matched)
                    }
                }
                Err(missing) => {
                    unresolved = true;
                    let why = if missing.multivalued {
                        "is multivalued"
                    } else {
                        "is not in the request"
                    };
                    ValueMatch {
                        variables: vec![Variable {
                            name: missing.name.clone(),
                            value: None,
                            defaulted: false,
                        }],
                        note: Some(format!(
                            "`${{{}}}` {why}, so this value matches nothing",
                            missing.name
                        )),
                        ..plain_value(value, false)
                    }
                }
            }
        })
        .collect();
    let any = values.iter().any(|v| v.matched);
    // An unresolvable variable makes the element not match, NotResource included.
    let matched = if resource.negated {
        !any && !unresolved
    } else {
        any
    };
    ElementMatch {
        element: if resource.negated {
            "NotResource"
        } else {
            "Resource"
        },
        matched,
        request_value: requested,
        values,
        note: (resource.negated && unresolved)
            .then(|| "a variable could not be resolved, so NotResource does not match".to_owned()),
    }
}

fn resolved_variable(variable: crate::matching::ResolvedVariable) -> Variable {
    Variable {
        name: variable.name,
        value: Some(variable.value),
        defaulted: variable.defaulted,
    }
}

fn condition_block(block: &ConditionBlock, scope: &Scope<'_>) -> Vec<ConditionMatch> {
    block
        .entries
        .iter()
        .map(|entry| {
            let values: Vec<String> = entry.values.iter().map(|v| v.node.clone()).collect();
            let outcome = condition::evaluate(
                &block.operator,
                &entry.key.node,
                &values,
                &scope.request.context,
                scope.variables,
            );
            let comparisons = outcome
                .comparisons
                .into_iter()
                .map(|c| Comparison {
                    span: entry
                        .values
                        .get(c.policy_index)
                        .map_or(entry.key.span, |v| v.span),
                    policy_value: c.policy_value,
                    request_value: c.request_value,
                    matched: c.matched,
                    problem: c.problem,
                })
                .collect();
            ConditionMatch {
                operator: outcome.operator,
                key: outcome.key,
                span: entry.key.span,
                matched: outcome.matched,
                request_values: outcome.request_values,
                comparisons,
                variables: outcome
                    .variables
                    .into_iter()
                    .map(resolved_variable)
                    .collect(),
                note: outcome.note,
            }
        })
        .collect()
}
