//! A built scenario as a link: `/build/try#scenario=1.<base64url of deflated JSON>`, the same
//! packing as the playground's share links. Opening one trusts nothing: the share codec's size
//! limits, the scenario type read exactly (unknown fields are errors), a few limits of its own,
//! then the whole course checker: a learner only ever gets a scenario that a course would accept.

use iamplay_course::markdown::{self, Document};
use iamplay_course::{check_scenario, Scenario};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::share::{self, ShareError};

/// The fragment starts `#scenario=`.
pub const FRAGMENT_KEY: &str = "scenario=";
/// The learner's page for a linked scenario.
pub const LEARNER_PATH: &str = "/build/try";
/// Tiers a learner reveals one by one; more is a crafted link, not a scenario.
const MAX_HINTS: usize = 12;
const MAX_TEXT: usize = 16 * 1024;

/// What a link carries: the scenario and the engine that checked it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Linked {
    engine: String,
    scenario: Scenario,
}

/// Why a scenario link does not open.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkError {
    #[error("{0}")]
    Link(#[from] ShareError),
    #[error("the link's content is not a scenario: {0}")]
    Invalid(String),
    #[error("the scenario in this link does not pass the course checker: {0}")]
    Unsound(String),
}

impl LinkError {
    pub fn help(&self) -> &'static str {
        match self {
            LinkError::Link(error) => error.help(),
            LinkError::Invalid(_) => {
                "the link was edited by hand or made by another tool; ask its author for a new one"
            }
            LinkError::Unsound(_) => {
                "ask its author to fix the scenario in the builder and share a new link"
            }
        }
    }
}

/// The link path (from the site's root) that opens `scenario` for a learner; too long a link
/// is refused here, as opening it would be.
pub fn scenario_link(scenario: &Scenario) -> Result<String, ShareError> {
    let linked = Linked {
        engine: share::APP_VERSION.to_owned(),
        scenario: scenario.clone(),
    };
    let json = serde_json::to_vec(&linked).unwrap_or_default();
    let data = share::pack(&json);
    if data.len() > share::MAX_LINK {
        return Err(ShareError::TooLong {
            length: data.len(),
            limit: share::MAX_LINK,
        });
    }
    Ok(format!("{LEARNER_PATH}#{FRAGMENT_KEY}{data}"))
}

/// The scenario of a link's fragment (with or without `#scenario=`), checked, with its Markdown
/// parsed for the scenario panel.
pub fn open_link(fragment: &str) -> Result<Scenario<Document>, LinkError> {
    let json = share::unpack(fragment, FRAGMENT_KEY)?;
    let linked = read_linked(&json)?;
    let scenario = linked.scenario;
    if linked.engine.len() > 64 {
        return Err(LinkError::Invalid("the version is too long".into()));
    }
    if scenario.hints.len() > MAX_HINTS {
        return Err(LinkError::Invalid(format!("more than {MAX_HINTS} hints")));
    }
    let texts = [&scenario.id, &scenario.title, &scenario.edit.name];
    if texts.iter().any(|text| text.len() > MAX_TEXT) {
        return Err(LinkError::Invalid("a name is too long".into()));
    }
    if let Some(problem) = check_scenario(&scenario, None).into_iter().next() {
        let place = problem.field.map(|f| format!("{f}: ")).unwrap_or_default();
        return Err(LinkError::Unsound(format!("{place}{}", problem.message)));
    }
    Ok(scenario.map_prose(&mut |text: String| markdown::parse(&text)))
}

/// A link's content. A link made before policies travelled as text holds each policy as an
/// object: it opens with each object as the policy's text.
fn read_linked(json: &[u8]) -> Result<Linked, LinkError> {
    let invalid = |error: serde_json::Error| LinkError::Invalid(error.to_string());
    serde_json::from_slice(json).or_else(|error| {
        let mut value: serde_json::Value = serde_json::from_slice(json).map_err(invalid)?;
        let mut objects = 0;
        if let Some(scenario) = value.get_mut("scenario") {
            super::for_each_policy(scenario, &mut |policy| {
                if policy.is_object() {
                    *policy = policy.to_string().into();
                    objects += 1;
                }
            });
        }
        match objects {
            0 => Err(invalid(error)),
            // Read from bytes again: one typed reading of a scenario in the module, not two.
            _ => serde_json::from_slice(&serde_json::to_vec(&value).unwrap_or_default())
                .map_err(invalid),
        }
    })
}

#[cfg(test)]
#[path = "link_tests.rs"]
mod tests;
