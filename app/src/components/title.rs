//! The tab's title. Each page (and the course gate while it waits) names itself; the newest
//! mounted name wins, and when it goes away the one before it comes back, so a page's own name
//! replaces "Loading the course" once the course is in. This replaces `leptos_meta`, whose head
//! management the app used for nothing else.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

const SITE: &str = "IAM Playground";

thread_local! {
    /// The names of the mounted `Title`s, oldest first, each with its mount number.
    static MOUNTED: RefCell<Vec<(u64, String)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
}

fn show_newest() {
    let newest = MOUNTED.with(|names| names.borrow().last().map(|(_, name)| name.clone()));
    let text = match newest {
        Some(page) => format!("{page} · {SITE}"),
        None => SITE.to_owned(),
    };
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(&text);
    }
}

/// Names the page in the browser tab as `text · IAM Playground` while it is mounted.
#[component]
pub fn Title(#[prop(into)] text: String) -> impl IntoView {
    let id = NEXT_ID.with(|next| {
        next.set(next.get() + 1);
        next.get()
    });
    MOUNTED.with(|names| names.borrow_mut().push((id, text)));
    show_newest();
    on_cleanup(move || {
        MOUNTED.with(|names| names.borrow_mut().retain(|(mounted, _)| *mounted != id));
        show_newest();
    });
}
