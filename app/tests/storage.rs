//! The progress book over the browser's real localStorage, in headless Chromium:
//! `cargo test -p iamplay-app --target wasm32-unknown-unknown --test storage`.
#![cfg(target_arch = "wasm32")]

use iamplay_app::interop::storage::{LocalStore, Storage};
use iamplay_app::progress::store::provide_progress;
use iamplay_app::progress::store::{Book, KeyValue, DRAFT_PREFIX, PROGRESS_KEY, SET_ASIDE_PREFIX};
use iamplay_app::progress::SCHEMA_VERSION;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    let storage = Storage::local();
    for key in storage.keys() {
        storage.remove(&key);
    }
}

#[wasm_bindgen_test]
fn progress_and_drafts_round_trip_through_local_storage() {
    clear();
    let (mut book, notice) = Book::open(Storage::local(), "1");
    assert_eq!(notice, None);
    book.progress.update_scenario("l/s", |s| s.completed = true);
    book.save().unwrap();
    book.save_draft("l/s", "{ \"Version\": \"2012-10-17\" é😀")
        .unwrap();

    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert!(raw
        .get_item(PROGRESS_KEY)
        .unwrap()
        .unwrap()
        .starts_with(&format!("{{\"version\":{SCHEMA_VERSION},")));
    assert_eq!(
        raw.get_item(&format!("{DRAFT_PREFIX}l/s"))
            .unwrap()
            .as_deref(),
        Some("{ \"Version\": \"2012-10-17\" é😀")
    );

    let (book, _) = Book::open(Storage::local(), "2");
    assert!(book.progress.scenario("l/s").completed);
    assert_eq!(book.drafts().len(), 1);
    clear();
}

#[wasm_bindgen_test]
fn corrupt_local_storage_is_set_aside_not_fatal() {
    clear();
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    raw.set_item(PROGRESS_KEY, "\u{0}not json").unwrap();
    let (book, notice) = Book::open(Storage::local(), "42");
    assert!(notice.unwrap().contains("could not be read"));
    assert!(book.progress.scenarios.is_empty());
    assert_eq!(
        raw.get_item(&format!("{SET_ASIDE_PREFIX}42"))
            .unwrap()
            .as_deref(),
        Some("\u{0}not json")
    );
    assert_eq!(raw.get_item(PROGRESS_KEY).unwrap(), None);
    clear();
}

/// Resolves after the next frame has been painted and one more task has run.
async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        let later = wasm_bindgen::closure::Closure::once_into_js(move || {
            let window = web_sys::window().unwrap();
            window
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0)
                .unwrap();
        });
        window
            .request_animation_frame(later.unchecked_ref())
            .unwrap();
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn saved_draft(scenario: &str) -> Option<String> {
    Storage::local().get(&format!("{DRAFT_PREFIX}{scenario}"))
}

#[wasm_bindgen_test]
async fn a_typed_draft_is_written_after_the_frame_or_at_once_when_the_page_is_left() {
    clear();
    let store = provide_progress();
    store.save_draft("l/s", "typed");
    assert_eq!(
        saved_draft("l/s"),
        None,
        "the keystroke's frame does not wait for storage"
    );
    assert_eq!(
        store.draft("l/s").as_deref(),
        Some("typed"),
        "yet the app sees it"
    );
    after_paint().await;
    assert_eq!(saved_draft("l/s").as_deref(), Some("typed"));

    store.save_draft("l/s", "typed more");
    let window = web_sys::window().unwrap();
    window
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    assert_eq!(
        saved_draft("l/s").as_deref(),
        Some("typed more"),
        "a reload loses nothing"
    );

    store.save_draft("l/s", "gone");
    store.remove_draft("l/s");
    after_paint().await;
    assert_eq!(
        saved_draft("l/s"),
        None,
        "a removed draft is not written back"
    );
    clear();
}
