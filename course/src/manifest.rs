//! The typed lesson manifest (`lessons/<id>/lesson.json`) and the course order
//! (`lessons/course.json`). Field names are camelCase in JSON; unknown fields are errors, so a
//! typo in a lesson file is reported instead of silently ignored.

use iamplay_engine::json::Spanned;
use iamplay_engine::policy_kind::PolicyKind;
use serde::{Deserialize, Serialize};

use super::fixed::Fixed;
use super::policy_text::PolicyText;
use super::request::CheckRequest;

/// `lessons/course.json`: the course title and the lessons in teaching order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CourseManifest {
    pub title: Spanned<String>,
    /// Lesson ids in the order a learner should take them; each names a folder `lessons/<id>/`.
    pub lessons: Spanned<Vec<Spanned<String>>>,
}

/// `lessons/<id>/lesson.json`. The prose lives beside it in `lesson.md`.
///
/// `P` holds the Markdown fields: text as written, or parsed (see [`super::Course`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// `#[serde(default)]` on a `P` field would otherwise demand `P: Default`.
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound(deserialize = "P: Deserialize<'de>")
)]
pub struct LessonManifest<P = String> {
    /// Stable, kebab-case; equal to the folder name. Used in URLs and saved progress.
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    /// One or two sentences shown in the lesson list.
    pub summary: Spanned<String>,
    /// What the learner can do afterwards ("Write a trust policy for a Lambda function").
    pub objectives: Spanned<Vec<Spanned<String>>>,
    /// Ids of lessons to take first.
    #[serde(default)]
    pub prerequisites: Vec<Spanned<String>>,
    /// Estimated minutes, prose and scenarios included.
    pub minutes: Spanned<u32>,
    /// The lint finding codes this lesson teaches (`passrole-wildcard-resource`): a finding
    /// with one of these codes links here. A code is taught by at most one lesson.
    #[serde(default)]
    pub teaches: Vec<Spanned<String>>,
    /// Each scenario with its place, where a problem about a field it lacks points.
    #[serde(default)]
    pub scenarios: Spanned<Vec<Spanned<Scenario<P>>>>,
    #[serde(default)]
    pub questions: Spanned<Vec<Question<P>>>,
}

