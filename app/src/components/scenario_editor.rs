//! The scenario's Monaco editor: like the playground's, plus read-only mode, whole-line
//! highlights, and a handle the panel uses to move the cursor.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::interop::markers::{Decoration, Marker};
use crate::interop::monaco::Editor;

/// The owner of the lint markers in Monaco (read by the e2e tests).
pub const LINT_OWNER: &str = "iamplay";

/// Shared with the panel so it can move the cursor; `None` until Monaco has loaded.
pub type EditorHandle = StoredValue<Option<Editor>, LocalStorage>;

#[component]
pub fn ScenarioEditor(
    #[prop(into)] initial: String,
    #[prop(into)] label: String,
    read_only: bool,
    on_change: Callback<String>,
    #[prop(into)] markers: Signal<Vec<Marker>>,
    #[prop(into)] decorations: Signal<Vec<Decoration>>,
    handle: EditorHandle,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let (failed, set_failed) = signal(None::<(String, &'static str)>);
    let (ready, set_ready) = signal(false);

    Effect::new(move |created: Option<bool>| {
        if created == Some(true) {
            return true;
        }
        let Some(element) = container.get() else {
            return false;
        };
        let initial = initial.clone();
        let label = label.clone();
        spawn_local(async move {
            match Editor::create_json(&element, &initial, &label, move |t| on_change.run(t)).await {
                Ok(editor) => {
                    editor.set_read_only(read_only);
                    editor.set_markers(LINT_OWNER, &markers.get_untracked());
                    editor.set_decorations(&decorations.get_untracked());
                    if handle.try_set_value(Some(editor)).is_none() {
                        set_ready.try_set(true);
                    }
                }
                Err(err) => {
                    set_failed.try_set(Some((err.to_string(), err.help())));
                }
            }
        });
        true
    });

    Effect::new(move |_| {
        let markers = markers.get();
        ready.track();
        handle.with_value(|e| {
            if let Some(e) = e {
                e.set_markers(LINT_OWNER, &markers);
            }
        });
    });

    Effect::new(move |_| {
        let decorations = decorations.get();
        ready.track();
        handle.with_value(|e| {
            if let Some(e) = e {
                e.set_decorations(&decorations);
            }
        });
    });

    on_cleanup(move || {
        handle.try_update_value(Option::take);
    });

    view! {
        <div class="editor-frame" class:read-only=read_only data-ready=move || ready.get().to_string()>
            <div class="editor" node_ref=container></div>
            {move || match (ready.get(), failed.get()) {
                (_, Some((message, help))) => view! {
                    <div class="editor-overlay error" role="alert">
                        <p>{message}</p>
                        <p class="help">{help}</p>
                    </div>
                }.into_any(),
                (false, None) => view! { <p class="editor-overlay" role="status">"Loading the editor…"</p> }.into_any(),
                (true, None) => ().into_any(),
            }}
        </div>
    }
}
