//! `/glossary`: every term of the course with its definition and the lesson that teaches it,
//! each entry an anchor (`/glossary#trust-policy`) that lesson text links to.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::course_gate::CourseGate;
use crate::components::Markdown;

#[component]
pub fn Glossary() -> impl IntoView {
    view! {
        <section class="page glossary">
            <CourseGate let:course>
                <Title text="Glossary" />
                <h1>"Glossary"</h1>
                <p class="lede">
                    {format!("{} terms of the course, each with the lesson that teaches it.", course.glossary.len())}
                </p>
                <dl class="glossary-list">
                    {course.glossary.iter().map(|term| {
                        let lesson = course.lesson(&term.lesson);
                        view! {
                            <div class="glossary-entry" id=term.id.value.clone() tabindex="-1">
                                <dt>{term.term.value.clone()}</dt>
                                <dd>
                                    <Markdown document=term.definition.value.clone() />
                                    {lesson.map(|lesson| view! {
                                        <p class="glossary-lesson">
                                            "Taught in "
                                            <a href=format!("/lessons/{}", lesson.manifest.id)>{lesson.manifest.title.value.clone()}</a>
                                        </p>
                                    })}
                                </dd>
                            </div>
                        }
                    }).collect_view()}
                </dl>
            </CourseGate>
        </section>
    }
}
