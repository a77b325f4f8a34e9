//! Tiered hints, from a nudge to nearly the answer; learners reveal them one at a time.

use leptos::prelude::*;

use super::fields::{problems_at, FieldProblems, TextField};
use super::rows::Rows;
use super::Form;
use crate::builder::Field;

#[component]
pub fn Hints(form: Form) -> impl IntoView {
    let rows = Rows::new(form.draft.with_untracked(|d| d.hints.len()));
    let add = move |_| {
        form.edit(|d| d.hints.push(String::new()));
        rows.push();
    };
    view! {
        <section class="build-section" aria-labelledby="build-hints-heading">
            <h2 id="build-hints-heading">"Hints"</h2>
            <p>"From a gentle nudge to nearly the answer; learners reveal them one at a time. Markdown."</p>
            <FieldProblems id="build-hints-problems" problems=form.at(Field::Hints) />
            <For each=move || rows.keys() key=|key| *key let:key>
                <HintRow form rows key />
            </For>
            <button type="button" class="secondary" on:click=add>"Add a hint"</button>
        </section>
    }
}

#[component]
fn HintRow(form: Form, rows: Rows, key: u32) -> impl IntoView {
    let number = move || rows.index(key).map_or(0, |i| i + 1);
    let initial = form
        .draft
        .with_untracked(|d| {
            rows.index_untracked(key)
                .and_then(|i| d.hints.get(i).cloned())
        })
        .unwrap_or_default();
    let problems = problems_at(form.problems, move || rows.index(key).map(Field::Hint));
    let on_input = Callback::new(move |value: String| {
        if let Some(i) = rows.index_untracked(key) {
            form.edit(|d| {
                if let Some(hint) = d.hints.get_mut(i) {
                    *hint = value;
                }
            });
        }
    });
    let remove = move |_| {
        if let Some(i) = rows.index_untracked(key) {
            form.edit(|d| {
                d.hints.remove(i);
            });
            rows.remove(key);
        }
    };
    let label = Signal::derive(move || format!("Hint {}", number()));
    view! {
        <div class="build-row hint-row">
            <TextField id=format!("build-hint-{key}") label rows=Some(2) value=initial on_input problems />
            <button type="button" class="secondary remove-row" on:click=remove>
                {move || format!("Remove hint {}", number())}
            </button>
        </div>
    }
}
