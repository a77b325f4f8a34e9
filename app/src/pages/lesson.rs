use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::layout::CourseErrorView;
use crate::components::Markdown;
use crate::course::embedded_course;
use iamplay_engine::curriculum::Lesson as CourseLesson;

/// One lesson, by the id in the URL (`/lessons/:id`).
#[component]
pub fn Lesson() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    view! {
        <ErrorBoundary fallback=|errors| view! { <CourseErrorView errors /> }>
            {move || {
                embedded_course().map(|course| match course.lesson(&id()) {
                    Some(lesson) => view! { <LessonView lesson /> }.into_any(),
                    None => view! { <UnknownLesson id=id() /> }.into_any(),
                })
            }}
        </ErrorBoundary>
    }
}

#[component]
fn LessonView(lesson: &'static CourseLesson) -> impl IntoView {
    let manifest = &lesson.manifest;
    view! {
        <Title text=manifest.title.clone() />
        <article class="page lesson">
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <A href="/lessons">"Lessons"</A>
            </nav>
            <h1>{manifest.title.clone()}</h1>
            <p class="lead">{manifest.summary.clone()}</p>
            <p class="meta">{format!("About {} minutes", manifest.minutes)}</p>
            <section class="objectives" aria-labelledby="objectives-title">
                <h2 id="objectives-title">"You will be able to"</h2>
                <ul>
                    {manifest
                        .objectives
                        .iter()
                        .map(|objective| view! { <li>{objective.clone()}</li> })
                        .collect_view()}
                </ul>
            </section>
            <Markdown source=lesson.prose.clone() skip_title=manifest.title.clone() />
        </article>
    }
}

#[component]
fn UnknownLesson(id: String) -> impl IntoView {
    view! {
        <Title text="Lesson not found" />
        <section class="page not-found">
            <h1>"Lesson not found"</h1>
            <p>"There is no lesson " <code>{id}</code> " in this course."</p>
            <p><A href="/lessons">"See all lessons"</A></p>
        </section>
    }
}
