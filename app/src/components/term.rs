//! A glossary term in lesson text: a link to its entry on `/glossary` whose definition appears
//! beside it on hover and on keyboard focus (a `role="tooltip"` the link is described by).
//! Escape hides it again without moving the focus.

use leptos::prelude::*;

use super::diagram::fresh_id;
use super::Markdown;
use crate::course::use_course;

#[component]
pub fn Term(id: String, children: Children) -> impl IntoView {
    let definition = use_course()
        .course()
        .and_then(|course| course.term(&id))
        .map(|term| (term.term.value.clone(), term.definition.value.clone()));
    let Some((name, definition)) = definition else {
        // The checker refuses unknown terms; a stale page keeps the text.
        return view! { <span>{children()}</span> }.into_any();
    };
    let tip = fresh_id("term");
    let dismissed = RwSignal::new(false);
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            dismissed.set(true);
        }
    };
    view! {
        <span class="term" class:dismissed=move || dismissed.get()
            on:mouseleave=move |_| dismissed.set(false)>
            <a class="term-link" href=format!("/glossary#{id}") aria-describedby=tip.clone()
                on:keydown=on_key on:blur=move |_| dismissed.set(false)>
                {children()}
            </a>
            <span class="term-tip" role="tooltip" id=tip>
                <strong>{name}</strong>": "
                <Markdown document=definition inline=true />
            </span>
        </span>
    }
    .into_any()
}
