//! One scenario: task, fixed policies, the editor, and everything the engine says about the
//! text, recomputed while the learner types, in time for the keystroke's own frame.

use crate::course::Scenario;
use iamplay_course::ScenarioStyle;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::params::ParamsMap;

use super::access_map::{now, AccessMapView, MapRequest};
use super::attempt_link::{CopyAttemptLink, SharedAttemptOffer};
use super::check_list::CheckList;
use super::findings::{Findings, LeastPrivilegeView};
use super::json_code::JsonCode;
use super::policy_editor::{EditorHandle, PolicyEditor};
use super::scenario_help::{Hints, ShowAnswer, SpotPicker};
use super::Markdown;
use crate::interop::frame::PerFrame;
use crate::interop::language::{catalog, load_catalog};
use crate::interop::markers::{Decoration, Range};
use crate::interop::near::NearWatch;
use crate::interop::page;
use crate::labels;
use crate::progress::ScenarioState;
use crate::progress::{scenario_key, use_progress};
use crate::scenario::attempt::{arrival, Arrival};
use crate::scenario::map::{scenario_map, verdicts};
use crate::scenario::state::{self, fixed_policies, outcomes_revealed, policy_text};
use crate::scenario::{report_prepared, Report};
use iamplay_course::Prepared;

/// Highlights for the selected check: its deciding statements, else the statements of the
/// learner's policy that did not match.
fn decorations_for(report: &Report, selected: Option<&str>) -> Vec<Decoration> {
    let Some(check) = selected.and_then(|id| report.checks.iter().find(|c| c.id == id)) else {
        return Vec::new();
    };
    let deciding: Vec<Decoration> = check
        .explanation
        .deciding
        .iter()
        .filter_map(|s| {
            Some(Decoration::deciding(
                s.range?,
                s.effect == iamplay_engine::policy::Effect::Deny,
                format!("Decides “{}”: {}", check.title, s.label),
            ))
        })
        .collect();
    if !deciding.is_empty() {
        return deciding;
    }
    check
        .explanation
        .mismatches
        .iter()
        .filter_map(|m| {
            Some(Decoration {
                range: m.statement.range?,
                class_name: "not-matching",
                hover: format!("{} does not match: {}", m.statement.label, m.element),
                ruler: "#b26a00",
            })
        })
        .collect()
}

