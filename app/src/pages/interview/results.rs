//! A finished session: the score by topic, each missed question explained, each prediction
//! with the engine's decision and why, and each written policy next to the model answer with
//! the checks it failed and what it grants beyond the task.

use iamplay_engine::eval::Decision;
use leptos::prelude::*;

use super::{lesson_title, Session};
use crate::components::json_code::JsonCode;
use crate::components::with_code::WithCode;
use crate::components::Markdown;
use crate::course::Course;
use crate::interview::{Predicted, Score, WriteTask, Written};
use crate::labels;
use crate::practice::highlighted;
use crate::scenario::report::{CheckView, Report};
use crate::scenario::state::policy_text;

#[component]
pub fn Results(
    course: &'static Course,
    session: Session,
    result: Score,
    restart: Callback<()>,
) -> impl IntoView {
    let bank = session.bank;
    let weak: Vec<String> = result
        .weak_topics()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let predicted_right = result.predicted.iter().filter(|p| p.right).count();
    let solved = result.written.iter().filter(|w| w.solved()).count();
    let predicted = result.predicted.clone();
    let written = result.written.clone();
    view! {
        <h2 data-testid="score">{format!("Score: {} of {} ({}%)", result.correct, result.total, result.percent())}</h2>
        {(!result.by_topic.is_empty()).then(|| view! {
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
        })}
        {(!weak.is_empty()).then(move || view! {
            <h2>"Lessons to review"</h2>
            <ul>{weak.into_iter().map(|t| { let title = lesson_title(course, &t); view! { <li><a href=format!("/lessons/{t}")>{title}</a></li> } }).collect_view()}</ul>
        })}
        {(!written.is_empty()).then(|| view! {
            <h2>{format!("Written policies ({solved} of {} solved)", written.len())}</h2>
            {written.into_iter().filter_map(|w| {
                let task = session.writes.with_value(|tasks| tasks.get(w.task).copied())?;
                Some(view! { <WrittenResult task written=w /> })
            }).collect_view()}
        })}
        {(!predicted.is_empty()).then(|| view! {
            <h2>{format!("Predictions ({predicted_right} of {} right)", predicted.len())}</h2>
            {predicted.into_iter().map(|p| view! { <PredictedResult predicted=p /> }).collect_view()}
        })}
        {(!result.missed.is_empty()).then(|| view! {
            <h2>{format!("Missed questions ({})", result.missed.len())}</h2>
        })}
        {result.missed.iter().filter_map(|missed| bank.with_value(|b| b.get(missed.question).cloned()).map(|q| (missed.chosen.clone(), q))).map(|(chosen, q)| view! {
            <article class="missed-question">
                <Markdown document=q.prompt.value.clone() />
                <p>{if chosen.is_empty() { "Not answered.".to_owned() } else { format!("You chose: {}", chosen.iter().filter_map(|i| q.options.get(*i)).map(|o| o.text.value.clone()).collect::<Vec<_>>().join("; ")) }}</p>
                <ul>
                    {q.options.iter().filter(|o| o.correct || chosen.iter().any(|i| q.options.get(*i) == Some(*o))).map(|o| view! {
                        <li><strong>{if o.correct { "Correct: " } else { "Wrong: " }}</strong>{o.text.value.clone()} " — " {o.explanation.value.clone()}</li>
                    }).collect_view()}
                </ul>
                {q.model_answer.as_ref().map(|m| m.value.clone()).map(|m| view! { <details><summary>"Model answer"</summary><Markdown document=m /></details> })}
            </article>
        }).collect_view()}
        <p class="meta">"This session is kept on " <a href="/progress">"your progress page"</a> "; what you missed comes back in " <a href="/review">"your review"</a> "."</p>
        <button type="button" class="button" on:click=move |_| restart.run(())>"Another session"</button>
    }
}

#[component]
fn WrittenResult(task: WriteTask, written: Written) -> impl IntoView {
    let scenario = task.scenario;
    let solved = written.solved();
    let verdict = match (&written.text, &written.report) {
        (None, _) => "Not answered: the starter was left as it was.".to_owned(),
        (Some(_), Some(report)) if report.solved => {
            "Solved: every check passes and nothing beyond the task is granted.".to_owned()
        }
        (Some(_), Some(report)) => match &report.invalid {
            Some(invalid) => invalid.clone(),
            None => format!(
                "Not solved: {} of {} checks pass{}.",
                report.passing(),
                report.checks.len(),
                if report.checks.iter().all(|c| c.passed) {
                    ", but it grants more than the task needs"
                } else {
                    ""
                }
            ),
        },
        (Some(_), None) => "Not graded.".to_owned(),
    };
    let yours = written.text.clone();
    let model = policy_text(&scenario.answer);
    let report = written.report.clone();
    view! {
        <article class="written-result" class:solved=solved data-testid="written-result">
            <h3><a href=format!("/lessons/{}/{}", task.lesson, scenario.id)>{scenario.title.value.clone()}</a></h3>
            <details>
                <summary>"The task"</summary>
                <Markdown document=scenario.task.value.clone() />
            </details>
            <p class="written-verdict" data-testid="written-verdict"><strong>{verdict}</strong></p>
            <div class="written-compare">
                <figure data-testid="your-answer">
                    <figcaption>"Your answer"</figcaption>
                    {match yours {
                        Some(text) => view! { <JsonCode text /> }.into_any(),
                        None => view! { <p class="meta">"No answer."</p> }.into_any(),
                    }}
                </figure>
                <figure data-testid="model-answer">
                    <figcaption>"Model answer"</figcaption>
                    <JsonCode text=model />
                </figure>
            </div>
            {report.map(|r| view! { <Grading report=r /> })}
            <details>
                <summary>"Why the model answer is right"</summary>
                <Markdown document=scenario.explanation.value.clone() />
            </details>
        </article>
    }
}

