//! Offline use, from `app/js/offline.js`: the service worker and the news of a new release.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/offline.js")]
extern "C" {
    #[wasm_bindgen(js_name = startOffline)]
    fn start_offline(on_notice: &Closure<dyn Fn(String)>);
}

/// What the page says about releases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReleaseNews {
    /// This load is a newer release than the last one this browser opened.
    Updated,
    /// A newer release was stored while this page was open; the next load opens it.
    Ready,
}

/// Registers the service worker (in a release build) and calls `on_news` for the notices.
pub fn start(on_news: impl Fn(ReleaseNews) + 'static) {
    let callback = Closure::<dyn Fn(String)>::new(move |kind: String| match kind.as_str() {
        "updated" => on_news(ReleaseNews::Updated),
        "ready" => on_news(ReleaseNews::Ready),
        _ => {}
    });
    start_offline(&callback);
    // Called for the life of the page.
    callback.forget();
}
