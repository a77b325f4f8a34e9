//! Fixed policies: the rest of the request's setup (the role's other policies, a bucket
//! policy, SCPs at their levels), read only for the learner.

use leptos::prelude::*;

use super::fields::{markers_of, problems_at, FieldProblems, SelectField, TextField};
use super::rows::Rows;
use super::Form;
use crate::builder::draft::LEVELS;
use crate::builder::{Field, FixedDraft};
use crate::components::policy_editor::PolicyEditor;
use crate::labels;
use iamplay_course::FixedSlot;

#[component]
pub fn FixedPolicies(form: Form) -> impl IntoView {
    let rows = Rows::new(form.draft.with_untracked(|d| d.fixed.len()));
    let add = move |_| {
        form.edit(|d| d.fixed.push(FixedDraft::default()));
        rows.push();
    };
    view! {
        <section class="build-section" aria-labelledby="build-fixed-heading">
            <h2 id="build-fixed-heading">"Fixed policies"</h2>
            <p>
                "The rest of the setup, which learners read but do not edit: another identity policy, "
                "a bucket policy, a permissions boundary, SCPs and RCPs at their level of the organization."
            </p>
            <FieldProblems id="build-fixed-problems" problems=form.at(Field::FixedAll) />
            <For each=move || rows.keys() key=|key| *key let:key>
                <FixedRow form rows key />
            </For>
            <button type="button" class="secondary" on:click=add>"Add a fixed policy"</button>
        </section>
    }
}

#[component]
fn FixedRow(form: Form, rows: Rows, key: u32) -> impl IntoView {
    let number = move || rows.index(key).map_or(0, |i| i + 1);
    let initial = form
        .draft
        .with_untracked(|d| {
            rows.index_untracked(key)
                .and_then(|i| d.fixed.get(i).cloned())
        })
        .unwrap_or_default();
    let problems = problems_at(form.problems, move || rows.index(key).map(Field::Fixed));
    let edit = move |change: Box<dyn FnOnce(&mut FixedDraft)>| {
        if let Some(i) = rows.index_untracked(key) {
            form.edit(|d| {
                if let Some(fixed) = d.fixed.get_mut(i) {
                    change(fixed);
                }
            });
        }
    };
    let slot = Memo::new(move |_| {
        form.draft.with(|d| {
            rows.index(key)
                .and_then(|i| d.fixed.get(i))
                .map_or(FixedSlot::Identity, |f| f.slot)
        })
    });
    let options: Vec<(FixedSlot, &'static str)> = FixedSlot::ALL
        .iter()
        .map(|s| (*s, labels::fixed_slot(*s)))
        .collect();
    let levels: Vec<(usize, &'static str)> = LEVELS.iter().copied().enumerate().collect();
    let on_slot = Callback::new(move |s: FixedSlot| edit(Box::new(move |f| f.slot = s)));
    let on_level = Callback::new(move |l: usize| edit(Box::new(move |f| f.level = l)));
    let on_name = Callback::new(move |n: String| edit(Box::new(move |f| f.name = n)));
    let on_text = Callback::new(move |t: String| edit(Box::new(move |f| f.text = t)));
    let remove = move |_| {
        if let Some(i) = rows.index_untracked(key) {
            form.edit(|d| {
                d.fixed.remove(i);
            });
            rows.remove(key);
        }
    };
    let id = move |name: &str| format!("build-fixed-{key}-{name}");
    // A field hidden and shown again opens with what the draft holds now.
    let current = move || {
        form.draft.with_untracked(|d| {
            rows.index_untracked(key)
                .and_then(|i| d.fixed.get(i).cloned())
                .unwrap_or_default()
        })
    };
    view! {
        <fieldset class="build-row fixed-row" data-editor=format!("fixed-{key}")>
            <legend>{move || format!("Fixed policy {}", number())}</legend>
            <div class="field-grid">
                <SelectField id=id("slot") label="Where it applies" value=initial.slot options on_change=on_slot />
                <Show when=move || slot.get() == FixedSlot::Identity>
                    <TextField id=id("name") label="Name (optional; a spot culprit can name it)" value=current().name
                        on_input=on_name problems=Signal::stored(Vec::new()) />
                </Show>
                <Show when=move || matches!(slot.get(), FixedSlot::Scps | FixedSlot::Rcps)>
                    <SelectField id=id("level") label="Attached at" value=current().level options=levels.clone() on_change=on_level />
                </Show>
            </div>
            <PolicyEditor text=Signal::stored(initial.text.clone())
                label=format!("Fixed policy {}", number()) on_change=on_text markers=markers_of(problems) />
            <FieldProblems id=id("problems") problems />
            <button type="button" class="secondary remove-row" on:click=remove>
                {move || format!("Remove fixed policy {}", number())}
            </button>
        </fieldset>
    }
}
