use crate::components::title::Title;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::course_gate::CourseGate;
use crate::components::question::QuestionCard;
use crate::components::scenario_panel::ScenarioPanel;
use crate::components::Markdown;
use crate::course::Lesson as CourseLesson;
use crate::interop::scroll;

/// One lesson, by the id in the URL (`/lessons/:id`, or `/lessons/:id/:scenario` to open at a
/// scenario).
#[component]
pub fn Lesson() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let scenario = move || params.with(|p| p.get("scenario"));
    view! {
        <CourseGate let:course>
            {move || {
                let id = id();
                match course.lesson(&id) {
                    Some(lesson) => {
                        let position = course.lessons.iter().position(|l| l.manifest.id == id).unwrap_or(0);
                        let previous = position.checked_sub(1).and_then(|i| course.lessons.get(i));
                        let next = course.lessons.get(position + 1);
                        let target = scenario();
                        let known = target.as_ref().is_none_or(|s| lesson.manifest.scenarios.iter().any(|x| &x.id == s));
                        if known {
                            view! { <LessonView lesson previous next target number=position + 1 /> }.into_any()
                        } else {
                            view! { <UnknownLesson id=format!("{id}/{}", target.unwrap_or_default()) what="scenario" /> }.into_any()
                        }
                    }
                    None => view! { <UnknownLesson id what="lesson" /> }.into_any(),
                }
            }}
        </CourseGate>
    }
}

#[component]
fn LessonView(
    lesson: &'static CourseLesson,
    previous: Option<&'static CourseLesson>,
    next: Option<&'static CourseLesson>,
    target: Option<String>,
    number: usize,
) -> impl IntoView {
    let manifest = &lesson.manifest;
    if let Some(target) = target {
        Effect::new(move |_| scroll::reveal(target.clone()));
    }
    let lesson_id = manifest.id.value.clone();
    view! {
        <Title text=manifest.title.value.clone() />
        <article class="page lesson">
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <A href="/lessons">"Lessons"</A>" › "{format!("Lesson {number}")}
            </nav>
            <h1>{manifest.title.value.clone()}</h1>
            <p class="lead">{manifest.summary.value.clone()}</p>
            <p class="meta">{format!("About {} minutes", manifest.minutes)}</p>
            <section class="objectives" aria-labelledby="objectives-title">
                <h2 id="objectives-title">"You will be able to"</h2>
                <ul>
                    {manifest.objectives.iter().map(|o| view! { <li>{o.value.clone()}</li> }).collect_view()}
                </ul>
            </section>
            <Markdown document=lesson.prose.clone() skip_title=manifest.title.value.clone() />
            {(!manifest.scenarios.is_empty()).then(|| view! {
                <section class="scenarios" aria-labelledby="scenarios-title">
                    <h2 id="scenarios-title">"Practice"</h2>
                    {manifest.scenarios.iter().map(|scenario| view! {
                        <ScenarioPanel lesson=lesson_id.clone() scenario />
                    }).collect_view()}
                </section>
            })}
            {(!manifest.questions.is_empty()).then(|| view! {
                <section class="questions" aria-labelledby="questions-title">
                    <h2 id="questions-title">"Checkpoint"</h2>
                    {manifest.questions.iter().enumerate().map(|(i, question)| view! {
                        <QuestionCard question number=i + 1 />
                    }).collect_view()}
                </section>
            })}
            <nav class="lesson-pager" aria-label="Lessons">
                {previous.map(|l| view! {
                    <A href=format!("/lessons/{}", l.manifest.id) attr:class="pager-previous" attr:rel="prev">
                        "← Previous: "{l.manifest.title.value.clone()}
                    </A>
                })}
                {next.map(|l| view! {
                    <A href=format!("/lessons/{}", l.manifest.id) attr:class="pager-next" attr:rel="next">
                        "Next: "{l.manifest.title.value.clone()}" →"
                    </A>
                })}
            </nav>
        </article>
    }
}

#[component]
fn UnknownLesson(id: String, what: &'static str) -> impl IntoView {
    view! {
        <Title text="Lesson not found" />
        <section class="page not-found">
            <h1>"Lesson not found"</h1>
            <p>{format!("There is no {what} ")}<code>{id}</code>" in this course."</p>
            <p><A href="/lessons">"See all lessons"</A></p>
        </section>
    }
}
