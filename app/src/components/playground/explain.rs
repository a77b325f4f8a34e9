//! The evaluation of the selected request: the flow through the policy layers, then every
//! policy and statement with what matched.

use leptos::prelude::*;

use super::PlaygroundCx;
use crate::components::with_code::WithCode;
use crate::labels;
use crate::playground::evaluate::RowOutcome;
use crate::playground::flow::{steps, StepState};
use iamplay_engine::eval::{ElementMatch, Evaluation, StatementExplanation};

#[component]
pub fn Flow(evaluation: Evaluation) -> impl IntoView {
    let steps = steps(&evaluation);
    view! {
        <h3>"Evaluation flow"</h3>
        <ol class="flow" aria-label="Evaluation flow">
            {steps
                .into_iter()
                .map(|step| {
                    let class = format!("flow-step {}{}", step.state.class(), if step.decisive { " decisive" } else { "" });
                    let note = match (step.decisive, step.state) {
                        (true, StepState::Allows) => " · allowed here",
                        (true, _) => " · stopped here",
                        _ => "",
                    };
                    view! {
                        <li class=class>
                            <span class="flow-title">{step.title}</span>
                            <span class="flow-state">{step.state.label()}{note}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <p class="decision-summary" data-testid="decision-summary">
            <strong class=format!("badge {}", evaluation.decision.as_str())>{evaluation.decision.as_str()}</strong>
            " " <WithCode text=evaluation.summary.clone() />
        </p>
        {evaluation
            .notes
            .iter()
            .map(|note| view! { <p class="meta decision-note"><WithCode text=note.clone() /></p> })
            .collect_view()}
    }
}

#[component]
pub fn Explanation(outcome: RowOutcome, evaluation: Evaluation, cx: PlaygroundCx) -> impl IntoView {
    let policies = evaluation.policies.clone();
    let deciding = evaluation.deciding.clone();
    let name_of = move |id: Option<u32>| {
        id.and_then(|id| {
            cx.state.with_untracked(|p| {
                p.policies
                    .iter()
                    .find(|d| d.id == id)
                    .map(|d| d.name.clone())
            })
        })
    };
    let aws_keys = evaluation.request.set_by_aws.clone();
    view! {
        <h3>"Explanation"</h3>
        <div class="explanation" data-testid="explanation">
            {(!aws_keys.is_empty())
                .then(|| {
                    view! {
                        <section class="policy-explained set-by-aws" data-testid="set-by-aws">
                            <h4>"Context keys set by AWS for this caller"</h4>
                            <ul>
                                {aws_keys
                                    .iter()
                                    .map(|k| view! { <li class="meta"><WithCode text=k.describe() /></li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
            {policies
                .into_iter()
                .map(|policy| {
                    let id = outcome.policy_id(policy.layer, policy.level, policy.index);
                    let level = policy.level.and_then(|l| outcome.level_name(policy.layer, l));
                    let heading = format!(
                        "{}{} · {}",
                        labels::layer(policy.layer),
                        level.map(|l| format!(" ({l})")).unwrap_or_default(),
                        name_of(id).or(policy.name.clone()).unwrap_or_default(),
                    );
                    let statements = policy
                        .statements
                        .iter()
                        .map(|s| {
                            let decides = deciding.iter().any(|d| {
                                d.layer == policy.layer && d.level == policy.level && d.policy_index == policy.index && d.statement_index == s.index
                            });
                            view! { <StatementView statement=s.clone() decides /> }
                        })
                        .collect_view();
                    view! {
                        <section class="policy-explained" class:not-applicable=!policy.applies>
                            <h4>{heading}</h4>
                            {policy.note.clone().map(|n| view! { <p class="meta"><WithCode text=n /></p> })}
                            <ul>{statements}</ul>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn StatementView(statement: StatementExplanation, decides: bool) -> impl IntoView {
    let effect = labels::effect(statement.effect);
    let title = format!(
        "Statement {}{} · {effect} · {}",
        statement.index + 1,
        statement
            .sid
            .as_ref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default(),
        if statement.applies {
            "applies"
        } else {
            "does not apply"
        },
    );
    let elements: Vec<ElementMatch> = statement
        .principal
        .iter()
        .chain(Some(&statement.action))
        .chain(statement.resource.iter())
        .cloned()
        .collect();
    view! {
        <li class="statement-explained" class:applies=statement.applies class:deciding=decides>
            <p class="statement-title">
                {title}
                {decides.then(|| view! { <span class="badge deciding-badge">"deciding"</span> })}
            </p>
            <ul class="elements">
                {elements
                    .into_iter()
                    .map(|e| {
                        let values = e.values.iter().map(|v| v.resolved.clone().unwrap_or_else(|| v.value.clone())).collect::<Vec<_>>().join(", ");
                        view! {
                            <li class:matched=e.matched>
                                <span class="mark">{if e.matched { "✓" } else { "✗" }}</span>
                                " " <code>{e.element}</code> " " {values} " vs " <code>{e.request_value.clone()}</code>
                                {e.note.clone().map(|n| view! { <span class="meta">" — " <WithCode text=n /></span> })}
                            </li>
                        }
                    })
                    .collect_view()}
                {statement
                    .conditions
                    .iter()
                    .map(|c| {
                        let request = c.request_values.as_ref().map_or_else(|| "(missing)".to_owned(), |v| v.join(", "));
                        let policy = c.comparisons.iter().map(|p| p.policy_value.clone()).collect::<Vec<_>>().join(", ");
                        view! {
                            <li class:matched=c.matched>
                                <span class="mark">{if c.matched { "✓" } else { "✗" }}</span>
                                " " <code>{c.operator.clone()}</code> " " <code>{c.key.clone()}</code>
                                " request: " {request} " · policy: " {policy}
                                {c.note.clone().map(|n| view! { <span class="meta">" — " <WithCode text=n /></span> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </li>
    }
}
