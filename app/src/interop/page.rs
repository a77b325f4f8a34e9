//! Page services from `app/js/page.js`: the URL fragment, the clipboard, and clocks.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/page.js")]
extern "C" {
    #[wasm_bindgen(js_name = readHash)]
    pub fn read_hash() -> String;
    /// Sets the fragment in place and returns the whole new URL.
    #[wasm_bindgen(js_name = replaceHash)]
    pub fn replace_hash(hash: &str) -> String;
    /// The full address of an app path on this site.
    #[wasm_bindgen(js_name = absoluteUrl)]
    pub fn absolute_url(path: &str) -> String;
    #[wasm_bindgen(js_name = copyText)]
    async fn copy_text_js(text: &str) -> JsValue;
    /// Milliseconds since the page loaded, with sub-millisecond precision.
    #[wasm_bindgen(js_name = nowMillis)]
    pub fn now_millis() -> f64;
    #[wasm_bindgen(js_name = epochMillis)]
    pub fn epoch_millis() -> f64;
    #[wasm_bindgen(js_name = reportPanic)]
    fn report_panic(message: &str);
}

/// Sends panic messages to the console, so a bug report says more than "unreachable".
pub fn install_panic_report() {
    std::panic::set_hook(Box::new(|info| report_panic(&info.to_string())));
}

/// Whether `text` reached the clipboard.
pub async fn copy_text(text: &str) -> bool {
    copy_text_js(text).await.as_bool().unwrap_or(false)
}
