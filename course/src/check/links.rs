//! `lesson:` links in Markdown (`[text](lesson:policy-anatomy)` or
//! `[text](lesson:policy-anatomy#fix-star)`) must resolve, and may only point back: a learner
//! should never be sent to a lesson they have not reached.

use crate::load::{Course, Lesson};
use crate::manifest::Scenario;
use crate::problem::{Problem, Report};
use iamplay_engine::json::Spanned;

use super::references::unlinked;

const SCHEME: &str = "](lesson:";

/// Each `lesson:` link target in a Markdown text, with the byte offset of its `lesson:`.
pub(crate) fn targets(markdown: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut rest = markdown;
    let mut base = 0;
    while let Some(at) = rest.find(SCHEME) {
        let start = at + SCHEME.len();
        let end = rest[start..]
            .find([')', ' ', '\n'])
            .map_or(rest.len(), |e| start + e);
        found.push((base + at + 2, &rest[start..end]));
        base += end;
        rest = &rest[end..];
    }
    found
}

/// Why a link target is wrong, if it is.
fn link_problem(course: &Course, from: &Lesson, target: &str) -> Option<(String, String)> {
    let (lesson_id, scenario_id) = match target.split_once('#') {
        Some((lesson, scenario)) => (lesson, Some(scenario)),
        None => (target, None),
    };
    let Some(at) = course.position(lesson_id) else {
        return Some((
            format!("the link `lesson:{target}` names no lesson of this course"),
            "use `lesson:<id>` with an id from `course.json`".into(),
        ));
    };
    let here = course.position(&from.manifest.id).unwrap_or(usize::MAX);
    if at > here {
        return Some((
            format!(
                "the link `lesson:{target}` points forward to a lesson the learner has not reached"
            ),
            "link only to this lesson or earlier ones; mention later lessons in plain words".into(),
        ));
    }
    let scenario_id = scenario_id?;
    let target_lesson = course.lesson(lesson_id)?;
    if target_lesson
        .manifest
        .scenarios
        .iter()
        .any(|s| s.id == scenario_id)
    {
        return None;
    }
    Some((
        format!("lesson `{lesson_id}` has no scenario `{scenario_id}`"),
        "the part after `#` must be a scenario id of that lesson".into(),
    ))
}

/// Checks the links in one Markdown field of a lesson manifest.
pub(crate) fn check_text(
    course: &Course,
    lesson: &Lesson,
    text: &Spanned<String>,
    field: &str,
    report: &mut Report<'_>,
) {
    for (_, target) in targets(text) {
        if let Some((message, help)) = link_problem(course, lesson, target) {
            report.push(text.place, field, message, help);
        }
    }
    for reference in unlinked(text) {
        report.push(text.place, field, reference.message, reference.help);
    }
}

/// Checks the links in `lesson.md`, with line and column.
pub(crate) fn check_prose(
    course: &Course,
    lesson: &Lesson,
    folder: &str,
    problems: &mut Vec<Problem>,
) {
    let file = format!("{folder}/lesson.md");
    let mut push = |offset: usize, message: String, help: String| {
        let before = &lesson.prose[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |n| n + 1) + 1;
        let mut problem = Problem::new(&file, message).help(help);
        problem.position = Some((line, column));
        problems.push(problem);
    };
    for (offset, target) in targets(&lesson.prose) {
        if let Some((message, help)) = link_problem(course, lesson, target) {
            push(offset, message, help);
        }
    }
    for reference in unlinked(&lesson.prose) {
        push(reference.offset, reference.message, reference.help);
    }
}

/// Checks the links in a scenario's Markdown: task, hints, check hints, explanation.
pub(crate) fn check_scenario(
    course: &Course,
    lesson: &Lesson,
    scenario: &Scenario,
    field: &str,
    report: &mut Report<'_>,
) {
    check_text(
        course,
        lesson,
        &scenario.task,
        &format!("{field}.task"),
        report,
    );
    for (index, hint) in scenario.hints.iter().enumerate() {
        check_text(
            course,
            lesson,
            hint,
            &format!("{field}.hints[{index}]"),
            report,
        );
    }
    for check in &scenario.checks {
        check_text(
            course,
            lesson,
            &check.hint,
            &format!("{field}.checks[{}].hint", check.id),
            report,
        );
    }
    check_text(
        course,
        lesson,
        &scenario.explanation,
        &format!("{field}.explanation"),
        report,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_link_targets_with_offsets() {
        let text =
            "See [anatomy](lesson:policy-anatomy) and [the fix](lesson:least-privilege#fix-star).";
        let found: Vec<&str> = targets(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(found, vec!["policy-anatomy", "least-privilege#fix-star"]);
        assert_eq!(&text[targets(text)[0].0..][..21], "lesson:policy-anatomy");
    }

    #[test]
    fn ordinary_links_and_words_are_not_lesson_links() {
        assert!(targets("a lesson: on [docs](https://aws.amazon.com) and lesson:x").is_empty());
    }
}
