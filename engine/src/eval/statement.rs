//! Matching one statement against the request, explaining every element on the way.

use super::explain::{
    Comparison, ConditionMatch, ElementMatch, StatementExplanation, ValueMatch, Variable,
};
use super::principal::{match_principal, PrincipalMatch};
use super::Layer;
use crate::case::Request;
use crate::condition;
use crate::matching::{
    action_matches, has_variables, resource_matches, substitute, wildcard_resource_matches,
};
use crate::policy::{ConditionBlock, ConditionEntry, Node, Patterns, Statement};
use crate::sink::Sink;

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

pub fn match_statement<S: Sink>(statement: &Statement, scope: &Scope<'_>) -> StatementOutcome {
    let request = scope.request;
    let (principal, principal_matches) = principal_element::<S>(statement, scope);
    let action = action_element::<S>(&statement.action, &request.action);
    let mut applies = principal.as_ref().is_none_or(|p| p.matched) && action.matched;
    // Without an explanation to show, the first element that fails decides the statement.
    let resource =
        (S::RECORDS || applies).then(|| resource_element::<S>(statement.resource.as_ref(), scope));
    applies &= resource.as_ref().is_none_or(|r| r.matched);
    let mut conditions = Vec::new();
    for block in &statement.condition {
        for entry in &block.entries {
            if !S::RECORDS && !applies {
                break;
            }
            let condition = condition_entry::<S>(block, entry, scope);
            applies &= condition.matched;
            S::push(&mut conditions, || condition);
        }
    }
    let explanation = StatementExplanation {
        index: statement.index,
        sid: statement
            .sid
            .as_ref()
            .and_then(|s| S::keep(|| s.node.clone())),
        effect: statement.effect.node,
        span: statement.span,
        applies,
        principal,
        action,
        resource,
        conditions,
        conditions_omitted: 0,
    };
    StatementOutcome {
        explanation,
        principal_matches,
    }
}

fn principal_element<S: Sink>(
    statement: &Statement,
    scope: &Scope<'_>,
) -> (Option<ElementMatch>, Vec<PrincipalMatch>) {
    let caller = &scope.request.caller;
    let shown = &scope.request.principal;
    let names_principals = matches!(scope.layer, Layer::Resource | Layer::Rcp);
    match (&statement.principal, names_principals) {
        // IAM User Guide, IAM JSON policy elements: NotPrincipal > Key points: NotPrincipal
        // cannot be used in a role trust policy (IAM refuses to save one), so such a statement
        // speaks for no one.
        (Some(element), true) if element.negated && is_trust_policy(scope) => {
            let note = S::keep(|| {
                "IAM does not accept NotPrincipal in a role trust policy, so this statement applies to no one; name the principals with Principal instead".to_owned()
            });
            let element = ElementMatch {
                element: "NotPrincipal",
                matched: false,
                request_value: S::text(|| shown.clone()),
                values: Vec::new(),
                values_omitted: 0,
                note,
            };
            (Some(element), Vec::new())
        }
        (Some(element), true) => {
            let outcome = match_principal(
                element,
                caller,
                statement.effect.node,
                scope.has_boundary,
                shown,
            );
            (Some(outcome.explanation), outcome.matches)
        }
        // RCPs always name `*`; read a missing Principal the same way.
        (None, true) if scope.layer == Layer::Rcp => (None, vec![PrincipalMatch::Everyone]),
        (None, true) => {
            let note = S::keep(|| {
                "a resource-based policy statement applies only to the principals it names"
                    .to_owned()
            });
            let element = ElementMatch {
                element: "Principal",
                matched: false,
                request_value: S::text(|| shown.clone()),
                values: Vec::new(),
                values_omitted: 0,
                note,
            };
            (Some(element), Vec::new())
        }
        // In identity policies, boundaries, session policies and SCPs the principal is the
        // one the policy is attached to.
        (_, false) => (None, Vec::new()),
    }
}

fn is_trust_policy(scope: &Scope<'_>) -> bool {
    scope.layer == Layer::Resource
        && super::decide::required_resource_policy(scope.request)
            == Some(super::decide::TRUST_POLICY)
}

