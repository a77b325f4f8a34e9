//! The Markdown parser (pulldown-cmark), run when the course bundle is built: only native
//! tools carry it.

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag,
};

use super::{Align, CalloutKind, Document, Kind, Node, TERM_SCHEME};

/// Parses CommonMark with GitHub's tables, strikethrough, task lists and callouts.
pub fn parse(source: &str) -> Document {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    // The stack holds the open elements; the bottom entry collects the top-level nodes.
    let mut stack: Vec<(Kind, Vec<Node>)> = vec![(Kind::Span, Vec::new())];
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(tag) => stack.push((kind_of(tag), Vec::new())),
            Event::End(_) if stack.len() > 1 => {
                if let Some((kind, children)) = stack.pop() {
                    push(&mut stack, finish(kind, children));
                }
            }
            Event::End(_) => {}
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                push_text(&mut stack, &text)
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => push_text(&mut stack, &text),
            Event::Code(code) => push(&mut stack, Node::InlineCode(code.into_string())),
            Event::SoftBreak => push_text(&mut stack, "\n"),
            Event::HardBreak => push(&mut stack, Node::HardBreak),
            Event::Rule => push(
                &mut stack,
                Node::Element {
                    kind: Kind::Rule,
                    children: Vec::new(),
                },
            ),
            Event::TaskListMarker(done) => push(&mut stack, Node::Checkbox(done)),
            Event::FootnoteReference(label) => push_text(&mut stack, &format!("[{label}]")),
        }
    }
    // Unclosed elements cannot happen with pulldown-cmark, but fold them in rather than lose text.
    while stack.len() > 1 {
        if let Some((kind, children)) = stack.pop() {
            push(&mut stack, Node::Element { kind, children });
        }
    }
    stack.pop().map(|(_, nodes)| nodes).unwrap_or_default()
}

/// A closed element; a `diagram` code block becomes its laid-out diagram or sets. The checker has
/// refused a diagram with problems before any bundle is built; if one got here anyway, it stays
/// a code block showing its text.
fn finish(kind: Kind, children: Vec<Node>) -> Node {
    if let Kind::CodeBlock {
        language: Some(language),
    } = &kind
    {
        if language == "diagram" {
            use iamplay_diagram::{layout, layout_sets, parse_block, Block};
            let source = super::plain_text(&children);
            let laid = match parse_block(&source) {
                Ok(Block::Graph(spec)) => layout(&spec).ok().map(|d| Kind::Diagram(Box::new(d))),
                Ok(Block::Sets(spec)) => layout_sets(&spec).ok().map(|v| Kind::Sets(Box::new(v))),
                Err(_) => None,
            };
            if let Some(kind) = laid {
                return Node::Element {
                    kind,
                    children: Vec::new(),
                };
            }
        }
    }
    Node::Element { kind, children }
}

fn push(stack: &mut [(Kind, Vec<Node>)], node: Node) {
    if let Some((_, children)) = stack.last_mut() {
        children.push(node);
    }
}

/// Appends text, merging with a preceding text node (pulldown-cmark splits text often).
fn push_text(stack: &mut [(Kind, Vec<Node>)], text: &str) {
    if let Some((_, children)) = stack.last_mut() {
        if let Some(Node::Text(previous)) = children.last_mut() {
            previous.push_str(text);
        } else {
            children.push(Node::Text(text.to_owned()));
        }
    }
}

