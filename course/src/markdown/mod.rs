//! Lesson Markdown as a plain tree: what the app renders, built at build time by [`parse`]
//! (feature `authoring`) so the app itself needs no Markdown parser.
//!
//! The view layer turns this tree into DOM nodes one by one, so text always becomes text nodes:
//! raw HTML in a lesson is shown as the characters it is, never parsed as markup, and links and
//! images keep only URLs with a safe scheme (the parser drops the others).

#[cfg(feature = "authoring")]
mod parse;

#[cfg(feature = "authoring")]
pub use parse::parse;

use serde::{Deserialize, Serialize};

/// `[text](term:id)` marks a glossary term.
pub const TERM_SCHEME: &str = "term:";

/// A parsed Markdown text: its top-level nodes.
pub type Document = Vec<Node>;

/// A node of the rendered document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Node {
    Element {
        kind: Kind,
        children: Vec<Node>,
    },
    Text(String),
    InlineCode(String),
    HardBreak,
    /// A task-list checkbox, `- [x] done`.
    Checkbox(bool),
}

/// What an element is; the view picks the HTML tag from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
    Paragraph,
    /// 1 to 6.
    Heading(u8),
    Quote,
    Callout(CalloutKind),
    CodeBlock {
        language: Option<String>,
    },
    List {
        start: Option<u64>,
    },
    Item,
    Table {
        align: Vec<Align>,
    },
    TableHead,
    TableRow,
    TableCell,
    Emphasis,
    Strong,
    Strikethrough,
    /// `href` is `None` when the URL's scheme is not safe; the text is kept.
    Link {
        href: Option<String>,
        title: String,
    },
    /// Children are the alt text. `src` is `None` unless the image is on this site.
    Image {
        src: Option<String>,
    },
    Rule,
    /// A ```` ```diagram ```` block, laid out when the bundle was built (no children).
    Diagram(Box<iamplay_diagram::Diagram>),
    /// A ```` ```diagram ```` block of two overlapping sets, laid out likewise.
    Sets(Box<iamplay_diagram::Venn>),
    /// `[text](term:id)`: a glossary term, its children the text. Only the first use of a term
    /// on a page keeps this kind; the bundle turns later ones into [`Kind::Span`].
    Term {
        id: String,
    },
    /// Anything else (superscript, …): its children are kept, its meaning dropped.
    Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CalloutKind {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

impl CalloutKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Note => "Note",
            Self::Tip => "Tip",
            Self::Important => "Important",
            Self::Warning => "Warning",
            Self::Caution => "Caution",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

/// Drops a leading top-level heading equal to `title`: the page already shows the title.
/// Calls `visit` on every element kind of the documents, depth first, and lets it rewrite it.
pub fn visit_kinds(nodes: &mut [Node], visit: &mut impl FnMut(&mut Kind)) {
    for node in nodes {
        if let Node::Element { kind, children } = node {
            visit(kind);
            visit_kinds(children, visit);
        }
    }
}

pub fn without_title(mut nodes: Vec<Node>, title: &str) -> Vec<Node> {
    if let Some(Node::Element {
        kind: Kind::Heading(1),
        children,
    }) = nodes.first()
    {
        if plain_text(children).trim() == title.trim() {
            nodes.remove(0);
        }
    }
    nodes
}

/// The text of some nodes without markup, e.g. for an image's alt text.
pub fn plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes {
        match node {
            Node::Text(text) | Node::InlineCode(text) => out.push_str(text),
            Node::Element { children, .. } => out.push_str(&plain_text(children)),
            Node::HardBreak => out.push('\n'),
            Node::Checkbox(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn element(kind: Kind, children: Vec<Node>) -> Node {
        Node::Element { kind, children }
    }

    fn heading(text: &str) -> Node {
        element(Kind::Heading(1), vec![Node::Text(text.into())])
    }

    #[test]
    fn a_leading_title_equal_to_the_lesson_title_is_dropped() {
        let body = element(Kind::Paragraph, vec![Node::Text("Body".into())]);
        let nodes = without_title(
            vec![heading("What IAM answers"), body.clone()],
            "What IAM answers",
        );
        assert_eq!(nodes, vec![body.clone()]);
        let kept = without_title(vec![heading("Other"), body], "What IAM answers");
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn plain_text_keeps_code_and_breaks_but_no_markup() {
        let nodes = vec![element(
            Kind::Paragraph,
            vec![
                Node::Text("Allow ".into()),
                Node::InlineCode("s3:GetObject".into()),
                Node::HardBreak,
                Node::Checkbox(true),
                element(Kind::Strong, vec![Node::Text("now".into())]),
            ],
        )];
        assert_eq!(plain_text(&nodes), "Allow s3:GetObject\nnow");
    }
}
