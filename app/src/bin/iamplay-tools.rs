//! The practice tools' wasm module (see `iamplay_app::tools`): nothing runs at load; the main
//! app calls [`mount_tool`] for the page it routes here.

use wasm_bindgen::prelude::*;

/// A page drawn by [`mount_tool`]; JavaScript's `free()` takes it down.
#[wasm_bindgen]
pub struct MountedTool {
    _page: Box<dyn std::any::Any>,
}

impl std::fmt::Debug for MountedTool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MountedTool")
    }
}

/// Draws this module's page for `path` into `root`; `undefined` when it has none.
#[wasm_bindgen]
pub fn mount_tool(root: web_sys::HtmlElement, path: String) -> Option<MountedTool> {
    iamplay_app::tools::mount(root, &path).map(|page| MountedTool { _page: page })
}

fn main() {}
