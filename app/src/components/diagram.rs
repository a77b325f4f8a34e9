//! A diagram as a figure: the SVG drawing (an image with its title and description) and,
//! beside it, the same relationships as a list of sentences.

use std::sync::atomic::{AtomicUsize, Ordering};

use iamplay_diagram::{render, render_sets, Diagram, Figure, Venn};
use leptos::html;
use leptos::prelude::*;

use crate::interop::svg::mount;

/// A page-unique prefix for the ids inside a drawing (title, description, arrowheads).
pub fn fresh_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A lesson diagram, laid out when the course was built.
#[component]
pub fn DiagramFigure(diagram: Diagram) -> impl IntoView {
    let figure = render(&diagram, &fresh_id("diagram"), &[]);
    view! { <LessonFigure title=diagram.title figure=figure /> }
}

/// A lesson diagram of two overlapping sets, laid out when the course was built.
#[component]
pub fn SetsFigure(venn: Venn) -> impl IntoView {
    let figure = render_sets(&venn, &fresh_id("diagram"));
    view! { <LessonFigure title=venn.title figure=figure /> }
}

/// A drawing and, below it, its title and its words.
#[component]
fn LessonFigure(title: String, figure: Figure) -> impl IntoView {
    let host = NodeRef::<html::Div>::new();
    let svg = figure.svg;
    Effect::new(move |_| {
        if let Some(host) = host.get() {
            // A failure leaves the words below as the diagram; nothing else depends on it.
            let _ = mount(&host, &svg);
        }
    });
    view! {
        <figure class="diagram">
            // Focusable: on a narrow screen the drawing scrolls sideways.
            <div class="diagram-canvas" node_ref=host tabindex="0" role="group"
                aria-label=format!("Diagram: {title}")></div>
            <figcaption>
                <p class="diagram-title">{title}</p>
                <Words words=Signal::stored(figure.words) />
            </figcaption>
        </figure>
    }
}

/// The relationships in words, folded away: the drawing's text alternative, for everyone.
/// Changing words redraw the list only, so a reader who opened it keeps it open.
#[component]
pub fn Words(#[prop(into)] words: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <details class="diagram-words">
            <summary>"The diagram in words"</summary>
            <ul>{move || words.get().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
        </details>
    }
}
