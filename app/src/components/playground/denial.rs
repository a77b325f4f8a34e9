//! "Debug a denial": paste the access-denied message AWS gave you; the request it refused
//! fills the selected row, the blamed kind of policy is opened and highlighted, and the panel
//! says what to look for there.

use iamplay_engine::denial::{parse_denial, BlamedLayer, Denial, SHAPES};
use iamplay_lessons::lesson_for_layer;
use leptos::prelude::*;

use super::PlaygroundCx;
use crate::course::CourseStore;
use crate::labels;
use crate::playground::state::Playground;

use iamplay_engine::policy_kind::PolicyKind;

/// What reading the message gave, for the view.
#[derive(Debug, Clone, PartialEq)]
enum Reading {
    Read {
        summary: String,
        advice: String,
        look_in: String,
        lesson: &'static str,
    },
    Refused {
        message: String,
    },
}

/// The playground's editor for a blamed layer; VPC endpoint policies have none.
fn kind_for(layer: BlamedLayer, action: &str) -> Option<PolicyKind> {
    match layer {
        BlamedLayer::Scp => Some(PolicyKind::Scp),
        BlamedLayer::Rcp => Some(PolicyKind::Rcp),
        BlamedLayer::Boundary => Some(PolicyKind::Boundary),
        BlamedLayer::Session => Some(PolicyKind::Session),
        BlamedLayer::Identity => Some(PolicyKind::Identity),
        // A role's resource-based policy is its trust policy.
        BlamedLayer::Resource if action.to_ascii_lowercase().starts_with("sts:assumerole") => {
            Some(PolicyKind::Trust)
        }
        BlamedLayer::Resource => Some(PolicyKind::Resource),
        BlamedLayer::Vpce => None,
    }
}

/// Puts the refused request into the selected row (or a new one) and makes sure the blamed
/// kind of policy has an editor; returns that kind.
fn apply(
    playground: &mut Playground,
    selected: Option<u32>,
    denial: &Denial,
) -> Option<PolicyKind> {
    let id = selected
        .filter(|id| playground.requests.iter().any(|r| r.id == *id))
        .unwrap_or_else(|| playground.add_request());
    if let Some(row) = playground.requests.iter_mut().find(|r| r.id == id) {
        if let Some(principal) = &denial.principal {
            row.principal.clone_from(principal);
        }
        if let Some(action) = &denial.action {
            row.action.clone_from(action);
        }
        row.resource = denial.resource.clone().unwrap_or_else(|| "*".to_owned());
    }
    let action = denial.action.as_deref().unwrap_or_default();
    let kind = kind_for(denial.blocked_by?, action)?;
    if !playground.policies.iter().any(|p| p.kind == kind) {
        playground.add_policy(kind);
    }
    Some(kind)
}

fn look_in(denial: &Denial, kind: Option<PolicyKind>) -> String {
    match (denial.blocked_by, kind) {
        (Some(BlamedLayer::Vpce), _) => "The playground has no VPC endpoint policy: open the endpoint's policy in the VPC console and look for the statement below.".to_owned(),
        (Some(_), Some(kind)) => format!("Look in the highlighted {} editor.", labels::policy_kind(kind)),
        _ => "The message names no policy type: read the explanation of the request, layer by layer.".to_owned(),
    }
}

fn read(cx: PlaygroundCx, text: &str) -> Reading {
    match parse_denial(text) {
        Ok(denial) => {
            let selected = cx.selected.get_untracked();
            let mut kind = None;
            let mut row = None;
            cx.state.update(|p| {
                kind = apply(p, selected, &denial);
                row = selected
                    .filter(|id| p.requests.iter().any(|r| r.id == *id))
                    .or_else(|| p.requests.last().map(|r| r.id));
            });
            cx.selected.set(row);
            cx.blamed.set(kind);
            let decision = match denial.decision {
                Some(decision) => decision.as_str(),
                None => "a denial (the message does not say which kind)",
            };
            Reading::Read {
                summary: format!(
                    "{} was refused `{}`: {decision}{}.",
                    denial.principal.as_deref().unwrap_or("The caller"),
                    denial.action.as_deref().unwrap_or("an action"),
                    denial
                        .blocked_by
                        .map(|l| format!(", blamed on the {} layer", l.as_str()))
                        .unwrap_or_default()
                ),
                look_in: look_in(&denial, kind),
                advice: denial.advice(),
                lesson: lesson_for_layer(denial.blocked_by.map(BlamedLayer::as_str)),
            }
        }
        Err(err) => Reading::Refused {
            message: err.to_string(),
        },
    }
}

