//! Loading and mounting the wasm modules of the pages beside the course (see [`crate::tools`]).
//! Their file names are content-hashed, so index.html names each in a meta tag (named after the
//! module) that scripts/offline.mjs fills in.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::tools::Module;

#[wasm_bindgen(module = "/js/tools.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadTools)]
    fn load_tools(url: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = mountTool, catch)]
    fn mount_tool(
        module: &JsValue,
        root: &web_sys::HtmlElement,
        path: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = unmountTool)]
    fn unmount_tool(handle: &JsValue);
}

/// A page of the tools module, drawn into the host's element until this is dropped.
#[derive(Debug)]
pub struct MountedTool(JsValue);

impl Drop for MountedTool {
    fn drop(&mut self) {
        unmount_tool(&self.0);
    }
}

/// Loads `module` (once per page load) and draws its page for `path` into `root`.
pub async fn mount(
    root: &web_sys::HtmlElement,
    path: &str,
    module: Module,
) -> Result<MountedTool, String> {
    let url = module_url(module.name())
        .ok_or_else(|| format!("this build does not name the module {}", module.name()))?;
    let loaded = JsFuture::from(load_tools(&url))
        .await
        .map_err(|err| describe(&err))?;
    let handle = mount_tool(&loaded, root, path).map_err(|err| describe(&err))?;
    if handle.is_undefined() || handle.is_null() {
        return Err(format!("the module {} has no page {path}", module.name()));
    }
    Ok(MountedTool(handle))
}

fn module_url(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    meta.get_attribute("content")
        .filter(|url| url.ends_with(".js"))
}

fn describe(err: &JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|err| String::from(err.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "the module could not be loaded".to_owned())
}
