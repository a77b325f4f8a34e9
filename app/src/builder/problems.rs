//! The course checker's problems placed at the builder's fields. The checker names a field by
//! its path in the scenario's JSON (`checks[1].request.action`, `fixed.scps[0][1]`); the form
//! shows each problem beside the input that fixes it.

use iamplay_course::{check_scenario, Problem, ScenarioStyle};
use iamplay_engine::catalog::Catalog;
use iamplay_engine::json::LineIndex;
use iamplay_engine::policy::parse_policy;

use super::draft::Draft;
use crate::interop::markers::Range;
use iamplay_course::FixedSlot;

/// A place in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The scenario as a whole (shown above the form).
    Scenario,
    Id,
    Title,
    Task,
    EditName,
    Starter,
    /// The fixed policies as a whole, or one of them by its place in the form.
    FixedAll,
    Fixed(usize),
    Checks,
    Check(usize, CheckPart),
    Hints,
    Hint(usize),
    Answer,
    /// The least-privilege bound as a whole, and its resources.
    Bound,
    BoundResources,
    /// The culprit as a whole, and its parts.
    Culprit,
    CulpritPolicy,
    CulpritSid,
    Explanation,
}

/// A part of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckPart {
    Whole,
    Id,
    Title,
    Principal,
    Action,
    Resource,
    ResourceAccount,
    Context,
    Expect,
    Hint,
}

/// A problem at a field, with the line and column in that field's text when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: Field,
    pub message: String,
    pub help: Option<String>,
    pub position: Option<(usize, usize)>,
    /// What the field's editor underlines, when the problem is at a span of its text (the
    /// engine's verdict on a policy); else the editor marks `position`.
    pub range: Option<Range>,
}

impl FieldProblem {
    pub fn new(field: Field, message: impl Into<String>, help: impl Into<String>) -> Self {
        let help: String = help.into();
        FieldProblem {
            field,
            message: message.into(),
            help: (!help.is_empty()).then_some(help),
            position: None,
            range: None,
        }
    }

    /// "line 3, column 7: message".
    pub fn text(&self) -> String {
        match self.position {
            Some((line, column)) => format!("line {line}, column {column}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

/// Everything wrong with the draft: its JSON fields first, then the course checker's
/// problems. A field whose text is not JSON is not also reported by the checker (which sees
/// only `null` there).
pub fn check_draft(draft: &Draft, catalog: Option<&Catalog>) -> Vec<FieldProblem> {
    let (scenario, mut problems) = draft.to_scenario();
    let unreadable: Vec<Field> = problems.iter().map(|p| p.field).collect();
    for problem in check_scenario(&scenario, catalog) {
        let mut placed = place(problem, draft);
        if unreadable.contains(&placed.field) {
            continue;
        }
        if placed.message.starts_with("the engine rejects this policy") {
            if let Some((position, range)) = engine_position(draft, placed.field) {
                placed.position = Some(position);
                placed.range = Some(range);
            }
        }
        if !problems.contains(&placed) {
            problems.push(placed);
        }
    }
    problems
}

/// Where in the trainer's own text the engine stops reading a policy: the line and column, and
/// the editor range of what it rejects.
fn engine_position(draft: &Draft, field: Field) -> Option<((usize, usize), Range)> {
    let text = match field {
        Field::Starter => &draft.starter,
        Field::Answer => &draft.answer,
        Field::Fixed(index) => &draft.fixed.get(index)?.text,
        _ => return None,
    };
    let error = parse_policy(text).err()?;
    let index = LineIndex::new(text);
    let position = index.position(error.span.start);
    Some((
        (position.line, position.column),
        Range::of_span(&index, error.span),
    ))
}

fn place(problem: Problem, draft: &Draft) -> FieldProblem {
    let field = problem
        .field
        .as_deref()
        .map_or(Field::Scenario, |path| field_of(path, draft));
    FieldProblem {
        field,
        message: problem.message,
        help: problem.help,
        position: problem.position,
        range: None,
    }
}

/// The form field for a checker path relative to the scenario.
pub fn field_of(path: &str, draft: &Draft) -> Field {
    let (head, rest) = split_head(path);
    let graded = matches!(draft.style, ScenarioStyle::Write | ScenarioStyle::Fix);
    match head {
        "id" => Field::Id,
        "title" => Field::Title,
        "task" => Field::Task,
        "edit" => Field::EditName,
        "starter" => Field::Starter,
        // A predict or spot scenario's answer is its starter: the form shows only that.
        "answer" if graded => Field::Answer,
        "answer" => Field::Starter,
        "explanation" => Field::Explanation,
        "leastPrivilege" if rest == ".resources" => Field::BoundResources,
        "leastPrivilege" => Field::Bound,
        "culprit" if rest == ".policy" => Field::CulpritPolicy,
        "culprit" if rest == ".sid" => Field::CulpritSid,
        "culprit" => Field::Culprit,
        "hints" => match index_of(rest) {
            Some((index, _)) => Field::Hint(index),
            None => Field::Hints,
        },
        "checks" => match index_of(rest) {
            Some((index, part)) => Field::Check(index, check_part(part)),
            None => Field::Checks,
        },
        "fixed" => fixed_field(rest, draft),
        _ => Field::Scenario,
    }
}

/// `fixed.<slot>[i]` or `fixed.<slot>[level][i]` as the form's fixed policy it came from.
fn fixed_field(rest: &str, draft: &Draft) -> Field {
    let (key, rest) = split_head(rest.trim_start_matches('.'));
    let Some(slot) = FixedSlot::from_key(key) else {
        return Field::FixedAll;
    };
    let in_slot = draft
        .fixed
        .iter()
        .enumerate()
        .filter(|(_, fixed)| fixed.slot == slot);
    let found = match slot {
        FixedSlot::Identity => index_of(rest).and_then(|(i, _)| in_slot.map(|(at, _)| at).nth(i)),
        FixedSlot::Scps | FixedSlot::Rcps => index_of(rest).and_then(|(level, rest)| {
            let (i, _) = index_of(rest)?;
            in_slot
                .filter(|(_, fixed)| fixed.level == level)
                .map(|(at, _)| at)
                .nth(i)
        }),
        _ => in_slot.map(|(at, _)| at).next(),
    };
    found.map_or(Field::FixedAll, Field::Fixed)
}

fn check_part(path: &str) -> CheckPart {
    match path.trim_start_matches('.') {
        "id" => CheckPart::Id,
        "title" => CheckPart::Title,
        "hint" => CheckPart::Hint,
        "expect" => CheckPart::Expect,
        "request.principal" => CheckPart::Principal,
        "request.action" => CheckPart::Action,
        "request.resource" => CheckPart::Resource,
        "request.resourceAccount" => CheckPart::ResourceAccount,
        context if context.starts_with("request.context") => CheckPart::Context,
        _ => CheckPart::Whole,
    }
}

/// `name` and the rest from `name.rest` or `name[...]...`.
fn split_head(path: &str) -> (&str, &str) {
    let end = path.find(['.', '[']).unwrap_or(path.len());
    (&path[..end], &path[end..])
}

/// `[3]rest` as 3 and `rest`.
fn index_of(path: &str) -> Option<(usize, &str)> {
    let inner = path.strip_prefix('[')?;
    let (number, rest) = inner.split_once(']')?;
    Some((number.parse().ok()?, rest))
}

#[cfg(test)]
#[path = "problems_tests.rs"]
mod tests;
