//! Interview checkpoint: a timed session of course questions, predictions on generated drills
//! and policies to write, no feedback until the end, then a score by topic with every miss
//! explained and every written policy next to the model answer.

mod results;
mod running;

use crate::components::title::Title;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::course_gate::CourseGate;
use crate::course::Course;
use crate::course::Question;
use crate::interop::language::{catalog, load_catalog};
use crate::interop::{page, storage};
use crate::interview::{
    draw_items, question_bank, topics, write_tasks, Checkpoint, Command, Config, Event, Grader,
    Item, Kinds, ProgressSink, ResultSink, Rng, Stage, WriteTask,
};
use crate::progress::{use_progress, ProgressStore};

pub(crate) fn lesson_title(course: &Course, id: &str) -> String {
    course
        .lesson(id)
        .map_or_else(|| id.to_owned(), |l| l.manifest.title.value.clone())
}

/// What a session holds: the course's items to draw from, and where the session stands.
#[derive(Debug, Clone, Copy)]
struct Session {
    bank: StoredValue<Vec<Question>>,
    writes: StoredValue<Vec<WriteTask>>,
    checkpoint: RwSignal<Checkpoint>,
    /// Where a graded session is recorded.
    store: ProgressStore,
}

impl Session {
    /// Feeds the machine an event, and grades when it asks to.
    fn send(self, event: Event) {
        let Some(Some(Command::Grade {
            items,
            answers,
            seconds,
        })) = self.checkpoint.try_update(|c| c.apply(event))
        else {
            return;
        };
        let writes_any = items.iter().any(|i| matches!(i, Item::Write(_)));
        spawn_local(async move {
            // Written policies are graded as the scenario panel grades them, with the
            // catalogue that makes the least-privilege bound exact; without it (offline and
            // never loaded) the panel's grading without it.
            if writes_any {
                let _ = load_catalog().await;
            }
            let Some(score) = self.bank.try_with_value(|b| {
                self.writes.with_value(|writes| {
                    let grader = Grader {
                        bank: b,
                        writes,
                        catalog: catalog(),
                    };
                    let score = grader.score(&items, &answers);
                    ProgressSink {
                        store: self.store,
                        bank: b,
                        writes,
                        finished_at: storage::now_iso(),
                        seconds,
                    }
                    .record(&score);
                    score
                })
            }) else {
                return;
            };
            self.checkpoint
                .try_update(|c| c.apply(Event::Graded(score)));
        });
    }
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
    let session = Session {
        bank: StoredValue::new(question_bank(course)),
        writes: StoredValue::new(write_tasks(course)),
        checkpoint: RwSignal::new(Checkpoint::Setup),
        store: use_progress(),
    };
    let bank = session.bank;
    let all_topics = bank.with_value(|b| topics(b));
    // Answers change the checkpoint on every keystroke; the page's layout follows the stage.
    let stage = Memo::new(move |_| session.checkpoint.with(Checkpoint::stage));
    let count = RwSignal::new(10_usize);
    let minutes = RwSignal::new(20_u32);
    let chosen_topics = RwSignal::new(Vec::<String>::new());
    let kinds = RwSignal::new(Kinds::default());
    let now = RwSignal::new(page::now_millis());