#[component]
pub fn ScenarioPanel(
    lesson: String,
    scenario: &'static Scenario,
    /// A scenario outside the course (the scenario builder's): it has no lesson page for an
    /// attempt link to open.
    #[prop(optional)]
    standalone: bool,
) -> impl IntoView {
    let store = use_progress();
    let key = scenario_key(&lesson, &scenario.id);
    let editable = matches!(scenario.style, ScenarioStyle::Write | ScenarioStyle::Fix);
    let starter = policy_text(&scenario.starter);
    let draft = editable.then(|| store.draft(&key)).flatten();
    // A shared attempt opens into the editor only when that loses none of the learner's work.
    let arrived = if editable {
        arrival(
            &page::read_hash(),
            &lesson,
            &scenario.id,
            draft.as_deref(),
            &starter,
        )
    } else {
        Arrival::Nothing
    };
    let offer = RwSignal::new(None::<String>);
    let initial = match arrived {
        Arrival::Open(shared) => {
            store.save_draft(&key, &shared);
            if shared != starter {
                store.update_scenario(&key, |s| s.attempted = true);
            }
            shared
        }
        Arrival::Offer(shared) => {
            offer.set(Some(shared));
            draft.unwrap_or_else(|| starter.clone())
        }
        Arrival::Nothing => draft.unwrap_or_else(|| starter.clone()),
    };
    let text = StoredValue::new(initial.clone());
    // The checks' requests and fixed policies are parsed once, not on every keystroke.
    let prepared = StoredValue::new_local(Prepared::new(scenario));
    let check = move |text: &String| {
        prepared.with_value(|prepared| report_prepared(scenario, prepared, text, catalog()))
    };
    let result = RwSignal::new(check(&initial));
    let revision = RwSignal::new(0u64);
    let selected = RwSignal::new(None::<String>);
    let handle: EditorHandle = StoredValue::new_local(None);
    // The text a not-yet-created editor shows, and opens with.
    let shown = RwSignal::new(initial.clone());
    let wanted = editor_wanted(&scenario.id);

    // Local: the scheduler holds `Rc`s, and callbacks must be `Send`.
    let recheck = StoredValue::new_local(PerFrame::new(move || {
        // Gone when the scenario was left between the edit and its run.
        if let Some(fresh) = text.try_with_value(check) {
            // An unchanged report (an edit in whitespace) wakes no view.
            if result.try_with_untracked(|r| *r != fresh) == Some(true) {
                result.try_set(fresh);
            }
            revision.try_update(|r| *r += 1);
        }
    }));
    let on_change = {
        let key = key.clone();
        Callback::new(move |new_text: String| {
            if editable {
                store.save_draft(&key, &new_text);
                if new_text != text.with_value(|t| t.clone()) {
                    store.update_scenario(&key, |s| s.attempted = true);
                }
            }
            text.set_value(new_text);
            recheck.with_value(PerFrame::request);
        })
    };

    // Catalogue lint and the counted least-privilege line need the catalogue, which loads
    // after first paint (one fetch shared with the editor's completions): check again then.
    if catalog().is_none() {
        spawn_local(async move {
            if load_catalog().await.is_ok() {
                if let Some(fresh) = text.try_with_value(check) {
                    result.try_set(fresh);
                    revision.try_update(|r| *r += 1);
                }
            }
        });
    }

    // Solving is remembered once; later edits do not undo it.
    {
        let key = key.clone();
        Effect::new(move |_| {
            let solved = result.with(|r| state::is_solved(scenario, &store.scenario(&key), r));
            if solved {
                store.update_scenario(&key, |s| s.completed = true);
            }
        });
    }

    // The editor itself skips markers and highlights that have not changed.
    let markers = Signal::derive(move || result.with(Report::markers));
    let decorations =
        Signal::derive(move || result.with(|r| decorations_for(r, selected.get().as_deref())));
    let move_cursor = Callback::new(move |range: Range| {
        handle.with_value(|e| {
            if let Some(e) = e {
                e.move_cursor(range.start_line, range.start_column);
            }
        });
    });
    let use_shared = Callback::new(move |shared: String| {
        let opened = handle.with_value(|e| e.as_ref().map(|e| e.set_text(&shared)).is_some());
        if !opened {
            // No editor yet: take the text as an edit, and show it.
            on_change.run(shared.clone());
            shown.set(shared);
        }
    });
    // A link pasted into this tab changes only the fragment: the page stays, so look again.
    if editable {
        let (key, lesson, starter) = (key.clone(), lesson.clone(), starter.clone());
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            let draft = store.draft(&key);
            match arrival(
                &page::read_hash(),
                &lesson,
                &scenario.id,
                draft.as_deref(),
                &starter,
            ) {
                Arrival::Open(shared) => use_shared.run(shared),
                Arrival::Offer(shared) => offer.set(Some(shared)),
                Arrival::Nothing => {}
            }
        });
        on_cleanup(move || listener.remove());
    }
    let scenario_state = store.scenario_signal(key.clone());
    let access_map = access_map(scenario, result, scenario_state, selected);
    let heading_id = format!("scenario-{}", scenario.id);
    let heading_ref = heading_id.clone();
    let editor_label = if editable {
        format!("{} (editable JSON)", scenario.edit.name)
    } else {
        format!("{} (read only)", scenario.edit.name)
    };

    view! {
        <section class="scenario" id=scenario.id.value.clone() tabindex="-1" aria-labelledby=heading_ref
            node_ref=wanted.section on:focusin=move |_| wanted.now.set(true)
            data-revision=move || revision.get().to_string()>
            <header class="scenario-head">
                <p class="scenario-style">{labels::scenario_style(scenario.style)}</p>
                <h3 id=heading_id>{scenario.title.value.clone()}</h3>
                {move || scenario_state.get().completed.then(|| view! {
                    <p class="badge done" role="status">"Solved"</p>
                })}
            </header>
            <Markdown document=scenario.task.value.clone() />
            <FixedPolicies scenario />
            <h4 class="editor-title">{scenario.edit.name.value.clone()}</h4>
            <SharedAttemptOffer offer on_use=use_shared />
            <PolicyEditor
                text=shown
                label=editor_label
                read_only=!editable
                on_change
                markers
                decorations
                handle
                active=wanted.now
            />
            {editable.then(|| view! {
                {(!standalone).then(|| view! {
                    <CopyAttemptLink lesson=lesson.clone() scenario=scenario.id.value.clone() text />
                })}
                <p class="keyboard-tip">
                    "In the editor, Tab indents. To leave it with the keyboard, press "
                    <kbd>"Ctrl"</kbd>"+"<kbd>"M"</kbd>" then "<kbd>"Tab"</kbd>"."
                </p>
            })}
            {(scenario.style == ScenarioStyle::Spot).then(|| view! {
                <SpotPicker lesson=lesson.clone() scenario />
            })}
            {access_map}
            <CheckList lesson=lesson.clone() scenario result selected move_cursor />
            <Findings result move_cursor />
            <LeastPrivilegeView result move_cursor />
            <Hints lesson=lesson.clone() scenario />
            <ShowAnswer lesson scenario />
        </section>
    }
}

