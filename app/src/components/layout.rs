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
        </footer>
    }
}

/// Shown by an `<ErrorBoundary>` when the embedded course cannot be read.
#[component]
pub fn CourseErrorView(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let items = move || {
        errors
            .get()
            .into_iter()
            .map(|(_, error)| {
                // The course's own problems each name a file, a place and a fix.
                let problems = (*error)
                    .downcast_ref::<crate::course::CourseError>()
                    .map(|err| err.problems.clone())
                    .unwrap_or_default();
                view! {
                    <li>
                        <p>{error.to_string()}</p>
                        <ul>
                            {problems
                                .into_iter()
                                .map(|problem| {
                                    view! {
                                        <li>
                                            <code>{problem.file.clone()}</code>
                                            ": "
                                            {problem.message.clone()}
                                            {problem.help.map(|help| view! { <p class="help">{help}</p> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="error-panel" role="alert">
            <h1>"The course could not be loaded"</h1>
            <ul>{items}</ul>
        </div>
    }
}
