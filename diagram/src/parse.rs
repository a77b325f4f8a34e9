//! The text format of a ```` ```diagram ```` block. One statement a line:
//!
//! ```text
//! title Alice assumes a role to read the bucket
//! # a comment
//! account prod "Production 111122223333" {
//!   user alice "Alice"
//!   role reader "Role data-reader"
//! }
//! resource bucket "S3 bucket raw-data"
//! alice assumes reader "sts:AssumeRole"
//! reader allows bucket "s3:GetObject"
//! ```
//!
//! - `title <words>`: what the diagram shows, once.
//! - `<kind> <id> "<label>"`: a node; kinds are `user group role service account ou resource
//!   policy session request`.
//! - `<kind> <id> "<label>" {` … `}`: a box around the nodes declared inside; kinds are
//!   `account ou organization`. Boxes nest.
//! - `<id> <verb> <id> ["<detail>"]`: an edge; verbs are `assumes trusts allows denies passes
//!   member-of attached-to contains issues then requests` (two-word verbs may be written with a
//!   space: `member of`).
//!
//! Ids are letters, digits, `-` and `_`; nodes and boxes share one namespace and an edge may be
//! declared before the nodes it joins.
//!
//! A block may instead draw two overlapping sets (module `sets`): `set`, `region` and `item`
//! lines, never mixed with nodes, boxes or edges.

use std::collections::HashMap;
use std::fmt;

use crate::kind::{BoxKind, EdgeKind, NodeKind};
use crate::spec::Spec;
use crate::venn::spec::VennSpec;

mod sets;

/// More would not be readable, and keeps the layout's work bounded.
pub const MAX_NODES: usize = 40;
pub const MAX_EDGES: usize = 80;
const MAX_LABEL: usize = 120;

/// A problem in a diagram's text, at a 1-based line and column of the block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    /// Lowercase; the author's text in backticks.
    pub message: String,
    pub help: Option<String>,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)?;
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}

/// What a ```` ```diagram ```` block draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Nodes, boxes and edges.
    Graph(Spec),
    /// Two overlapping sets and the items in each region.
    Sets(VennSpec),
}

/// Parses a diagram block of either kind, reporting every problem it finds, each with its
/// position.
pub fn parse_block(source: &str) -> Result<Block, Vec<ParseError>> {
    let mut parser = Parser::default();
    for (index, line) in source.lines().enumerate() {
        parser.line(index + 1, line);
    }
    parser.finish()
}

/// Parses a diagram of nodes, boxes and edges; a block of sets is an error.
pub fn parse(source: &str) -> Result<Spec, Vec<ParseError>> {
    match parse_block(source)? {
        Block::Graph(spec) => Ok(spec),
        Block::Sets(_) => Err(vec![ParseError {
            line: 1,
            column: 1,
            message: "this diagram draws sets, not nodes and edges".into(),
            help: Some("read it with `parse_block`".into()),
        }]),
    }
}

/// Words that start a statement or a place, so no id may be one.
const KEYWORDS: [&str; 6] = ["title", "set", "region", "item", "in", "outside"];

#[derive(Debug, Clone, PartialEq, Eq)]
enum TokenText {
    Word(String),
    Quoted(String),
}

#[derive(Debug, Clone)]
struct Token {
    column: usize,
    text: TokenText,
}

impl Token {
    fn word(&self) -> Option<&str> {
        match &self.text {
            TokenText::Word(word) => Some(word),
            TokenText::Quoted(_) => None,
        }
    }
}

/// Where an edge names its ends, resolved once every node is known.
#[derive(Debug)]
struct PendingEdge {
    line: usize,
    from: (usize, String),
    to: (usize, String),
    kind: EdgeKind,
    detail: Option<String>,
}

#[derive(Debug, Clone, Copy)]
enum Declared {
    Node(usize),
    Box,
    Set(usize),
}

/// The two kinds of diagram; one block draws one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Graph,
    Sets,
}

#[derive(Debug, Default)]
struct Parser {
    spec: Spec,
    title_line: Option<usize>,
    /// Id to what it names and the line that declared it.
    ids: HashMap<String, (Declared, usize)>,
    /// Open boxes, innermost last, with the line that opened each.
    open: Vec<(usize, usize)>,
    edges: Vec<PendingEdge>,
    /// The kind of the first statement, and its line.
    style: Option<(Style, usize)>,
    sets: sets::Sets,
    errors: Vec<ParseError>,
}

