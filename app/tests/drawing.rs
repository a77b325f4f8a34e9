//! Redrawing a diagram in place against the real DOM, in headless Chromium:
//! `cargo test -p iamplay-app --target wasm32-unknown-unknown --test drawing`.
#![cfg(target_arch = "wasm32")]

use iamplay_app::interop::svg::{mount, redraw};
use iamplay_diagram::svg::{Child, Element};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host
}

fn element(
    name: &'static str,
    attributes: &[(&'static str, &str)],
    children: Vec<Child>,
) -> Element {
    Element {
        name,
        attributes: attributes
            .iter()
            .map(|(n, v)| (*n, (*v).to_owned()))
            .collect(),
        children,
    }
}

/// A map with one edge whose state, label and extra mark vary.
fn drawing(class: &str, label: &str, mark: bool) -> Element {
    let mut edge = vec![
        Child::Element(element("path", &[("d", "M0 0L10 10")], vec![])),
        Child::Element(element(
            "text",
            &[("x", "5")],
            vec![Child::Text(label.to_owned())],
        )),
    ];
    if mark {
        edge.push(Child::Element(element("circle", &[("r", "2")], vec![])));
    }
    element(
        "svg",
        &[("viewBox", "0 0 10 10")],
        vec![
            Child::Element(element("title", &[], vec![Child::Text("A map".to_owned())])),
            Child::Element(element("g", &[("class", class), ("data-edge", "0")], edge)),
        ],
    )
}

fn drawn_fresh(tree: &Element) -> String {
    let fresh = host();
    mount(&fresh, tree).unwrap();
    let html = fresh.inner_html();
    fresh.remove();
    html
}

#[wasm_bindgen_test]
fn a_redraw_gives_what_a_fresh_drawing_gives_and_keeps_unchanged_nodes() {
    let host = host();
    let first = drawing("edge denied", "denied", false);
    mount(&host, &first).unwrap();
    let title = host.query_selector("title").unwrap().unwrap();
    for next in [
        drawing("edge allowed", "allowed", false),
        drawing("edge allowed", "allowed", true),
        drawing("edge denied", "denied by the SCP", false),
    ] {
        let shown = host.first_element_child().unwrap();
        redraw(&host, Some(&first), &next).unwrap();
        assert_eq!(host.inner_html(), drawn_fresh(&next));
        assert!(
            host.first_element_child().unwrap() == shown,
            "the drawing is changed in place, not replaced"
        );
        redraw(&host, Some(&next), &first).unwrap();
        assert_eq!(host.inner_html(), drawn_fresh(&first));
    }
    assert!(host.query_selector("title").unwrap().unwrap() == title);
    host.remove();
}

#[wasm_bindgen_test]
fn a_redraw_with_nothing_shown_draws_afresh() {
    let host = host();
    let tree = drawing("edge allowed", "allowed", true);
    redraw(&host, None, &tree).unwrap();
    assert_eq!(host.inner_html(), drawn_fresh(&tree));
    host.remove();
}
