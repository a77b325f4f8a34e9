//! The wasm module of the pages beside the course (see `iamplay_app::tools`): nothing runs at
//! load; the main app calls [`mount_tool`] for the page it routes here.

use iamplay_app::tools::{self, Module, MountedTool};
use wasm_bindgen::prelude::*;

/// Draws this module's page for `path` into `root`; `undefined` when it has none.
#[wasm_bindgen]
pub fn mount_tool(root: web_sys::HtmlElement, path: String) -> Option<MountedTool> {
    tools::mount(root, &path, Module::Tools, tools::practice_page)
}

fn main() {}
