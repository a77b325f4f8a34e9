//! The IAM Playground engine: everything about AWS IAM policies, with no web dependencies.
//!
//! It compiles natively (for the `iamplay` CLI and the tests) and to `wasm32-unknown-unknown`
//! (for the browser app), so it must not touch the file system, the clock, or threads.

pub mod case;
pub mod catalog;
pub mod condition;
pub mod context;
pub mod decision;
pub mod denial;
pub mod diagnostic;
pub mod drill;
pub mod english;
pub mod eval;
pub mod json;
pub mod least_privilege;
pub mod limits;
pub mod lint;
pub mod matching;
pub mod policy;
pub mod policy_kind;
pub mod sink;
mod words;
