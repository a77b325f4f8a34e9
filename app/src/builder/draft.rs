//! The builder's form as data. Policies, the fixed policies and each check's context are the
//! text the trainer typed; [`Draft::to_scenario`] turns the form into the course's scenario
//! type, reporting every field whose text is not JSON at the line and column of the mistake.

use iamplay_course::{
    Check, CheckRequest, Context, Culprit, CulpritPolicy, EditedPolicy, ExpectedOutcome, Fixed,
    FixedPolicy, FixedSlot, LeastPrivilegeBound, PolicyText, Scenario, ScenarioStyle,
};
use iamplay_engine::json::Spanned;
use iamplay_engine::policy_kind::PolicyKind;
use serde::{Deserialize, Serialize};

use super::problems::{CheckPart, Field, FieldProblem};
use crate::labels;

/// What a new policy editor holds: a document with no statements.
pub const EMPTY_POLICY: &str = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}";

/// The form. Every field has a default, so a draft saved by an older form still opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub style: ScenarioStyle,
    /// Markdown.
    pub task: String,
    pub edit_kind: PolicyKind,
    pub edit_name: String,
    pub starter: String,
    pub fixed: Vec<FixedDraft>,
    pub checks: Vec<CheckDraft>,
    /// Markdown, one per tier.
    pub hints: Vec<String>,
    pub answer: String,
    /// Whether the answer is held to a least-privilege bound.
    pub bounded: bool,
    /// One resource ARN (or pattern) per line.
    pub bound_resources: String,
    /// One action per line.
    pub bound_extra: String,
    /// For `spot`: `edited`, or the name of a fixed policy.
    pub culprit_policy: String,
    pub culprit_sid: String,
    /// Markdown.
    pub explanation: String,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            id: String::new(),
            title: String::new(),
            style: ScenarioStyle::Write,
            task: String::new(),
            edit_kind: PolicyKind::Identity,
            edit_name: String::new(),
            starter: EMPTY_POLICY.to_owned(),
            fixed: Vec::new(),
            checks: Vec::new(),
            hints: Vec::new(),
            answer: EMPTY_POLICY.to_owned(),
            bounded: false,
            bound_resources: String::new(),
            bound_extra: String::new(),
            culprit_policy: "edited".to_owned(),
            culprit_sid: String::new(),
            explanation: String::new(),
        }
    }
}

/// A fixed policy: where it sits in the request's evaluation, and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FixedDraft {
    pub slot: FixedSlot,
    /// An identity policy's name (a spot scenario's culprit may name it).
    pub name: String,
    /// For SCPs and RCPs: 0 the organization root, 1 an OU, 2 the account.
    pub level: usize,
    pub text: String,
}

impl Default for FixedDraft {
    fn default() -> Self {
        FixedDraft {
            slot: FixedSlot::Identity,
            name: String::new(),
            level: 0,
            text: EMPTY_POLICY.to_owned(),
        }
    }
}

/// The names of the organization levels an SCP or RCP can be attached at.
pub const LEVELS: [&str; 3] = ["Organization root", "OU", "Account"];

/// One check: a request in the engine's case format and the outcome it must have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CheckDraft {
    pub id: String,
    pub title: String,
    pub principal: String,
    pub action: String,
    pub resource: String,
    /// Empty when the resource is in the principal's account.
    pub resource_account: String,
    /// A JSON object of condition keys; empty for none.
    pub context: String,
    pub expect: ExpectedOutcome,
    pub hint: String,
}

impl Default for CheckDraft {
    fn default() -> Self {
        CheckDraft {
            id: String::new(),
            title: String::new(),
            principal: String::new(),
            action: String::new(),
            resource: String::new(),
            resource_account: String::new(),
            context: String::new(),
            expect: ExpectedOutcome::Allowed,
            hint: String::new(),
        }
    }
}

