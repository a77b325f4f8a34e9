//! The app's one Monaco editor component, for playground policies and lesson scenarios alike:
//! created when mounted (or, lazily, when its owner says so), kept in step with markers and
//! decorations, disposed when unmounted.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::interop::markers::{Decoration, Marker};
use crate::interop::monaco::Editor;

/// The owner name under which the app's markers are set in Monaco (read by the e2e tests).
pub const MARKER_OWNER: &str = "iamplay";

/// Shared with the owner so it can move the cursor or replace the text; `None` until Monaco
/// has loaded, and again once the component is gone.
pub type EditorHandle = StoredValue<Option<Editor>, LocalStorage>;

#[derive(Debug, Clone, PartialEq, Eq)]
enum LoadState {
    /// Lazy and not asked for yet: the text is shown as plain read-only text.
    Waiting,
    Loading,
    Ready,
    Failed {
        message: String,
        help: &'static str,
    },
}

impl LoadState {
    fn name(&self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Loading => "loading",
            Self::Ready => "ready",
            Self::Failed { .. } => "failed",
        }
    }
}

/// A JSON policy editor with the IAM language features. It opens with `text`, calls
/// `on_change` with the full text after every edit, shows `markers` as squiggles and
/// `decorations` as line highlights.
#[component]
pub fn PolicyEditor(
    /// The text to open with, read when Monaco is created. A lazy editor shows it until then,
    /// so an owner that changes the text before that (a shared attempt) updates this signal.
    #[prop(into)]
    text: Signal<String>,
    /// Names the editor for screen readers.
    #[prop(into)]
    label: String,
    #[prop(optional)] read_only: bool,
    on_change: Callback<String>,
    #[prop(into)] markers: Signal<Vec<Marker>>,
    #[prop(optional, into)] decorations: Signal<Vec<Decoration>>,
    #[prop(optional)] handle: Option<EditorHandle>,
    /// Lazy creation: Monaco is created once this turns true. Without it, at once.
    #[prop(optional, into)]
    active: Option<Signal<bool>>,
) -> impl IntoView {
    let lazy = active.is_some();
    let preview_label = format!("{label} (loading the editor)");
    let active = active.unwrap_or_else(|| Signal::stored(true));
    let editor = handle.unwrap_or_else(|| StoredValue::new_local(None));
    let container = NodeRef::<html::Div>::new();
    let preview = NodeRef::<html::Pre>::new();
    let (state, set_state) = signal(if lazy {
        LoadState::Waiting
    } else {
        LoadState::Loading
    });

    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        if !active.get() {
            return false;
        }
        let Some(element) = container.get() else {
            return false;
        };
        set_state.set(LoadState::Loading);
        let label = label.clone();
        // Every policy editor knows IAM: completions, hovers, quick fixes (registered once).
        spawn_local(crate::interop::language::register());
        let opened_with = text.get_untracked();
        spawn_local(async move {
            let created =
                Editor::create_json(&element, &opened_with, &label, move |t| on_change.run(t))
                    .await;
            match created {
                Ok(created) => {
                    created.set_read_only(read_only);
                    created.set_markers(
                        MARKER_OWNER,
                        &markers.try_get_untracked().unwrap_or_default(),
                    );
                    created.set_decorations(&decorations.try_get_untracked().unwrap_or_default());
                    // The owner replaced the text while Monaco loaded: nothing may be lost.
                    if let Some(now) = text.try_get_untracked().filter(|now| *now != opened_with) {
                        created.set_text(&now);
                    }
                    // The learner had tabbed onto the preview: carry on in the editor.
                    let focused = preview
                        .try_get_untracked()
                        .flatten()
                        .is_some_and(|p| has_focus(p.as_ref()));
                    if focused {
                        created.focus();
                    }
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

    // Tracking `state` too: values set while Monaco loaded are applied once it is ready.
    Effect::new(move |_| {
        let markers = markers.get();
        state.track();
        editor.with_value(|e| {
            if let Some(e) = e {
                e.set_markers(MARKER_OWNER, &markers);
            }
        });
    });

    Effect::new(move |_| {
        let decorations = decorations.get();
        state.track();
        editor.with_value(|e| {
            if let Some(e) = e {
                e.set_decorations(&decorations);
            }
        });
    });

    on_cleanup(move || {
        editor.try_update_value(Option::take);
    });

    // Waiting and loading look the same: folding them keeps the preview element (and the
    // learner's focus on it) when loading starts, instead of rendering a new one.
    let shown = Memo::new(move |_| match state.get() {
        LoadState::Loading => LoadState::Waiting,
        other => other,
    });
    let overlay = move || match shown.get() {
        LoadState::Waiting | LoadState::Loading if lazy => view! {
            // Same box as the editor, so nothing moves when Monaco takes its place.
            <pre class="editor-preview" node_ref=preview tabindex="0" role="textbox"
                aria-readonly="true" aria-multiline="true" aria-label=preview_label.clone()>
                {move || text.get()}
            </pre>
        }
        .into_any(),
        LoadState::Waiting | LoadState::Loading => {
            view! { <p class="editor-overlay" role="status">"Loading the editor…"</p> }.into_any()
        }
        LoadState::Ready => ().into_any(),
        LoadState::Failed { message, help } => view! {
            <div class="editor-overlay error" role="alert">
                <p>{message}</p>
                <p class="help">{help}</p>
            </div>
        }
        .into_any(),
    };

    view! {
        <div class="editor-frame" class:read-only=read_only
            data-ready=move || (state.get() == LoadState::Ready).to_string()
            data-state=move || state.get().name()>
            <div class="editor" node_ref=container></div>
            {overlay}
        </div>
    }
}

fn has_focus(element: &JsValue) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| *element == JsValue::from(active))
}
