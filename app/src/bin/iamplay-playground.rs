//! The wasm module of the playground (see `iamplay_app::tools`): the open playground with its
//! access map, share links and denial reader.

use iamplay_app::tools::{self, Module, MountedTool};
use wasm_bindgen::prelude::*;

/// Draws this module's page for `path` into `root`; `undefined` when it has none.
#[wasm_bindgen]
pub fn mount_tool(root: web_sys::HtmlElement, path: String) -> Option<MountedTool> {
    tools::mount(root, &path, Module::Playground, tools::playground_page)
}

fn main() {}
