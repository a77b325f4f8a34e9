//! A banner when saved progress had to be set aside or could not be written.

use leptos::prelude::*;

use crate::progress::use_progress;

#[component]
pub fn ProgressNotice() -> impl IntoView {
    let notice = use_progress().notice();
    move || {
        notice.get().map(|text| {
            view! {
                <div class="notice warning progress-notice" role="alert">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| notice.set(None)>"Dismiss"</button>
                </div>
            }
        })
    }
}
