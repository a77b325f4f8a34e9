//! The open playground as plain data: its state, the evaluation of every request, and the
//! example setups. The page in `pages/playground.rs` is a thin view over it.

pub mod evaluate;
pub mod examples;
pub mod flow;
pub mod map;
pub mod markers;
pub mod state;