/// A task in which the learner writes, repairs or reads a policy, checked live by the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario<P = String> {
    /// Unique within the lesson; deep links are `/lessons/<lesson>/<scenario>`.
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub style: ScenarioStyle,
    /// The task, in Markdown.
    pub task: Spanned<P>,
    /// Which policy the editor holds.
    pub edit: EditedPolicy,
    /// The editor's initial content (a policy document). For `predict` and `spot` scenarios
    /// this is the policy under study, shown read-only.
    pub starter: Spanned<PolicyText>,
    /// Policies that are fixed for this scenario, in the engine's case `policies` shape
    /// (`identity`, `resource`, `permissionBoundary`, `session`, `scps`, `rcps`). The edited
    /// policy is added in the slot named by `edit.kind`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<Fixed>,
    /// Requests that must come out as expected.
    pub checks: Spanned<Vec<Spanned<Check>>>,
    /// For `write` and `fix`: the answer may grant nothing beyond the must-allow checks (on
    /// these resources), except the listed extra actions.
    #[serde(default)]
    pub least_privilege: Option<Spanned<LeastPrivilegeBound>>,
    /// Tiered hints, from a nudge to nearly the answer; revealed one at a time.
    pub hints: Spanned<Vec<Spanned<P>>>,
    /// A reference answer (a policy document). For `predict`/`spot`, the starter itself.
    pub answer: Spanned<PolicyText>,
    /// For `spot`: the statement that causes the deny.
    #[serde(default)]
    pub culprit: Option<Spanned<Culprit>>,
    /// Shown after success, in Markdown: why the answer works.
    pub explanation: Spanned<P>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ScenarioStyle {
    /// Write a policy from an empty or skeleton starter.
    Write,
    /// Repair an over-broad or broken starter.
    Fix,
    /// Predict each check's decision before the evaluation is revealed.
    Predict,
    /// Find the statement that causes a deny.
    Spot,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EditedPolicy {
    /// Which policy the editor holds; each kind maps to one slot of a case's `policies`.
    pub kind: PolicyKind,
    /// How the UI names it: "Permissions policy of role etl-lambda".
    pub name: Spanned<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Check {
    /// Unique within the scenario.
    pub id: Spanned<String>,
    /// The request in plain words: "Lambda reads s3://raw-data/2026/01.csv".
    pub title: Spanned<String>,
    /// The engine's case `request` object.
    pub request: CheckRequest,
    pub expect: Spanned<ExpectedOutcome>,
    /// Shown when this check fails.
    pub hint: Spanned<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExpectedOutcome {
    Allowed,
    /// Either kind of deny.
    Denied,
    ExplicitDeny,
    ImplicitDeny,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LeastPrivilegeBound {
    /// Resource ARNs (patterns allowed) on which over-granting is measured.
    pub resources: Spanned<Vec<String>>,
    /// Actions the answer may grant beyond the must-allow checks.
    #[serde(default)]
    pub allow_extra: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Culprit {
    /// Which policy holds it.
    pub policy: Spanned<CulpritPolicy>,
    pub sid: Spanned<String>,
}

/// Where a spot scenario's culprit statement is. Written in a lesson as one string: `edited`, a
/// slot of the fixed policies that holds unnamed statements (`resource`, `permissionBoundary`,
/// `session`, `scps`, `rcps`), or the `name` of a fixed identity policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum CulpritPolicy {
    /// The policy the learner edits.
    Edited,
    /// Never [`FixedSlot::Identity`]: identity policies are named.
    Slot(FixedSlot),
    /// A fixed identity policy, by its `name`.
    Named(String),
}

/// The slots of a case's `policies` a fixed policy can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FixedSlot {
    Identity,
    Resource,
    PermissionBoundary,
    Session,
    Scps,
    Rcps,
}

impl FixedSlot {
    pub const ALL: [FixedSlot; 6] = [
        FixedSlot::Identity,
        FixedSlot::Resource,
        FixedSlot::PermissionBoundary,
        FixedSlot::Session,
        FixedSlot::Scps,
        FixedSlot::Rcps,
    ];

    /// The key in a case's `policies`.
    pub fn key(self) -> &'static str {
        match self {
            FixedSlot::Identity => "identity",
            FixedSlot::Resource => "resource",
            FixedSlot::PermissionBoundary => "permissionBoundary",
            FixedSlot::Session => "session",
            FixedSlot::Scps => "scps",
            FixedSlot::Rcps => "rcps",
        }
    }

    pub fn from_key(key: &str) -> Option<FixedSlot> {
        FixedSlot::ALL.into_iter().find(|slot| slot.key() == key)
    }

    /// SCPs and RCPs are attached at the levels of an organization.
    pub fn has_levels(self) -> bool {
        matches!(self, FixedSlot::Scps | FixedSlot::Rcps)
    }
}

impl CulpritPolicy {
    /// As written in a lesson file.
    pub fn as_str(&self) -> &str {
        match self {
            CulpritPolicy::Edited => "edited",
            CulpritPolicy::Slot(slot) => slot.key(),
            CulpritPolicy::Named(name) => name,
        }
    }
}

impl From<&str> for CulpritPolicy {
    fn from(text: &str) -> CulpritPolicy {
        if text == "edited" {
            return CulpritPolicy::Edited;
        }
        match FixedSlot::from_key(text).filter(|slot| *slot != FixedSlot::Identity) {
            Some(slot) => CulpritPolicy::Slot(slot),
            None => CulpritPolicy::Named(text.to_owned()),
        }
    }
}

impl From<String> for CulpritPolicy {
    fn from(text: String) -> CulpritPolicy {
        CulpritPolicy::from(text.as_str())
    }
}

impl From<CulpritPolicy> for String {
    fn from(policy: CulpritPolicy) -> String {
        policy.as_str().to_owned()
    }
}

impl std::fmt::Display for CulpritPolicy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// `#[serde(default)]` on a `P` field would otherwise demand `P: Default`.
#[serde(
    rename_all = "camelCase",
    deny_unknown_fields,
    bound(deserialize = "P: Deserialize<'de>")
)]
pub struct Question<P = String> {
    /// Unique across the course.
    pub id: Spanned<String>,
    pub kind: QuestionKind,
    /// Markdown.
    pub prompt: Spanned<P>,
    pub options: Spanned<Vec<QuestionOption>>,
    /// The lesson id this question tests (interview bank questions name their source lesson).
    #[serde(default)]
    pub topic: Option<Spanned<String>>,
    /// A model answer in prose, for interview practice.
    #[serde(default)]
    pub model_answer: Option<Spanned<P>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum QuestionKind {
    /// Exactly one correct option.
    Single,
    /// One or more correct options, and at least one wrong one.
    Multiple,
    /// Two options, "True" and "False", exactly one correct.
    TrueFalse,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct QuestionOption {
    pub text: Spanned<String>,
    pub correct: bool,
    /// Why this option is right or wrong; shown after answering.
    pub explanation: Spanned<String>,
}

impl<P> LessonManifest<P> {
    /// The same manifest with every Markdown field converted by `convert`.
    pub fn map_prose<Q>(self, convert: &mut impl FnMut(P) -> Q) -> LessonManifest<Q> {
        LessonManifest {
            id: self.id,
            title: self.title,
            summary: self.summary,
            objectives: self.objectives,
            prerequisites: self.prerequisites,
            minutes: self.minutes,
            teaches: self.teaches,
            scenarios: map_spanned(self.scenarios, |scenarios| {
                scenarios
                    .into_iter()
                    .map(|scenario| map_spanned(scenario, |s| s.map_prose(convert)))
                    .collect()
            }),
            questions: map_spanned(self.questions, |questions| {
                questions
                    .into_iter()
                    .map(|question| question.map_prose(convert))
                    .collect()
            }),
        }
    }
}

impl<P> Scenario<P> {
    /// The same scenario with its task, hints and explanation converted by `convert`.
    pub fn map_prose<Q>(self, convert: &mut impl FnMut(P) -> Q) -> Scenario<Q> {
        Scenario {
            id: self.id,
            title: self.title,
            style: self.style,
            task: map_spanned(self.task, &mut *convert),
            edit: self.edit,
            starter: self.starter,
            fixed: self.fixed,
            checks: self.checks,
            least_privilege: self.least_privilege,
            hints: map_spanned(self.hints, |hints| {
                hints
                    .into_iter()
                    .map(|hint| map_spanned(hint, &mut *convert))
                    .collect()
            }),
            answer: self.answer,
            culprit: self.culprit,
            explanation: map_spanned(self.explanation, convert),
        }
    }
}

impl<P> Question<P> {
    /// The same question with its prompt and model answer converted by `convert`.
    pub fn map_prose<Q>(self, convert: &mut impl FnMut(P) -> Q) -> Question<Q> {
        Question {
            id: self.id,
            kind: self.kind,
            prompt: map_spanned(self.prompt, &mut *convert),
            options: self.options,
            topic: self.topic,
            model_answer: self
                .model_answer
                .map(|answer| map_spanned(answer, &mut *convert)),
        }
    }
}

/// The value converted, keeping where it was read.
pub(crate) fn map_spanned<T, U>(spanned: Spanned<T>, convert: impl FnOnce(T) -> U) -> Spanned<U> {
    Spanned {
        span: spanned.span,
        place: spanned.place,
        value: convert(spanned.value),
    }
}

impl<P> Scenario<P> {
    /// Whether a learner's pick in a `spot` scenario (`edited/<sid>` or `<policy name>/<sid>`)
    /// is the culprit.
    pub fn is_spotted_by(&self, choice: &str) -> bool {
        self.culprit
            .as_ref()
            .is_some_and(|c| choice == format!("{}/{}", *c.policy, *c.sid))
    }
}

impl<P> Question<P> {
    /// Right when exactly the correct options (by index) are chosen.
    pub fn is_answered_by(&self, chosen: &[usize]) -> bool {
        !chosen.is_empty()
            && self
                .options
                .iter()
                .enumerate()
                .all(|(i, option)| option.correct == chosen.contains(&i))
    }
}

#[cfg(test)]
mod tests {
    use super::{CulpritPolicy, FixedSlot};

    #[test]
    fn a_culprit_policy_reads_and_writes_as_the_lesson_string() {
        let read: Vec<CulpritPolicy> =
            serde_json::from_str(r#"["edited", "permissionBoundary", "rcps", "AnalystsRead"]"#)
                .expect("strings");
        assert_eq!(
            read,
            vec![
                CulpritPolicy::Edited,
                CulpritPolicy::Slot(FixedSlot::PermissionBoundary),
                CulpritPolicy::Slot(FixedSlot::Rcps),
                CulpritPolicy::Named("AnalystsRead".to_owned()),
            ]
        );
        let written = serde_json::to_string(&read).expect("strings");
        assert_eq!(
            written,
            r#"["edited","permissionBoundary","rcps","AnalystsRead"]"#
        );
    }
}
