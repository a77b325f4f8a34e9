//! The editor's knowledge of IAM: where the cursor is in a policy, completions and hovers from
//! the catalogue, and quick fixes from lint. Plain Rust; `interop/language.rs` hands it to
//! Monaco.

pub mod complete;
pub mod context;
pub mod fixes;
mod scan;
