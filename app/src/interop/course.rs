//! Downloading the course bundle. Its content-hashed name is in index.html's preload link
//! (filled in at build time by scripts/course-link.mjs), so the app and the course always come
//! from the same build and the file can be cached for good.

use wasm_bindgen::JsValue;

use super::language::fetch_text;
use crate::course::CourseError;

/// The `id` of the `<link rel="preload">` that names the bundle.
const LINK_ID: &str = "course-bundle";

/// The bundle's text. Fetching the preloaded URL with the same mode reuses the preload.
pub async fn fetch_course_text() -> Result<String, CourseError> {
    let href = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(LINK_ID))
        .and_then(|link| link.get_attribute("href"))
        .filter(|href| href.ends_with(".json"))
        .ok_or(CourseError::NotNamed)?;
    let text = fetch_text(&href).await.map_err(|err: JsValue| {
        CourseError::Fetch(
            err.as_string()
                .unwrap_or_else(|| "the network request failed".into()),
        )
    })?;
    Ok(text.as_string().unwrap_or_default())
}
