//! The short notice of a new release: starts offline use and says when a new release opened,
//! or is stored for the next load.

use leptos::prelude::*;

use crate::interop::offline::{self, ReleaseNews};

#[component]
pub fn ReleaseNotice() -> impl IntoView {
    let news = RwSignal::new(None::<ReleaseNews>);
    offline::start(move |arrived| news.set(Some(arrived)));
    move || {
        news.get().map(|arrived| {
            let text = match arrived {
                ReleaseNews::Updated => "IAM Playground was updated to a new release.",
                ReleaseNews::Ready => {
                    "A new release of IAM Playground is ready; it opens the next time you load a page."
                }
            };
            view! {
                <div class="notice release-notice" role="status" data-testid="release-notice">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| news.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}
