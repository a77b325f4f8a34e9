//! The checks of a scenario: pass/fail with the request in words, and for a selected check
//! the explanation (deciding statements, the element that did not match, the blocking layer).
//! Predict scenarios ask for a decision per check before showing any outcome.

use crate::course::Scenario;
use iamplay_course::ScenarioStyle;
use leptos::prelude::*;

use crate::components::with_code::WithCode;
use crate::interop::markers::Range;
use crate::labels;
use crate::progress::{scenario_key, use_progress, Prediction};
use crate::scenario::explain::{Explanation, StatementView};
use crate::scenario::state::{can_show_answer, outcomes_revealed, prediction_is_correct};
use crate::scenario::{CheckView, Report};

#[component]
pub fn CheckList(
    lesson: String,
    scenario: &'static Scenario,
    result: RwSignal<Report>,
    selected: RwSignal<Option<String>>,
    move_cursor: Callback<Range>,
) -> impl IntoView {
    let store = use_progress();
    let key = scenario_key(&lesson, &scenario.id);
    let state = store.scenario_signal(key.clone());
    let revealed = Signal::derive(move || outcomes_revealed(scenario, &state.get()));
    // A check's hint spells out the answer: like the reference answer, it waits for an attempt.
    let tried = Signal::derive(move || state.with(can_show_answer));
    let predict = scenario.style == ScenarioStyle::Predict;

    let summary = move || {
        result.with(|r| match &r.invalid {
            Some(message) => message.clone(),
            None if !revealed.get() && predict => {
                "Predict each request's decision; the outcomes appear once you have answered all."
                    .to_owned()
            }
            None if !revealed.get() => {
                "Pick the statement first; the outcomes appear then.".to_owned()
            }
            None => format!("{} of {} checks pass", r.passing(), r.checks.len()),
        })
    };

    // One row per check, built once and updated in place: a keystroke that changes a check's
    // verdict changes a class and a few words, not the list (whose ids a scenario fixes).
    let ids = Memo::new(move |_| {
        result.with(|r| r.checks.iter().map(|c| c.id.clone()).collect::<Vec<_>>())
    });
    let row = move |id: String| {
        let check = {
            let id = id.clone();
            Memo::new(move |_| result.with(|r| r.checks.iter().find(|c| c.id == id).cloned()))
        };
        let prediction = {
            let id = id.clone();
            Signal::derive(move || state.with(|s| s.predictions.get(&id).copied()))
        };
        let on_predict = Callback::new({
            let key = key.clone();
            let id = id.clone();
            move |p: Prediction| {
                store.update_scenario(&key, |s| {
                    s.predictions.insert(id.clone(), p);
                    s.attempted = true;
                })
            }
        });
        view! {
            <CheckRow id check revealed predict prediction on_predict selected tried move_cursor />
        }
    };

    view! {
        <section class="checks" aria-label="Checks">
            <p class="checks-summary" role="status" aria-live="polite"
                class:all-pass=move || result.with(|r| r.invalid.is_none() && r.passing() == r.checks.len()) && revealed.get()>
                {summary}
            </p>
            <ol class="check-list">{move || ids.get().into_iter().map(&row).collect_view()}</ol>
        </section>
    }
}

