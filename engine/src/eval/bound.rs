//! Keeps an explanation within [`EXPLANATION_BYTES`] whatever the case.
//!
//! Lists are cut to [`SHOWN_VALUES`] entries and texts to [`crate::limits::SHOWN_CHARS`] characters, counting
//! what was left out. If the explanation is still too large (thousands of statements), the
//! statements that did not decide are left out of it, from the last policy backwards; the
//! deciding ones, and the first applying Allow and Deny of each policy (the flow diagram reads
//! them), stay.

use super::explain::{
    Comparison, ConditionMatch, ElementMatch, Evaluation, PolicyExplanation, StatementExplanation,
};
use crate::limits::{shorten, EXPLANATION_BYTES, SHOWN_VALUES};
use crate::policy::Effect;
use std::borrow::Cow;
use std::collections::HashSet;

/// Cuts `evaluation` down to its size limit.
pub(super) fn fit(evaluation: &mut Evaluation) {
    cut_list(&mut evaluation.deciding, &mut evaluation.deciding_omitted);
    cut_text(&mut evaluation.summary);
    for policy in &mut evaluation.policies {
        cut_policy(policy);
    }
    // Lengths alone tell that an ordinary explanation is small; counting escapes is for the
    // ones that might not be.
    let at_most = super::json_size::json_size_at_most(evaluation).unwrap_or(usize::MAX);
    if at_most <= EXPLANATION_BYTES || json_size(evaluation) <= EXPLANATION_BYTES {
        return;
    }
    // Statements that may go, with their size, and the room the rest needs.
    let mut spare = Vec::new();
    for (policy_position, policy) in evaluation.policies.iter().enumerate() {
        let mut first_allow = true;
        let mut first_deny = true;
        for (position, statement) in policy.statements.iter().enumerate() {
            let first = match statement.effect {
                Effect::Allow => std::mem::take(&mut first_allow),
                Effect::Deny => std::mem::take(&mut first_deny),
            };
            let deciding = evaluation.deciding.iter().any(|d| {
                d.layer == policy.layer
                    && d.level == policy.level
                    && d.policy_index == policy.index
                    && d.statement_index == statement.index
            });
            if !(deciding || (statement.applies && first)) {
                spare.push((policy_position, position, json_size(statement) + 1));
            }
        }
    }
    let mut excess = json_size(evaluation).saturating_sub(EXPLANATION_BYTES);
    let mut dropped = HashSet::new();
    for (policy_position, position, size) in spare.into_iter().rev() {
        if excess == 0 {
            break;
        }
        dropped.insert((policy_position, position));
        excess = excess.saturating_sub(size);
    }
    for (policy_position, policy) in evaluation.policies.iter_mut().enumerate() {
        let before = policy.statements.len();
        let mut position = 0;
        policy.statements.retain(|_| {
            position += 1;
            !dropped.contains(&(policy_position, position - 1))
        });
        policy.statements_omitted += before - policy.statements.len();
    }
    // Thousands of policies without statements: keep the first ones.
    while json_size(evaluation) > EXPLANATION_BYTES && evaluation.policies.len() > 1 {
        let keep = evaluation.policies.len() / 2;
        evaluation.policies_omitted += evaluation.policies.len() - keep;
        evaluation.policies.truncate(keep);
    }
}

fn cut_policy(policy: &mut PolicyExplanation) {
    cut_option(&mut policy.name);
    cut_option(&mut policy.note);
    for statement in &mut policy.statements {
        cut_statement(statement);
    }
}

fn cut_statement(statement: &mut StatementExplanation) {
    cut_option(&mut statement.sid);
    for element in statement
        .principal
        .iter_mut()
        .chain(Some(&mut statement.action))
        .chain(statement.resource.iter_mut())
    {
        cut_element(element);
    }
    // The conditions that failed explain the most: keep them first.
    keep_first(
        &mut statement.conditions,
        |c| !c.matched,
        &mut statement.conditions_omitted,
    );
    for condition in &mut statement.conditions {
        cut_condition(condition);
    }
}

fn cut_element(element: &mut ElementMatch) {
    cut_text(&mut element.request_value);
    cut_option(&mut element.note);
    keep_first(
        &mut element.values,
        |v| v.matched,
        &mut element.values_omitted,
    );
    for value in &mut element.values {
        cut_text(&mut value.value);
        cut_option(&mut value.resolved);
        cut_option(&mut value.note);
        for variable in &mut value.variables {
            cut_option(&mut variable.value);
        }
        cut_list(&mut value.variables, &mut 0);
    }
}

fn cut_condition(condition: &mut ConditionMatch) {
    cut_text(&mut condition.key);
    cut_option(&mut condition.note);
    if let Some(values) = &mut condition.request_values {
        cut_list(values, &mut condition.request_values_omitted);
        values.iter_mut().for_each(cut_text);
    }
    cut_list(
        &mut condition.comparisons,
        &mut condition.comparisons_omitted,
    );
    for Comparison {
        policy_value,
        request_value,
        problem,
        ..
    } in &mut condition.comparisons
    {
        cut_text(policy_value);
        cut_option(request_value);
        cut_option(problem);
    }
    for variable in &mut condition.variables {
        cut_option(&mut variable.value);
    }
}

/// Keeps at most [`SHOWN_VALUES`] entries, those for which `first` holds before the others,
/// each group in its order.
fn keep_first<T>(list: &mut Vec<T>, first: impl Fn(&T) -> bool, omitted: &mut usize) {
    if list.len() <= SHOWN_VALUES {
        return;
    }
    let preferred = list.iter().filter(|item| first(item)).count();
    let mut others_room = SHOWN_VALUES.saturating_sub(preferred);
    let mut preferred_room = SHOWN_VALUES;
    let before = list.len();
    list.retain(|item| {
        let room = if first(item) {
            &mut preferred_room
        } else {
            &mut others_room
        };
        let keep = *room > 0;
        *room = room.saturating_sub(1);
        keep
    });
    *omitted += before - list.len();
}

fn cut_list<T>(list: &mut Vec<T>, omitted: &mut usize) {
    if list.len() > SHOWN_VALUES {
        *omitted += list.len() - SHOWN_VALUES;
        list.truncate(SHOWN_VALUES);
    }
}

fn cut_option(text: &mut Option<String>) {
    if let Some(text) = text {
        cut_text(text);
    }
}

/// Keeps the start of a long text and says how much was left out.
fn cut_text(text: &mut String) {
    if let Cow::Owned(short) = shorten(text) {
        *text = short;
    }
}

/// The length of `value` as JSON, without building the text; a value that cannot be counted
/// is taken as too large.
fn json_size(value: &impl serde::Serialize) -> usize {
    super::json_size::json_size(value).unwrap_or(usize::MAX)
}
