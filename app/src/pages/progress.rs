use crate::components::title::Title;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::course_gate::CourseGate;
use crate::course::{use_course, Course, CourseStore};
use crate::interop::files;
use crate::progress::{scenario_key, use_progress, InterviewResult};

/// What the learner has done, lesson by lesson, with export, import and reset.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let store = use_progress();
    let message = RwSignal::new(None::<(bool, String, Option<&'static str>)>);
    let confirming = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();

    let export = move |_| {
        let text = store.export();
        match files::download("iam-playground-progress.json", &text) {
            Ok(()) => message.set(Some((
                true,
                "Your progress was saved to iam-playground-progress.json.".into(),
                None,
            ))),
            Err(err) => message.set(Some((false, format!("The export failed: {err}."), None))),
        }
    };
    let import = move |_| {
        let Some(element) = input.get() else { return };
        spawn_local(async move {
            match files::read_chosen(&element).await {
                Ok(Some(text)) => match store.import(&text) {
                    Ok(imported) => message.set(Some((
                        true,
                        format!(
                            "Imported: {} scenarios, {} answers, {} interview sessions, {} drafts.",
                            imported.progress.scenarios.len(),
                            imported.progress.questions.len(),
                            imported.progress.interviews.len(),
                            imported.drafts.len()
                        ),
                        None,
                    ))),
                    Err(err) => message.set(Some((
                        false,
                        format!("The file was not imported: {err}."),
                        Some(err.help()),
                    ))),
                },
                Ok(None) => {}
                Err(err) => message.set(Some((
                    false,
                    format!("The file was not imported: {err}."),
                    None,
                ))),
            }
            element.set_value("");
        });
    };

    let lessons = move |course: &'static Course| {
        course.lessons.iter().map(|lesson| {
            let m = &lesson.manifest;
            let id = m.id.clone();
            let row = Signal::derive(move || store.with(|p| {
                let solved = m.scenarios.iter().filter(|s| p.scenario(&scenario_key(&id, &s.id)).completed).count();
                let right = m.questions.iter().filter(|q| p.questions.get(q.id.as_str()).is_some_and(|a| a.correct)).count();
                (solved, right)
            }));
            view! {
                <tr>
                    <th scope="row"><a href=format!("/lessons/{}", m.id)>{m.title.value.clone()}</a></th>
                    <td>{move || format!("{} of {}", row.get().0, m.scenarios.len())}</td>
                    <td>{move || format!("{} of {}", row.get().1, m.questions.len())}</td>
                </tr>
            }
        }).collect_view()
    };

    let interviews = move || store.with(|p| p.interviews.clone());

    view! {
        <Title text="Your progress" />
        <section class="page progress">
            <h1>"Your progress"</h1>
            <p>"Progress and drafts are kept in this browser only. Export them to move to another browser or to keep a copy."</p>
            <CourseGate nested=true let:course>
                <div class="table-scroll">
                    <table class="progress-table">
                        <thead><tr><th scope="col">"Lesson"</th><th scope="col">"Scenarios solved"</th><th scope="col">"Questions right"</th></tr></thead>
                        <tbody>{lessons(course)}</tbody>
                    </table>
                </div>
            </CourseGate>
            <h2>"Drills"</h2>
            <p>
                {move || crate::pages::review::due_sentence(store.due().len())} " "
                <a href="/review">"Open the review"</a> " · " <a href="/drill">"Practise"</a>
            </p>
            <crate::pages::drill::MasteryChart />
            <crate::pages::drill::Mastery />
            {move || {
                let list = interviews();
                (!list.is_empty()).then(|| view! {
                    <h2>"Interview sessions"</h2>
                    <ol class="interviews" reversed data-testid="interview-sessions">
                        {list.into_iter().rev().map(|r| view! { <InterviewSession result=r /> }).collect_view()}
                    </ol>
                })
            }}
            <h2>"Keep or move your progress"</h2>
            <div class="progress-actions">
                <button type="button" on:click=export>"Export progress"</button>
                <label class="file-button">
                    "Import progress from a file "
                    <input type="file" accept="application/json,.json" node_ref=input on:change=import />
                </label>
            </div>
            {move || message.get().map(|(ok, text, help)| view! {
                <div class=if ok { "notice ok" } else { "notice error" } role=if ok { "status" } else { "alert" }>
                    <p>{text}</p>
                    {help.map(|h| view! { <p class="help">{h}</p> })}
                </div>
            })}
            <h2>"Start over"</h2>
            {move || if confirming.get() {
                view! {
                    <div class="confirm" role="group" aria-label="Confirm reset">
                        <p>"Erase all progress, interview sessions and every draft in this browser? This cannot be undone; export first to keep a copy."</p>
                        <button type="button" class="danger" on:click=move |_| {
                            store.reset();
                            confirming.set(false);
                            message.set(Some((true, "All progress and drafts were erased.".into(), None)));
                        }>"Yes, erase everything"</button>
                        " "
                        <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" class="danger" on:click=move |_| confirming.set(true)>"Reset progress…"</button> }.into_any()
            }}
        </section>
    }
}

/// `2026-11-23 07:05 UTC` from an ISO 8601 time; other text is shown as it is.
fn when(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(day), Some(time)) if iso.ends_with('Z') => format!("{day} {time} UTC"),
        _ => iso.to_owned(),
    }
}

