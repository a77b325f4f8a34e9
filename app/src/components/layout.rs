//! The frame around every page.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <nav class="site-nav" aria-label="Main">
                <A href="/" attr:class="brand">
                    <img src="/favicon.svg" alt="" width="28" height="28" />
                    <span>"IAM Playground"</span>
                </A>
                <ul>
                    <li><A href="/lessons">"Lessons"</A></li>
                    <li><A href="/playground">"Playground"</A></li>
                    <li><A href="/drill">"Drills"</A></li>
                    <li><A href="/glossary">"Glossary"</A></li>
                    <li><A href="/progress">"Progress"</A></li>
                    <li><A href="/interview">"Interview"</A></li>
                </ul>
            </nav>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Everything runs in your browser: the IAM evaluator is Rust compiled to WebAssembly. "
                "Nothing you type leaves this page."
            </p>
            <p>
                "Teaching IAM? "<A href="/build">"Build a scenario"</A>
                " for your learners and share it as a link."
            </p>
        </footer>
    }
}
