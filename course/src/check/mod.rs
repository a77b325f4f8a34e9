//! The content checker. The structural part (this module and most submodules) verifies what
//! needs no evaluation; `semantic` runs the engine on every scenario. Together they return every
//! problem at once, each located in its file, so an author fixes a file in one pass.

mod glossary;
mod links;
mod policies;
mod prose;
mod question;
mod references;
mod scenario;
mod semantic;
mod single;
mod teaches;

pub use semantic::check_semantics;
pub use single::check_scenario;

use std::collections::HashMap;

use super::load::{load_course, Course, Lesson, COURSE_FILE};
use super::problem::{is_kebab_case, Problem, Report};
use iamplay_engine::json::{reindented, reindented_offset, LineIndex};

/// A lesson needs at least this many scenarios and checkpoint questions.
pub const MIN_SCENARIOS: usize = 2;
pub const MIN_QUESTIONS: usize = 3;

/// Loads and checks a course: parse, structural and semantic problems together.
pub fn check_files<P: AsRef<str>, C: AsRef<str>>(files: &[(P, C)]) -> Vec<Problem> {
    let loaded = load_course(files);
    let mut problems = loaded.problems;
    if let Some(course) = &loaded.course {
        problems.extend(check_course(course));
        problems.extend(check_semantics(course));
    }
    for problem in problems.iter_mut().filter(|p| p.position.is_none()) {
        let Some((_, text)) = files.iter().find(|(path, _)| path.as_ref() == problem.file) else {
            continue;
        };
        let text = text.as_ref();
        let Some(offset) = problem.offset else {
            continue;
        };
        let offset = source_offset(text, &problem.reindented, offset);
        let position = LineIndex::new(text).position(offset);
        problem.position = Some((position.line, position.column));
    }
    // Stable: within a file, problems keep the order of the checks that found them.
    problems.sort_by(|a, b| a.file.cmp(&b.file));
    problems
}

/// `offset` in the text the file holds re-indented at `within` (see [`Problem::reindented`]),
/// as an offset in the file.
fn source_offset(file: &str, within: &[iamplay_engine::json::Span], offset: usize) -> usize {
    let Some((last, outer)) = within.split_last() else {
        return offset;
    };
    let mut text = file.to_owned();
    for span in outer {
        text = reindented(&text, *span);
    }
    // A policy written as a JSON string holds its text unescaped, so offsets in it are not the
    // file's: such a problem points at the string.
    let written_as_document = last
        .slice(&text)
        .is_some_and(|value| value.starts_with(['{', '[']));
    let inner = if written_as_document {
        reindented_offset(&text, *last, offset)
    } else {
        last.start
    };
    source_offset(file, outer, inner)
}

/// Checks the structure of a loaded course (and its prose), without evaluating policies; each
/// lesson's problems are filed under its folder.
pub fn check_course(course: &Course) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_course_list(course, &mut problems);
    glossary::check_glossary(course, &mut problems);
    let mut question_owners: HashMap<&str, &str> = HashMap::new();
    let mut code_owners: HashMap<&str, &str> = HashMap::new();
    for lesson in &course.lessons {
        let folder = lesson.folder();
        let file = format!("{folder}/lesson.json");
        let mut report = Report {
            file: &file,
            problems: &mut problems,
        };
        check_lesson(course, lesson, folder, &mut report);
        teaches::check(lesson, &mut code_owners, &mut report);
        for (index, question) in lesson.manifest.questions.iter().enumerate() {
            if let Some(first) = question_owners.insert(&question.id, &lesson.manifest.id) {
                report.push(
                    question.id.place,
                    &format!("questions[{index}].id"),
                    format!("question id `{}` is also used in lesson `{first}`", question.id),
                    "question ids are unique across the course (progress is saved by id); prefix them with a word from the lesson",
                );
            }
        }
        links::check_prose(course, lesson, folder, &mut problems);
        prose::check_prose(lesson, folder, &mut problems);
    }
    problems
}

