//! A running session: one item at a time, with the clock; answers are kept, never judged,
//! until the session ends.

use iamplay_course::QuestionKind;
use leptos::prelude::*;

use super::Session;
use crate::components::policy_editor::PolicyEditor;
use crate::components::scenario_panel::FixedPolicies;
use crate::components::Markdown;
use crate::course::Question;
use crate::interview::{Answer, Event, Item, WriteTask};
use crate::labels;
use crate::practice::{DrillRef, ANSWERS};
use crate::scenario::state::policy_text;

#[component]
pub fn ItemsView(
    session: Session,
    remaining: Signal<String>,
    finish: Callback<()>,
) -> impl IntoView {
    let checkpoint = session.checkpoint;
    let total = Memo::new(move |_| checkpoint.with(|c| c.sitting().map_or(0, |s| s.items.len())));
    let current = Memo::new(move |_| checkpoint.with(|c| c.sitting().map_or(0, |s| s.current)));
    // The item shown changes only on Previous and Next, not with each answer typed into it.
    let shown = Memo::new(move |_| {
        checkpoint.with(|c| c.sitting().and_then(|s| s.items.get(s.current).copied()))
    });
    view! {
        <p class="meta">
            {move || format!("Question {} of {}", current.get() + 1, total.get())} " · "
            <span class="timer" role="timer" aria-label="Time left">{move || remaining.get()}</span>
        </p>
        {move || {
            let position = current.get();
            match shown.get() {
                Some(Item::Question(index)) => session
                    .bank
                    .with_value(|b| b.get(index).cloned())
                    .map(|question| view! { <QuestionItem session position question /> }.into_any()),
                Some(Item::Predict(drill)) => Some(view! { <PredictItem session position drill /> }.into_any()),
                Some(Item::Write(index)) => session
                    .writes
                    .with_value(|w| w.get(index).copied())
                    .map(|task| view! { <WriteItem session position task /> }.into_any()),
                None => None,
            }
        }}
        <div class="question-nav">
            <button type="button" class="button quiet" disabled=move || current.get() == 0 on:click=move |_| session.send(Event::Previous)>"Previous"</button>
            {move || if current.get() + 1 < total.get() {
                view! { <button type="button" class="button primary" on:click=move |_| session.send(Event::Next)>"Next"</button> }.into_any()
            } else {
                view! { <button type="button" class="button primary" on:click=move |_| finish.run(())>"Finish"</button> }.into_any()
            }}
        </div>
    }
}

fn answer_at(session: Session, position: usize) -> Option<Answer> {
    session.checkpoint.with(|c| c.answer(position).cloned())
}

fn set_answer(session: Session, position: usize, answer: Option<Answer>) {
    session.send(Event::Answer { position, answer });
}

#[component]
fn QuestionItem(session: Session, position: usize, question: Question) -> impl IntoView {
    let multiple = question.kind == QuestionKind::Multiple;
    let group = format!("q-{position}");
    let chosen = move || match answer_at(session, position) {
        Some(Answer::Choices(chosen)) => chosen,
        _ => Vec::new(),
    };
    view! {
        <fieldset class="question" data-testid="question">
            <legend class="visually-hidden">{format!("Question {}", position + 1)}</legend>
            <Markdown document=question.prompt.value.clone() />
            {multiple.then(|| view! { <p class="meta">"Choose every correct answer."</p> })}
            <ul class="question-options">
                {question.options.iter().enumerate().map(|(i, option)| {
                    view! {
                        <li><label>
                            <input type=if multiple { "checkbox" } else { "radio" } name=group.clone()
                                prop:checked=move || chosen().contains(&i)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let mut now = if multiple { chosen() } else { Vec::new() };
                                    now.retain(|x| *x != i);
                                    if on { now.push(i); }
                                    set_answer(session, position, (!now.is_empty()).then_some(Answer::Choices(now)));
                                } />
                            " " {option.text.value.clone()}
                        </label></li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

#[component]
fn PredictItem(session: Session, position: usize, drill: DrillRef) -> impl IntoView {
    let Some(made) = drill.make() else {
        return view! { <p class="error">"This drill could not be made; go on to the next item."</p> }.into_any();
    };
    let group = format!("p-{position}");
    let policies = made
        .shown
        .iter()
        .map(|policy| {
            let heading = format!("{} `{}`", policy.layer.policy_title(), policy.name);
            view! {
                <figure class="drill-policy">
                    <figcaption>{heading}</figcaption>
                    <pre><code>{policy.text.clone()}</code></pre>
                </figure>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question predict-item" data-testid="predict-item">
            <legend>"What does AWS decide?"</legend>
            <p class="drill-story">{made.story.clone()}</p>
            {policies}
            <ul class="question-options">
                {ANSWERS.into_iter().map(|decision| {
                    let label = labels::decision_title(decision);
                    view! {
                        <li><label>
                            <input type="radio" name=group.clone()
                                prop:checked=move || answer_at(session, position) == Some(Answer::Decision(decision))
                                on:change=move |_| set_answer(session, position, Some(Answer::Decision(decision))) />
                            " " {label}
                        </label></li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
    .into_any()
}

#[component]
fn WriteItem(session: Session, position: usize, task: WriteTask) -> impl IntoView {
    let scenario = task.scenario;
    let starter = policy_text(&scenario.starter);
    // Read once: the editor keeps the text from here on, and must not be made again per key.
    let opening = match session
        .checkpoint
        .with_untracked(|c| c.answer(position).cloned())
    {
        Some(Answer::Policy(text)) => text,
        _ => starter.clone(),
    };
    let on_change = Callback::new(move |text: String| {
        // The starter left as it was is no answer.
        let answer = (text != starter).then_some(Answer::Policy(text));
        set_answer(session, position, answer);
    });
    view! {
        <section class="write-item" data-testid="write-item" aria-label="Write the policy">
            <h2>{format!("Write the policy: {}", scenario.title)}</h2>
            <Markdown document=scenario.task.value.clone() />
            <FixedPolicies scenario />
            <h3 class="editor-title">{scenario.edit.name.value.clone()}</h3>
            <PolicyEditor
                text=Signal::stored(opening)
                label=format!("Your answer: {}", scenario.edit.name)
                on_change
                markers=Signal::stored(Vec::new())
            />
            <p class="keyboard-tip">
                "In the editor, Tab indents. To leave it with the keyboard, press "
                <kbd>"Ctrl"</kbd>"+"<kbd>"M"</kbd>" then "<kbd>"Tab"</kbd>"."
            </p>
        </section>
    }
}
