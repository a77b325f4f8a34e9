//! Interview checkpoint: a timed session from the course's question bank, no feedback until the
//! end, then a score by topic with every missed question explained.

use crate::components::title::Title;
use leptos::prelude::*;

use crate::components::course_gate::CourseGate;
use crate::components::Markdown;
use crate::course::Course;
use crate::course::Question;
use crate::interop::{page, storage};
use crate::interview::{draw, score, topics, Config, ProgressSink, ResultSink, Rng, Score};
use crate::progress::use_progress;
use iamplay_course::QuestionKind;

/// The bank: every course question that names the lesson it tests.
fn bank(course: &Course) -> Vec<Question> {
    course
        .lessons
        .iter()
        .flat_map(|l| l.manifest.questions.iter())
        .filter(|q| q.topic.is_some())
        .cloned()
        .collect()
}

pub(crate) fn lesson_title(course: &Course, id: &str) -> String {
    course
        .lesson(id)
        .map_or_else(|| id.to_owned(), |l| l.manifest.title.clone())
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Setup,
    Running,
    Done(Score),
}

#[component]
pub fn Interview() -> impl IntoView {
    view! {
        <CourseGate let:course>
            <InterviewView course />
        </CourseGate>
    }
}

#[component]
fn InterviewView(course: &'static Course) -> impl IntoView {
    let bank = StoredValue::new(bank(course));
    let all_topics = bank.with_value(|b| topics(b));
    let phase = RwSignal::new(Phase::Setup);
    let count = RwSignal::new(10_usize);
    let minutes = RwSignal::new(15_u32);
    let chosen_topics = RwSignal::new(Vec::<String>::new());
    let drawn = RwSignal::new(Vec::<usize>::new());
    let answers = RwSignal::new(Vec::<Option<Vec<usize>>>::new());
    let current = RwSignal::new(0_usize);
    let started = RwSignal::new(0.0_f64);
    let deadline = RwSignal::new(0.0_f64);
    let now = RwSignal::new(page::now_millis());
    let store = use_progress();

    let finish = move || {
        let result = bank.with_value(|b| {
            let result = score(b, &drawn.get_untracked(), &answers.get_untracked());
            let elapsed = (page::now_millis() - started.get_untracked()) / 1000.0;
            ProgressSink {
                store,
                bank: b,
                finished_at: storage::now_iso(),
                seconds: elapsed.round().max(0.0) as u32,
            }
            .record(&result);
            result
        });
        phase.set(Phase::Done(result));
    };
    let start = move |_| {
        let config = Config {
            count: count.get_untracked(),
            topics: chosen_topics.get_untracked(),
            minutes: minutes.get_untracked(),
        };
        let mut rng = Rng::new(page::epoch_millis() as u64);
        let picked = bank.with_value(|b| draw(b, &config, &mut rng));
        answers.set(vec![None; picked.len()]);
        drawn.set(picked);
        current.set(0);
        started.set(page::now_millis());
        deadline.set(page::now_millis() + f64::from(config.minutes) * 60_000.0);
        phase.set(Phase::Running);
    };
    if let Ok(handle) = set_interval_with_handle(
        move || {
            now.set(page::now_millis());
            if phase.get_untracked() == Phase::Running
                && now.get_untracked() >= deadline.get_untracked()
            {
                finish();
            }
        },
        std::time::Duration::from_millis(500),
    ) {
        on_cleanup(move || handle.clear());
    }
    let remaining = move || {
        let left = ((deadline.get() - now.get()) / 1000.0).max(0.0) as u64;
        format!("{}:{:02}", left / 60, left % 60)
    };
    let available = move || {
        let topics = chosen_topics.get();
        bank.with_value(|b| {
            b.iter()
                .filter(|q| {
                    topics.is_empty() || q.topic.as_ref().is_some_and(|t| topics.contains(t))
                })
                .count()
        })
    };

    view! {
        <Title text="Interview checkpoint" />
        <section class="page interview">
            <h1>"Interview checkpoint"</h1>
            {move || match phase.get() {
                Phase::Setup => view! {
                    <form class="interview-setup" on:submit=move |ev| { ev.prevent_default(); start(()); }>
                        <p class="lead">"Questions from the course, one at a time, against the clock. No feedback until you finish."</p>
                        <fieldset>
                            <legend>"Topics (none chosen: all)"</legend>
                            <div class="topic-choices">
                                {all_topics.iter().map(|topic| {
                                    let t = topic.clone();
                                    let t2 = topic.clone();
                                    view! {
                                        <label>
                                            <input type="checkbox"
                                                prop:checked=move || chosen_topics.with(|c| c.contains(&t))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    chosen_topics.update(|c| { c.retain(|x| x != &t2); if on { c.push(t2.clone()); } });
                                                } />
                                            " " {lesson_title(course, topic)}
                                        </label>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                        <p>
                            <label for="iv-count">"Questions "</label>
                            <input id="iv-count" type="number" min="1" max="43" prop:value=move || count.get().to_string()
                                on:input=move |ev| count.set(event_target_value(&ev).parse().unwrap_or(1).max(1)) />
                            " "
                            <label for="iv-minutes">"Minutes "</label>
                            <input id="iv-minutes" type="number" min="1" max="120" prop:value=move || minutes.get().to_string()
                                on:input=move |ev| minutes.set(event_target_value(&ev).parse().unwrap_or(1).max(1)) />
                        </p>
                        <p class="meta">{move || format!("{} questions available for these topics.", available())}</p>
                        <button type="submit" class="button primary" disabled=move || available() == 0>"Start"</button>
                    </form>
                }.into_any(),
                Phase::Running => view! {
                    <QuestionView bank drawn answers current remaining=Signal::derive(remaining) finish=Callback::new(move |()| finish()) />
                }.into_any(),
                Phase::Done(result) => view! { <Results course bank result restart=Callback::new(move |()| phase.set(Phase::Setup)) /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn QuestionView(
    bank: StoredValue<Vec<Question>>,
    drawn: RwSignal<Vec<usize>>,
    answers: RwSignal<Vec<Option<Vec<usize>>>>,
    current: RwSignal<usize>,
    remaining: Signal<String>,
    finish: Callback<()>,
) -> impl IntoView {
    let total = move || drawn.with(Vec::len);
    view! {
        <p class="meta">
            {move || format!("Question {} of {}", current.get() + 1, total())} " · "
            <span class="timer" role="timer" aria-label="Time left">{move || remaining.get()}</span>
        </p>
        {move || {
            let position = current.get();
            let Some(question) = drawn.with(|d| d.get(position).copied()).and_then(|i| bank.with_value(|b| b.get(i).cloned())) else {
                return ().into_any();
            };
            let multiple = question.kind == QuestionKind::Multiple;
            let group = format!("q-{position}");
            view! {
                <fieldset class="question" data-testid="question">
                    <legend class="visually-hidden">{format!("Question {}", position + 1)}</legend>
                    <Markdown document=question.prompt.clone() />
                    {multiple.then(|| view! { <p class="meta">"Choose every correct answer."</p> })}
                    <ul class="question-options">
                        {question.options.iter().enumerate().map(|(i, option)| {
                            let checked = move || answers.with(|a| a.get(position).cloned().flatten().is_some_and(|c| c.contains(&i)));
                            view! {
                                <li><label>
                                    <input type=if multiple { "checkbox" } else { "radio" } name=group.clone()
                                        prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            answers.update(|a| {
                                                if let Some(slot) = a.get_mut(position) {
                                                    let mut chosen = slot.take().unwrap_or_default();
                                                    if !multiple { chosen.clear(); }
                                                    chosen.retain(|x| *x != i);
                                                    if on { chosen.push(i); }
                                                    *slot = (!chosen.is_empty()).then_some(chosen);
                                                }
                                            });
                                        } />
                                    " " {option.text.clone()}
                                </label></li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
            }.into_any()
        }}
        <div class="question-nav">
            <button type="button" class="button quiet" disabled=move || current.get() == 0 on:click=move |_| current.update(|c| *c = c.saturating_sub(1))>"Previous"</button>
            {move || if current.get() + 1 < total() {
                view! { <button type="button" class="button primary" on:click=move |_| current.update(|c| *c += 1)>"Next"</button> }.into_any()
            } else {
                view! { <button type="button" class="button primary" on:click=move |_| finish.run(())>"Finish"</button> }.into_any()
            }}
        </div>
    }
}

#[component]
fn Results(
    course: &'static Course,
    bank: StoredValue<Vec<Question>>,
    result: Score,
    restart: Callback<()>,
) -> impl IntoView {
    let weak: Vec<String> = result
        .weak_topics()
        .into_iter()
        .map(str::to_owned)
        .collect();
    view! {
        <h2 data-testid="score">{format!("Score: {} of {} ({}%)", result.correct, result.total, result.percent())}</h2>
        <table class="score-table">
            <caption class="visually-hidden">"Score by topic"</caption>
            <thead><tr><th scope="col">"Topic"</th><th scope="col">"Correct"</th></tr></thead>
            <tbody>
                {result.by_topic.clone().into_iter().map(|t| {
                    let title = lesson_title(course, &t.topic);
                    view! {
                        <tr><td><a href=format!("/lessons/{}", t.topic)>{title}</a></td><td>{format!("{} / {}", t.correct, t.total)}</td></tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {(!weak.is_empty()).then(move || view! {
            <h2>"Lessons to review"</h2>
            <ul>{weak.into_iter().map(|t| { let title = lesson_title(course, &t); view! { <li><a href=format!("/lessons/{t}")>{title}</a></li> } }).collect_view()}</ul>
        })}
        <h2>{format!("Missed questions ({})", result.missed.len())}</h2>
        {result.missed.iter().filter_map(|missed| bank.with_value(|b| b.get(missed.question).cloned()).map(|q| (missed.chosen.clone(), q))).map(|(chosen, q)| view! {
            <article class="missed-question">
                <Markdown document=q.prompt.clone() />
                <p>{if chosen.is_empty() { "Not answered.".to_owned() } else { format!("You chose: {}", chosen.iter().filter_map(|i| q.options.get(*i)).map(|o| o.text.clone()).collect::<Vec<_>>().join("; ")) }}</p>
                <ul>
                    {q.options.iter().filter(|o| o.correct || chosen.iter().any(|i| q.options.get(*i) == Some(*o))).map(|o| view! {
                        <li><strong>{if o.correct { "Correct: " } else { "Wrong: " }}</strong>{o.text.clone()} " — " {o.explanation.clone()}</li>
                    }).collect_view()}
                </ul>
                {q.model_answer.clone().map(|m| view! { <details><summary>"Model answer"</summary><Markdown document=m /></details> })}
            </article>
        }).collect_view()}
        <p class="meta">"This session is kept on " <a href="/progress">"your progress page"</a> "."</p>
        <button type="button" class="button" on:click=move |_| restart.run(())>"Another session"</button>
    }
}
