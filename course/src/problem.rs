//! What the course loader and checker report: one problem per thing an author must fix.

use std::fmt;

use serde::Serialize;

#[cfg(feature = "authoring")]
use iamplay_engine::json::{Span, Spanned};

/// A problem in a course file, with enough to find and fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// The file, relative to the course folder: `what-iam-answers/lesson.json`.
    pub file: String,
    /// 1-based line and column, when the problem is at a known place in the text.
    pub position: Option<(usize, usize)>,
    /// The field the problem is about: `scenarios[first-allow].checks[0].expect`.
    pub field: Option<String>,
    /// What is wrong, lowercase, with the author's text in backticks.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// The byte offset in the file, when the checker knows it from the reader; turned into
    /// `position` once the file's text is at hand.
    #[serde(skip)]
    pub offset: Option<usize>,
    /// When not empty, `offset` is in the re-indented text (see
    /// [`PolicyText`](crate::PolicyText)) of the value at the last span, which is in the
    /// re-indented text of the value at the span before, and so on up to the first, in the file.
    #[serde(skip)]
    pub reindented: Vec<iamplay_engine::json::Span>,
}

impl Problem {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            position: None,
            field: None,
            message: message.into(),
            help: None,
            offset: None,
            reindented: Vec::new(),
        }
    }

    pub fn at(mut self, field: impl Into<String>) -> Self {
        let field = field.into();
        self.field = (!field.is_empty()).then_some(field);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Collects problems for one file, prefixing field paths as the checker walks down.
#[cfg(feature = "authoring")]
#[derive(Debug)]
pub(crate) struct Report<'a> {
    pub file: &'a str,
    pub problems: &'a mut Vec<Problem>,
}

#[cfg(feature = "authoring")]
impl Report<'_> {
    /// Reports a problem at `place`: where the reader found the value (the `place` of a
    /// [`Spanned`]), or for a missing field the object that should hold it. `field` names it
    /// in the message.
    ///
    /// [`Spanned`]: iamplay_engine::json::Spanned
    pub fn push(
        &mut self,
        place: Span,
        field: &str,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let help: String = help.into();
        let mut problem = Problem::new(self.file, message).at(field);
        if !help.is_empty() {
            problem = problem.help(help);
        }
        problem.offset = Some(place.start);
        self.problems.push(problem);
    }

    /// Reports a problem inside a policy: `offset` is in its text, which the file holds
    /// re-indented at `within` (see [`Problem::reindented`]).
    pub fn push_in_policy(
        &mut self,
        within: Vec<Span>,
        offset: usize,
        field: &str,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.push(Span::new(offset, offset), field, message, help);
        if let Some(problem) = self.problems.last_mut() {
            problem.reindented = within;
        }
    }

    /// Reports an empty (or whitespace-only) text field.
    pub fn non_empty(&mut self, field: &str, text: &Spanned<String>) {
        if text.trim().is_empty() {
            self.push(
                text.place,
                field,
                "must not be empty",
                "write the text, or remove the item if it is not needed",
            );
        }
    }
}

/// Lesson, scenario, check and question ids: lowercase words joined by single hyphens, because
/// they appear in URLs and saved progress.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab_case("what-iam-answers"));
        assert!(is_kebab_case("s3-read-2"));
        for bad in ["", "What", "a--b", "-a", "a-", "a_b", "a b"] {
            assert!(!is_kebab_case(bad), "{bad}");
        }
    }

    #[test]
    fn display_names_file_position_field_and_help() {
        let mut problem = Problem::new("a/lesson.json", "unknown field `titel`")
            .at("scenarios[0]")
            .help("fix it");
        problem.position = Some((3, 7));
        assert_eq!(
            problem.to_string(),
            "a/lesson.json:3:7: scenarios[0]: unknown field `titel`\n  help: fix it"
        );
    }
}
