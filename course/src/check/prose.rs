//! Checks on `lesson.md`: a title heading, closed code fences, `json` examples that parse (and,
//! when they are whole policies, that the engine accepts), and known callout types. A broken
//! policy in the prose teaches the mistake it was meant to prevent.

use serde_json::Value;

use crate::load::Lesson;
use crate::problem::Problem;
use iamplay_engine::policy::parse_policy;

/// The callouts the app renders: `> [!NOTE]`, `> [!TIP]`, `> [!WARNING]`.
pub const CALLOUTS: [&str; 3] = ["NOTE", "TIP", "WARNING"];

pub(crate) fn check_prose(lesson: &Lesson, folder: &str, problems: &mut Vec<Problem>) {
    let file = format!("{folder}/lesson.md");
    let mut diagram_problems = Vec::new();
    let mut report = |line: usize, message: String, help: &str| {
        let mut problem = Problem::new(&file, message).help(help);
        problem.position = Some((line, 1));
        problems.push(problem);
    };
    let prose = &lesson.prose;
    if prose.trim().is_empty() {
        return; // reported by the loader
    }
    let first = prose
        .lines()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(0);
    if !prose
        .lines()
        .nth(first)
        .is_some_and(|l| l.starts_with("# "))
    {
        report(
            first + 1,
            "the prose does not start with a `# Title` heading".into(),
            "begin `lesson.md` with `# ` and the lesson's title",
        );
    }
    let mut fence: Option<(usize, String, Vec<&str>)> = None;
    for (index, line) in prose.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            match fence.take() {
                None => fence = Some((index + 1, info.trim().to_owned(), Vec::new())),
                Some((start, language, body)) => {
                    if language == "json" {
                        check_json_block(start, &body.join("\n"), &mut report);
                    }
                    if language == "diagram" {
                        diagram_problems.extend(check_diagram_block(
                            &file,
                            start,
                            &body.join("\n"),
                        ));
                    }
                }
            }
            continue;
        }
        if let Some((_, _, body)) = fence.as_mut() {
            body.push(line);
            continue;
        }
        if let Some(kind) = trimmed
            .strip_prefix("> [!")
            .and_then(|rest| rest.split(']').next())
        {
            if !CALLOUTS.contains(&kind) {
                report(
                    index + 1,
                    format!("unknown callout `[!{kind}]`"),
                    "use `> [!NOTE]`, `> [!TIP]` or `> [!WARNING]`",
                );
            }
        }
    }
    if let Some((start, _, _)) = fence {
        report(
            start,
            "this code block is never closed".into(),
            "add a line with ``` after the block",
        );
    }
    problems.extend(diagram_problems);
}

/// A `diagram` block must parse and lay out; each problem points at its line and column in
/// `lesson.md` (the block's first line is the one after the fence on line `start`).
fn check_diagram_block(file: &str, start: usize, body: &str) -> Vec<Problem> {
    use iamplay_diagram::{layout, layout_sets, parse_block, Block};
    let laid = match parse_block(body) {
        Ok(Block::Graph(spec)) => layout(&spec).map(drop),
        Ok(Block::Sets(spec)) => layout_sets(&spec).map(drop),
        Err(errors) => return parse_problems(file, start, errors),
    };
    match laid {
        Ok(()) => Vec::new(),
        Err(message) => {
            let mut problem =
                Problem::new(file, format!("the diagram cannot be laid out: {message}"));
            problem.position = Some((start, 1));
            vec![problem]
        }
    }
}

fn parse_problems(
    file: &str,
    start: usize,
    errors: Vec<iamplay_diagram::ParseError>,
) -> Vec<Problem> {
    errors
        .into_iter()
        .map(|error| {
            let mut problem = Problem::new(file, format!("in the diagram: {}", error.message));
            if let Some(help) = error.help {
                problem = problem.help(help);
            }
            problem.position = Some((start + error.line, error.column));
            problem
        })
        .collect()
}

fn check_json_block(start: usize, body: &str, report: &mut impl FnMut(usize, String, &str)) {
    // A member on its own (`"Condition": {...}`) is a common way to show part of a policy.
    let as_member = || serde_json::from_str::<Value>(&format!("{{{body}}}"));
    let value: Value = match serde_json::from_str(body).or_else(|e| as_member().map_err(|_| e)) {
        Ok(value) => value,
        Err(error) => {
            let message = error.to_string();
            let message = message
                .rfind(" at line ")
                .map_or(message.as_str(), |cut| &message[..cut])
                .to_owned();
            report(
                start + error.line(),
                format!("the `json` example is not valid JSON: {message}"),
                "fix the example, or mark the block as `text` if it is deliberately partial",
            );
            return;
        }
    };
    if value.get("Statement").is_some() {
        if let Err(error) = parse_policy(&value.to_string()) {
            report(
                start,
                format!("the example policy is not one AWS would accept: {error}"),
                "fix the example; learners copy these",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::LessonManifest;

    fn problems(prose: &str) -> Vec<String> {
        let manifest: LessonManifest = serde_json::from_str(
            r#"{"id": "a", "title": "A", "summary": "s", "objectives": ["o"], "minutes": 1}"#,
        )
        .expect("manifest");
        let lesson = Lesson {
            manifest,
            prose: prose.to_owned(),
            folder: None,
        };
        let mut found = Vec::new();
        check_prose(&lesson, "a", &mut found);
        found.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn good_prose_has_no_problems() {
        let prose = "# A\n\n> [!TIP]\n> Hi.\n\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": []}\n```\n\n```json\n{\"Sid\": \"Part\", \"Effect\": \"Allow\"}\n```\n\n```json\n\"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}\n```\n";
        assert_eq!(problems(prose), Vec::<String>::new());
    }

    #[test]
    fn broken_examples_callouts_fences_and_titles_are_reported() {
        let prose = "Intro\n> [!DANGER]\n```json\n{\"Effect\": \"Allow\",}\n```\n```json\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Alow\", \"Action\": \"*\", \"Resource\": \"*\"}]}\n```\n```text\nopen";
        let found = problems(prose);
        assert!(
            found[0]
                .starts_with("a/lesson.md:1:1: the prose does not start with a `# Title` heading"),
            "{found:#?}"
        );
        assert!(
            found[1].starts_with("a/lesson.md:2:1: unknown callout `[!DANGER]`"),
            "{found:#?}"
        );
        assert!(
            found[2].starts_with(
                "a/lesson.md:4:1: the `json` example is not valid JSON: trailing comma"
            ),
            "{found:#?}"
        );
        assert!(
            found[3].starts_with("a/lesson.md:6:1: the example policy is not one AWS would accept"),
            "{found:#?}"
        );
        assert!(
            found[4].starts_with("a/lesson.md:9:1: this code block is never closed"),
            "{found:#?}"
        );
        assert_eq!(found.len(), 5);
    }
}
