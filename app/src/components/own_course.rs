//! Which course is running: when it is a trainer's own, a line on every page names it and
//! offers the way back to the built-in course; a chosen course that no longer opens says so.

use leptos::prelude::*;

use crate::course::use_course;

#[component]
pub fn OwnCourseBanner() -> impl IntoView {
    let store = use_course();
    view! {
        {move || store.notice().get().map(|text| view! {
            <div class="own-course-banner" role="alert">
                <p>{text}</p>
                <button type="button" on:click=move |_| store.notice().set(None)>"Dismiss"</button>
            </div>
        })}
        {move || store.own_title().map(|title| view! {
            <div class="own-course-banner" role="status">
                <p>"You are running your own course " <strong>{title}</strong> ", with its own progress."</p>
                <button type="button" on:click=move |_| store.switch_to_built_in()>
                    "Switch back to the built-in course"
                </button>
            </div>
        })}
    }
}
