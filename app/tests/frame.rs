//! The edit scheduler against the browser's real microtasks and animation frames:
//! `cargo test -p iamplay-app --target wasm32-unknown-unknown --test frame` (or `make wasm-test`).
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use iamplay_app::interop::frame::PerFrame;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn counting() -> (PerFrame, Rc<Cell<u32>>) {
    let runs = Rc::new(Cell::new(0));
    let counter = runs.clone();
    (PerFrame::new(move || counter.set(counter.get() + 1)), runs)
}

/// Lets the microtasks queued so far run.
async fn after_microtasks() {
    let _ = JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await;
}

/// Resolves inside the next animation frame's callbacks (after those registered before it).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        window.request_animation_frame(&resolve).unwrap();
    });
    let _ = JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn an_edit_is_handled_before_the_frame_that_shows_it() {
    let (scheduler, runs) = counting();
    scheduler.request();
    assert_eq!(runs.get(), 0, "not inside the edit's own event");
    after_microtasks().await;
    assert_eq!(runs.get(), 1, "right after the event, before any frame");
    next_frame().await;
    assert_eq!(runs.get(), 1, "nothing left for the frame");
}

#[wasm_bindgen_test]
async fn the_changes_of_one_event_cost_one_run() {
    let (scheduler, runs) = counting();
    for _ in 0..5 {
        scheduler.request();
    }
    after_microtasks().await;
    next_frame().await;
    assert_eq!(runs.get(), 1);
}

#[wasm_bindgen_test]
async fn later_edits_in_the_same_frame_are_folded_into_one_run_at_the_frame() {
    let (scheduler, runs) = counting();
    scheduler.request();
    after_microtasks().await;
    assert_eq!(runs.get(), 1);
    // Three more keystrokes before the frame, each its own event.
    for _ in 0..3 {
        scheduler.request();
        after_microtasks().await;
    }
    assert_eq!(runs.get(), 1, "waiting for the frame");
    next_frame().await;
    assert_eq!(runs.get(), 2, "one run for the three");
    // The next frame starts afresh: an edit is again handled at once.
    scheduler.request();
    after_microtasks().await;
    assert_eq!(runs.get(), 3);
}
