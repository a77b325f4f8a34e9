//! The course glossary (`glossary.json`): each term with a one-sentence definition and the
//! lesson that teaches it. Lesson Markdown marks a term with `[text](term:id)`; the app shows
//! the definition where a page first uses the term, and lists every term on `/glossary`.

use iamplay_engine::json::Spanned;
use serde::{Deserialize, Serialize};

/// The glossary's file in the course folder; a course may have none.
pub const GLOSSARY_FILE: &str = "glossary.json";

/// What `glossary.json` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GlossaryFile {
    pub terms: Vec<GlossaryTerm>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GlossaryTerm<P = String> {
    /// Kebab-case; what `term:<id>` links name.
    pub id: Spanned<String>,
    /// The term as the glossary lists it: `trust policy`, `service control policy (SCP)`.
    pub term: Spanned<String>,
    /// One sentence, Markdown.
    pub definition: Spanned<P>,
    /// The id of the lesson that teaches it, where the term must be marked.
    pub lesson: Spanned<String>,
}

impl<P> GlossaryTerm<P> {
    pub fn map_prose<Q>(self, convert: &mut impl FnMut(P) -> Q) -> GlossaryTerm<Q> {
        GlossaryTerm {
            id: self.id,
            term: self.term,
            definition: crate::manifest::map_spanned(self.definition, convert),
            lesson: self.lesson,
        }
    }
}
