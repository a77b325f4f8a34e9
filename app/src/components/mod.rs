//! Views shared by several pages.

pub mod json_editor;
pub mod layout;
pub mod markdown;
pub mod parse_status;
pub mod playground;

pub use markdown::Markdown;
