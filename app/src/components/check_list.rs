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

    // One row per check, each following only its own check: a keystroke that changes one
    // check's view redraws that row, not the list (whose ids a scenario fixes).
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
            move |p: Prediction| {
                store.update_scenario(&key, |s| {
                    s.predictions.insert(id.clone(), p);
                    s.attempted = true;
                })
            }
        });
        move || {
            check.get().map(|check| {
                view! {
                    <CheckRow
                        check
                        revealed=revealed.get()
                        predict
                        prediction
                        on_predict
                        selected
                        tried
                        move_cursor
                    />
                }
            })
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
    check: CheckView,
    revealed: bool,
    predict: bool,
    prediction: Signal<Option<Prediction>>,
    on_predict: Callback<Prediction>,
    selected: RwSignal<Option<String>>,
    tried: Signal<bool>,
    move_cursor: Callback<Range>,
) -> impl IntoView {
    let id = check.id.clone();
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
    let status_class = if !revealed {
        "check pending"
    } else if check.passed {
        "check pass"
    } else {
        "check fail"
    };
    let status = if !revealed {
        "?"
    } else if check.passed {
        "✓"
    } else {
        "✗"
    };
    let status_words = if !revealed {
        "Not revealed"
    } else if check.passed {
        "Passes"
    } else {
        "Fails"
    };
    let prediction_note = prediction
        .get_untracked()
        .filter(|_| revealed && predict)
        .map(|p| {
            if prediction_is_correct(p, check.decision) {
                "Your prediction was right.".to_owned()
            } else {
                format!(
                    "You predicted {}.",
                    match p {
                        Prediction::Allowed => "allowed",
                        Prediction::Denied => "denied",
                    }
                )
            }
        });
    let explanation = check.explanation.clone();
    let hint = check.hint.clone();
    let panel_id = format!("explain-{}", check.id);
    let name = format!("predict-{}", check.id);
    view! {
        <li class=status_class data-check=check.id.clone()>
            <span class="check-status" aria-hidden="true">{status}</span>
            <div class="check-body">
                <p class="check-title">
                    <span class="visually-hidden">{status_words}": "</span>
                    {check.title.clone()}
                </p>
                {(predict && !revealed).then(|| {
                    let (a, d) = (name.clone(), name.clone());
                    view! {
                        <fieldset class="prediction">
                            <legend>"Your prediction"</legend>
                            <label><input type="radio" name=a prop:checked=move || prediction.get() == Some(Prediction::Allowed)
                                on:change=move |_| on_predict.run(Prediction::Allowed) />" Allowed"</label>
                            <label><input type="radio" name=d prop:checked=move || prediction.get() == Some(Prediction::Denied)
                                on:change=move |_| on_predict.run(Prediction::Denied) />" Denied"</label>
                        </fieldset>
                    }
                })}
                {revealed.then(|| view! {
                    <p class="check-outcome">
                        {format!("{}; it is {}.", capitalise(labels::expectation_words(check.expect)), labels::decision_words(check.decision))}
                        {prediction_note.clone().map(|n| view! { " " <span class="prediction-note">{n}</span> })}
                    </p>
                    <button type="button" class="link-button" aria-expanded=move || open.get().to_string()
                        aria-controls=panel_id.clone() on:click=toggle.clone()>
                        {move || if open.get() { "Hide the explanation" } else { "Why?" }}
                    </button>
                })}
                {move || (revealed && open.get()).then(|| view! {
                    <ExplanationView id=panel_id.clone() explanation=explanation.clone() hint=hint.clone() tried move_cursor />
                })}
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
