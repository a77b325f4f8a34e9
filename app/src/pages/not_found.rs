use crate::components::title::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFound() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <Title text="Page not found" />
        <section class="page not-found">
            <h1>"Page not found"</h1>
            <p>"There is no page at " <code>{move || path.get()}</code> "."</p>
            <p>
                "Try the " <A href="/lessons">"lessons"</A> ", the " <A href="/playground">"playground"</A>
                " or the " <A href="/">"home page"</A> "."
            </p>
        </section>
    }
}