/// The lesson's title, or its id until the course is loaded (or if it has gone since).
fn lesson_title(store: CourseStore, id: &str) -> String {
    store.course().map_or_else(
        || id.to_owned(),
        |course| super::interview::lesson_title(course, id),
    )
}

/// One past session: when, the score, and the score by topic (lesson).
#[component]
fn InterviewSession(result: InterviewResult) -> impl IntoView {
    let course = use_course();
    let percent = (result.correct * 100)
        .checked_div(result.total)
        .unwrap_or(0);
    // Sessions adopted from before progress kept them have no duration.
    let duration = (result.seconds > 0).then(|| format!(" in {} min", result.seconds.div_ceil(60)));
    view! {
        <li class="interview-session">
            <p>
                <strong>{format!("{} of {} right ({percent}%)", result.correct, result.total)}</strong>
                {duration}
                " · " <time datetime=result.finished_at.clone()>{when(&result.finished_at)}</time>
            </p>
            {(result.predicted.total > 0 || result.written.total > 0).then(|| view! {
                <p class="meta">{kind_scores(&result)}</p>
            })}
            <ul class="topic-scores" aria-label="Score by topic">
                {result.topics.into_iter().map(|(topic, score)| view! {
                    <li>
                        <a href=format!("/lessons/{topic}")>{let id = topic.clone(); move || lesson_title(course, &id)}</a>
                        {format!(": {} / {}", score.correct, score.total)}
                    </li>
                }).collect_view()}
            </ul>
        </li>
    }
}

/// The predictions and written policies of a session, when it had any.
fn kind_scores(result: &InterviewResult) -> String {
    let mut parts = Vec::new();
    if result.predicted.total > 0 {
        parts.push(format!(
            "predictions {} / {}",
            result.predicted.correct, result.predicted.total
        ));
    }
    if result.written.total > 0 {
        parts.push(format!(
            "policies written {} / {}",
            result.written.correct, result.written.total
        ));
    }
    let text = parts.join(", ");
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::when;

    #[test]
    fn a_session_names_its_predictions_and_written_policies() {
        use crate::progress::{InterviewResult, TopicScore};
        let tally = |correct, total| TopicScore { correct, total };
        let result = InterviewResult {
            predicted: tally(2, 3),
            written: tally(0, 1),
            ..InterviewResult::default()
        };
        assert_eq!(
            super::kind_scores(&result),
            "Predictions 2 / 3, policies written 0 / 1"
        );
        let written_only = InterviewResult {
            written: tally(1, 2),
            ..InterviewResult::default()
        };
        assert_eq!(super::kind_scores(&written_only), "Policies written 1 / 2");
    }

    #[test]
    fn session_times_read_plainly() {
        assert_eq!(when("2026-11-23T07:05:09.250Z"), "2026-11-23 07:05 UTC");
        assert_eq!(when("yesterday"), "yesterday");
    }
}
