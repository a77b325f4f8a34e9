use crate::components::title::Title;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::course_gate::CourseGate;
use crate::progress::{scenario_key, status_class, use_progress};

/// The course in teaching order, with the learner's progress in each lesson.
#[component]
pub fn Lessons() -> impl IntoView {
    let store = use_progress();
    view! {
        <section class="page lessons">
            <CourseGate let:course>
                // Inside the gate, so it replaces the loading title once the course is in.
                <Title text="Lessons" />
                <h1>{course.manifest.title.value.clone()}</h1>
                <ol class="lesson-list">
                    {course.lessons.iter().enumerate().map(|(index, lesson)| {
                        let manifest = &lesson.manifest;
                        let status = move || {
                            let scenarios: Vec<&str> = manifest.scenarios.iter().map(|s| s.id.as_str()).collect();
                            let questions: Vec<&str> = manifest.questions.iter().map(|q| q.id.as_str()).collect();
                            store.with(|p| p.lesson_status(&manifest.id, &scenarios, &questions, |key| {
                                store.has_draft(key) && key.starts_with(&scenario_key(&manifest.id, ""))
                            }))
                        };
                        view! {
                            <li>
                                <span class="lesson-number" aria-hidden="true">{index + 1}</span>
                                <div>
                                    <h2>
                                        <A href=format!("/lessons/{}", manifest.id)>{manifest.title.value.clone()}</A>
                                    </h2>
                                    <p>{manifest.summary.value.clone()}</p>
                                    <p class="meta">
                                        <span class=move || format!("lesson-status {}", status_class(status()))>{move || status().label()}</span>
                                        {format!(" · About {} minutes", manifest.minutes)}
                                    </p>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <p class="progress-link"><A href="/progress">"Your progress, export and import"</A></p>
                <p class="progress-link"><A href="/course">"Run your own course from a file"</A></p>
            </CourseGate>
        </section>
    }
}
