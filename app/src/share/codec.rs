use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use serde::{Deserialize, Serialize};

use super::ShareError;
use crate::playground::state::{Playground, LEVELS};

/// The fragment starts `#share=`; the rest of the fragment is the link's data.
pub const FRAGMENT_KEY: &str = "share=";
/// The data format; a new one gets a new number and this one stays readable.
const FORMAT: &str = "1";
/// Browsers accept far longer URLs, but chat apps and mail clients cut them.
pub const MAX_LINK: usize = 64 * 1024;
/// Compression can turn a short link into a huge text ("zip bomb"): unpacking stops here.
const MAX_JSON: usize = 1024 * 1024;
const MAX_POLICIES: usize = 64;
const MAX_REQUESTS: usize = 500;
const MAX_POLICY_TEXT: usize = 64 * 1024;
const MAX_FIELD: usize = 4 * 1024;

/// What a link carries, with the versions that made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Shared {
    pub engine: String,
    /// The catalogue version, when it was loaded when the link was made.
    #[serde(default)]
    pub catalog: Option<String>,
    pub content: SharedContent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum SharedContent {
    Playground(Playground),
    /// A learner's attempt at a lesson scenario: the policy text they wrote.
    Attempt {
        lesson: String,
        scenario: String,
        text: String,
    },
}

/// A decoded link and how its versions differ from the running app's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub shared: Shared,
    pub notes: Vec<VersionNote>,
}

/// A link made with another engine or catalogue: decisions or completions may differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionNote {
    Engine { link: String, current: String },
    Catalog { link: String, current: String },
}

impl std::fmt::Display for VersionNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Engine { link, current } => write!(
                f,
                "this link was made with engine {link}; you run {current}, so a decision may differ"
            ),
            Self::Catalog { link, current } => write!(
                f,
                "this link was made with action catalogue {link}; this page has {current}"
            ),
        }
    }
}

/// The fragment data (without `#share=`) for `shared`.
pub fn encode(shared: &Shared) -> String {
    // Serialising plain data with string keys cannot fail.
    pack(&serde_json::to_vec(shared).unwrap_or_default())
}

/// JSON as fragment data: the format number, then the deflated bytes in base64url.
pub fn pack(json: &[u8]) -> String {
    let packed = compress_to_vec(json, 9);
    format!("{FORMAT}.{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Reads a fragment (with or without `#share=`), checking everything; `engine` and `catalog`
/// are the running app's versions, compared with the link's.
pub fn decode(fragment: &str, engine: &str, catalog: Option<&str>) -> Result<Decoded, ShareError> {
    let json = unpack(fragment, FRAGMENT_KEY)?;
    let shared: Shared = serde_json::from_slice(&json).map_err(|err| ShareError::Invalid {
        message: err.to_string(),
    })?;
    check(&shared)?;
    let mut notes = Vec::new();
    if shared.engine != engine {
        notes.push(VersionNote::Engine {
            link: shared.engine.clone(),
            current: engine.to_owned(),
        });
    }
    if let (Some(link), Some(current)) = (&shared.catalog, catalog) {
        if link != current {
            notes.push(VersionNote::Catalog {
                link: link.clone(),
                current: current.to_owned(),
            });
        }
    }
    Ok(Decoded { shared, notes })
}

/// The JSON bytes of a fragment (with or without `#` and `key`) that [`pack`] wrote, with every
/// size limit kept; the caller checks what the JSON holds.
pub fn unpack(fragment: &str, key: &str) -> Result<Vec<u8>, ShareError> {
    let data = fragment.strip_prefix('#').unwrap_or(fragment);
    let data = data.strip_prefix(key).unwrap_or(data).trim();
    if data.is_empty() {
        return Err(ShareError::Empty);
    }
    if data.len() > MAX_LINK {
        return Err(ShareError::TooLong {
            length: data.len(),
            limit: MAX_LINK,
        });
    }
    let (version, payload) = data.split_once('.').unwrap_or(("", data));
    if version != FORMAT {
        return Err(ShareError::UnknownFormat {
            version: version.chars().take(12).collect(),
        });
    }
    if let Some(position) = payload
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    {
        return Err(ShareError::NotBase64 {
            position: version.len() + 2 + position,
        });
    }
    let packed = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| ShareError::Corrupt)?;
    decompress_to_vec_with_limit(&packed, MAX_JSON).map_err(|err| {
        if err.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            ShareError::TooLarge { limit: MAX_JSON }
        } else {
            ShareError::Corrupt
        }
    })
}

fn invalid(message: String) -> ShareError {
    ShareError::Invalid { message }
}

/// The limits the playground itself keeps, so a crafted link cannot make the page build
/// thousands of editors or hold megabytes in one field.
fn check(shared: &Shared) -> Result<(), ShareError> {
    if shared.engine.len() > 64 || shared.catalog.as_ref().is_some_and(|c| c.len() > 64) {
        return Err(invalid("a version is too long".into()));
    }
    let playground = match &shared.content {
        SharedContent::Playground(playground) => playground,
        SharedContent::Attempt {
            lesson,
            scenario,
            text,
        } => {
            if lesson.len() > MAX_FIELD || scenario.len() > MAX_FIELD {
                return Err(invalid("a lesson or scenario id is too long".into()));
            }
            if text.len() > MAX_POLICY_TEXT {
                return Err(invalid("the policy is too long".into()));
            }
            return Ok(());
        }
    };
    if playground.policies.len() > MAX_POLICIES {
        return Err(invalid(format!("more than {MAX_POLICIES} policies")));
    }
    if playground.requests.len() > MAX_REQUESTS {
        return Err(invalid(format!("more than {MAX_REQUESTS} requests")));
    }
    let mut ids = std::collections::BTreeSet::new();
    for policy in &playground.policies {
        if !ids.insert(policy.id) {
            return Err(invalid(format!("the id {} is used twice", policy.id)));
        }
        if policy.text.len() > MAX_POLICY_TEXT || policy.name.len() > MAX_FIELD {
            return Err(invalid(format!(
                "the policy `{}` is too long",
                short(&policy.name)
            )));
        }
        if policy.level >= LEVELS.len() {
            return Err(invalid(format!(
                "organization level {} does not exist",
                policy.level
            )));
        }
    }
    for row in &playground.requests {
        if !ids.insert(row.id) {
            return Err(invalid(format!("the id {} is used twice", row.id)));
        }
        let fields = [
            &row.principal,
            &row.action,
            &row.resource,
            &row.resource_account,
        ];
        let values = row.context.iter().flat_map(|c| [&c.key, &c.value]);
        if fields
            .into_iter()
            .chain(values)
            .any(|f| f.len() > MAX_FIELD)
            || row.context.len() > 64
        {
            return Err(invalid("a request field is too long".into()));
        }
    }
    Ok(())
}

fn short(text: &str) -> String {
    text.chars().take(40).collect()
}

#[cfg(test)]
#[path = "codec_tests.rs"]
mod tests;
