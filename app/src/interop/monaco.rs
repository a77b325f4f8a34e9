//! The Monaco editor, bound from `app/js/monaco.js`. Monaco itself is loaded on the first
//! [`Editor::create_json`], so pages without an editor never download it.

use thiserror::Error;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::markers::{self, Marker};

#[wasm_bindgen(module = "/js/monaco.js")]
extern "C" {
    /// The JavaScript `JsonEditor` class of `monaco.js`.
    #[wasm_bindgen(js_name = JsonEditor)]
    type JsEditor;

    #[wasm_bindgen(catch, js_name = createJsonEditor)]
    async fn create_json_editor(
        container: &HtmlElement,
        value: &str,
        aria_label: &str,
        on_change: &Closure<dyn FnMut(String)>,
    ) -> Result<JsEditor, JsValue>;

    #[wasm_bindgen(method, js_name = setMarkers)]
    fn set_markers(this: &JsEditor, owner: &str, markers_json: &str);

    #[wasm_bindgen(method, js_name = setDecorations)]
    fn set_decorations(this: &JsEditor, decorations_json: &str);

    #[wasm_bindgen(method, js_name = setReadOnly)]
    fn set_read_only(this: &JsEditor, read_only: bool);

    #[wasm_bindgen(method, js_name = moveCursor)]
    fn move_cursor(this: &JsEditor, line: u32, column: u32);

    #[wasm_bindgen(method)]
    fn focus(this: &JsEditor);

    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &JsEditor, text: &str);

    #[wasm_bindgen(method)]
    fn dispose(this: &JsEditor);
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditorError {
    #[error("the editor could not be loaded: {message}")]
    Load { message: String },
}

impl EditorError {
    pub fn help(&self) -> &'static str {
        match self {
            Self::Load { .. } => {
                "reload the page; if it keeps failing, the site is missing its `vs/` folder"
            }
        }
    }
}

/// A JSON editor in the page. Dropping it disposes the Monaco editor and its model.
pub struct Editor {
    js: JsEditor,
    // Kept alive as long as Monaco may call it; dropped after `dispose` unregisters it.
    _on_change: Closure<dyn FnMut(String)>,
}

impl std::fmt::Debug for Editor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Editor").finish_non_exhaustive()
    }
}

impl Editor {
    /// Loads Monaco if needed and creates an editor in `container` holding `value`, in JSON
    /// mode. `on_change` receives the whole text after every edit.
    pub async fn create_json(
        container: &HtmlElement,
        value: &str,
        aria_label: &str,
        on_change: impl FnMut(String) + 'static,
    ) -> Result<Self, EditorError> {
        let on_change = Closure::<dyn FnMut(String)>::new(on_change);
        match create_json_editor(container, value, aria_label, &on_change).await {
            Ok(js) => Ok(Self {
                js,
                _on_change: on_change,
            }),
            Err(err) => Err(EditorError::Load {
                message: err
                    .as_string()
                    .unwrap_or_else(|| "unknown error".to_owned()),
            }),
        }
    }

    /// Replaces this owner's markers (squiggles); other owners' markers stay.
    pub fn set_markers(&self, owner: &str, markers: &[Marker]) {
        self.js.set_markers(owner, &markers::to_json(markers));
    }
}

impl Editor {
    /// Replaces the whole-line highlights.
    pub fn set_decorations(&self, decorations: &[markers::Decoration]) {
        self.js
            .set_decorations(&serde_json::to_string(decorations).unwrap_or_else(|_| "[]".into()));
    }

    pub fn focus(&self) {
        self.js.focus();
    }

    /// Replaces the whole text, undoably; `on_change` hears it like an edit.
    pub fn set_text(&self, text: &str) {
        self.js.set_text(text);
    }

    pub fn set_read_only(&self, read_only: bool) {
        self.js.set_read_only(read_only);
    }

    /// Moves the cursor to `line`/`column` (1-based, UTF-16) and focuses the editor.
    pub fn move_cursor(&self, line: u32, column: u32) {
        self.js.move_cursor(line, column);
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        self.js.dispose();
    }
}
