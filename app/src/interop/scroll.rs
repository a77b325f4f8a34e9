//! Bringing an element of the page into view (deep links to a scenario).

/// Scrolls the element with `id` into view and moves the focus to it, once the page has laid
/// it out (the next animation frame).
pub fn reveal(id: String) {
    super::frame::next_frame(move || {
        let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        else {
            return;
        };
        element.scroll_into_view();
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
            let _ = element.focus();
        }
    });
}

/// Scrolls the first element matching the CSS `selector` into view, once the page has laid it
/// out, leaving the focus where it is (on the control that asked).
pub fn bring_into_view(selector: String) {
    super::frame::next_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&selector).ok().flatten());
        if let Some(element) = element {
            element.scroll_into_view_with_bool(false);
        }
    });
}
