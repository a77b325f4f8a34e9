//! The live status line under an editor: whether the text parses, and its length.

use leptos::prelude::*;

use crate::json_status::JsonStatus;

#[component]
pub fn ParseStatus(
    #[prop(into)] status: Signal<JsonStatus>,
    #[prop(into)] characters: Signal<usize>,
) -> impl IntoView {
    let state = move || match status.get() {
        JsonStatus::Empty => "empty",
        JsonStatus::Valid => "valid",
        JsonStatus::Invalid(_) => "invalid",
    };
    let message = move || match status.get() {
        JsonStatus::Empty => "Empty: start typing a policy".to_owned(),
        JsonStatus::Valid => "Valid JSON".to_owned(),
        JsonStatus::Invalid(err) => format!(
            "Line {}, column {}: {}",
            err.range.start_line, err.range.start_column, err.message
        ),
    };
    let count = move || match characters.get() {
        1 => "1 character".to_owned(),
        n => format!("{n} characters"),
    };
    view! {
        <div class="status-bar">
            <p class="parse-status" data-state=state role="status" aria-live="polite">
                <span class="status-dot" aria-hidden="true"></span>
                <span class="status-text">{message}</span>
            </p>
            <p class="char-count">{count}</p>
        </div>
    }
}
