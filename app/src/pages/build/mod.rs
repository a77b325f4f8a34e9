//! The scenario builder (`/build`): a form for everything a scenario has, the course checker
//! run on every change with each problem beside its field, "Try it as a learner", and export as
//! a link or as lesson JSON. The draft is saved as typed, like every learner edit.

mod checks;
mod export;
mod fields;
mod fixed;
mod hints;
mod rows;

use iamplay_course::markdown;
use iamplay_course::ScenarioStyle;
use iamplay_engine::policy_kind::PolicyKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::builder::{check_draft, Draft, Field, FieldProblem, DRAFT_KEY};
use crate::components::policy_editor::PolicyEditor;
use crate::components::title::Title;
use crate::components::Markdown;
use crate::interop::language::{catalog, load_catalog};
use crate::labels;
use crate::progress::{use_progress, ProgressStore};
use fields::{markers_of, problems_at, FieldProblems, SelectField, TextField};

/// Where a draft that no longer reads goes, so that opening the page never destroys work.
const UNREADABLE_KEY: &str = "build/unreadable-draft";

/// What every part of the form shares: the draft and the checker's problems with it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Form {
    pub draft: RwSignal<Draft>,
    pub problems: Memo<Vec<FieldProblem>>,
}

impl Form {
    /// Reactive: the problems at `field` (none for `None`, a field no rule checks).
    pub fn at(&self, field: impl Into<Option<Field>>) -> Signal<Vec<FieldProblem>> {
        let field = field.into();
        problems_at(self.problems, move || field)
    }

    pub fn edit(&self, change: impl FnOnce(&mut Draft)) {
        self.draft.update(change);
    }

    /// A one-line text field for a top-level string of the draft.
    fn text(
        &self,
        field: impl Into<Option<Field>>,
        id: &str,
        label: &str,
        get: fn(&Draft) -> &String,
        set: fn(&mut Draft, String),
    ) -> AnyView {
        self.area(field, id, label, get, set, None, None)
    }

    /// A text field for a top-level string of the draft; a textarea when `rows` is given.
    #[allow(clippy::too_many_arguments)]
    fn area(
        &self,
        field: impl Into<Option<Field>>,
        id: &str,
        label: &str,
        get: fn(&Draft) -> &String,
        set: fn(&mut Draft, String),
        rows: Option<u32>,
        note: Option<&'static str>,
    ) -> AnyView {
        let form = *self;
        view! {
            <TextField id=format!("build-{id}") label=label.to_owned()
                value=self.draft.with_untracked(|d| get(d).clone())
                on_input=Callback::new(move |value| form.edit(|d| set(d, value)))
                problems=self.at(field) rows note />
        }
        .into_any()
    }
}

const STYLES: [(ScenarioStyle, &str); 4] = [
    (ScenarioStyle::Write, "Write: the learner writes a policy"),
    (ScenarioStyle::Fix, "Fix: the learner repairs the starter"),
    (
        ScenarioStyle::Predict,
        "Predict: the learner predicts each decision",
    ),
    (
        ScenarioStyle::Spot,
        "Spot: the learner finds the statement that denies",
    ),
];

/// Every kind of policy the learner may edit, as the form offers it.
fn kind_options() -> Vec<(PolicyKind, &'static str)> {
    PolicyKind::ALL
        .map(|kind| (kind, labels::policy_kind_in_full(kind)))
        .to_vec()
}

/// The saved draft, or a new one; a draft that does not read is set aside, with a note.
fn open_draft(store: &ProgressStore) -> (Draft, Option<String>) {
    let Some(text) = store.draft(DRAFT_KEY) else {
        return (Draft::default(), None);
    };
    match serde_json::from_str(&text) {
        Ok(draft) => (draft, None),
        Err(error) => {
            store.save_draft(UNREADABLE_KEY, &text);
            let note = format!("Your saved draft could not be read ({error}); it was kept aside in this browser and the form starts empty.");
            (Draft::default(), Some(note))
        }
    }
}

