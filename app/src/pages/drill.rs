//! Drills: generated requests to predict, one after another, with streaks and mastery per
//! topic. Every drill is made in the page by the engine and answered by its evaluator.

use crate::components::title::Title;
use iamplay_engine::drill::{Topic, LEVELS};
use leptos::prelude::*;

use crate::components::drill_card::DrillCard;
use crate::interop::page;
use crate::practice::{mastery, nth};
use crate::progress::use_progress;

#[component]
pub fn DrillPage() -> impl IntoView {
    let store = use_progress();
    // A new run each visit; each drill keeps its own seed for the review.
    let run_seed = page::epoch_millis() as u64;
    let topic = RwSignal::new(None::<Topic>);
    let level = RwSignal::new(1_u8);
    let count = RwSignal::new(0_u64);
    let next = Callback::new(move |()| count.update(|c| *c += 1));
    let current = move || {
        let topics: Vec<Topic> = topic.get().into_iter().collect();
        nth(run_seed, count.get(), &topics, level.get())
    };
    let streak = move || store.with(|p| (p.practice.streak, p.practice.best_streak));
    let due = move || store.due().len();

    view! {
        <Title text="Drills" />
        <section class="page drill-page">
            <h1>"Drills"</h1>
            <p class="lead">
                "A setup and one request: predict what AWS decides. Press "
                <kbd>"1"</kbd> ", " <kbd>"2"</kbd> " or " <kbd>"3"</kbd>
                " to answer and " <kbd>"Enter"</kbd> " for the next drill."
            </p>
            <div class="drill-settings">
                <label>"Topic "
                    <select on:change=move |ev| {
                        topic.set(Topic::from_slug(&event_target_value(&ev)));
                        count.update(|c| *c += 1);
                    }>
                        <option value="">"Every topic, in turn"</option>
                        {Topic::ALL.iter().map(|t| view! { <option value=t.slug()>{t.title()}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Level "
                    <select on:change=move |ev| {
                        level.set(event_target_value(&ev).parse().unwrap_or(1));
                        count.update(|c| *c += 1);
                    }>
                        {LEVELS.map(|l| {
                            let words = match l { 1 => "1: one policy", 2 => "2: several policies", _ => "3: layers and accounts" };
                            view! { <option value=l.to_string()>{words}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <p class="drill-streak" data-testid="streak">
                    {move || { let (now, best) = streak(); format!("Streak {now} · best {best}") }}
                </p>
                <p class="meta">
                    {move || match due() {
                        0 => "Nothing due for review.".to_owned().into_any(),
                        n => view! { <a href="/review">{format!("{n} due for review")}</a> }.into_any(),
                    }}
                </p>
            </div>
            {move || {
                let reference = current();
                view! { <DrillCard reference on_graded=Callback::new(|_| ()) on_next=next next_label="Next drill" /> }
            }}
            <Mastery />
        </section>
    }
}

/// Right answers per topic, as the learner's drills went.
#[component]
pub fn Mastery() -> impl IntoView {
    let store = use_progress();
    view! {
        <section class="mastery" aria-labelledby="mastery-title">
            <h2 id="mastery-title">"Mastery by topic"</h2>
            <table class="score-table" data-testid="mastery">
                <thead><tr><th scope="col">"Topic"</th><th scope="col">"Right"</th><th scope="col">"Mastery"</th></tr></thead>
                <tbody>
                    {move || store.with(|p| Topic::ALL.iter().map(|t| {
                        let score = p.practice.topics.get(t.slug()).copied().unwrap_or_default();
                        view! {
                            <tr data-topic=t.slug()>
                                <th scope="row">{t.title()}</th>
                                <td>{format!("{} of {}", score.correct, score.total)}</td>
                                <td>{format!("{}%", mastery(score.correct, score.total))}</td>
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
        </section>
    }
}

/// Mastery per topic as bars (SVG); the same numbers are in the [`Mastery`] table beside it.
#[component]
pub fn MasteryChart() -> impl IntoView {
    const ROW: usize = 22;
    const LABEL: usize = 210;
    const BAR: usize = 300;
    let store = use_progress();
    let height = ROW * Topic::ALL.len() + 8;
    view! {
        <svg class="mastery-chart" role="img" aria-labelledby="mastery-chart-title" data-testid="mastery-chart"
            viewBox=format!("0 0 {} {height}", LABEL + BAR + 60) width="100%">
            <title id="mastery-chart-title">"Drill mastery by topic, in percent; the table below has the numbers."</title>
            {move || store.with(|p| Topic::ALL.iter().enumerate().map(|(row, t)| {
                let score = p.practice.topics.get(t.slug()).copied().unwrap_or_default();
                let percent = mastery(score.correct, score.total);
                let y = row * ROW + 4;
                let width = BAR * percent as usize / 100;
                let label = if score.total == 0 { "–".to_owned() } else { format!("{percent}%") };
                view! {
                    <g data-topic=t.slug()>
                        <text x="0" y=y + 15 class="chart-label">{t.title()}</text>
                        <rect x=LABEL y=y width=BAR height=ROW - 6 class="chart-track" />
                        <rect x=LABEL y=y width=width height=ROW - 6 class="chart-bar" />
                        <text x=LABEL + BAR + 8 y=y + 15 class="chart-value">{label}</text>
                    </g>
                }
            }).collect_view())}
        </svg>
    }
}
