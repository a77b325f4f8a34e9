//! A loaded course: the course order and each lesson's manifest and prose.
//!
//! The types are generic over how Markdown is held (`P`): authors' files give `String`s, which
//! the checker reads; the app's bundle holds the parsed [`Document`](super::markdown::Document)
//! instead, so the app needs no Markdown parser.

use iamplay_engine::lint;
use serde::{Deserialize, Serialize};

use super::glossary::GlossaryTerm;
use super::manifest::{CourseManifest, LessonManifest};

/// A lesson: its manifest and its prose.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Lesson<P = String> {
    pub manifest: LessonManifest<P>,
    /// The Markdown of `lesson.md`.
    pub prose: P,
    /// The folder its files were read from, when read from files (not from a bundle): where
    /// its problems are filed, even when its `id` names another.
    #[serde(skip)]
    pub folder: Option<String>,
}

/// A course in teaching order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Course<P = String> {
    pub manifest: CourseManifest,
    /// The lessons that loaded, in the order of `course.json`.
    pub lessons: Vec<Lesson<P>>,
    /// The glossary's terms in the order of `glossary.json`; empty without one.
    #[serde(default)]
    pub glossary: Vec<GlossaryTerm<P>>,
}

impl<P> Course<P> {
    pub fn lesson(&self, id: &str) -> Option<&Lesson<P>> {
        self.lessons.iter().find(|lesson| lesson.manifest.id == id)
    }

    /// The lesson that teaches the lint finding `code` (it lists the code in `teaches`).
    pub fn lesson_teaching(&self, code: &str) -> Option<&Lesson<P>> {
        self.lessons
            .iter()
            .find(|lesson| lesson.manifest.teaches.iter().any(|taught| taught == code))
    }

    /// The lint checks no lesson teaches: their findings link to no lesson. The built-in
    /// course teaches every one; a trainer's course may leave some out.
    pub fn untaught_checks(&self) -> Vec<lint::Check> {
        lint::Check::ALL
            .iter()
            .copied()
            .filter(|check| self.lesson_teaching(check.code()).is_none())
            .collect()
    }

    pub fn term(&self, id: &str) -> Option<&GlossaryTerm<P>> {
        self.glossary.iter().find(|term| term.id == id)
    }

    /// A lesson's place in the course order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.manifest.lessons.iter().position(|listed| listed == id)
    }

    /// The same course with every Markdown field converted by `convert`.
    pub fn map_prose<Q>(self, convert: &mut impl FnMut(P) -> Q) -> Course<Q> {
        Course {
            manifest: self.manifest,
            lessons: self
                .lessons
                .into_iter()
                .map(|lesson| lesson.map_prose(convert))
                .collect(),
            glossary: self
                .glossary
                .into_iter()
                .map(|term| term.map_prose(convert))
                .collect(),
        }
    }
}

/// Where a lesson's files were read from is not part of the lesson: read back from a bundle,
/// it is the same lesson.
impl<P: PartialEq> PartialEq for Lesson<P> {
    fn eq(&self, other: &Lesson<P>) -> bool {
        self.manifest == other.manifest && self.prose == other.prose
    }
}

impl<P> Lesson<P> {
    /// The same lesson with every Markdown field converted by `convert`.
    pub fn map_prose<Q>(self, convert: &mut impl FnMut(P) -> Q) -> Lesson<Q> {
        Lesson {
            prose: convert(self.prose),
            manifest: self.manifest.map_prose(convert),
            folder: self.folder,
        }
    }

    /// The folder its files are in: the one it was read from, else the one its id names.
    pub fn folder(&self) -> &str {
        self.folder.as_deref().unwrap_or(&self.manifest.id)
    }
}
