use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::layout::CourseErrorView;
use crate::course::embedded_course;

/// The course in teaching order.
#[component]
pub fn Lessons() -> impl IntoView {
    view! {
        <Title text="Lessons" />
        <section class="page lessons">
            <ErrorBoundary fallback=|errors| view! { <CourseErrorView errors /> }>
                {embedded_course().map(|course| {
                    view! {
                        <h1>{course.manifest.title.clone()}</h1>
                        <ol class="lesson-list">
                            {course
                                .lessons
                                .iter()
                                .enumerate()
                                .map(|(index, lesson)| {
                                    let manifest = &lesson.manifest;
                                    view! {
                                        <li>
                                            <span class="lesson-number" aria-hidden="true">{index + 1}</span>
                                            <div>
                                                <h2>
                                                    <A href=format!("/lessons/{}", manifest.id)>{manifest.title.clone()}</A>
                                                </h2>
                                                <p>{manifest.summary.clone()}</p>
                                                <p class="meta">{format!("About {} minutes", manifest.minutes)}</p>
                                            </div>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                })}
            </ErrorBoundary>
        </section>
    }
}
