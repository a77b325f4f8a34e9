use crate::components::title::Title;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::pages::review::due_sentence;
use crate::progress::use_progress;

#[component]
pub fn Home() -> impl IntoView {
    let store = use_progress();
    let due = move || store.due().len();
    view! {
        <Title text="Learn AWS IAM by writing policies" />
        <section class="hero">
            <h1>"Learn AWS IAM by writing real policies"</h1>
            <p class="lead">
                "Write a policy and see, on every keystroke, what it allows, what it denies, "
                "and why — evaluated the way AWS evaluates it, right here in your browser."
            </p>
            <div class="actions">
                <A href="/lessons" attr:class="button primary">"Start the course"</A>
                <A href="/playground" attr:class="button">"Open the playground"</A>
                <A href="/drill" attr:class="button">"Practise with drills"</A>
            </div>
            <p class="review-due" data-testid="home-due">
                {move || due_sentence(due())} " "
                {move || (due() > 0).then(|| view! { <A href="/review">"Start the review"</A> })}
            </p>
        </section>
        <section class="features" aria-label="How it works">
            <article>
                <h2>"Read"</h2>
                <p>"Short lessons on principals, actions, resources and conditions, with examples from data engineering."</p>
            </article>
            <article>
                <h2>"Write"</h2>
                <p>"Each lesson ends in tasks: write or fix a policy until every check passes."</p>
            </article>
            <article>
                <h2>"Understand"</h2>
                <p>"Every decision comes with its reason: which statement matched, and which did not."</p>
            </article>
        </section>
    }
}