fn check_course_list(course: &Course, problems: &mut Vec<Problem>) {
    let mut report = Report {
        file: COURSE_FILE,
        problems,
    };
    report.non_empty("title", &course.manifest.title);
    if course.manifest.lessons.is_empty() {
        report.push(
            course.manifest.lessons.place,
            "lessons",
            "the course lists no lessons",
            "list the lesson ids in teaching order",
        );
    }
    for (index, id) in course.manifest.lessons.iter().enumerate() {
        let field = format!("lessons[{index}]");
        if !is_kebab_case(id) {
            report.push(id.place, &field, format!("lesson id `{id}` is not kebab-case"), "use lowercase words joined by hyphens, like `policy-anatomy`, and rename the folder to match");
        }
        if course.manifest.lessons[..index].contains(id) {
            report.push(
                id.place,
                &field,
                format!("lesson `{id}` is listed twice"),
                "list each lesson once",
            );
        }
    }
}

fn check_lesson(course: &Course, lesson: &Lesson, folder: &str, report: &mut Report<'_>) {
    let manifest = &lesson.manifest;
    if manifest.id != folder {
        report.push(
            manifest.id.place,
            "id",
            format!(
                "the id `{}` differs from the folder name `{folder}`",
                manifest.id
            ),
            "make the id equal to the folder name",
        );
    }
    report.non_empty("title", &manifest.title);
    report.non_empty("summary", &manifest.summary);
    if manifest.objectives.is_empty() {
        report.push(
            manifest.objectives.place,
            "objectives",
            "the lesson has no objectives",
            "list what a learner can do after the lesson, one short sentence each",
        );
    }
    for (index, objective) in manifest.objectives.iter().enumerate() {
        report.non_empty(&format!("objectives[{index}]"), objective);
    }
    if *manifest.minutes == 0 {
        report.push(
            manifest.minutes.place,
            "minutes",
            "the estimated time is 0",
            "estimate the minutes for the prose and the scenarios together",
        );
    }
    let here = course.position(&manifest.id).unwrap_or(usize::MAX);
    for (index, prerequisite) in manifest.prerequisites.iter().enumerate() {
        let field = format!("prerequisites[{index}]");
        match course.position(prerequisite) {
            None => report.push(
                prerequisite.place,
                &field,
                format!("prerequisite `{prerequisite}` is not a lesson of this course"),
                "use the id of a lesson listed in `course.json`",
            ),
            Some(at) if at >= here => report.push(
                prerequisite.place,
                &field,
                format!(
                    "prerequisite `{prerequisite}` does not come before this lesson in the course"
                ),
                "a prerequisite must be taught first: move it earlier in `course.json` or drop it",
            ),
            Some(_) => {}
        }
    }
    if manifest.scenarios.len() < MIN_SCENARIOS {
        report.push(
            // Without `scenarios` the list has no position: the file's start, where the
            // lesson object begins.
            manifest.scenarios.place,
            "scenarios",
            format!(
                "the lesson has {} scenario(s); at least {MIN_SCENARIOS} are needed",
                manifest.scenarios.len()
            ),
            "add scenarios of different styles: write, fix, predict, spot",
        );
    }
    if manifest.questions.len() < MIN_QUESTIONS {
        report.push(
            manifest.questions.place,
            "questions",
            format!(
                "the lesson has {} question(s); at least {MIN_QUESTIONS} are needed",
                manifest.questions.len()
            ),
            "add checkpoint questions (single, multiple, trueFalse)",
        );
    }
    let mut scenario_ids: Vec<&str> = Vec::new();
    for (index, scenario) in manifest.scenarios.iter().enumerate() {
        let field = format!("scenarios[{index}]");
        if scenario_ids.contains(&scenario.id.as_str()) {
            report.push(
                scenario.id.place,
                &format!("{field}.id"),
                format!("scenario id `{}` is used twice", scenario.id),
                "give each scenario its own id",
            );
        }
        scenario_ids.push(&scenario.id);
        scenario::check(
            scenario,
            scenario.place,
            &format!("scenarios[{}]", scenario.id),
            report,
        );
        links::check_scenario(
            course,
            lesson,
            scenario,
            &format!("scenarios[{}]", scenario.id),
            report,
        );
    }
    for (index, question) in manifest.questions.iter().enumerate() {
        let field = format!("questions[{}]", question.id);
        if !is_kebab_case(&question.id) {
            report.push(
                question.id.place,
                &format!("questions[{index}].id"),
                format!("question id `{}` is not kebab-case", question.id),
                "use lowercase words joined by hyphens",
            );
        }
        question::check(course, lesson, question, &field, report);
    }
}

#[cfg(test)]
mod tests;