/// The engine's grading of a written policy: every check with its explanation, then the
/// least-privilege finding.
#[component]
fn Grading(report: Report) -> impl IntoView {
    let least = report.least_privilege.clone();
    view! {
        {(!report.checks.is_empty()).then(|| view! {
            <ul class="written-checks" aria-label="Checks">
                {report.checks.into_iter().map(|check| view! { <CheckResult check /> }).collect_view()}
            </ul>
        })}
        {least.map(|lp| {
            let tight = lp.is_tight();
            view! {
                <div class="least-privilege" class:tight=tight>
                    <p class="lp-summary"><WithCode text=lp.summary() /></p>
                    {(!tight).then(|| view! {
                        <ul class="lp-grants">
                            {lp.grants.iter().map(|g| view! {
                                <li><code>{g.action.clone()}</code>": "<WithCode text=g.message.clone() /></li>
                            }).collect_view()}
                        </ul>
                    })}
                </div>
            }
        })}
    }
}

#[component]
fn CheckResult(check: CheckView) -> impl IntoView {
    let explanation = check.explanation;
    let status = if check.passed { "Pass" } else { "Fail" };
    view! {
        <li class="written-check" class:passed=check.passed>
            <p>
                <strong>{format!("{status}: ")}</strong>
                <WithCode text=check.title />
                {format!(" {}; the engine's decision: {}.", labels::expectation_words(check.expect), labels::decision_words(check.decision))}
            </p>
            {(!check.passed).then(|| view! {
                <p><WithCode text=explanation.summary.clone() /></p>
                {explanation.blocked_by.clone().map(|layer| view! { <p>"Blocked by " <strong>{layer}</strong> "."</p> })}
                {(!explanation.mismatches.is_empty()).then(|| view! {
                    <ul class="mismatches">
                        {explanation.mismatches.iter().map(|m| view! {
                            <li>
                                {format!("{} ({}) did not match on ", m.statement.label, labels::effect(m.statement.effect))}
                                <code>{m.element.clone()}</code>
                                ": the request has " <code>{m.request.clone()}</code>
                                {m.note.clone().map(|n| view! { " " <WithCode text=n /> })}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {check.hint.clone().map(|h| view! { <p class="check-hint"><strong>"Hint: "</strong><WithCode text=h /></p> })}
            })}
        </li>
    }
}

#[component]
fn PredictedResult(predicted: Predicted) -> impl IntoView {
    let Some(drill) = predicted.drill.make() else {
        return ().into_any();
    };
    let chosen = predicted.chosen.map_or_else(
        || "Not answered.".to_owned(),
        |d| format!("You answered: {}.", labels::decision_title(d)),
    );
    let answer = labels::decision_title(drill.answer());
    let blocked = drill
        .evaluation
        .blocked_by
        .filter(|_| drill.answer() == Decision::ImplicitDeny)
        .map(|b| format!("Stopped by {}.", b.layer.describe()));
    let policies = drill
        .shown
        .iter()
        .enumerate()
        .map(|(index, policy)| {
            let heading = format!("{} `{}`", policy.layer.policy_title(), policy.name);
            let marked = highlighted(&drill, index);
            view! {
                <figure class="drill-policy">
                    <figcaption>{heading}</figcaption>
                    <pre><code>{marked.into_iter().map(|(text, mark)| if mark {
                        view! { <mark class="deciding">{text}</mark> }.into_any()
                    } else {
                        text.into_any()
                    }).collect_view()}</code></pre>
                </figure>
            }
        })
        .collect_view();
    view! {
        <article class="predicted-result" class:right=predicted.right data-testid="predicted-result">
            <p class="drill-story">{drill.story.clone()}</p>
            <p>
                <strong>{if predicted.right { "Right. " } else { "Missed. " }}</strong>
                {format!("{chosen} AWS decides: {answer}.")}
            </p>
            <p>{drill.evaluation.summary.clone()}</p>
            {blocked.map(|b| view! { <p>{b}</p> })}
            <details>
                <summary>"The policies, deciding statements marked"</summary>
                {policies}
            </details>
        </article>
    }
    .into_any()
}
