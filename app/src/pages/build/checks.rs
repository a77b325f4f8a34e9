//! The checks: requests in the engine's case format, each with the outcome it must have.

use iamplay_course::ExpectedOutcome;
use leptos::prelude::*;

use super::fields::{problems_at, FieldProblems, SelectField, TextField};
use super::rows::Rows;
use super::Form;
use crate::builder::problems::CheckPart;
use crate::builder::{CheckDraft, Draft, Field};

const OUTCOMES: [(ExpectedOutcome, &str); 4] = [
    (ExpectedOutcome::Allowed, "Allowed"),
    (ExpectedOutcome::Denied, "Denied (either kind)"),
    (ExpectedOutcome::ExplicitDeny, "Explicit deny"),
    (ExpectedOutcome::ImplicitDeny, "Implicit deny"),
];

#[component]
pub fn Checks(form: Form) -> impl IntoView {
    let rows = Rows::new(form.draft.with_untracked(|d| d.checks.len()));
    let add = move |_| {
        form.edit(Draft::add_check);
        rows.push();
    };
    view! {
        <section class="build-section" aria-labelledby="build-checks-heading">
            <h2 id="build-checks-heading">"Checks"</h2>
            <p>
                "Each check is one request the learner's policy must allow or deny, evaluated by the "
                "engine as AWS would. A scenario has 2 to 5; a write or fix scenario needs at least one "
                "that must be allowed and one that must be denied."
            </p>
            <FieldProblems id="build-checks-problems" problems=form.at(Field::Checks) />
            <For each=move || rows.keys() key=|key| *key let:key>
                <CheckRow form rows key />
            </For>
            <button type="button" class="secondary" on:click=add>"Add a check"</button>
        </section>
    }
}

#[component]
fn CheckRow(form: Form, rows: Rows, key: u32) -> impl IntoView {
    let index = move || rows.index(key);
    let initial = form
        .draft
        .with_untracked(|d| {
            rows.index_untracked(key)
                .and_then(|i| d.checks.get(i).cloned())
        })
        .unwrap_or_default();
    let part = move |part: CheckPart| {
        problems_at(form.problems, move || {
            rows.index(key).map(|i| Field::Check(i, part))
        })
    };
    let write = move |change: fn(&mut CheckDraft, String)| {
        Callback::new(move |value: String| {
            if let Some(i) = rows.index_untracked(key) {
                form.edit(|d| {
                    if let Some(check) = d.checks.get_mut(i) {
                        change(check, value);
                    }
                });
            }
        })
    };
    let expect = Callback::new(move |outcome: ExpectedOutcome| {
        if let Some(i) = rows.index_untracked(key) {
            form.edit(|d| {
                if let Some(check) = d.checks.get_mut(i) {
                    check.expect = outcome;
                }
            });
        }
    });
    let remove = move |_| {
        if let Some(i) = rows.index_untracked(key) {
            form.edit(|d| {
                d.checks.remove(i);
            });
            rows.remove(key);
        }
    };
    let id = move |name: &str| format!("build-check-{key}-{name}");
    let number = move || index().map_or(0, |i| i + 1);
    view! {
        <fieldset class="build-row check-row" data-testid="check-row">
            <legend>{move || format!("Check {}", number())}</legend>
            <FieldProblems id=id("problems") problems=part(CheckPart::Whole) />
            <div class="field-grid">
                <TextField id=id("id") label="Id" value=initial.id on_input=write(|c, v| c.id = v) problems=part(CheckPart::Id) />
                <TextField id=id("title") label="Title (“Lambda reads s3://raw-data/2026/01.csv”)" value=initial.title on_input=write(|c, v| c.title = v) problems=part(CheckPart::Title) />
                <TextField id=id("principal") label="Principal ARN" value=initial.principal on_input=write(|c, v| c.principal = v) problems=part(CheckPart::Principal) />
                <TextField id=id("action") label="Action (“s3:GetObject”)" value=initial.action on_input=write(|c, v| c.action = v) problems=part(CheckPart::Action) />
                <TextField id=id("resource") label="Resource ARN" value=initial.resource on_input=write(|c, v| c.resource = v) problems=part(CheckPart::Resource) />
                <TextField id=id("account") label="Resource account (when it is not the principal's)" value=initial.resource_account on_input=write(|c, v| c.resource_account = v) problems=part(CheckPart::ResourceAccount) />
            </div>
            <TextField id=id("context") label="Context: condition keys as a JSON object (optional)" value=initial.context rows=Some(2)
                note=Some("For example {\"aws:SourceIp\": \"203.0.113.7\", \"aws:MultiFactorAuthPresent\": true}")
                on_input=write(|c, v| c.context = v) problems=part(CheckPart::Context) />
            <SelectField id=id("expect") label="Expected outcome" value=initial.expect options=OUTCOMES.to_vec()
                on_change=expect problems=part(CheckPart::Expect) />
            <TextField id=id("hint") label="Hint shown when this check fails" value=initial.hint on_input=write(|c, v| c.hint = v) problems=part(CheckPart::Hint) />
            <button type="button" class="secondary remove-row" on:click=remove>
                {move || format!("Remove check {}", number())}
            </button>
        </fieldset>
    }
}
