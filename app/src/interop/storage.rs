//! The browser's localStorage (through gloo-storage) and clock. On the host, where tests run
//! natively, the same names are backed by memory and a fixed clock.

use crate::progress::store::KeyValue;

#[cfg(target_arch = "wasm32")]
mod browser {
    use gloo_storage::{LocalStorage, Storage as _};

    use crate::progress::store::KeyValue;

    /// localStorage. When it is unavailable (disabled by the user), reads find nothing and
    /// writes fail with a message, so the app still works for the session.
    #[derive(Debug, Clone, Copy)]
    pub struct Local;

    fn raw() -> Option<web_sys::Storage> {
        // gloo's `raw()` panics when storage is disabled; ask the window directly first.
        web_sys::window()?.local_storage().ok().flatten()?;
        Some(LocalStorage::raw())
    }

    impl KeyValue for Local {
        fn get(&self, key: &str) -> Option<String> {
            raw()?.get_item(key).ok().flatten()
        }

        fn set(&self, key: &str, value: &str) -> Result<(), String> {
            let storage = raw().ok_or("localStorage is turned off in this browser")?;
            storage
                .set_item(key, value)
                .map_err(|_| "the browser refused to store more; it may be full".to_owned())
        }

        fn remove(&self, key: &str) {
            if let Some(storage) = raw() {
                let _ = storage.remove_item(key);
            }
        }

        fn keys(&self) -> Vec<String> {
            let Some(storage) = raw() else {
                return Vec::new();
            };
            let count = storage.length().unwrap_or(0);
            (0..count)
                .filter_map(|i| storage.key(i).ok().flatten())
                .collect()
        }
    }

    pub fn now_millis() -> f64 {
        js_sys::Date::now()
    }

    pub fn now_iso() -> String {
        String::from(js_sys::Date::new_0().to_iso_string())
    }
}

/// The store the app uses: localStorage in the browser (under the active course's namespace),
/// memory on the host.
#[cfg(target_arch = "wasm32")]
pub type Storage = crate::course::own::Namespaced<browser::Local>;

/// localStorage itself, for the course choice that decides the namespace.
#[cfg(target_arch = "wasm32")]
pub fn unscoped() -> browser::Local {
    browser::Local
}

#[cfg(not(target_arch = "wasm32"))]
pub fn unscoped() -> crate::progress::store::Memory {
    crate::progress::store::Memory::default()
}
#[cfg(not(target_arch = "wasm32"))]
pub type Storage = crate::progress::store::Memory;

pub trait LocalStore: KeyValue + Sized {
    fn local() -> Self;
}

#[cfg(target_arch = "wasm32")]
impl LocalStore for crate::course::own::Namespaced<browser::Local> {
    fn local() -> Self {
        Self::active(browser::Local)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl LocalStore for crate::progress::store::Memory {
    fn local() -> Self {
        Self::default()
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{now_iso, now_millis};

#[cfg(not(target_arch = "wasm32"))]
pub fn now_millis() -> f64 {
    0.0
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now_iso() -> String {
    "1970-01-01T00:00:00.000Z".to_owned()
}
