//! The builder's inputs: a labelled text field or select that writes into the draft as typed,
//! with the checker's problems for its field beside it.

use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use crate::builder::{Field, FieldProblem};
use crate::interop::markers::{Marker, Range, Severity};

/// The problems at one field, recomputed with the draft.
pub fn problems_at(
    problems: Memo<Vec<FieldProblem>>,
    field: impl Fn() -> Option<Field> + Send + Sync + 'static,
) -> Signal<Vec<FieldProblem>> {
    Signal::derive(move || {
        let Some(field) = field() else {
            return Vec::new();
        };
        problems.with(|all| all.iter().filter(|p| p.field == field).cloned().collect())
    })
}

/// The problems of an editor's field as squiggles at their line and column.
pub fn markers_of(problems: Signal<Vec<FieldProblem>>) -> Signal<Vec<Marker>> {
    Signal::derive(move || {
        problems.with(|all| {
            all.iter()
                .filter_map(|problem| {
                    let at = |(line, column)| Range::at(line, column);
                    Some(Marker::new(
                        problem.range.or_else(|| problem.position.map(at))?,
                        Severity::Error,
                        &problem.message,
                        problem.help.as_deref(),
                        "course checker",
                    ))
                })
                .collect()
        })
    })
}

/// The list of problems under a field; `id` is what the input's `aria-describedby` names.
#[component]
pub fn FieldProblems(
    #[prop(into)] id: String,
    problems: Signal<Vec<FieldProblem>>,
) -> impl IntoView {
    view! {
        <ul class="field-problems" id=id data-testid="field-problems">
            <For each=move || problems.get() key=|p| (p.message.clone(), p.position) let:problem>
                <li>
                    <span class="problem-message">{problem.text()}</span>
                    {problem.help.map(|help| view! { <span class="problem-help">{help}</span> })}
                </li>
            </For>
        </ul>
    }
}

/// A text input (or a textarea when `rows` is given) opened with `value`; every keystroke goes
/// to `on_input`. The input is not redrawn from the draft, so typing never loses the cursor.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    value: String,
    on_input: Callback<String>,
    problems: Signal<Vec<FieldProblem>>,
    #[prop(default = None)] rows: Option<u32>,
    #[prop(default = None)] note: Option<&'static str>,
) -> impl IntoView {
    let described = format!("{id}-problems");
    let note_id = format!("{id}-note");
    let describedby = if note.is_some() {
        format!("{note_id} {described}")
    } else {
        described.clone()
    };
    let invalid = move || (!problems.with(Vec::is_empty)).to_string();
    let input = move |ev| on_input.run(event_target_value(&ev));
    let control = match rows {
        Some(rows) => view! {
            <textarea id=id.clone() rows=rows prop:value=value aria-invalid=invalid
                aria-describedby=describedby spellcheck="true"
                on:input=input></textarea>
        }
        .into_any(),
        None => view! {
            <input id=id.clone() type="text" prop:value=value aria-invalid=invalid
                aria-describedby=describedby spellcheck="false"
                autocomplete="off" on:input=input />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            {note.map(|note| view! { <p class="field-note" id=note_id>{note}</p> })}
            {control}
            <FieldProblems id=described problems />
        </div>
    }
}

/// The JSON name of an enum value (`explicitDeny`), or a number as its digits.
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn parse_name<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .ok()
        .or_else(|| serde_json::from_str(name).ok())
}

/// A select of `options` (value and label), opened at `value`.
#[component]
pub fn SelectField<T>(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: T,
    options: Vec<(T, &'static str)>,
    on_change: Callback<T>,
    #[prop(optional)] problems: Option<Signal<Vec<FieldProblem>>>,
) -> impl IntoView
where
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
{
    let problems = problems.unwrap_or_else(|| Signal::stored(Vec::new()));
    let described = format!("{id}-problems");
    let current = name_of(&value);
    let change = move |ev| {
        if let Some(value) = parse_name::<T>(&event_target_value(&ev)) {
            on_change.run(value);
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id aria-describedby=described.clone() on:change=change>
                {options.into_iter().map(|(option, text)| {
                    let name = name_of(&option);
                    let selected = name == current;
                    view! { <option value=name selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            <FieldProblems id=described problems />
        </div>
    }
}