fn plain_value<S: Sink>(value: &Node<String>, matched: bool) -> ValueMatch {
    ValueMatch {
        value: S::text(|| value.node.clone()),
        span: value.span,
        matched,
        resolved: None,
        variables: Vec::new(),
        note: None,
    }
}

fn action_element<S: Sink>(action: &Node<Patterns>, requested: &str) -> ElementMatch {
    let mut values = Vec::new();
    let mut any = false;
    for value in &action.values {
        let matched = action_matches(&value.node, requested);
        any |= matched;
        if !S::RECORDS && matched {
            break;
        }
        S::push(&mut values, || plain_value::<S>(value, matched));
    }
    ElementMatch {
        element: if action.negated {
            "NotAction"
        } else {
            "Action"
        },
        matched: any != action.negated,
        request_value: S::text(|| requested.to_owned()),
        values,
        values_omitted: 0,
        note: None,
    }
}

fn resource_element<S: Sink>(resource: Option<&Node<Patterns>>, scope: &Scope<'_>) -> ElementMatch {
    let requested = scope.request.resource.as_str();
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
            request_value: S::text(|| requested.to_owned()),
            values: Vec::new(),
            values_omitted: 0,
            note: S::keep(|| note.to_owned()),
        };
    };
    let mut unresolved = false;
    let mut any = false;
    let mut values = Vec::new();
    for value in &resource.values {
        // Text without variables (nearly every ARN) is matched as written, building nothing.
        if !scope.variables || !has_variables(&value.node) {
            let matched = wildcard_resource_matches(&value.node, requested);
            any |= matched;
            S::push(&mut values, || plain_value::<S>(value, matched));
            if !S::RECORDS && any {
                break;
            }
            continue;
        }
        match substitute(&value.node, &scope.request.context, true) {
            Ok(substituted) => {
                let matched = resource_matches(&substituted.pattern, requested);
                any |= matched;
                S::push(&mut values, || {
                    let has_variables = !substituted.variables.is_empty();
                    ValueMatch {
                        resolved: has_variables.then(|| substituted.pattern.text().to_owned()),
                        variables: substituted
                            .variables
                            .into_iter()
                            .map(resolved_variable)
                            .collect(),
                        ..plain_value::<S>(value, matched)
                    }
                });
            }
            Err(missing) => {
                unresolved = true;
                S::push(&mut values, || {
                    let why = if missing.multivalued {
                        "is multivalued"
                    } else {
                        "is not in the request"
                    };
                    ValueMatch {
                        note: Some(format!(
                            "`${{{}}}` {why}, so this value matches nothing",
                            missing.name
                        )),
                        variables: vec![Variable {
                            name: missing.name,
                            value: None,
                            defaulted: false,
                        }],
                        ..plain_value::<S>(value, false)
                    }
                });
            }
        }
        // Without an explanation, the element is settled by its first match (or, for
        // NotResource, by its first unresolved variable).
        if !S::RECORDS && (any || (resource.negated && unresolved)) {
            break;
        }
    }
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
        request_value: S::text(|| requested.to_owned()),
        values,
        values_omitted: 0,
        note: (resource.negated && unresolved).then(|| {
            S::text(|| "a variable could not be resolved, so NotResource does not match".to_owned())
        }),
    }
}

fn resolved_variable(variable: crate::matching::ResolvedVariable) -> Variable {
    Variable {
        name: variable.name,
        value: Some(variable.value),
        defaulted: variable.defaulted,
    }
}

fn condition_entry<S: Sink>(
    block: &ConditionBlock,
    entry: &ConditionEntry,
    scope: &Scope<'_>,
) -> ConditionMatch {
    let outcome = condition::evaluate_with::<S, _>(
        &block.operator,
        &entry.key.node,
        &entry.values,
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
    // The outcome already owns the operator name and key: move them, don't copy.
    ConditionMatch {
        operator: outcome.operator,
        key: outcome.key,
        span: entry.key.span,
        matched: outcome.matched,
        request_values: outcome.request_values,
        request_values_omitted: outcome.request_values_omitted,
        comparisons,
        comparisons_omitted: outcome.comparisons_omitted,
        variables: outcome
            .variables
            .into_iter()
            .map(resolved_variable)
            .collect(),
        note: outcome.note,
    }
}
