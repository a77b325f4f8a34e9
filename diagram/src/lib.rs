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
//!
//! A block may instead draw two overlapping sets (two policies, and which actions fall in
//! each, in both, or in neither): [`parse_block`] reads either form, [`layout_sets`] places
//! the sets (feature `authoring` only: the app never lays sets out) into a [`Venn`], and
//! [`render_sets`] draws it the same way.

mod diagram;
mod kind;
pub mod render;
pub mod svg;
mod venn;
mod words;

#[cfg(feature = "layout")]
mod layout;
#[cfg(feature = "authoring")]
mod parse;
#[cfg(feature = "layout")]
mod spec;

pub use diagram::{Diagram, PlacedBox, PlacedEdge, PlacedNode, Point};
pub use kind::{BoxKind, EdgeKind, NodeKind};
pub use render::{render, render_sets, EdgeState, Figure};
pub use venn::{PlacedItem, PlacedRegion, PlacedSet, TextBlock, Venn};
pub use words::{memberships, relationships};

#[cfg(feature = "layout")]
pub use layout::layout;
#[cfg(feature = "authoring")]
pub use parse::{parse, parse_block, Block, ParseError};
#[cfg(feature = "layout")]
pub use spec::{BoxSpec, EdgeSpec, NodeSpec, Spec};
#[cfg(feature = "authoring")]
pub use venn::layout::layout_sets;
#[cfg(feature = "authoring")]
pub use venn::spec::{ItemSpec, RegionSpec, SetSpec, VennSpec};
