//! The IAM language features in Monaco (`app/js/iam_language.js`), and the lazily fetched
//! action catalogue they and the playground read.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use iamplay_engine::catalog::Catalog;
use iamplay_engine::policy_kind::PolicyKind;
use wasm_bindgen::prelude::*;

use crate::language::{complete, fixes};

#[wasm_bindgen(module = "/js/iam_language.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = registerIamLanguage)]
    async fn register_iam_language(
        complete: &Closure<dyn Fn(String, usize) -> String>,
        hover: &Closure<dyn Fn(String, usize) -> String>,
        fixes: &Closure<dyn Fn(String) -> String>,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, js_name = fetchText)]
    pub(crate) async fn fetch_text(path: &str) -> Result<JsValue, JsValue>;

    /// The catalogue, under the content-hashed name index.html gives it.
    #[wasm_bindgen(catch, js_name = fetchCatalog)]
    async fn fetch_catalog_text() -> Result<JsValue, JsValue>;
}

static CATALOG: OnceLock<Catalog> = OnceLock::new();
static REGISTERED: AtomicBool = AtomicBool::new(false);

type Loading = Shared<LocalBoxFuture<'static, Result<&'static Catalog, String>>>;

thread_local! {
    /// The fetch under way: the editors' language features, the playground and every scenario
    /// panel ask at once when a page opens, and all of them wait for this one request.
    static LOADING: RefCell<Option<Loading>> = const { RefCell::new(None) };
}

/// The catalogue, once loaded.
pub fn catalog() -> Option<&'static Catalog> {
    CATALOG.get()
}

/// Fetches and parses the catalogue (once, however many callers wait for it); the error is a
/// sentence for the page, and a later call tries again.
pub async fn load_catalog() -> Result<&'static Catalog, String> {
    if let Some(catalog) = CATALOG.get() {
        return Ok(catalog);
    }
    let loading = LOADING.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| fetch_catalog().boxed_local().shared())
            .clone()
    });
    let loaded = loading.await;
    if loaded.is_err() {
        LOADING.with(|slot| slot.borrow_mut().take());
    }
    loaded
}

async fn fetch_catalog() -> Result<&'static Catalog, String> {
    let text = fetch_catalog_text()
        .await
        .map_err(|err| {
            err.as_string()
                .unwrap_or_else(|| "the catalogue did not load".into())
        })?
        .as_string()
        .unwrap_or_default();
    let parsed = Catalog::from_str(&text).map_err(|err| err.to_string())?;
    Ok(CATALOG.get_or_init(|| parsed))
}

/// Monaco counts UTF-16 units; Rust slices bytes.
fn byte_offset(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (byte, ch) in text.char_indices() {
        if units >= utf16 {
            return byte;
        }
        units += ch.len_utf16();
    }
    text.len()
}

/// Registers completions, hovers and quick fixes for every policy editor. Safe to call from
/// every page with an editor: the JavaScript side registers once.
pub async fn register() {
    if REGISTERED.swap(true, Ordering::Relaxed) {
        return;
    }
    if load_catalog().await.is_err() {
        // Without the catalogue, element names and values still complete.
    }
    let complete = Closure::<dyn Fn(String, usize) -> String>::new(|text: String, at: usize| {
        let offset = byte_offset(&text, at);
        let answer = complete::complete(&text, offset, catalog());
        serde_json::to_string(&answer).unwrap_or_else(|_| "null".into())
    });
    let hover = Closure::<dyn Fn(String, usize) -> String>::new(|text: String, at: usize| {
        let offset = byte_offset(&text, at);
        catalog()
            .and_then(|c| complete::hover(&text, offset, c))
            .unwrap_or_default()
    });
    let fixes = Closure::<dyn Fn(String) -> String>::new(|text: String| {
        let found = fixes::quick_fixes(&text, PolicyKind::Identity, catalog());
        serde_json::to_string(&found).unwrap_or_else(|_| "[]".into())
    });
    if register_iam_language(&complete, &hover, &fixes)
        .await
        .is_ok()
    {
        // Monaco keeps calling these for the life of the page.
        complete.forget();
        hover.forget();
        fixes.forget();
    } else {
        REGISTERED.store(false, Ordering::Relaxed);
    }
}
