//! The IAM Playground web app: a Leptos client-side-rendered single-page app.
//!
//! Domain logic (the course, JSON status) lives in plain modules tested natively;
//! `components/` and `pages/` stay thin views over it; every call into JavaScript goes through
//! `interop/`.

pub mod builder;
pub mod components;
pub mod course;
pub mod interop;
pub mod interview;
pub mod json_highlight;
pub mod labels;
pub mod language;
pub mod map;
mod pages;
pub mod playground;
pub mod practice;
pub mod progress;
pub mod quiz;
pub mod scenario;
pub mod share;
pub mod tools;

use components::layout::{SiteFooter, SiteHeader};
use leptos::prelude::*;

use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app: header, routed main content, footer.
#[component]
pub fn App() -> impl IntoView {
    progress::provide_progress();
    course::provide_course();
    let main = NodeRef::<leptos::html::Main>::new();
    // The router handles in-app links itself, so the browser would not move focus to the
    // target of `#main`; do it here, so keyboard users really skip the header.
    let skip_to_main = move |event: leptos::ev::MouseEvent| {
        if let Some(main) = main.get() {
            event.prevent_default();
            let _ = main.focus();
        }
    };
    view! {
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_main>
                "Skip to content"
            </a>
            <SiteHeader />
            <components::progress_notice::ProgressNotice />
            <components::release_notice::ReleaseNotice />
            <components::own_course::OwnCourseBanner />
            <main id="main" tabindex="-1" node_ref=main>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("") view=pages::home::Home />
                    <Route path=path!("lessons") view=pages::lessons::Lessons />
                    <Route path=path!("lessons/:id") view=pages::lesson::Lesson />
                    <Route path=path!("lessons/:id/:scenario") view=pages::lesson::Lesson />
                    // Pages of the practice tools' own wasm module (see `tools`).
                    <Route path=path!("playground") view=components::tool_host::ToolHost />
                    <Route path=path!("glossary") view=components::tool_host::ToolHost />
                    <Route path=path!("drill") view=components::tool_host::ToolHost />
                    <Route path=path!("review") view=components::tool_host::ToolHost />
                    <Route path=path!("interview") view=components::tool_host::ToolHost />
                    <Route path=path!("progress") view=components::tool_host::ToolHost />
                    <Route path=path!("build") view=components::tool_host::ToolHost />
                    <Route path=path!("build/try") view=components::tool_host::ToolHost />
                    <Route path=path!("course") view=components::tool_host::ToolHost />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}

/// Replaces the static "loading" shell of `index.html` with the app.
pub fn mount() {
    leptos::mount::mount_to_body(App);
}