#[component]
pub fn BuildPage() -> impl IntoView {
    let store = use_progress();
    let (initial, unreadable) = open_draft(&store);
    let draft = RwSignal::new(initial);
    // The least-privilege bound is exact once the action catalogue is here: check again then.
    let catalog_ready = RwSignal::new(catalog().is_some());
    if catalog().is_none() {
        spawn_local(async move {
            if load_catalog().await.is_ok() {
                catalog_ready.try_set(true);
            }
        });
    }
    let problems = Memo::new(move |_| {
        catalog_ready.track();
        draft.with(|d| check_draft(d, catalog()))
    });
    Effect::new(move |_| {
        let text = draft.with(|d| serde_json::to_string(d).unwrap_or_default());
        store.save_draft(DRAFT_KEY, &text);
    });
    let form = Form { draft, problems };
    let style = Memo::new(move |_| draft.with(|d| d.style));
    let graded = move || matches!(style.get(), ScenarioStyle::Write | ScenarioStyle::Fix);
    let task = Memo::new(move |_| draft.with(|d| d.task.clone()));
    let count = move || problems.with(Vec::len);

    view! {
        <Title text="Build a scenario" />
        <article class="page build-page">
            <h1>"Build a scenario"</h1>
            <p class="lead">
                "Write an exercise for your learners: the task, the policy they edit, the requests "
                "it must allow or deny, hints and the answer. The course checker reviews it as you "
                "type, with the real evaluator; share it as a link or paste it into a course folder."
            </p>
            {unreadable.map(|note| view! { <p class="notice error" role="alert">{note}</p> })}
            <p class="build-status" role="status" data-testid="problem-count" data-count=move || count().to_string()>
                {move || match count() {
                    0 => "The course checker finds no problem: the scenario is ready to try and share.".to_owned(),
                    1 => "The course checker finds 1 problem, shown at its field.".to_owned(),
                    n => format!("The course checker finds {n} problems, each shown at its field."),
                }}
            </p>
            <FieldProblems id="build-scenario-problems".to_owned() problems=form.at(Field::Scenario) />

            <section class="build-section" aria-labelledby="build-about-heading">
                <h2 id="build-about-heading">"The scenario"</h2>
                {form.text(Field::Id, "id", "Id (kebab-case; the scenario's address in a lesson)", |d| &d.id, |d, v| d.id = v)}
                {form.text(Field::Title, "title", "Title", |d| &d.title, |d, v| d.title = v)}
                <SelectField id="build-style".to_owned() label="Style".to_owned()
                    value=draft.with_untracked(|d| d.style) options=STYLES.to_vec()
                    on_change=Callback::new(move |s| form.edit(|d| d.style = s)) />
                <div class="task-field">
                    {form.area(Field::Task, "task", "Task", |d| &d.task, |d, v| d.task = v, Some(8), Some("Markdown: **bold**, `code`, lists, links."))}
                    <div class="task-preview" role="region" aria-label="Task preview" data-testid="task-preview">
                        <p class="field-label">"Preview"</p>
                        {move || view! { <Markdown document=markdown::parse(&task.get()) /> }}
                    </div>
                </div>
            </section>

            <section class="build-section" aria-labelledby="build-edited-heading">
                <h2 id="build-edited-heading">"The policy the learner edits"</h2>
                <SelectField id="build-kind".to_owned() label="Kind".to_owned()
                    value=draft.with_untracked(|d| d.edit_kind) options=kind_options()
                    on_change=Callback::new(move |k| form.edit(|d| d.edit_kind = k)) />
                {form.text(Field::EditName, "edit-name", "Its name, as learners see it (“Policy of role etl-lambda”)", |d| &d.edit_name, |d, v| d.edit_name = v)}
                <PolicyField form field=Field::Starter editor="starter"
                    label=move || if graded() { "Starter: what the editor opens with" } else { "The policy under study (read only for the learner)" }
                    get=|d| &d.starter set=|d, v| d.starter = v />
            </section>

            <fixed::FixedPolicies form />
            <checks::Checks form />
            <hints::Hints form />

            <Show when=graded>
                <section class="build-section" aria-labelledby="build-answer-heading">
                    <h2 id="build-answer-heading">"The answer"</h2>
                    <PolicyField form field=Field::Answer editor="answer"
                        label=|| "Reference answer: passes every check" get=|d| &d.answer set=|d, v| d.answer = v />
                    <Bound form />
                </section>
            </Show>
            <Show when=move || style.get() == ScenarioStyle::Spot>
                <section class="build-section" aria-labelledby="build-culprit-heading">
                    <h2 id="build-culprit-heading">"The culprit"</h2>
                    <p>"The statement learners must find: its Sid, and the policy that holds it."</p>
                    <FieldProblems id="build-culprit-problems".to_owned() problems=form.at(Field::Culprit) />
                    {form.text(Field::CulpritPolicy, "culprit-policy", "Policy (`edited`, a fixed identity policy's name, or `resource`, `permissionBoundary`, `session`, `scps`, `rcps`)", |d| &d.culprit_policy, |d, v| d.culprit_policy = v)}
                    {form.text(Field::CulpritSid, "culprit-sid", "Sid of the statement", |d| &d.culprit_sid, |d, v| d.culprit_sid = v)}
                </section>
            </Show>

            <section class="build-section" aria-labelledby="build-explanation-heading">
                <h2 id="build-explanation-heading">"After success"</h2>
                {form.area(Field::Explanation, "explanation", "Explanation: why the answer works", |d| &d.explanation, |d, v| d.explanation = v, Some(4), Some("Markdown, shown once the learner solves the scenario."))}
            </section>

            <export::Export form />
        </article>
    }
}

