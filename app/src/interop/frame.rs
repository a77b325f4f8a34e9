//! `requestAnimationFrame`: the scenario panel recomputes once per frame, however many edits
//! arrived since the last one.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Runs `work` before the browser paints the next frame.
pub fn next_frame(work: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(work);
    if let Some(window) = web_sys::window() {
        // Failing to schedule leaves the last result on screen; the next edit tries again.
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}
