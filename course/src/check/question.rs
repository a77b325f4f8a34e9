//! Structural rules for a checkpoint question.

use crate::load::{Course, Lesson};
use crate::manifest::{Question, QuestionKind};
use crate::problem::Report;

use super::links;

pub(crate) fn check(
    course: &Course,
    lesson: &Lesson,
    question: &Question,
    field: &str,
    report: &mut Report<'_>,
) {
    report.non_empty(&format!("{field}.prompt"), &question.prompt);
    links::check_text(
        course,
        lesson,
        &question.prompt,
        &format!("{field}.prompt"),
        report,
    );
    let options = &question.options;
    let correct = options.iter().filter(|o| o.correct).count();
    let at = format!("{field}.options");
    let place = options.place;
    match question.kind {
        QuestionKind::Single => {
            if options.len() < 2 {
                report.push(
                    place,
                    &at,
                    "a single-choice question needs at least two options",
                    "add wrong options that reflect real misconceptions",
                );
            }
            if correct != 1 {
                report.push(
                    place,
                    &at,
                    format!(
                        "a single-choice question needs exactly one correct option, not {correct}"
                    ),
                    "mark one option `\"correct\": true`, or make the kind `multiple`",
                );
            }
        }
        QuestionKind::Multiple => {
            if correct == 0 || correct == options.len() {
                report.push(place, &at, format!("a multiple-choice question needs at least one correct and one wrong option ({correct} of {} are correct)", options.len()), "a question where every option is right (or none is) teaches nothing");
            }
        }
        QuestionKind::TrueFalse => {
            let texts: Vec<&str> = options.iter().map(|o| o.text.as_str()).collect();
            if texts != ["True", "False"] {
                report.push(place, &at, "a true/false question has exactly the options `True` and `False`, in that order", "write the statement in `prompt` and mark the right option");
            }
            if correct != 1 {
                report.push(
                    place,
                    &at,
                    format!(
                        "a true/false question needs exactly one correct option, not {correct}"
                    ),
                    "mark either `True` or `False` correct",
                );
            }
        }
    }
    for (index, option) in options.iter().enumerate() {
        let here = format!("{at}[{index}]");
        report.non_empty(&format!("{here}.text"), &option.text);
        if option.explanation.trim().is_empty() {
            report.push(
                option.explanation.place,
                &format!("{here}.explanation"),
                "the option has no explanation",
                "say why this option is right or wrong; learners read it after answering",
            );
        }
        if options[..index]
            .iter()
            .any(|other| *other.text == *option.text)
        {
            report.push(
                option.text.place,
                &format!("{here}.text"),
                format!("the option `{}` appears twice", option.text),
                "make the options different",
            );
        }
        links::check_text(
            course,
            lesson,
            &option.explanation,
            &format!("{here}.explanation"),
            report,
        );
    }
    if let Some(topic) = &question.topic {
        let here = course.position(&lesson.manifest.id).unwrap_or(usize::MAX);
        match course.position(topic) {
            None => report.push(
                topic.place,
                &format!("{field}.topic"),
                format!("topic `{topic}` is not a lesson of this course"),
                "use the id of the lesson the question tests",
            ),
            Some(at) if at > here => report.push(
                topic.place,
                &format!("{field}.topic"),
                format!("topic `{topic}` comes after this lesson"),
                "a question can only test a lesson taught before it (or this one)",
            ),
            Some(_) => {}
        }
    }
    if let Some(answer) = &question.model_answer {
        report.non_empty(&format!("{field}.modelAnswer"), answer);
        links::check_text(
            course,
            lesson,
            answer,
            &format!("{field}.modelAnswer"),
            report,
        );
    }
}
