//! Building SVG in the DOM from an [`iamplay_diagram::svg::Element`] tree: one element and one
//! text node at a time, never through markup, so diagram text stays text.

use iamplay_diagram::svg::{Child, Element};
use wasm_bindgen::JsValue;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Replaces the children of `host` with the drawing.
pub fn mount(host: &web_sys::Element, tree: &Element) -> Result<(), JsValue> {
    let document = host
        .owner_document()
        .ok_or_else(|| JsValue::from_str("the host is not in a document"))?;
    let svg = build(&document, tree)?;
    host.replace_children_with_node_1(&svg);
    Ok(())
}

fn build(document: &web_sys::Document, tree: &Element) -> Result<web_sys::Element, JsValue> {
    let element = document.create_element_ns(Some(SVG_NS), tree.name)?;
    // The namespace comes from `create_element_ns`; `xmlns` matters only in a standalone file.
    for (name, value) in tree.attributes.iter().filter(|(name, _)| *name != "xmlns") {
        element.set_attribute(name, value)?;
    }
    for child in &tree.children {
        let node: web_sys::Node = match child {
            Child::Element(child) => build(document, child)?.into(),
            Child::Text(text) => document.create_text_node(text).into(),
        };
        element.append_child(&node)?;
    }
    Ok(element)
}
