//! Where the main app shows a page of another wasm module ([`crate::tools`]): it loads
//! the module, mounts the page for the current path into its element, and takes it down when
//! the learner leaves, reloading the progress the page may have changed.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::interop::tools::{self, MountedTool};
use crate::progress::use_progress;
use crate::tools::Tool;

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Loading,
    Shown,
    Failed(String),
}

#[component]
pub fn ToolHost() -> impl IntoView {
    let progress = use_progress();
    let pathname = use_location().pathname;
    let root = NodeRef::<leptos::html::Div>::new();
    let status = RwSignal::new(Status::Loading);
    let mounted = StoredValue::new_local(None::<MountedTool>);
    // Each path's load gets a number, so a slow load finishing after the learner moved on is
    // dropped instead of drawn over the newer page.
    let generation = StoredValue::new(0u32);

    Effect::new(move |_| {
        let path = pathname.get();
        let Some(element) = root.get() else {
            return;
        };
        mounted.set_value(None);
        status.set(Status::Loading);
        let this_load = generation.with_value(|n| n + 1);
        generation.set_value(this_load);
        spawn_local(async move {
            let result = match Tool::from_path(&path) {
                Some(tool) => tools::mount(&element, &path, tool.module()).await,
                None => Err(format!("no page is at {path}")),
            };
            if generation.try_get_value() != Some(this_load) {
                return;
            }
            match result {
                Ok(page) => {
                    mounted.set_value(Some(page));
                    status.set(Status::Shown);
                }
                Err(reason) => status.set(Status::Failed(reason)),
            }
        });
    });

    on_cleanup(move || {
        generation.update_value(|n| *n += 1);
        mounted.try_set_value(None);
        progress.reload();
    });

    view! {
        <Show when=move || status.get() == Status::Loading>
            <p class="tool-loading" role="status">"Loading…"</p>
        </Show>
        {move || match status.get() {
            Status::Failed(reason) => Some(view! {
                <div class="notice error" role="alert">
                    <p>{format!("This page could not be loaded: {reason}.")}</p>
                    <p>"Check your connection and reload the page."</p>
                </div>
            }),
            _ => None,
        }}
        <div class="tool-root" node_ref=root></div>
    }
}
