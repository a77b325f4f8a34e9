//! One drill to answer: the request, the policies, the three answers (keys 1 to 3), the
//! follow-up at level 2 and up, then the evaluator's explanation with the deciding statements
//! highlighted. Shared by the drill page and the review.

use iamplay_engine::eval::Decision;
use leptos::ev;
use leptos::prelude::*;

use crate::interop::page;
use crate::labels;
use crate::practice::{follow_up, grade, highlighted, DrillRef, ANSWERS};
use crate::progress::use_progress;

/// Keys typed into a form control belong to it, not to the drill.
fn typed_into_control(event: &ev::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

#[component]
pub fn DrillCard(
    reference: DrillRef,
    /// Called once the drill is graded, with whether the answer was right.
    on_graded: Callback<bool>,
    /// Enter (or the button) after grading.
    on_next: Callback<()>,
    #[prop(into)] next_label: String,
) -> impl IntoView {
    let started = page::now_millis();
    let Some(drill) = reference.make() else {
        return view! { <p class="error">"This drill could not be made again; skip it."</p> }
            .into_any();
    };
    let generated_ms = page::now_millis() - started;
    let drill = StoredValue::new(drill);
    let question = drill.with_value(follow_up);
    let decision = RwSignal::new(None::<Decision>);
    let follow = RwSignal::new(None::<usize>);
    let graded = RwSignal::new(None::<bool>);
    let store = use_progress();

    let finish = move || {
        let (Some(chosen), None) = (decision.get_untracked(), graded.get_untracked()) else {
            return;
        };
        let right = drill.with_value(|d| grade(d, chosen, follow.get_untracked()));
        graded.set(Some(right));
        store.record_drill(reference.topic.slug(), &reference.item(), right);
        on_graded.run(right);
    };
    let needs_follow = question.is_some();
    let choose_decision = move |d: Decision| {
        if graded.get_untracked().is_none() {
            decision.set(Some(d));
            if !needs_follow {
                finish();
            }
        }
    };
    let choose_follow = move |i: usize| {
        if graded.get_untracked().is_none() && decision.get_untracked().is_some() {
            follow.set(Some(i));
            finish();
        }
    };
    let options_len = question.as_ref().map_or(0, |q| q.options.len());
    let keys = window_event_listener(ev::keydown, move |event| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || typed_into_control(&event) {
            return;
        }
        let key = event.key();
        if key == "Enter" && graded.get_untracked().is_some() {
            event.prevent_default();
            on_next.run(());
            return;
        }
        let Some(n) = key.parse::<usize>().ok().filter(|n| *n >= 1) else {
            return;
        };
        if decision.get_untracked().is_none() {
            if let Some(d) = ANSWERS.get(n - 1) {
                event.prevent_default();
                choose_decision(*d);
            }
        } else if n <= options_len {
            event.prevent_default();
            choose_follow(n - 1);
        }
    });
    on_cleanup(move || keys.remove());

    let (story, topic, level) = drill.with_value(|d| (d.story.clone(), d.topic.title(), d.level));
    let policies = drill.with_value(|d| {
        d.shown
            .iter()
            .enumerate()
            .map(|(index, policy)| {
                let level = policy
                    .level
                    .map(|l| format!(" (organization level {l})"))
                    .unwrap_or_default();
                let heading = format!("{} `{}`{level}", policy.layer.policy_title(), policy.name);
                let plain = policy.text.clone();
                let marked = highlighted(d, index);
                view! {
                    <figure class="drill-policy">
                        <figcaption>{heading}</figcaption>
                        <pre><code>{move || if graded.get().is_some() {
                            marked.iter().map(|(text, mark)| if *mark {
                                view! { <mark class="deciding">{text.clone()}</mark> }.into_any()
                            } else {
                                text.clone().into_any()
                            }).collect_view().into_any()
                        } else {
                            plain.clone().into_any()
                        }}</code></pre>
                    </figure>
                }
            })
            .collect_view()
    });
    let answer_buttons = ANSWERS
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let label = labels::decision_title(d);
            view! {
                <button type="button" class="button drill-answer"
                    aria-pressed=move || (decision.get() == Some(d)).to_string()
                    disabled=move || graded.get().is_some() || decision.get().is_some()
                    on:click=move |_| choose_decision(d)>
                    <kbd>{i + 1}</kbd> " " {label}
                </button>
            }
        })
        .collect_view();
    let follow_view = question.clone().map(|q| {
        let right = q.right.clone();
        view! {
            <fieldset class="drill-follow" data-testid="drill-follow" disabled=move || decision.get().is_none() || graded.get().is_some()>
                <legend>{q.prompt}</legend>
                <div class="drill-options">
                    {q.options.into_iter().enumerate().map(|(i, label)| {
                        let is_right = right.contains(&i);
                        view! {
                            <button type="button" class="button quiet drill-option"
                                class:right=move || graded.get().is_some() && is_right
                                aria-pressed=move || (follow.get() == Some(i)).to_string()
                                on:click=move |_| choose_follow(i)>
                                {(i < 9).then(|| view! { <kbd>{i + 1}</kbd> " " })}
                                {label}
                            </button>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        }
    });
    let feedback = move || {
        let right = graded.get()?;
        let (answer, summary, blocked) = drill.with_value(|d| {
            let answer = labels::decision_title(d.answer());
            let blocked = d
                .evaluation
                .blocked_by
                .filter(|_| d.answer() == Decision::ImplicitDeny)
                .map(|b| format!("Stopped by {}.", b.layer.describe()));
            (answer, d.evaluation.summary.clone(), blocked)
        });
        Some(view! {
            <div class="drill-feedback" class:right=right class:wrong=!right role="status" data-testid="drill-feedback">
                <p class="drill-verdict"><strong>{if right { "Right." } else { "Not quite." }}</strong>
                    " The answer is " <strong>{answer}</strong> "."</p>
                <p>{summary}</p>
                {blocked.map(|b| view! { <p>{b}</p> })}
                {(!right).then(|| view! { <p class="meta">"This drill comes back in your review."</p> })}
                <button type="button" class="button primary" on:click=move |_| on_next.run(())>
                    {next_label.clone()} " " <kbd>"Enter"</kbd>
                </button>
            </div>
        })
    };
    view! {
        <article class="drill" data-testid="drill" data-generated-ms=format!("{generated_ms:.3}")>
            <p class="meta">{format!("{topic} · level {level}")}</p>
            <p class="drill-story">{story}</p>
            {policies}
            <p class="drill-prompt">"What does AWS decide?"</p>
            <div class="drill-answers" role="group" aria-label="Your answer">{answer_buttons}</div>
            {follow_view}
            {feedback}
        </article>
    }
    .into_any()
}
