//! The glossary: well-formed terms, each taught (marked with `[text](term:id)`) in the lesson
//! it names, and every marked term in the lessons defined.

use std::collections::HashMap;

use crate::glossary::GLOSSARY_FILE;
use crate::load::Course;
use crate::markdown::TERM_SCHEME;
use crate::problem::{is_kebab_case, Problem, Report};

const MARK: &str = "](term:";

/// Each `term:` link in a Markdown text: the 1-based line and column of `term:`, and the id.
pub(crate) fn marks(markdown: &str) -> Vec<(usize, usize, &str)> {
    let mut found = Vec::new();
    for (index, line) in markdown.lines().enumerate() {
        let mut from = 0;
        while let Some(at) = line[from..].find(MARK) {
            let start = from + at + 2;
            let id_start = start + TERM_SCHEME.len();
            let end = line[id_start..]
                .find([')', ' '])
                .map_or(line.len(), |e| id_start + e);
            let column = line[..start].chars().count() + 1;
            found.push((index + 1, column, &line[id_start..end]));
            from = end;
        }
    }
    found
}

pub(crate) fn check_glossary(course: &Course, problems: &mut Vec<Problem>) {
    let mut report = Report {
        file: GLOSSARY_FILE,
        problems: &mut *problems,
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, term) in course.glossary.iter().enumerate() {
        let at = |field: &str| format!("terms[{index}].{field}");
        if !is_kebab_case(&term.id) {
            report.push(
                term.id.place,
                &at("id"),
                format!("the term id `{}` is not kebab-case", term.id),
                "use lowercase words joined by `-`: `trust-policy`",
            );
        }
        if let Some(first) = seen.insert(&term.id, index) {
            report.push(
                term.id.place,
                &at("id"),
                format!("the term id `{}` is also used by terms[{first}]", term.id),
                "give every term its own id",
            );
        }
        report.non_empty(&at("term"), &term.term);
        let definition = term.definition.trim();
        if definition.is_empty() {
            report.push(
                term.definition.place,
                &at("definition"),
                "the definition is empty",
                "define the term in one sentence",
            );
        } else if !definition.ends_with('.') || sentence_breaks(definition) > 0 {
            report.push(
                term.definition.place,
                &at("definition"),
                format!("the definition of `{}` is not one sentence", term.term),
                "write one sentence ending with a full stop; the lesson says the rest",
            );
        }
        match course.lesson(&term.lesson) {
            None => report.push(
                term.lesson.place,
                &at("lesson"),
                format!("`{}` is not a lesson of this course", term.lesson),
                "name the id of the lesson that teaches the term",
            ),
            Some(lesson) => {
                let taught = marks(&lesson.prose).iter().any(|(_, _, id)| term.id == *id);
                if !taught {
                    report.push(
                        term.lesson.place,
                        &at("lesson"),
                        format!(
                            "lesson `{}` never marks the term `{}`",
                            term.lesson, term.id
                        ),
                        format!(
                            "mark its first use in `{}/lesson.md`: `[{}](term:{})`",
                            term.lesson, term.term, term.id
                        ),
                    );
                }
            }
        }
    }
    for lesson in &course.lessons {
        let file = format!("{}/lesson.md", lesson.folder());
        for (line, column, id) in marks(&lesson.prose) {
            if course.term(id).is_none() {
                let help = if course.glossary.is_empty() {
                    format!("add `{GLOSSARY_FILE}` with the term, or remove the mark")
                } else {
                    format!("add `{id}` to `{GLOSSARY_FILE}`, or fix the id")
                };
                let mut problem =
                    Problem::new(&file, format!("the term `{id}` is not in the glossary"))
                        .help(help);
                problem.position = Some((line, column));
                problems.push(problem);
            }
        }
    }
}

/// Full stops followed by a space and a capital: a second sentence (`e.g. ` does not count).
fn sentence_breaks(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .filter(|w| matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_uppercase())
        .count()
}