    let finish = move || {
        session.send(Event::Finish {
            now_ms: page::now_millis(),
        });
    };
    let start = move |_| {
        let config = Config {
            count: count.get_untracked(),
            topics: chosen_topics.get_untracked(),
            minutes: minutes.get_untracked(),
        };
        let mut rng = Rng::new(page::epoch_millis() as u64);
        let picked = bank.with_value(|b| {
            session
                .writes
                .with_value(|w| draw_items(b, w, &config, kinds.get_untracked(), &mut rng))
        });
        if picked.iter().any(|i| matches!(i, Item::Write(_))) {
            // Loads while the candidate reads, for the editor's completions and the grading.
            spawn_local(async {
                let _ = load_catalog().await;
            });
        }
        let now_ms = page::now_millis();
        now.set(now_ms);
        session.send(Event::Start {
            items: picked,
            now_ms,
            minutes: config.minutes,
        });
    };
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let now_ms = page::now_millis();
            now.set(now_ms);
            if session.checkpoint.with_untracked(|c| c.due(now_ms)) {
                session.send(Event::Tick { now_ms });
            }
        },
        std::time::Duration::from_millis(500),
    ) {
        on_cleanup(move || handle.clear());
    }
    let remaining = move || session.checkpoint.with(|c| c.remaining(now.get()));
    let of_topics = move |lesson: &str| {
        chosen_topics.with(|topics| topics.is_empty() || topics.iter().any(|t| t == lesson))
    };
    let available = move || {
        bank.with_value(|b| {
            b.iter()
                .filter(|q| q.topic.as_ref().is_some_and(|t| of_topics(t)))
                .count()
        })
    };
    let writable = move || {
        session
            .writes
            .with_value(|w| w.iter().filter(|t| of_topics(t.lesson)).count())
    };
    let can_start = move || {
        let k = kinds.get();
        k.predict || (k.questions && available() > 0) || (k.write && writable() > 0)
    };
    let kind_box = move |label: &'static str,
                         get: fn(&Kinds) -> bool,
                         set: fn(&mut Kinds, bool)| {
        view! {
            <label>
                <input type="checkbox" prop:checked=move || kinds.with(get)
                    on:change=move |ev| { let on = event_target_checked(&ev); kinds.update(|k| set(k, on)); } />
                " " {label}
            </label>
        }
    };

    view! {
        <Title text="Interview checkpoint" />
        <section class="page interview">
            <h1>"Interview checkpoint"</h1>
            {move || match stage.get() {
                Stage::Setup => view! {
                    <form class="interview-setup" on:submit=move |ev| { ev.prevent_default(); start(()); }>
                        <p class="lead">"Questions from the course, decisions to predict and policies to write, one at a time, against the clock. No feedback until you finish."</p>
                        <fieldset>
                            <legend>"Kinds of item"</legend>
                            <div class="topic-choices">
                                {kind_box("Multiple choice", |k| k.questions, |k, on| k.questions = on)}
                                {kind_box("Predict AWS's decision", |k| k.predict, |k, on| k.predict = on)}
                                {kind_box("Write the policy", |k| k.write, |k, on| k.write = on)}
                            </div>
                        </fieldset>
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
                            <label for="iv-count">"Items "</label>
                            <input id="iv-count" type="number" min="1" max="60" prop:value=move || count.get().to_string()
                                on:input=move |ev| count.set(event_target_value(&ev).parse().unwrap_or(1).clamp(1, 60)) />
                            " "
                            <label for="iv-minutes">"Minutes "</label>
                            <input id="iv-minutes" type="number" min="1" max="120" prop:value=move || minutes.get().to_string()
                                on:input=move |ev| minutes.set(event_target_value(&ev).parse().unwrap_or(1).clamp(1, 120)) />
                        </p>
                        <p class="meta">{move || format!("{} questions available for these topics.", available())}</p>
                        <p class="meta">{move || match writable() { 1 => "1 policy to write".to_owned(), n => format!("{n} policies to write") } + " for these topics; decisions to predict are generated without end."}</p>
                        <button type="submit" class="button primary" disabled=move || !can_start()>"Start"</button>
                    </form>
                }.into_any(),
                Stage::Running => view! {
                    <running::ItemsView session remaining=Signal::derive(remaining) finish=Callback::new(move |()| finish()) />
                }.into_any(),
                Stage::Grading => view! { <p role="status">"Grading your answers…"</p> }.into_any(),
                Stage::Done => {
                    let result = session.checkpoint.with_untracked(|c| match c {
                        Checkpoint::Done(score) => Some(score.clone()),
                        _ => None,
                    });
                    result.map(|result| view! {
                        <results::Results course session result restart=Callback::new(move |()| session.send(Event::Restart)) />
                    }).into_any()
                }
            }}
        </section>
    }
}
