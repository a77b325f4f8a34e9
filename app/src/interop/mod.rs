//! Every call between Rust and JavaScript, in one place at the edge of the app.
//!
//! The rest of the app sees typed Rust: [`monaco::Editor`] with typed methods, and the plain
//! serialisable [`markers::Marker`] that crosses the boundary as JSON.

pub mod course;
pub mod files;
pub mod frame;
pub mod language;
pub mod markers;
pub mod monaco;
pub mod near;
pub mod offline;
pub mod page;
pub mod scroll;
pub mod storage;
pub mod tools;