#[component]
pub fn DenialPanel(cx: PlaygroundCx) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let reading = RwSignal::new(None::<Reading>);
    // The lesson for a layer is the built-in course's: a trainer's course links to it only
    // when it has a lesson of that id (until it has loaded, its lessons are unknown).
    let store = use_context::<CourseStore>();
    let course_has = move |lesson: &str| match store {
        Some(store) if store.own_title().is_some() => store
            .course()
            .is_some_and(|course| course.lesson(lesson).is_some()),
        _ => true,
    };
    let explain = move |_| {
        let text = message.get_untracked();
        reading.set(Some(read(cx, &text)));
    };
    view! {
        <details class="denial-panel" data-testid="denial-panel">
            <summary>"Debug a denial"</summary>
            <p class="meta">
                "Paste the access-denied message AWS gave you (from the console, the CLI or an SDK). The request it refused fills the selected row, and the kind of policy AWS blames is highlighted."
            </p>
            <label for="denial-message">"Access-denied message"</label>
            <textarea
                id="denial-message"
                rows="4"
                spellcheck="false"
                prop:value=move || message.get()
                on:input=move |ev| message.set(event_target_value(&ev))
            ></textarea>
            <button type="button" class="button" on:click=explain>"Explain the denial"</button>
            {move || reading.get().map(|r| match r {
                Reading::Read { summary, advice, look_in, lesson } => view! {
                    <div class="denial-reading" role="status" data-testid="denial-reading">
                        <p><strong>{summary}</strong></p>
                        <p>{look_in}</p>
                        <p>{advice}</p>
                        {move || course_has(lesson).then(|| view! {
                            <p><a href=format!("/lessons/{lesson}")>"The lesson about it"</a></p>
                        })}
                    </div>
                }.into_any(),
                Reading::Refused { message } => view! {
                    <div class="error-panel" role="alert" data-testid="denial-error">
                        <p><strong>{message}</strong>" The shapes understood:"</p>
                        <ul>{SHAPES.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ul>
                    </div>
                }.into_any(),
            })}
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::{apply, kind_for};
    use crate::playground::state::Playground;
    use iamplay_engine::denial::{parse_denial, BlamedLayer};
    use iamplay_engine::policy_kind::PolicyKind;

    #[test]
    fn the_request_fills_the_row_and_the_blamed_kind_gets_an_editor() {
        let mut playground = Playground::default();
        let denial = parse_denial("User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::raw-data/k\" because no permissions boundary allows the s3:GetObject action").expect("a denial");
        let kind = apply(&mut playground, None, &denial);
        assert_eq!(kind, Some(PolicyKind::Boundary));
        let row = playground.requests.last().expect("a row");
        assert_eq!(row.principal, "arn:aws:iam::111122223333:user/bob");
        assert_eq!(row.resource, "arn:aws:s3:::raw-data/k");
        assert_eq!(
            playground
                .policies
                .iter()
                .filter(|p| p.kind == PolicyKind::Boundary)
                .count(),
            1
        );
        // A second reading reuses the row and the editor.
        let id = row.id;
        apply(&mut playground, Some(id), &denial);
        assert_eq!(playground.requests.len(), 1);
        assert_eq!(playground.policies.len(), 1);
        assert_eq!(
            kind_for(BlamedLayer::Resource, "sts:AssumeRole"),
            Some(PolicyKind::Trust)
        );
        assert_eq!(kind_for(BlamedLayer::Vpce, "s3:GetObject"), None);
    }
}
