//! A Monaco editor as a Leptos component: created when mounted, disposed when unmounted.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::interop::markers::{Decoration, Marker};
use crate::interop::monaco::Editor;

/// The owner name under which this component's markers are set in Monaco.
pub const MARKER_OWNER: &str = "iamplay";

#[derive(Debug, Clone, PartialEq, Eq)]
enum LoadState {
    Loading,
    Ready,
    Failed { message: String, help: &'static str },
}

/// A JSON editor. It starts with `initial`, calls `on_change` with the full text after every
/// edit, shows `markers` as squiggles and `decorations` as line highlights.
#[component]
pub fn JsonEditor(
    #[prop(into)] initial: String,
    /// Names the editor for screen readers.
    #[prop(into)]
    label: String,
    on_change: Callback<String>,
    #[prop(into)] markers: Signal<Vec<Marker>>,
    #[prop(optional, into)] decorations: Signal<Vec<Decoration>>,
) -> impl IntoView {
    let container = NodeRef::<html::Div>::new();
    let editor = StoredValue::new_local(None::<Editor>);
    let (state, set_state) = signal(LoadState::Loading);

    Effect::new(move |created: Option<bool>| {
        if created == Some(true) {
            return true;
        }
        let Some(element) = container.get() else {
            return false;
        };
        let initial = initial.clone();
        let label = label.clone();
        // Every policy editor knows IAM: completions, hovers, quick fixes (registered once).
        spawn_local(crate::interop::language::register());
        spawn_local(async move {
            let result =
                Editor::create_json(&element, &initial, &label, move |text| on_change.run(text))
                    .await;
            match result {
                Ok(created) => {
                    created.set_markers(
                        MARKER_OWNER,
                        &markers.try_get_untracked().unwrap_or_default(),
                    );
                    created.set_decorations(&decorations.try_get_untracked().unwrap_or_default());
                    // Unmounted while Monaco loaded: dropping the editor disposes it.
                    if editor.try_set_value(Some(created)).is_none() {
                        set_state.try_set(LoadState::Ready);
                    }
                }
                Err(err) => {
                    set_state.try_set(LoadState::Failed {
                        help: err.help(),
                        message: err.to_string(),
                    });
                }
            }
        });
        true
    });

    Effect::new(move |_| {
        let markers = markers.get();
        editor.with_value(|editor| {
            if let Some(editor) = editor {
                editor.set_markers(MARKER_OWNER, &markers);
            }
        });
    });

    Effect::new(move |_| {
        let decorations = decorations.get();
        editor.with_value(|editor| {
            if let Some(editor) = editor {
                editor.set_decorations(&decorations);
            }
        });
    });

    on_cleanup(move || {
        editor.try_update_value(Option::take);
    });

    view! {
        <div class="editor-frame">
            <div class="editor" node_ref=container></div>
            {move || match state.get() {
                LoadState::Loading => {
                    view! { <p class="editor-overlay" role="status">"Loading the editor…"</p> }
                        .into_any()
                }
                LoadState::Ready => ().into_any(),
                LoadState::Failed { message, help } => {
                    view! {
                        <div class="editor-overlay error" role="alert">
                            <p>{message}</p>
                            <p class="help">{help}</p>
                        </div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
