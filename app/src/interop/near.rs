//! Noticing when an element comes near the viewport (`app/js/near.js`, an
//! `IntersectionObserver`), so lesson pages build each scenario's editor only when the reader
//! gets close to it.

use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/js/near.js")]
extern "C" {
    #[wasm_bindgen(js_name = NearWatch)]
    type JsNearWatch;

    #[wasm_bindgen(constructor, js_class = NearWatch)]
    fn new(element: &Element, margin: &str, on_near: &Closure<dyn FnMut()>) -> JsNearWatch;

    #[wasm_bindgen(method)]
    fn stop(this: &JsNearWatch);
}

/// How far outside the viewport an element already counts as near: about a screen ahead, so
/// a reader scrolling at a normal pace finds the editor ready.
pub const NEAR_MARGIN: &str = "800px 0px";

/// Calls `on_near` once, the first time the element is within [`NEAR_MARGIN`] of the
/// viewport. Dropping the watch stops it; the callback is then never called.
pub struct NearWatch {
    js: JsNearWatch,
    _on_near: Closure<dyn FnMut()>,
}

impl std::fmt::Debug for NearWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NearWatch").finish_non_exhaustive()
    }
}

impl NearWatch {
    pub fn new(element: &Element, on_near: impl FnOnce() + 'static) -> Self {
        let mut once = Some(on_near);
        let on_near = Closure::<dyn FnMut()>::new(move || {
            if let Some(run) = once.take() {
                run();
            }
        });
        Self {
            js: JsNearWatch::new(element, NEAR_MARGIN, &on_near),
            _on_near: on_near,
        }
    }
}

impl Drop for NearWatch {
    fn drop(&mut self) {
        // Before the closure is freed: a late observer callback would otherwise throw.
        self.js.stop();
    }
}
