//! A checkpoint question: choose, check, then every option's explanation. The answer is kept
//! in progress and shown again on the next visit.

use leptos::prelude::*;

use super::Markdown;
use crate::course::Question;
use crate::progress::use_progress;
use crate::quiz::{is_correct, is_multiple, toggle};

#[component]
pub fn QuestionCard(question: &'static Question, number: usize) -> impl IntoView {
    let store = use_progress();
    let saved = store.with(|p| p.questions.get(question.id.as_str()).cloned());
    let chosen = RwSignal::new(saved.as_ref().map(|s| s.chosen.clone()).unwrap_or_default());
    let answered = RwSignal::new(saved.is_some());
    let multiple = is_multiple(question);
    let name = format!("question-{}", question.id);
    let check = move |_| {
        let choice = chosen.get();
        if choice.is_empty() {
            return;
        }
        store.record_question(&question.id, choice.clone(), is_correct(question, &choice));
        answered.set(true);
    };
    view! {
        <fieldset class="question" data-question=question.id.value.clone()>
            <legend>{format!("Question {number}")}</legend>
            <Markdown document=question.prompt.value.clone() />
            {multiple.then(|| view! { <p class="meta">"Choose every answer that applies."</p> })}
            <ul class="options">
                {question.options.iter().enumerate().map(|(index, option)| {
                    let is_chosen = move || chosen.with(|c| c.contains(&index));
                    let on_change = move |_| {
                        chosen.update(|c| *c = toggle(question, c, index));
                        answered.set(false);
                    };
                    let input = if multiple {
                        view! { <input type="checkbox" name=name.clone() prop:checked=is_chosen on:change=on_change /> }.into_any()
                    } else {
                        view! { <input type="radio" name=name.clone() prop:checked=is_chosen on:change=on_change /> }.into_any()
                    };
                    view! {
                        <li class:chosen=is_chosen>
                            <label>{input}" "{option.text.value.clone()}</label>
                            {move || answered.get().then(|| {
                                let verdict = if option.correct { "Correct answer" } else { "Not this one" };
                                view! {
                                    <p class=if option.correct { "option-why right" } else { "option-why wrong" }>
                                        <strong>{verdict}": "</strong>{option.explanation.value.clone()}
                                    </p>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="primary" on:click=check disabled=move || chosen.with(Vec::is_empty)>"Check my answer"</button>
            {move || answered.get().then(|| {
                let right = is_correct(question, &chosen.get());
                view! {
                    <p class=if right { "verdict right" } else { "verdict wrong" } role="status">
                        {if right { "Right." } else { "Not quite: read the explanations and try again." }}
                    </p>
                }
            })}
        </fieldset>
    }
}