impl Draft {
    /// A new check with an id no other check has (`check-1`, `check-2`, …).
    pub fn add_check(&mut self) {
        let id = (1..)
            .map(|n| format!("check-{n}"))
            .find(|id| self.checks.iter().all(|c| &c.id != id))
            .unwrap_or_default();
        self.checks.push(CheckDraft {
            id,
            ..CheckDraft::default()
        });
    }

    /// The course scenario the form describes, and the fields whose text is not JSON. Such a
    /// field keeps its text in the scenario (the checker's problems about it are not shown), so
    /// the checker still reviews everything else.
    pub fn to_scenario(&self) -> (Scenario, Vec<FieldProblem>) {
        let mut problems = Vec::new();
        let starter = policy(&self.starter, Field::Starter, &mut problems);
        let answer = policy(&self.answer, Field::Answer, &mut problems);
        let fixed = self.fixed_policies(&mut problems);
        let checks = self
            .checks
            .iter()
            .enumerate()
            .map(|(index, check)| check.to_check(index, &mut problems).into())
            .collect::<Vec<_>>()
            .into();
        let graded = matches!(self.style, ScenarioStyle::Write | ScenarioStyle::Fix);
        let scenario = Scenario {
            id: self.id.trim().into(),
            title: self.title.trim().into(),
            style: self.style,
            task: self.task.clone().into(),
            edit: EditedPolicy {
                kind: self.edit_kind,
                name: self.edit_name.trim().into(),
            },
            // A predict or spot scenario studies one policy: the starter is its answer too.
            answer: if graded { answer } else { starter.clone() },
            starter,
            fixed,
            checks,
            least_privilege: (graded && self.bounded).then(|| {
                LeastPrivilegeBound {
                    resources: lines(&self.bound_resources).into(),
                    allow_extra: lines(&self.bound_extra),
                }
                .into()
            }),
            hints: self
                .hints
                .iter()
                .map(|hint| hint.clone().into())
                .collect::<Vec<_>>()
                .into(),
            culprit: (self.style == ScenarioStyle::Spot).then(|| {
                Culprit {
                    policy: CulpritPolicy::from(self.culprit_policy.trim()).into(),
                    sid: self.culprit_sid.trim().into(),
                }
                .into()
            }),
            explanation: self.explanation.clone().into(),
        };
        (scenario, problems)
    }

    /// The fixed policies by slot, `None` when there are none.
    fn fixed_policies(&self, problems: &mut Vec<FieldProblem>) -> Option<Fixed> {
        if self.fixed.is_empty() {
            return None;
        }
        let mut slots = Fixed::default();
        for (index, fixed) in self.fixed.iter().enumerate() {
            let document = policy(&fixed.text, Field::Fixed(index), problems);
            let name = fixed.name.trim();
            let named = |name: Option<String>| {
                Spanned::new(
                    FixedPolicy {
                        name,
                        document: document.value.clone().into(),
                    },
                    Default::default(),
                )
            };
            let single = match fixed.slot {
                FixedSlot::Identity => {
                    slots
                        .identity
                        .push(named((!name.is_empty()).then(|| name.to_owned())));
                    continue;
                }
                FixedSlot::Scps | FixedSlot::Rcps => {
                    let levels = match fixed.slot {
                        FixedSlot::Scps => &mut slots.scps,
                        _ => &mut slots.rcps,
                    };
                    let levels = levels.get_or_insert_with(Vec::new);
                    let level = fixed.level.min(LEVELS.len() - 1);
                    while levels.len() <= level {
                        levels.push(Vec::new());
                    }
                    levels[level].push(named(None));
                    continue;
                }
                FixedSlot::Resource => &mut slots.resource,
                FixedSlot::PermissionBoundary => &mut slots.permission_boundary,
                FixedSlot::Session => &mut slots.session,
            };
            if single.is_some() {
                problems.push(FieldProblem::new(
                    Field::Fixed(index),
                    format!(
                        "there is already a {} among the fixed policies",
                        labels::fixed_slot(fixed.slot).to_lowercase()
                    ),
                    "a request has one policy in this place: remove one of them",
                ));
            } else {
                *single = Some(named(None));
            }
        }
        for slot in [FixedSlot::Scps, FixedSlot::Rcps] {
            self.report_empty_levels(slot, &slots, problems);
        }
        Some(slots)
    }

