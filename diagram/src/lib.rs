//! IAM relationship diagrams: who assumes or trusts whom, which policy sits where, and which
//! layer stopped a request.
//!
//! Three steps, each usable on its own:
//! 1. [`parse`] reads the text format of a ```` ```diagram ```` block in lesson Markdown into a
//!    [`Spec`], with a line and column on every error (feature `authoring`).
//! 2. [`layout`] places a [`Spec`]: a layered drawing, top to bottom, whose boxes (accounts,
//!    OUs) are columns that never overlap (feature `layout`). The result, [`Diagram`], is
//!    plain serialisable data: the course bundle ships it, so the app needs no layout code for
//!    lesson diagrams.
//! 3. [`render`] turns a [`Diagram`] into an [`svg::Element`] tree plus the diagram in words.
//!    Tag and attribute names in that tree are fixed strings of this crate; lesson text only
//!    ever becomes attribute values and text nodes, so it can never become markup.

mod diagram;
mod kind;
pub mod render;
pub mod svg;
mod words;

#[cfg(feature = "layout")]
mod layout;
#[cfg(feature = "authoring")]
mod parse;
#[cfg(feature = "layout")]
mod spec;

pub use diagram::{Diagram, PlacedBox, PlacedEdge, PlacedNode, Point};
pub use kind::{BoxKind, EdgeKind, NodeKind};
pub use render::{render, EdgeState, Figure};
pub use words::relationships;

#[cfg(feature = "layout")]
pub use layout::layout;
#[cfg(feature = "authoring")]
pub use parse::{parse, ParseError};
#[cfg(feature = "layout")]
pub use spec::{BoxSpec, EdgeSpec, NodeSpec, Spec};
