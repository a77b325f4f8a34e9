//! Share links: the whole playground (or a scenario attempt) in the URL fragment, compressed.
//!
//! A link is `#share=1.<base64url of deflated JSON>`. Decoding never trusts the link: every
//! step has a size limit, the JSON must match the types exactly, and the restored state is
//! checked against the playground's own limits before the page sees it.

mod codec;
mod error;

pub use codec::{
    decode, encode, pack, unpack, Decoded, Shared, SharedContent, VersionNote, FRAGMENT_KEY,
    MAX_LINK,
};
pub use error::ShareError;

/// The running app's version, recorded in every link so a reader is told when decisions may
/// differ.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
