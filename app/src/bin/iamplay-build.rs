//! The wasm module of the trainers' scenario builder and the page its links open (see
//! `iamplay_app::tools`): it carries the course checker, which no learner page needs.

use iamplay_app::tools::{self, Module, MountedTool};
use wasm_bindgen::prelude::*;

/// Draws this module's page for `path` into `root`; `undefined` when it has none.
#[wasm_bindgen]
pub fn mount_tool(root: web_sys::HtmlElement, path: String) -> Option<MountedTool> {
    tools::mount(root, &path, Module::Build, tools::build_page)
}

fn main() {}
