//! One editor per policy, each with its kind, name, level and on/off switch.

use leptos::prelude::*;

use super::PlaygroundCx;
use crate::components::policy_editor::PolicyEditor;
use crate::interop::language;
use crate::labels;
use crate::playground::markers::{deciding_decorations, deciding_lines, editor_markers};
use crate::playground::state::LEVELS;

use iamplay_engine::policy_kind::PolicyKind;

#[component]
pub fn PolicyList(cx: PlaygroundCx) -> impl IntoView {
    let keys = move || {
        let generation = cx.generation.get();
        cx.state.with(|p| {
            p.policies
                .iter()
                .map(|d| (generation, d.id))
                .collect::<Vec<_>>()
        })
    };
    let add = move |kind: PolicyKind| {
        cx.state.update(|p| {
            p.add_policy(kind);
        });
    };
    view! {
        <section class="policies" aria-labelledby="policies-title">
            <h2 id="policies-title">"Policies"</h2>
            <For each=keys key=|k| *k children=move |(_, id)| view! { <PolicyCard cx id /> } />
            <div class="add-policy" role="group" aria-label="Add a policy">
                <span>"Add:"</span>
                {PolicyKind::ALL
                    .into_iter()
                    .map(|kind| {
                        view! {
                            <button type="button" class="button small" on:click=move |_| add(kind)>
                                {labels::policy_kind(kind)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

#[component]
fn PolicyCard(cx: PlaygroundCx, id: u32) -> impl IntoView {
    // This card's policy alone: an edit elsewhere in the playground neither re-lints nor
    // redraws it.
    let doc = Memo::new(move |_| {
        cx.state
            .with(|p| p.policies.iter().find(|d| d.id == id).cloned())
    });
    let doc = move || doc.get();
    let initial = doc().map(|d| d.text).unwrap_or_default();
    let kind = Memo::new(move |_| doc().map_or(PolicyKind::Identity, |d| d.kind));
    let enabled = Memo::new(move |_| doc().is_some_and(|d| d.enabled));
    let name = Memo::new(move |_| doc().map(|d| d.name).unwrap_or_default());
    let selected_row = move || {
        let selected = cx.selected.get()?;
        cx.report.with(|r| r.row(selected).cloned())
    };
    let markers = Signal::derive(move || {
        cx.catalog_ready.track();
        let Some(doc) = doc() else { return Vec::new() };
        editor_markers(&doc, language::catalog())
    });
    let decorations = Signal::derive(move || {
        let Some(doc) = doc() else { return Vec::new() };
        deciding_decorations(&doc, selected_row().as_ref())
    });
    let deciding = move || {
        let Some(doc) = doc() else { return Vec::new() };
        deciding_lines(&doc, selected_row().as_ref())
    };
    let error = move || cx.report.with(|r| r.policy_errors.get(&id).cloned());
    let edit = move |f: &dyn Fn(&mut crate::playground::state::PolicyDoc)| {
        cx.state.update(|p| {
            if let Some(doc) = p.policy_mut(id) {
                f(doc);
            }
        });
    };
    let name_id = format!("policy-name-{id}");
    let level_id = format!("policy-level-{id}");
    view! {
        <article
            class="policy-card"
            class:disabled=move || !enabled.get()
            class:blamed=move || cx.blamed.get() == Some(kind.get())
            data-policy-id=id
        >
            <header>
                <span class=move || format!("kind kind-{:?}", kind.get()).to_lowercase()>
                    {move || labels::policy_kind(kind.get())}
                </span>
                <label class="visually-hidden" for=name_id.clone()>"Policy name"</label>
                <input
                    id=name_id
                    class="policy-name"
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        edit(&|d| d.name = value.clone());
                    }
                />
                <Show when=move || kind.get().is_organization_policy()>
                    <label for=level_id.clone()>"Level"</label>
                    <select
                        id=level_id.clone()
                        on:change=move |ev| {
                            let level = event_target_value(&ev).parse().unwrap_or(0);
                            edit(&|d| d.level = level);
                        }
                    >
                        {LEVELS
                            .iter()
                            .enumerate()
                            .map(|(i, level)| {
                                let selected = move || doc().is_some_and(|d| d.level == i);
                                view! { <option value=i.to_string() selected=selected>{*level}</option> }
                            })
                            .collect_view()}
                    </select>
                </Show>
                <label class="switch">
                    <input
                        type="checkbox"
                        prop:checked=move || enabled.get()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            edit(&|d| d.enabled = on);
                        }
                    />
                    "On"
                </label>
                <button
                    type="button"
                    class="button small quiet"
                    aria-label=move || format!("Remove {}", name.get())
                    on:click=move |_| cx.state.update(|p| p.remove_policy(id))
                >
                    "Remove"
                </button>
            </header>
            <Show when=move || kind.get() == PolicyKind::Rcp>
                <p class="meta policy-hint">
                    "RCPs only deny: AWS attaches " <code>"RCPFullAWSAccess"</code>
                    " at every level, so write " <code>"Deny"</code>
                    " statements for " <code>"\"Principal\": \"*\""</code> "; an " <code>"Allow"</code>
                    " here grants nothing."
                </p>
            </Show>
            <PolicyEditor
                text=initial
                label=doc().map(|d| format!("{}: {}", labels::policy_kind(d.kind), d.name)).unwrap_or_default()
                on_change=Callback::new(move |text: String| edit(&|d| d.text = text.clone()))
                markers
                decorations
            />
            {move || {
                error()
                    .map(|message| {
                        view! {
                            <p class="policy-error" role="status">
                                "Left out of the evaluation: " {message}
                            </p>
                        }
                    })
            }}
            {move || {
                let lines = deciding();
                (!lines.is_empty())
                    .then(|| {
                        let text = lines
                            .iter()
                            .map(|(a, b)| if a == b { format!("line {a}") } else { format!("lines {a}–{b}") })
                            .collect::<Vec<_>>()
                            .join(", ");
                        view! {
                            <p class="deciding-note">
                                "Decides the selected request: " {text}
                            </p>
                        }
                    })
            }}
        </article>
    }
}
