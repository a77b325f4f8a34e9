//! Building SVG in the DOM from an [`iamplay_diagram::svg::Element`] tree: one element and one
//! text node at a time, never through markup, so diagram text stays text.

use iamplay_diagram::svg::{Child, Element};
use wasm_bindgen::{JsCast, JsValue};

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

/// Redraws `host` as `tree`, touching only what differs from `shown`, the tree drawn there
/// last: a keystroke that flips an edge changes a few attributes and words, not the drawing.
pub fn redraw(
    host: &web_sys::Element,
    shown: Option<&Element>,
    tree: &Element,
) -> Result<(), JsValue> {
    match (shown, host.first_element_child()) {
        (Some(shown), Some(svg)) if shown.name == tree.name => patch(&svg, shown, tree),
        _ => mount(host, tree),
    }
}

fn patch(element: &web_sys::Element, shown: &Element, tree: &Element) -> Result<(), JsValue> {
    if shown == tree {
        return Ok(());
    }
    for (name, value) in tree.attributes.iter().filter(|(name, _)| *name != "xmlns") {
        if attribute(shown, name) != Some(value) {
            element.set_attribute(name, value)?;
        }
    }
    for (name, _) in &shown.attributes {
        if attribute(tree, name).is_none() {
            element.remove_attribute(name)?;
        }
    }
    let same_shape = shown.children.len() == tree.children.len()
        && shown
            .children
            .iter()
            .zip(&tree.children)
            .all(|pair| match pair {
                (Child::Element(a), Child::Element(b)) => a.name == b.name,
                (Child::Text(_), Child::Text(_)) => true,
                _ => false,
            });
    if !same_shape {
        let document = element
            .owner_document()
            .ok_or_else(|| JsValue::from_str("the drawing is not in a document"))?;
        element.set_text_content(None);
        for child in &tree.children {
            element.append_child(&node(&document, child)?)?;
        }
        return Ok(());
    }
    // The drawing's nodes are the tree's children, one for one: they were built from it.
    let mut node = element.first_child();
    for (old, new) in shown.children.iter().zip(&tree.children) {
        let Some(current) = node else {
            return Err(JsValue::from_str("the drawing lost a node"));
        };
        match (old, new) {
            (Child::Element(old), Child::Element(new)) => {
                patch(current.unchecked_ref::<web_sys::Element>(), old, new)?;
            }
            (Child::Text(old), Child::Text(new)) if old != new => current.set_node_value(Some(new)),
            _ => {}
        }
        node = current.next_sibling();
    }
    Ok(())
}

fn attribute<'a>(element: &'a Element, name: &str) -> Option<&'a String> {
    element
        .attributes
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
}

fn node(document: &web_sys::Document, child: &Child) -> Result<web_sys::Node, JsValue> {
    Ok(match child {
        Child::Element(child) => build(document, child)?.into(),
        Child::Text(text) => document.create_text_node(text).into(),
    })
}

fn build(document: &web_sys::Document, tree: &Element) -> Result<web_sys::Element, JsValue> {
    let element = document.create_element_ns(Some(SVG_NS), tree.name)?;
    // The namespace comes from `create_element_ns`; `xmlns` matters only in a standalone file.
    for (name, value) in tree.attributes.iter().filter(|(name, _)| *name != "xmlns") {
        element.set_attribute(name, value)?;
    }
    for child in &tree.children {
        element.append_child(&node(document, child)?)?;
    }
    Ok(element)
}