impl Parser {
    fn error(&mut self, line: usize, column: usize, message: String, help: Option<&str>) {
        self.errors.push(ParseError {
            line,
            column,
            message,
            help: help.map(str::to_owned),
        });
    }

    fn line(&mut self, number: usize, text: &str) {
        let trimmed = text.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return;
        }
        let indent = text.chars().count() - trimmed.chars().count();
        if let Some(rest) = trimmed.strip_prefix("title") {
            if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                return self.title(number, indent + 1, rest.trim());
            }
        }
        let tokens = match tokenize(text) {
            Ok(tokens) => tokens,
            Err((column, message)) => {
                return self.error(number, column, message, Some("close the quote: \"label\""))
            }
        };
        let words: Vec<Option<&str>> = tokens.iter().map(Token::word).collect();
        match words.as_slice() {
            [Some("set" | "region" | "item"), ..] => self.sets_statement(number, &tokens),
            [Some("}")] => self.close(number, tokens[0].column),
            [Some(first), ..]
                if NodeKind::from_keyword(first).is_some()
                    || BoxKind::from_keyword(first).is_some() =>
            {
                self.declaration(number, &tokens)
            }
            _ => self.edge_or_unknown(number, &tokens),
        }
    }

    fn title(&mut self, line: usize, column: usize, title: &str) {
        if let Some(first) = self.title_line {
            let message = format!("a second `title`; the first is on line {first}");
            return self.error(line, column, message, Some("a diagram has one title"));
        }
        if title.is_empty() {
            let help = Some("say what the diagram shows: `title Alice assumes a role`");
            return self.error(line, column, "the `title` is empty".into(), help);
        }
        self.title_line = Some(line);
        self.spec.title = title.to_owned();
    }

    /// Whether a statement of `style` may join the statements before it.
    fn keep_style(&mut self, style: Style, line: usize, column: usize) -> bool {
        let Some((first, first_line)) = self.style else {
            self.style = Some((style, line));
            return true;
        };
        if first == style {
            return true;
        }
        let message = match first {
            Style::Graph => {
                format!("a set among nodes and edges; line {first_line} starts a diagram of nodes")
            }
            Style::Sets => {
                format!("nodes and edges among sets; line {first_line} starts a diagram of sets")
            }
        };
        let help = Some("a diagram draws either nodes and edges or two overlapping sets: split it into two ```diagram blocks");
        self.error(line, column, message, help);
        false
    }

    fn close(&mut self, line: usize, column: usize) {
        if !self.keep_style(Style::Graph, line, column) {
            return;
        }
        if self.open.pop().is_none() {
            let help = Some("remove it, or open a box with `account <id> \"<label>\" {`");
            self.error(line, column, "`}` closes no box".into(), help);
        }
    }

    fn declaration(&mut self, line: usize, tokens: &[Token]) {
        if !self.keep_style(Style::Graph, line, tokens[0].column) {
            return;
        }
        let keyword = tokens[0].word().unwrap_or_default();
        let opens_box = tokens.last().and_then(Token::word) == Some("{");
        let body = if opens_box {
            &tokens[1..tokens.len() - 1]
        } else {
            &tokens[1..]
        };
        let (id, label) = match body {
            [id, label] => match (&id.text, &label.text) {
                (TokenText::Word(id_text), TokenText::Quoted(label_text)) => (
                    (id.column, id_text.clone()),
                    (label.column, label_text.clone()),
                ),
                _ => return self.shape_error(line, tokens[0].column, keyword),
            },
            _ => return self.shape_error(line, tokens[0].column, keyword),
        };
        if !self.valid_id(line, id.0, &id.1) || !self.valid_label(line, label.0, &label.1) {
            return;
        }
        if !self.new_id(line, id.0, &id.1) {
            return;
        }
        let parent = self.open.last().map(|&(b, _)| b);
        let declared = if opens_box {
            let Some(kind) = BoxKind::from_keyword(keyword) else {
                let message = format!("a `{keyword}` cannot be a box");
                let help = Some("boxes are `account`, `ou` and `organization`");
                return self.error(line, tokens[0].column, message, help);
            };
            let index = self.spec.group(&id.1, kind, label.1, parent);
            self.open.push((index, line));
            Declared::Box
        } else {
            let Some(kind) = NodeKind::from_keyword(keyword) else {
                let message = format!("an `{keyword}` is a box and needs `{{`");
                let help = Some("open it: `organization org \"My organization\" {`");
                return self.error(line, tokens[0].column, message, help);
            };
            if self.spec.nodes.len() == MAX_NODES {
                let message = format!("more than {MAX_NODES} nodes");
                let help = Some("split the diagram: a big picture is hard to read");
                return self.error(line, tokens[0].column, message, help);
            }
            Declared::Node(self.spec.node(&id.1, kind, label.1, parent))
        };
        self.ids.insert(id.1, (declared, line));
    }

    /// Whether `id` is still free.
    fn new_id(&mut self, line: usize, column: usize, id: &str) -> bool {
        let Some((_, first)) = self.ids.get(id) else {
            return true;
        };
        let message = format!("`{id}` is already declared on line {first}");
        self.error(line, column, message, Some("give everything its own id"));
        false
    }

    fn shape_error(&mut self, line: usize, column: usize, keyword: &str) {
        let message = format!("a `{keyword}` line needs an id and a quoted label");
        let help = format!("write `{keyword} <id> \"<label>\"`");
        self.error(line, column, message, Some(&help));
    }

    fn valid_id(&mut self, line: usize, column: usize, id: &str) -> bool {
        let well_formed = id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !well_formed {
            let message = format!("`{id}` is not an id");
            let help = Some("ids are letters, digits, `-` and `_`");
            self.error(line, column, message, help);
        } else if NodeKind::from_keyword(id).is_some()
            || BoxKind::from_keyword(id).is_some()
            || KEYWORDS.contains(&id)
        {
            let message = format!("`{id}` is a keyword, not an id");
            self.error(line, column, message, Some("choose another id"));
            return false;
        }
        well_formed
    }

    fn valid_label(&mut self, line: usize, column: usize, label: &str) -> bool {
        if label.trim().is_empty() {
            self.error(
                line,
                column,
                "the label is empty".into(),
                Some("say what it is"),
            );
            return false;
        }
        if label.chars().count() > MAX_LABEL {
            let message = format!("the label is longer than {MAX_LABEL} characters");
            self.error(
                line,
                column,
                message,
                Some("shorten it; the text around can say more"),
            );
            return false;
        }
        true
    }

    fn edge_or_unknown(&mut self, line: usize, tokens: &[Token]) {
        let (detail, rest) = match tokens.split_last() {
            Some((last, rest)) if matches!(last.text, TokenText::Quoted(_)) => (Some(last), rest),
            _ => (None, tokens),
        };
        let words: Option<Vec<&str>> = rest.iter().map(Token::word).collect();
        let Some(words) = words.filter(|words| words.len() >= 3) else {
            // `lambda fn "Label"`: a declaration with a kind this format does not have.
            if let (Some(first), Some(_)) = (tokens[0].word(), detail) {
                if tokens.len() == 3 && !self.ids.contains_key(first) {
                    let message = format!("unknown kind `{first}`");
                    let help = format!("kinds are {}", node_kinds());
                    return self.error(line, tokens[0].column, message, Some(&help));
                }
            }
            let help = "write `<kind> <id> \"<label>\"` or `<from> <verb> <to>`";
            return self.error(
                line,
                tokens[0].column,
                "this line is not a statement".into(),
                Some(help),
            );
        };
        let verb = words[1..words.len() - 1].join(" ");
        let Some(kind) = EdgeKind::from_keyword(&verb) else {
            let message = format!("unknown relationship `{verb}`");
            let help = format!("relationships are {}", verbs());
            return self.error(line, rest[1].column, message, Some(&help));
        };
        let detail = match detail {
            Some(Token {
                text: TokenText::Quoted(text),
                column,
            }) => {
                if !self.valid_label(line, *column, text) {
                    return;
                }
                Some(text.clone())
            }
            _ => None,
        };
        if !self.keep_style(Style::Graph, line, tokens[0].column) {
            return;
        }
        if self.edges.len() == MAX_EDGES {
            let message = format!("more than {MAX_EDGES} edges");
            return self.error(line, tokens[0].column, message, Some("split the diagram"));
        }
        let end = |token: &Token| (token.column, token.word().unwrap_or_default().to_owned());
        self.edges.push(PendingEdge {
            line,
            from: end(&rest[0]),
            to: end(&rest[rest.len() - 1]),
            kind,
            detail,
        });
    }

    fn resolve(&mut self, line: usize, (column, id): &(usize, String)) -> Option<usize> {
        match self.ids.get(id) {
            Some((Declared::Node(index), _)) => Some(*index),
            Some((Declared::Box, declared)) => {
                let message = format!("`{id}` is a box (line {declared}); edges join nodes");
                let help =
                    Some("add a node inside the box, such as `account root \"The account\"`");
                self.error(line, *column, message, help);
                None
            }
            // A set never meets an edge: a block of sets refuses edges before they get here.
            None | Some((Declared::Set(_), _)) => {
                let message = format!("`{id}` is not a node of this diagram");
                let help = self
                    .closest_id(id)
                    .map(|near| format!("did you mean `{near}`?"))
                    .unwrap_or_else(|| format!("declare it: `role {id} \"<label>\"`"));
                self.error(line, *column, message, Some(&help));
                None
            }
        }
    }

    fn closest_id(&self, id: &str) -> Option<String> {
        self.ids
            .keys()
            .map(|known| (edit_distance(id, known), known))
            .filter(|(distance, known)| *distance <= known.len().max(2) / 3 + 1)
            .min()
            .map(|(_, known)| known.clone())
    }

    fn finish(mut self) -> Result<Block, Vec<ParseError>> {
        if self.title_line.is_none() {
            let help =
                Some("start with `title <what the diagram shows>`; it is read to screen readers");
            self.error(1, 1, "the diagram has no `title`".into(), help);
        }
        if matches!(self.style, Some((Style::Sets, _))) {
            let venn = self.finish_sets();
            return self.result(Block::Sets(venn));
        }
        while let Some((index, line)) = self.open.pop() {
            let message = format!("the box `{}` is never closed", self.spec.boxes[index].id);
            self.error(line, 1, message, Some("end it with a line `}`"));
        }
        for (index, group) in self.spec.boxes.iter().enumerate() {
            let empty = !self.spec.nodes.iter().any(|n| n.parent == Some(index))
                && !self.spec.boxes.iter().any(|b| b.parent == Some(index));
            if empty {
                let line = self.ids.get(&group.id).map_or(1, |(_, line)| *line);
                let message = format!("the box `{}` holds no nodes", group.id);
                let help = Some("declare nodes between its `{` and `}`, or remove it");
                self.errors.push(ParseError {
                    line,
                    column: 1,
                    message,
                    help: help.map(str::to_owned),
                });
            }
        }
        for edge in std::mem::take(&mut self.edges) {
            let from = self.resolve(edge.line, &edge.from);
            let to = self.resolve(edge.line, &edge.to);
            if let (Some(from), Some(to)) = (from, to) {
                if from == to {
                    let message = format!("`{}` {} itself", edge.from.1, edge.kind.keyword());
                    self.error(
                        edge.line,
                        edge.from.0,
                        message,
                        Some("an edge joins two nodes"),
                    );
                } else {
                    self.spec.edge(from, edge.kind, to, edge.detail);
                }
            }
        }
        if self.spec.nodes.is_empty() && self.errors.is_empty() {
            let help = Some("declare nodes: `role reader \"Role data-reader\"`");
            self.error(1, 1, "the diagram has no nodes".into(), help);
        }
        let spec = std::mem::take(&mut self.spec);
        self.result(Block::Graph(spec))
    }

    /// The block, or every problem in the order of the text.
    fn result(mut self, block: Block) -> Result<Block, Vec<ParseError>> {
        if self.errors.is_empty() {
            Ok(block)
        } else {
            iamplay_sort::sort_by_key(&mut self.errors, |error| (error.line, error.column));
            Err(self.errors)
        }
    }
}

