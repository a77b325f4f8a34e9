//! Sharing a scenario attempt: a button that copies a link to the text in the editor, and what
//! a scenario shows when such a link meets a draft of the learner's own.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::json_code::JsonCode;
use crate::interop::{language, page};
use crate::scenario::attempt::attempt_link;

/// "Copy link to this attempt", then the link itself (the clipboard may be refused).
#[component]
pub fn CopyAttemptLink(
    lesson: String,
    scenario: String,
    text: StoredValue<String>,
) -> impl IntoView {
    let (link, set_link) = signal(None::<(String, bool)>);
    let copy = move |_| {
        let path = attempt_link(
            &lesson,
            &scenario,
            &text.get_value(),
            language::catalog().map(|c| c.info().version),
        );
        let url = page::absolute_url(&path);
        spawn_local(async move {
            let copied = page::copy_text(&url).await;
            set_link.try_set(Some((url, copied)));
        });
    };
    view! {
        <div class="attempt-link">
            <button type="button" class="secondary" on:click=copy>"Copy link to this attempt"</button>
            {move || link.get().map(|(url, copied)| view! {
                <div class="share-link" role="status">
                    <label>
                        {if copied { "Link copied. It opens this scenario with your policy:" } else { "Copy this link; it opens this scenario with your policy:" }}
                        " "
                        <input readonly prop:value=url.clone() data-testid="attempt-url" />
                    </label>
                </div>
            })}
        </div>
    }
}

/// A shared attempt that arrived while the learner has a different draft: the draft stays in
/// the editor, the attempt is shown here, and the learner chooses.
#[component]
pub fn SharedAttemptOffer(
    offer: RwSignal<Option<String>>,
    on_use: Callback<String>,
) -> impl IntoView {
    let dismiss = move || {
        offer.set(None);
        // A reload should not ask again.
        page::replace_hash("");
    };
    move || {
        offer.get().map(|shared| {
            let taken = shared.clone();
            view! {
                <div class="callout shared-attempt" role="region" aria-label="Shared attempt">
                    <p>
                        <strong>"This link holds someone's attempt at this scenario."</strong>
                        " Your own draft is still in the editor; nothing was replaced."
                    </p>
                    <JsonCode text=shared />
                    <p class="shared-attempt-actions">
                        <button type="button" class="primary" on:click=move |_| {
                            on_use.run(taken.clone());
                            dismiss();
                        }>"Use this attempt (replaces my draft)"</button>
                        " "
                        <button type="button" class="secondary" on:click=move |_| dismiss()>"Keep my draft"</button>
                    </p>
                </div>
            }
        })
    }
}
