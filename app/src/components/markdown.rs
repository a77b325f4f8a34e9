//! Renders a Markdown tree (parsed when the course bundle was built, see
//! [`iamplay_course::markdown`]) into DOM nodes. Text always becomes text nodes, so
//! nothing in a lesson can inject markup.

use iamplay_course::markdown::{self, Align, Document, Kind, Node};
use leptos::prelude::*;

/// Markdown prose. `skip_title` drops a leading `# heading` equal to it.
#[component]
pub fn Markdown(
    document: Document,
    #[prop(optional, into)] skip_title: Option<String>,
    /// Paragraphs' contents inside a `<span>`, for text within a sentence (a definition in a
    /// tooltip): a `<div>` or `<p>` may not sit inside a paragraph.
    #[prop(optional)]
    inline: bool,
) -> impl IntoView {
    let nodes = match skip_title {
        Some(title) => markdown::without_title(document, &title),
        None => document,
    };
    if inline {
        let inner: Vec<AnyView> = nodes
            .iter()
            .flat_map(|node| match node {
                Node::Element {
                    kind: Kind::Paragraph,
                    children,
                } => render_all(children),
                other => vec![render(other)],
            })
            .collect();
        return view! { <span class="prose-inline">{inner}</span> }.into_any();
    }
    view! { <div class="prose">{render_all(&nodes)}</div> }.into_any()
}

fn render_all(nodes: &[Node]) -> Vec<AnyView> {
    nodes.iter().map(render).collect()
}

fn render(node: &Node) -> AnyView {
    match node {
        Node::Text(text) => text.clone().into_any(),
        Node::InlineCode(code) => view! { <code>{code.clone()}</code> }.into_any(),
        Node::HardBreak => view! { <br /> }.into_any(),
        Node::Checkbox(done) => {
            view! { <input type="checkbox" disabled=true checked=*done /> }.into_any()
        }
        Node::Element { kind, children } => render_element(kind, children),
    }
}

fn render_element(kind: &Kind, children: &[Node]) -> AnyView {
    let inner = render_all(children);
    match kind {
        Kind::Paragraph => view! { <p>{inner}</p> }.into_any(),
        Kind::Heading(level) => heading(*level, inner),
        Kind::Quote => view! { <blockquote>{inner}</blockquote> }.into_any(),
        Kind::Callout(callout) => {
            let class = format!("callout callout-{}", callout.label().to_ascii_lowercase());
            view! {
                <aside class=class>
                    <p class="callout-title">{callout.label()}</p>
                    {inner}
                </aside>
            }
            .into_any()
        }
        Kind::CodeBlock { language } if language.as_deref() == Some("json") => {
            view! { <super::json_code::JsonCode text=markdown::plain_text(children) /> }.into_any()
        }
        Kind::CodeBlock { language } => {
            let class = language.as_ref().map(|lang| format!("language-{lang}"));
            view! { <pre tabindex="0"><code class=class>{markdown::plain_text(children)}</code></pre> }
                .into_any()
        }
        Kind::List { start: Some(start) } => view! { <ol start=*start>{inner}</ol> }.into_any(),
        Kind::List { start: None } => view! { <ul>{inner}</ul> }.into_any(),
        Kind::Item => view! { <li>{inner}</li> }.into_any(),
        Kind::Table { align } => table(align, children),
        Kind::Emphasis => view! { <em>{inner}</em> }.into_any(),
        Kind::Strong => view! { <strong>{inner}</strong> }.into_any(),
        Kind::Strikethrough => view! { <del>{inner}</del> }.into_any(),
        Kind::Link {
            href: Some(href),
            title,
        } => {
            let external = href.starts_with("http://") || href.starts_with("https://");
            let title = (!title.is_empty()).then(|| title.clone());
            view! {
                <a href=href.clone() title=title rel=external.then_some("noopener noreferrer")>
                    {inner}
                </a>
            }
            .into_any()
        }
        Kind::Link { href: None, .. } | Kind::Span => view! { <span>{inner}</span> }.into_any(),
        Kind::Image { src: Some(src) } => {
            view! { <img src=src.clone() alt=markdown::plain_text(children) /> }.into_any()
        }
        Kind::Image { src: None } => {
            view! { <span class="image-alt">{markdown::plain_text(children)}</span> }.into_any()
        }
        Kind::Rule => view! { <hr /> }.into_any(),
        Kind::Diagram(diagram) => {
            view! { <super::diagram::DiagramFigure diagram=(**diagram).clone() /> }.into_any()
        }
        Kind::Sets(venn) => {
            view! { <super::diagram::SetsFigure venn=(**venn).clone() /> }.into_any()
        }
        Kind::Term { id } => {
            view! { <super::term::Term id=id.clone()>{inner}</super::term::Term> }.into_any()
        }
        // Cells and rows are rendered by `table`, which knows head from body; a stray one
        // (not possible from the parser) keeps its text.
        Kind::TableHead | Kind::TableRow | Kind::TableCell => {
            view! { <span>{inner}</span> }.into_any()
        }
    }
}

fn heading(level: u8, inner: Vec<AnyView>) -> AnyView {
    // The page title is the only h1; lesson headings start at h2.
    match level {
        0..=2 => view! { <h2>{inner}</h2> }.into_any(),
        3 => view! { <h3>{inner}</h3> }.into_any(),
        4 => view! { <h4>{inner}</h4> }.into_any(),
        5 => view! { <h5>{inner}</h5> }.into_any(),
        _ => view! { <h6>{inner}</h6> }.into_any(),
    }
}

fn table(align: &[Align], rows: &[Node]) -> AnyView {
    let cells = |row: &[Node], head: bool| -> Vec<AnyView> {
        row.iter()
            .enumerate()
            .map(|(i, cell)| {
                let content = match cell {
                    Node::Element { children, .. } => render_all(children),
                    other => vec![render(other)],
                };
                let class = match align.get(i) {
                    Some(Align::Left) => Some("align-left"),
                    Some(Align::Center) => Some("align-center"),
                    Some(Align::Right) => Some("align-right"),
                    Some(Align::None) | None => None,
                };
                if head {
                    view! { <th scope="col" class=class>{content}</th> }.into_any()
                } else {
                    view! { <td class=class>{content}</td> }.into_any()
                }
            })
            .collect()
    };
    let mut head = Vec::new();
    let mut body = Vec::new();
    for row in rows {
        if let Node::Element { kind, children } = row {
            match kind {
                Kind::TableHead => head.push(view! { <tr>{cells(children, true)}</tr> }),
                _ => body.push(view! { <tr>{cells(children, false)}</tr> }),
            }
        }
    }
    view! {
        // Focusable and named: on a narrow screen the table scrolls sideways, and keyboard
        // users must be able to scroll it too.
        <div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways)">
            <table>
                <thead>{head}</thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}
