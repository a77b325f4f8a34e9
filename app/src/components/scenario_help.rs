//! Help around a scenario: tiered hints one at a time, the reference answer after an attempt,
//! and the statement picker of spot scenarios.

use leptos::prelude::*;

use super::json_code::JsonCode;
use super::Markdown;
use crate::course::Scenario;
use crate::progress::{scenario_key, use_progress};
use crate::scenario::state::{
    can_show_answer, has_more_hints, policy_text, spot_is_correct, spot_options, visible_hints,
};

#[component]
pub fn Hints(lesson: String, scenario: &'static Scenario) -> impl IntoView {
    let store = use_progress();
    let key = scenario_key(&lesson, &scenario.id);
    let state = store.scenario_signal(key.clone());
    let total = scenario.hints.len();
    let more =
        move |_| store.update_scenario(&key, |s| s.hints_shown = (s.hints_shown + 1).min(total));
    view! {
        <section class="hints" aria-label="Hints">
            <ol>
                {move || visible_hints(scenario, &state.get()).iter().map(|h| view! {
                    <li><Markdown document=h.value.clone() /></li>
                }).collect_view()}
            </ol>
            {move || has_more_hints(scenario, &state.get()).then(|| {
                let shown = state.get().hints_shown;
                view! {
                    <button type="button" on:click=more.clone()>
                        {if shown == 0 { format!("Show a hint (1 of {total})") } else { format!("Show the next hint ({} of {total})", shown + 1) }}
                    </button>
                }
            })}
        </section>
    }
}

#[component]
pub fn ShowAnswer(lesson: String, scenario: &'static Scenario) -> impl IntoView {
    let store = use_progress();
    let key = scenario_key(&lesson, &scenario.id);
    let state = store.scenario_signal(key.clone());
    let reveal = move |_| store.update_scenario(&key, |s| s.answer_shown = true);
    view! {
        {move || {
            let s = state.get();
            if s.answer_shown || s.completed {
                view! {
                    <section class="answer" aria-label="Answer and explanation">
                        <h4>{if s.completed { "Why it works" } else { "The answer" }}</h4>
                        {s.answer_shown.then(|| view! { <JsonCode text=policy_text(&scenario.answer) /> })}
                        <Markdown document=scenario.explanation.value.clone() />
                    </section>
                }.into_any()
            } else if can_show_answer(&s) {
                view! { <button type="button" class="secondary" on:click=reveal.clone()>"Show the answer"</button> }.into_any()
            } else {
                view! { <p class="answer-later">"The answer can be shown once you have tried."</p> }.into_any()
            }
        }}
    }
}

#[component]
pub fn SpotPicker(lesson: String, scenario: &'static Scenario) -> impl IntoView {
    let store = use_progress();
    let key = scenario_key(&lesson, &scenario.id);
    let state = store.scenario_signal(key.clone());
    let name = format!("spot-{}", scenario.id);
    let options = spot_options(scenario);
    view! {
        <fieldset class="spot">
            <legend>"Which statement causes the deny?"</legend>
            {options.into_iter().map(|o| {
                let key = key.clone();
                let id = o.id.clone();
                let checked = {
                    let id = id.clone();
                    move || state.get().spotted.as_deref() == Some(id.as_str())
                };
                view! {
                    <label>
                        <input type="radio" name=name.clone() prop:checked=checked
                            on:change=move |_| store.update_scenario(&key, |s| {
                                s.spotted = Some(id.clone());
                                s.attempted = true;
                            }) />
                        " "{o.label}
                    </label>
                }
            }).collect_view()}
            {move || state.get().spotted.map(|choice| {
                if spot_is_correct(scenario, &choice) {
                    view! { <p class="verdict right" role="status">"Right: this statement causes the deny."</p> }.into_any()
                } else {
                    view! { <p class="verdict wrong" role="status">"Not this one. Read the checks' explanations and try another."</p> }.into_any()
                }
            })}
        </fieldset>
    }
}