#[component]
fn CheckRow(
    id: String,
    /// `None` only for the moment between a list change and this row's removal.
    check: Memo<Option<CheckView>>,
    revealed: Signal<bool>,
    predict: bool,
    prediction: Signal<Option<Prediction>>,
    on_predict: Callback<Prediction>,
    selected: RwSignal<Option<String>>,
    tried: Signal<bool>,
    move_cursor: Callback<Range>,
) -> impl IntoView {
    // What a check asks never changes while its row stands; its verdict does.
    let asked = check.get_untracked();
    let title = asked.as_ref().map(|c| c.title.clone()).unwrap_or_default();
    let hint = asked.as_ref().and_then(|c| c.hint.clone());
    let expect = asked.map(|c| c.expect);
    let decision = move || check.with(|c| c.as_ref().map(|c| c.decision));
    let passed = move || check.with(|c| c.as_ref().is_some_and(|c| c.passed));
    let open = {
        let id = id.clone();
        Signal::derive(move || selected.get().as_deref() == Some(id.as_str()))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            selected.update(|s| {
                *s = if s.as_deref() == Some(&id) {
                    None
                } else {
                    Some(id.clone())
                }
            })
        }
    };
    let status_class = move || match (revealed.get(), passed()) {
        (false, _) => "check pending",
        (true, true) => "check pass",
        (true, false) => "check fail",
    };
    let status = move || match (revealed.get(), passed()) {
        (false, _) => "?",
        (true, true) => "✓",
        (true, false) => "✗",
    };
    let status_words = move || match (revealed.get(), passed()) {
        (false, _) => "Not revealed",
        (true, true) => "Passes",
        (true, false) => "Fails",
    };
    let outcome = move || {
        decision().zip(expect).map(|(decision, expect)| {
            format!(
                "{}; it is {}.",
                capitalise(labels::expectation_words(expect)),
                labels::decision_words(decision)
            )
        })
    };
    let prediction_note = move || {
        let (Some(p), Some(decision)) = (prediction.get(), decision()) else {
            return None;
        };
        let note = if prediction_is_correct(p, decision) {
            "Your prediction was right.".to_owned()
        } else {
            format!("You predicted {}.", labels::prediction_words(p))
        };
        predict.then(|| view! { " " <span class="prediction-note">{note}</span> })
    };
    let panel_id = format!("explain-{id}");
    let controls = panel_id.clone();
    let name = format!("predict-{id}");
    view! {
        <li class=status_class data-check=id.clone()>
            <span class="check-status" aria-hidden="true">{status}</span>
            <div class="check-body">
                <p class="check-title">
                    <span class="visually-hidden">{status_words}": "</span>
                    {title}
                </p>
                {move || (predict && !revealed.get()).then(|| {
                    let (a, d) = (name.clone(), name.clone());
                    view! {
                        <fieldset class="prediction">
                            <legend>"Your prediction"</legend>
                            <label><input type="radio" name=a prop:checked=move || prediction.get() == Some(Prediction::Allowed)
                                on:change=move |_| on_predict.run(Prediction::Allowed) />" "{labels::prediction_title(Prediction::Allowed)}</label>
                            <label><input type="radio" name=d prop:checked=move || prediction.get() == Some(Prediction::Denied)
                                on:change=move |_| on_predict.run(Prediction::Denied) />" "{labels::prediction_title(Prediction::Denied)}</label>
                        </fieldset>
                    }
                })}
                {move || revealed.get().then(|| view! {
                    <p class="check-outcome">{outcome}{prediction_note}</p>
                    <button type="button" class="link-button" aria-expanded=move || open.get().to_string()
                        aria-controls=controls.clone() on:click=toggle.clone()>
                        {move || if open.get() { "Hide the explanation" } else { "Why?" }}
                    </button>
                })}
                {move || (revealed.get() && open.get()).then(|| check.get().map(|c| view! {
                    <ExplanationView id=panel_id.clone() explanation=c.explanation hint=hint.clone() tried move_cursor />
                }))}
            </div>
        </li>
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[component]
fn ExplanationView(
    id: String,
    explanation: Explanation,
    hint: Option<String>,
    tried: Signal<bool>,
    move_cursor: Callback<Range>,
) -> impl IntoView {
    let statement = move |s: StatementView| {
        let label = format!("{} ({})", s.label, labels::effect(s.effect));
        match s.range {
            Some(range) => view! {
                <button type="button" class="link-button" on:click=move |_| move_cursor.run(range)>{label}</button>
            }.into_any(),
            None => view! { <span>{label}</span> }.into_any(),
        }
    };
    view! {
        <div class="explanation" id=id>
            <p><WithCode text=explanation.summary.clone() /></p>
            {explanation.blocked_by.clone().map(|layer| view! {
                <p class="blocked-by">"Blocked by " <strong>{layer}</strong> "."</p>
            })}
            {(!explanation.deciding.is_empty()).then(|| view! {
                <p>"Deciding: "</p>
                <ul>{explanation.deciding.iter().cloned().map(|s| view! { <li>{statement(s)}</li> }).collect_view()}</ul>
            })}
            {(!explanation.mismatches.is_empty()).then(|| view! {
                <p>"Statements that did not apply:"</p>
                <ul class="mismatches">
                    {explanation.mismatches.iter().cloned().map(|m| view! {
                        <li>
                            {statement(m.statement)}
                            <dl>
                                <dt>"Did not match"</dt><dd><code>{m.element}</code></dd>
                                <dt>"The request has"</dt><dd><code>{m.request}</code></dd>
                                <dt>"Compared with"</dt>
                                <dd>{m.compared.into_iter().map(|v| view! { <code>{v}</code>" " }).collect_view()}</dd>
                            </dl>
                            {m.note.map(|n| view! { <p class="note"><WithCode text=n /></p> })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {hint.map(|h| move || if tried.get() {
                view! { <p class="check-hint"><strong>"Hint: "</strong><WithCode text=h.clone() /></p> }.into_any()
            } else {
                view! { <p class="check-hint-later">"A hint for this check appears once you have tried."</p> }.into_any()
            })}
        </div>
    }
}
