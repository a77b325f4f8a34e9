//! Loading and mounting the practice tools' wasm module (see [`crate::tools`]). Its file name
//! is content-hashed, so index.html names it in a meta tag that scripts/offline.mjs fills in.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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

/// The meta tag that holds the module's URL.
const META_NAME: &str = "iamplay-tools";

/// A page of the tools module, drawn into the host's element until this is dropped.
#[derive(Debug)]
pub struct MountedTool(JsValue);

impl Drop for MountedTool {
    fn drop(&mut self) {
        unmount_tool(&self.0);
    }
}

/// Loads the module (once per page load) and draws its page for `path` into `root`.
pub async fn mount(root: &web_sys::HtmlElement, path: &str) -> Result<MountedTool, String> {
    let url = module_url().ok_or("this build does not name the practice module")?;
    let module = JsFuture::from(load_tools(&url))
        .await
        .map_err(|err| describe(&err))?;
    let handle = mount_tool(&module, root, path).map_err(|err| describe(&err))?;
    if handle.is_undefined() || handle.is_null() {
        return Err(format!("the practice module has no page {path}"));
    }
    Ok(MountedTool(handle))
}

fn module_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector(&format!("meta[name=\"{META_NAME}\"]"))
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
