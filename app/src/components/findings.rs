//! Lint findings under the editor (each moves the cursor to its place) and the
//! least-privilege verdict once every check passes.

use leptos::prelude::*;

use crate::components::with_code::WithCode;
use crate::course::CourseStore;
use crate::interop::markers::Range;
use crate::scenario::Report;

#[component]
pub fn Findings(result: RwSignal<Report>, move_cursor: Callback<Range>) -> impl IntoView {
    // Redrawn only when the findings change, not on every keystroke.
    let findings = Memo::new(move |_| result.with(|r| r.findings.clone()));
    // The course being run says which of its lessons teaches a finding; a trainer's course
    // may teach none, and the finding then shows its code alone.
    let store = use_context::<CourseStore>();
    let lesson_of = move |code: &str| {
        store
            .and_then(|store| store.course())
            .and_then(|course| course.lesson_teaching(code))
            .map(|lesson| lesson.manifest.id.as_str())
    };
    view! {
        {move || {
            let findings = findings.get();
            (!findings.is_empty()).then(|| view! {
                <section class="findings" aria-label="Problems in the policy">
                    <h4>{format!("Problems ({})", findings.len())}</h4>
                    <ul>
                        {findings.into_iter().map(|f| {
                            let range = f.marker.range;
                            let place = format!("line {}, column {}", range.start_line, range.start_column);
                            view! {
                                <li class=format!("finding {}", f.severity_label.to_ascii_lowercase().replace(' ', "-"))>
                                    <button type="button" class="finding-jump" on:click=move |_| move_cursor.run(range)>
                                        <span class="finding-severity">{f.severity_label}</span>" "
                                        <span class="finding-message"><WithCode text=f.message /></span>
                                        <span class="finding-place">{format!(" ({place})")}</span>
                                    </button>
                                    <p class="help"><WithCode text=f.help /></p>
                                    <p class="finding-lesson">
                                        {lesson_of(f.code).map(|lesson| view! {
                                            <a href=format!("/lessons/{lesson}")>"The lesson on this"</a>" · "
                                        })}
                                        <code>{f.code}</code>
                                    </p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}

#[component]
pub fn LeastPrivilegeView(result: RwSignal<Report>, move_cursor: Callback<Range>) -> impl IntoView {
    let least_privilege = Memo::new(move |_| result.with(|r| r.least_privilege.clone()));
    move || {
        least_privilege.get().map(|lp| {
            let tight = lp.is_tight();
            let summary = lp.summary();
            view! {
                <section class="least-privilege" class:tight=tight aria-label="Least privilege">
                    <p class="lp-summary"><WithCode text=summary /></p>
                    {(!tight).then(|| view! {
                        <ul class="lp-grants">
                            {lp.grants.iter().cloned().map(|g| view! {
                                <li>
                                    <button type="button" class="link-button" on:click=move |_| move_cursor.run(g.range)>
                                        <code>{g.action.clone()}</code>
                                    </button>
                                    ": "<WithCode text=g.message.clone() />
                                </li>
                            }).collect_view()}
                        </ul>
                        {(!lp.actions.is_empty()).then(|| view! {
                            <details>
                                <summary>"The extra actions"</summary>
                                <ul class="lp-actions">
                                    {lp.actions.iter().map(|a| view! { <li><code>{a.clone()}</code></li> }).collect_view()}
                                </ul>
                            </details>
                        })}
                    })}
                </section>
            }
        })
    }
}