/// A Monaco editor, with IAM completions, for one of the draft's policies.
#[component]
fn PolicyField<L, S>(
    form: Form,
    field: Field,
    /// `data-editor`, for tests and styles.
    editor: &'static str,
    label: L,
    get: fn(&Draft) -> &String,
    set: fn(&mut Draft, String),
) -> impl IntoView
where
    L: Fn() -> S + Send + Sync + Copy + 'static,
    S: Into<String>,
{
    let problems = form.at(field);
    let text = form.draft.with_untracked(|d| get(d).clone());
    let on_change = Callback::new(move |value| form.edit(|d| set(d, value)));
    let described = format!("build-{editor}-problems");
    view! {
        <div class="field policy-field" data-editor=editor>
            <p class="field-label">{move || label().into()}</p>
            <PolicyEditor text=Signal::stored(text) label=label().into() on_change markers=markers_of(problems) />
            <FieldProblems id=described problems />
        </div>
    }
}

/// The least-privilege bound of a write or fix scenario.
#[component]
fn Bound(form: Form) -> impl IntoView {
    let bounded = Memo::new(move |_| form.draft.with(|d| d.bounded));
    view! {
        <div class="field checkbox-field">
            <label>
                <input type="checkbox" prop:checked=form.draft.with_untracked(|d| d.bounded)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        form.edit(|d| d.bounded = on);
                    } />
                " Hold the answer to least privilege: it may grant nothing beyond the must-allow checks"
            </label>
        </div>
        <FieldProblems id="build-bound-problems".to_owned() problems=form.at(Field::Bound) />
        <Show when=move || bounded.get()>
            {form.area(Field::BoundResources, "bound-resources", "Resources", |d| &d.bound_resources, |d, v| d.bound_resources = v, Some(3), Some("One ARN (or pattern) per line: where extra grants are measured."))}
            {form.area(None, "bound-extra", "Allowed extra actions", |d| &d.bound_extra, |d, v| d.bound_extra = v, Some(2), Some("One action per line that the answer may grant beyond the checks."))}
        </Show>
    }
}