    /// AWS evaluates every level between the root and the account; a level without a policy
    /// would deny everything, which is not what an author who skipped it means.
    fn report_empty_levels(
        &self,
        slot: FixedSlot,
        fixed: &Fixed,
        problems: &mut Vec<FieldProblem>,
    ) {
        let levels = match slot {
            FixedSlot::Scps => &fixed.scps,
            _ => &fixed.rcps,
        };
        for (level, policies) in levels.iter().flatten().enumerate() {
            if policies.is_empty() {
                let below = self
                    .fixed
                    .iter()
                    .position(|f| f.slot == slot && f.slot.has_levels() && f.level > level)
                    .unwrap_or_default();
                problems.push(FieldProblem::new(
                    Field::Fixed(below),
                    format!("no {} is attached at level {level} ({})", labels::fixed_slot(slot), LEVELS[level]),
                    "every level from the root to this one needs a policy (AWS attaches a full-access one by default): add one there, or move this policy up",
                ));
            }
        }
    }
}

impl CheckDraft {
    fn to_check(&self, index: usize, problems: &mut Vec<FieldProblem>) -> Check {
        let mut request = CheckRequest::new(
            self.principal.trim(),
            self.action.trim(),
            self.resource.trim(),
        );
        let account = self.resource_account.trim();
        if !account.is_empty() {
            request.resource_account = Some(account.to_owned());
        }
        if !self.context.trim().is_empty() {
            request.context = context(
                &self.context,
                Field::Check(index, CheckPart::Context),
                problems,
            );
        }
        Check {
            id: self.id.trim().into(),
            title: self.title.trim().into(),
            request,
            expect: self.expect.into(),
            hint: self.hint.trim().into(),
        }
    }
}

/// Non-empty trimmed lines.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The policy's text as typed, with a problem when it is empty or not JSON.
fn policy(text: &str, field: Field, problems: &mut Vec<FieldProblem>) -> Spanned<PolicyText> {
    if text.trim().is_empty() {
        problems.push(FieldProblem::new(
            field,
            "the policy is empty",
            "write a policy document: `{\"Version\": \"2012-10-17\", \"Statement\": [...]}`",
        ));
    } else {
        json_field(text, field, problems);
    }
    Spanned::new(PolicyText::new(text), Default::default())
}

/// The condition keys of a check's context text; none, with a problem, when it is not an
/// object of them.
fn context(text: &str, field: Field, problems: &mut Vec<FieldProblem>) -> Context {
    let Some(value) = json_field(text, field, problems) else {
        return Context::default();
    };
    serde_json::from_value(value).unwrap_or_else(|_| {
        problems.push(FieldProblem::new(
            field,
            "the context must be an object of condition keys, each a text, a number, a boolean or a list of them",
            "write `{\"aws:SourceIp\": \"203.0.113.7\"}`",
        ));
        Context::default()
    })
}

/// The JSON in `text`, or `None` with the parser's message at its line and column.
fn json_field(
    text: &str,
    field: Field,
    problems: &mut Vec<FieldProblem>,
) -> Option<serde_json::Value> {
    match serde_json::from_str(text) {
        Ok(value) => Some(value),
        Err(error) => {
            let mut problem = FieldProblem::new(
                field,
                format!("this is not valid JSON: {}", without_position(&error)),
                "fix the JSON at the marked place",
            );
            problem.position = Some((error.line(), error.column()));
            problems.push(problem);
            None
        }
    }
}

/// serde_json's message without its " at line L column C" tail: the position is shown apart.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[cfg(test)]
#[path = "draft_tests.rs"]
pub(crate) mod tests;
