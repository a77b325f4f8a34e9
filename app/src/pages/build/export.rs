//! Trying the draft as a learner would, and exporting it: a link that opens it for learners,
//! or the lesson JSON to paste into a course folder.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Form;
use crate::builder::link::scenario_link;
use crate::builder::{lesson_json, try_scenario, TRY_LESSON};
use crate::components::scenario_panel::ScenarioPanel;
use crate::course::Scenario;
use crate::interop::page;
use crate::progress::{scenario_key, use_progress, ScenarioState};

#[component]
pub fn Export(form: Form) -> impl IntoView {
    let store = use_progress();
    let sound = Memo::new(move |_| form.problems.with(Vec::is_empty));
    let readable = Memo::new(move |_| form.draft.with(|d| d.to_scenario().1.is_empty()));
    let trying = RwSignal::new(None::<&'static Scenario>);
    // The draft the open try was made from: edits after it are not in the panel.
    let tried_from = StoredValue::new(None::<crate::builder::Draft>);
    let stale = Memo::new(move |_| {
        trying.track();
        form.draft
            .with(|d| tried_from.with_value(|from| from.as_ref().is_some_and(|from| from != d)))
    });
    let link = RwSignal::new(None::<Result<(String, String, bool), String>>);
    let json_copied = RwSignal::new(None::<bool>);
    let json = Memo::new(move |_| form.draft.with(|d| lesson_json(&d.to_scenario().0)));
    // Links and JSON follow the draft: one made before the last edit is gone.
    Effect::new(move |_| {
        form.draft.track();
        link.set(None);
        json_copied.set(None);
    });

    let try_it = move |_| {
        let scenario = form.draft.with_untracked(try_scenario);
        // The scenario panel holds its scenario for the page's life, as lesson pages hold the
        // course; a try is one click, so what each keeps is small.
        let scenario: &'static Scenario = Box::leak(Box::new(scenario));
        let key = scenario_key(TRY_LESSON, &scenario.id);
        store.remove_draft(&key);
        store.update_scenario(&key, |state| *state = ScenarioState::default());
        tried_from.set_value(Some(form.draft.get_untracked()));
        trying.set(Some(scenario));
    };
    let copy_link = move |_| {
        let path = match form
            .draft
            .with_untracked(|d| scenario_link(&d.to_scenario().0))
        {
            Ok(path) => path,
            Err(error) => {
                let message = format!(
                    "This scenario is too large for a link: {error}. Share its lesson JSON instead."
                );
                link.set(Some(Err(message)));
                return;
            }
        };
        let url = page::absolute_url(&path);
        spawn_local(async move {
            let copied = page::copy_text(&url).await;
            link.try_set(Some(Ok((url, path, copied))));
        });
    };
    let copy_json = move |_| {
        let text = json.get_untracked();
        spawn_local(async move {
            let copied = page::copy_text(&text).await;
            json_copied.try_set(Some(copied));
        });
    };

    view! {
        <section class="build-section build-export" aria-labelledby="build-share-heading">
            <h2 id="build-share-heading">"Try and share"</h2>
            <p class="actions">
                <button type="button" class="primary" on:click=try_it disabled=move || !readable.get()>
                    "Try it as a learner"
                </button>
                " "
                <button type="button" class="secondary" on:click=copy_link disabled=move || !sound.get()>
                    "Copy the learner link"
                </button>
                " "
                <button type="button" class="secondary" on:click=copy_json disabled=move || !sound.get()>
                    "Copy the lesson JSON"
                </button>
            </p>
            <p class="field-note">
                {move || if sound.get() {
                    "The link opens the scenario for anyone, with nothing to install; the JSON goes into the `scenarios` list of a lesson.json."
                } else if readable.get() {
                    "You can try the scenario now; sharing it waits until the course checker finds no problem."
                } else {
                    "A policy or context above is not JSON yet: fix it to try the scenario."
                }}
            </p>
            {move || link.get().map(|made| match made {
                Err(message) => view! { <p class="notice error" role="alert">{message}</p> }.into_any(),
                Ok((url, path, copied)) => view! {
                    <div class="share-link" role="status">
                        <label>
                            {if copied { "Link copied. Learners who open it solve the scenario:" } else { "Copy this link; learners who open it solve the scenario:" }}
                            " "
                            <input readonly prop:value=url data-testid="scenario-url" />
                        </label>
                        " "
                        <a href=path>"Open it here"</a>
                    </div>
                }.into_any(),
            })}
            <Show when=move || sound.get()>
                <details class="lesson-json">
                    <summary>"Lesson JSON"</summary>
                    <pre data-testid="lesson-json"><code>{move || json.get()}</code></pre>
                </details>
                {move || json_copied.get().map(|copied| view! {
                    <p role="status">{if copied { "The lesson JSON was copied." } else { "The clipboard is not available: select the JSON under “Lesson JSON” and copy it." }}</p>
                })}
            </Show>
            {move || trying.get().map(|scenario| view! {
                <div class="build-try" role="region" aria-label="The scenario as a learner sees it">
                    <p class="field-note">"As a learner sees it. Your answer here is not saved into the draft."
                        " "<button type="button" class="secondary" on:click=move |_| trying.set(None)>"Close"</button></p>
                    <Show when=move || stale.get()>
                        <p class="notice" role="status">"The draft changed since this try opened: press “Try it as a learner” again to see the changes."</p>
                    </Show>
                    <ScenarioPanel lesson=TRY_LESSON.to_owned() scenario standalone=true />
                </div>
            })}
        </section>
    }
}