/// Words and `"quoted labels"` (with `\"` and `\\` escapes), with 1-based columns.
fn tokenize(line: &str) -> Result<Vec<Token>, (usize, String)> {
    let mut tokens = Vec::new();
    let mut chars = line.chars().enumerate().peekable();
    while let Some(&(index, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut text = String::new();
            let mut closed = false;
            while let Some((_, c)) = chars.next() {
                match c {
                    '"' => {
                        closed = true;
                        break;
                    }
                    '\\' => {
                        if let Some((_, escaped)) = chars.next() {
                            text.push(escaped);
                        }
                    }
                    c => text.push(c),
                }
            }
            if !closed {
                return Err((index + 1, "the quoted label is never closed".into()));
            }
            tokens.push(Token {
                column: index + 1,
                text: TokenText::Quoted(text),
            });
        } else {
            let mut word = String::new();
            while let Some(&(_, c)) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                word.push(c);
                chars.next();
            }
            tokens.push(Token {
                column: index + 1,
                text: TokenText::Word(word),
            });
        }
    }
    Ok(tokens)
}

fn node_kinds() -> String {
    NodeKind::ALL
        .map(|k| format!("`{}`", k.keyword()))
        .join(", ")
}

fn verbs() -> String {
    EdgeKind::ALL
        .map(|k| format!("`{}`", k.keyword().replace(' ', "-")))
        .join(", ")
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests;
