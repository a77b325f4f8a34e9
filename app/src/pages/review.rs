//! Spaced review: the drills missed come back to answer here, one after another; questions
//! and scenarios due are listed with a link to where they are answered.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::course_gate::CourseGate;
use crate::components::drill_card::DrillCard;
use crate::course::Course;
use crate::practice::DrillRef;
use crate::progress::review::Item;
use crate::progress::use_progress;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let store = use_progress();
    let first_due = move || {
        store
            .due()
            .into_iter()
            .find_map(|(item, _)| DrillRef::from_item(&item))
    };
    // Held still while it is answered: answering moves its card out of today's list.
    let current = RwSignal::new(untrack(first_due));
    let next = Callback::new(move |()| current.set(first_due()));
    let others = move || {
        store
            .due()
            .into_iter()
            .filter(|(item, _)| !matches!(item, Item::Drill { .. }))
            .map(|(item, _)| item)
            .collect::<Vec<_>>()
    };
    view! {
        <Title text="Review" />
        <section class="page review-page">
            <h1>"Review"</h1>
            <p class="lead" data-testid="due-count">{move || due_sentence(store.due().len())}</p>
            <h2>"Drills"</h2>
            {move || match current.get() {
                Some(reference) => view! {
                    <DrillCard reference on_graded=Callback::new(|_| ()) on_next=next next_label="Next review" />
                }.into_any(),
                None => view! {
                    <p>"No drill is due. " <a href="/drill">"Practise with new drills"</a> "."</p>
                }.into_any(),
            }}
            {move || {
                let items = others();
                (!items.is_empty()).then(|| view! {
                    <h2>"Questions and scenarios"</h2>
                    <CourseGate nested=true let:course>
                        <ul class="review-items">
                            {items.iter().map(|item| item_link(course, item)).collect_view()}
                        </ul>
                    </CourseGate>
                })
            }}
        </section>
    }
}

pub fn due_sentence(count: usize) -> String {
    match count {
        0 => "Nothing is due for review today.".to_owned(),
        1 => "1 item is due for review today.".to_owned(),
        n => format!("{n} items are due for review today."),
    }
}

fn item_link(course: &'static Course, item: &Item) -> impl IntoView {
    let (href, text) = match item {
        Item::Question(id) => {
            let lesson = course
                .lessons
                .iter()
                .find(|l| l.manifest.questions.iter().any(|q| &q.id == id));
            match lesson {
                Some(l) => (
                    format!("/lessons/{}", l.manifest.id),
                    format!("A question of “{}”", l.manifest.title),
                ),
                None => return ().into_any(),
            }
        }
        Item::Scenario(key) => {
            let Some((lesson, scenario)) = key.split_once('/') else {
                return ().into_any();
            };
            let title = course
                .lesson(lesson)
                .and_then(|l| l.manifest.scenarios.iter().find(|s| s.id == scenario))
                .map_or_else(|| key.clone(), |s| s.title.value.clone());
            (format!("/lessons/{key}"), format!("Solve “{title}”"))
        }
        Item::Drill { .. } => return ().into_any(),
    };
    view! { <li><a href=href>{text}</a></li> }.into_any()
}
