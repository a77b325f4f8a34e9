//! Every page that shows the course waits for it here: a loading state while the bundle
//! downloads, the page once it is in, or what went wrong with a button to try again. A page
//! never sees a half-loaded course, so a deep link cannot flash "lesson not found".

use crate::components::title::Title;
use leptos::prelude::*;

use crate::course::{use_course, Course, CourseError, CourseState};

/// Renders `children` with the course once it is loaded. `nested`: the gate is a part of a page
/// that has its own `h1`, so the error's title is an `h2`.
#[component]
pub fn CourseGate<F, V>(children: F, #[prop(optional)] nested: bool) -> impl IntoView
where
    F: Fn(&'static Course) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let store = use_course();
    // Only the course's state decides what is shown: signals the page reads while it is built
    // belong to the page's own reactive parts, not to this switch.
    let state = Memo::new(move |_| store.state());
    move || match state.get() {
        CourseState::Loading => view! { <CourseLoading nested /> }.into_any(),
        CourseState::Ready(course) => untrack(|| children(course)).into_any(),
        CourseState::Failed(error) => view! { <CourseErrorView error nested /> }.into_any(),
    }
}

/// A page of its own (not `nested`) also names itself in the tab while it waits.
#[component]
fn CourseLoading(nested: bool) -> impl IntoView {
    view! {
        {(!nested).then(|| view! { <Title text="Loading the course" /> })}
        <div class="course-loading" aria-busy="true">
            <p role="status">"Loading the course…"</p>
        </div>
    }
}

#[component]
fn CourseErrorView(error: CourseError, nested: bool) -> impl IntoView {
    let store = use_course();
    let title = "The course could not be loaded";
    view! {
        {(!nested).then(|| view! { <Title text=title /> })}
        <div class="error-panel" role="alert">
            {if nested { view! { <h2>{title}</h2> }.into_any() } else { view! { <h1>{title}</h1> }.into_any() }}
            <p>{error.to_string()}</p>
            <p class="help">{error.help()}</p>
            <button type="button" class="primary" on:click=move |_| store.retry()>"Try again"</button>
        </div>
    }
}