fn kind_of(tag: Tag<'_>) -> Kind {
    match tag {
        Tag::Paragraph | Tag::HtmlBlock => Kind::Paragraph,
        Tag::Heading { level, .. } => Kind::Heading(heading_level(level)),
        Tag::BlockQuote(None) => Kind::Quote,
        Tag::BlockQuote(Some(kind)) => Kind::Callout(match kind {
            BlockQuoteKind::Note => CalloutKind::Note,
            BlockQuoteKind::Tip => CalloutKind::Tip,
            BlockQuoteKind::Important => CalloutKind::Important,
            BlockQuoteKind::Warning => CalloutKind::Warning,
            BlockQuoteKind::Caution => CalloutKind::Caution,
        }),
        Tag::CodeBlock(CodeBlockKind::Fenced(info)) => Kind::CodeBlock {
            language: info
                .split_whitespace()
                .next()
                .filter(|lang| lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                .map(str::to_owned),
        },
        Tag::CodeBlock(CodeBlockKind::Indented) => Kind::CodeBlock { language: None },
        Tag::List(start) => Kind::List { start },
        Tag::Item => Kind::Item,
        Tag::Table(align) => Kind::Table {
            align: align
                .into_iter()
                .map(|a| match a {
                    Alignment::None => Align::None,
                    Alignment::Left => Align::Left,
                    Alignment::Center => Align::Center,
                    Alignment::Right => Align::Right,
                })
                .collect(),
        },
        Tag::TableHead => Kind::TableHead,
        Tag::TableRow => Kind::TableRow,
        Tag::TableCell => Kind::TableCell,
        Tag::Emphasis => Kind::Emphasis,
        Tag::Strong => Kind::Strong,
        Tag::Strikethrough => Kind::Strikethrough,
        Tag::Link { dest_url, .. } if dest_url.starts_with(TERM_SCHEME) => Kind::Term {
            id: dest_url[TERM_SCHEME.len()..].to_owned(),
        },
        Tag::Link {
            dest_url, title, ..
        } => Kind::Link {
            href: safe_link(&dest_url),
            title: title.into_string(),
        },
        Tag::Image { dest_url, .. } => Kind::Image {
            src: same_site(&dest_url).map(str::to_owned),
        },
        _ => Kind::Span,
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The URL's scheme, lowercased, if it has one (a `:` before any `/`, `?` or `#`).
fn scheme(url: &str) -> Option<String> {
    let end = url.find([':', '/', '?', '#'])?;
    url[end..]
        .starts_with(':')
        .then(|| url[..end].to_ascii_lowercase())
}

/// Links may go anywhere on the web or in the app, but never run script (`javascript:`,
/// `data:`, or anything else unexpected).
fn safe_link(url: &str) -> Option<String> {
    let url = url.trim();
    match scheme(url).as_deref() {
        None | Some("http" | "https" | "mailto") => Some(url.to_owned()),
        Some("lesson") => lesson_link(&url["lesson:".len()..]),
        Some(_) => None,
    }
}

/// `lesson:<id>` and `lesson:<id>#<scenario>` become the app's routes; ids are kebab-case.
fn lesson_link(target: &str) -> Option<String> {
    let kebab = |id: &str| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    match target.split_once('#') {
        None if kebab(target) => Some(format!("/lessons/{target}")),
        Some((lesson, scenario)) if kebab(lesson) && kebab(scenario) => {
            Some(format!("/lessons/{lesson}/{scenario}"))
        }
        _ => None,
    }
}

/// Images must come from this site: the Content-Security-Policy blocks others anyway.
fn same_site(url: &str) -> Option<&str> {
    let url = url.trim();
    (scheme(url).is_none() && !url.starts_with("//")).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{plain_text, without_title};

    fn element(kind: Kind, children: Vec<Node>) -> Node {
        Node::Element { kind, children }
    }

    fn text(t: &str) -> Node {
        Node::Text(t.to_owned())
    }

    #[test]
    fn paragraphs_keep_inline_markup() {
        assert_eq!(
            parse("Allow *only* `s3:GetObject`."),
            vec![element(
                Kind::Paragraph,
                vec![
                    text("Allow "),
                    element(Kind::Emphasis, vec![text("only")]),
                    text(" "),
                    Node::InlineCode("s3:GetObject".into()),
                    text("."),
                ]
            )]
        );
    }

    #[test]
    fn raw_html_stays_text() {
        let nodes = parse("<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>");
        assert_eq!(
            nodes[0],
            element(Kind::Paragraph, vec![text("<script>alert(1)</script>\n")])
        );
        assert_eq!(plain_text(&nodes[1..]), "Hi <b onclick=\"x()\">there</b>");
    }

    /// The target of the one link in `md`.
    fn href(md: &str) -> Option<String> {
        match &parse(md)[0] {
            Node::Element { children, .. } => match &children[0] {
                Node::Element {
                    kind: Kind::Link { href, .. },
                    ..
                } => href.clone(),
                other => panic!("not a link: {other:?}"),
            },
            other => panic!("not a paragraph: {other:?}"),
        }
    }

    #[test]
    fn lesson_links_become_routes() {
        assert_eq!(
            href("[a](lesson:policy-anatomy)").as_deref(),
            Some("/lessons/policy-anatomy")
        );
        assert_eq!(
            href("[a](lesson:policy-anatomy#fix-bucket-vs-object)").as_deref(),
            Some("/lessons/policy-anatomy/fix-bucket-vs-object")
        );
        assert_eq!(href("[a](lesson:../x)"), None);
        assert_eq!(href("[a](lesson:a#b#c)"), None);
    }

    #[test]
    fn links_with_unsafe_schemes_lose_their_target() {
        assert_eq!(href("[a](javascript:alert(1))"), None);
        assert_eq!(href("[a](JavaScript:alert(1))"), None);
        assert_eq!(href("[a](java&#9;script:alert(1))"), None);
        assert_eq!(href("[a](data:text/html,hi)"), None);
        assert_eq!(
            href("[a](https://docs.aws.amazon.com/IAM/)").as_deref(),
            Some("https://docs.aws.amazon.com/IAM/")
        );
        assert_eq!(
            href("[a](/lessons/what-iam-answers)").as_deref(),
            Some("/lessons/what-iam-answers")
        );
        assert_eq!(href("[a](#policies)").as_deref(), Some("#policies"));
    }

    #[test]
    fn images_only_load_from_this_site() {
        let src = |md: &str| match &parse(md)[0] {
            Node::Element { children, .. } => match &children[0] {
                Node::Element {
                    kind: Kind::Image { src },
                    ..
                } => src.clone(),
                other => panic!("not an image: {other:?}"),
            },
            other => panic!("not a paragraph: {other:?}"),
        };
        assert_eq!(
            src("![flow](/img/flow.svg)").as_deref(),
            Some("/img/flow.svg")
        );
        assert_eq!(src("![x](https://example.com/a.png)"), None);
        assert_eq!(src("![x](//example.com/a.png)"), None);
    }

    #[test]
    fn tables_keep_alignment_and_cells() {
        let nodes = parse("| Part | Example |\n|:--|--:|\n| Action | `s3:GetObject` |");
        let Node::Element {
            kind: Kind::Table { align },
            children,
        } = &nodes[0]
        else {
            panic!("not a table: {nodes:?}");
        };
        assert_eq!(align, &vec![Align::Left, Align::Right]);
        assert_eq!(children.len(), 2, "a head and one row");
        assert_eq!(plain_text(&children[1..]), "Actions3:GetObject");
    }

    #[test]
    fn callouts_and_code_blocks_keep_their_kind() {
        let nodes = parse("> [!WARNING]\n> Never use `*`.\n\n```json\n{}\n```");
        assert!(matches!(
            &nodes[0],
            Node::Element {
                kind: Kind::Callout(CalloutKind::Warning),
                ..
            }
        ));
        assert_eq!(
            nodes[1],
            element(
                Kind::CodeBlock {
                    language: Some("json".into())
                },
                vec![text("{}\n")]
            )
        );
    }

    #[test]
    fn a_leading_title_equal_to_the_lesson_title_is_dropped() {
        let nodes = without_title(parse("# What IAM answers\n\nBody"), "What IAM answers");
        assert_eq!(nodes, vec![element(Kind::Paragraph, vec![text("Body")])]);
        let kept = without_title(parse("# Other\n\nBody"), "What IAM answers");
        assert_eq!(kept.len(), 2);
    }
}