/// The scenario's access map: laid out once, its edges following the report. Verdicts stay
/// hidden while the check list hides them (a prediction not yet made).
fn access_map(
    scenario: &'static Scenario,
    result: RwSignal<Report>,
    scenario_state: Signal<ScenarioState>,
    selected: RwSignal<Option<String>>,
) -> Option<impl IntoView> {
    let started = now();
    let mapped = scenario_map(scenario)?;
    let layout_ms = now() - started;
    let requests = mapped
        .check_ids
        .iter()
        .map(|id| MapRequest {
            id: id.clone(),
            target: format!("[id=\"{}\"] [data-check=\"{id}\"]", scenario.id),
        })
        .collect();
    let map = mapped.map.clone();
    let mapped = StoredValue::new(mapped);
    let states = Memo::new(move |_| {
        let revealed = outcomes_revealed(scenario, &scenario_state.get());
        result.with(|r| mapped.with_value(|m| m.map.states(&verdicts(m, r, revealed))))
    });
    Some(view! { <AccessMapView map requests states selected layout_ms /> })
}

/// When the scenario's editor should exist: Monaco costs several megabytes of heap per
/// editor, so a lesson page builds each one only when the learner heads for it.
#[derive(Clone, Copy)]
struct EditorWanted {
    section: NodeRef<html::Section>,
    now: RwSignal<bool>,
}

/// At once for the scenario a link points at (`/lessons/<id>/<scenario>`); otherwise when the
/// section comes near the viewport, or the keyboard focus moves into it (the panel's
/// `on:focusin`).
fn editor_wanted(scenario_id: &str) -> EditorWanted {
    // The route's parameters, read from context so that a panel outside a route (a test)
    // works too.
    let linked = use_context::<ArcMemo<ParamsMap>>().is_some_and(|params| {
        params.with_untracked(|p| p.get("scenario").is_some_and(|s| s == scenario_id))
    });
    let wanted = EditorWanted {
        section: NodeRef::new(),
        now: RwSignal::new(linked),
    };
    if !linked {
        let (section, now) = (wanted.section, wanted.now);
        let watch = StoredValue::new_local(None::<NearWatch>);
        Effect::new(move |_| {
            if let Some(element) = section.get() {
                let near = NearWatch::new(&element, move || {
                    now.try_set(true);
                });
                watch.set_value(Some(near));
            }
        });
        on_cleanup(move || {
            watch.try_update_value(Option::take);
        });
    }
    wanted
}

/// The scenario's policies the learner reads but does not edit, folded away.
#[component]
pub fn FixedPolicies(scenario: &'static Scenario) -> impl IntoView {
    let fixed = fixed_policies(scenario);
    (!fixed.is_empty()).then(|| {
        view! {
            <details class="fixed-policies">
                <summary>{format!("Fixed policies ({}) — read only", fixed.len())}</summary>
                {fixed.into_iter().map(|p| view! {
                    <figure>
                        <figcaption>{p.label}</figcaption>
                        <JsonCode text=p.text />
                    </figure>
                }).collect_view()}
            </details>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::report;
    use crate::scenario::report::tests::scenario;
    use iamplay_engine::eval::Decision;

    #[test]
    fn a_selected_check_highlights_its_deciding_statement() {
        let s = scenario("policy-anatomy", "write-two-statements");
        let report = report(&s, &policy_text(&s.answer), None);
        let allowed = report
            .checks
            .iter()
            .find(|c| c.decision == Decision::Allowed)
            .unwrap();
        let decorations = decorations_for(&report, Some(&allowed.id));
        assert_eq!(decorations[0].class_name, "deciding-allow");
        assert!(decorations_for(&report, None).is_empty());
    }

    #[test]
    fn an_implicit_deny_highlights_the_statements_that_did_not_match() {
        let s = scenario("policy-anatomy", "fix-bucket-vs-object");
        let report = report(&s, &policy_text(&s.starter), None);
        let denied = report
            .checks
            .iter()
            .find(|c| c.decision == Decision::ImplicitDeny)
            .unwrap();
        let decorations = decorations_for(&report, Some(&denied.id));
        assert!(decorations.iter().all(|d| d.class_name == "not-matching"));
        assert!(!decorations.is_empty());
    }
}
