//! AWS access-denied messages read back into a request: who called, what, on which resource,
//! and which kind of policy AWS blames.
//!
//! The shapes are those of the IAM User Guide, "Troubleshoot access denied error messages":
//! `User: ARN is not authorized to perform: ACTION [on resource: ARN] because no <policy type>
//! allows the ACTION action`, or `... with an explicit deny in a <policy type>[: POLICY-ARN]`,
//! or the older message that ends after the resource. The SDKs and the CLI put
//! `An error occurred (AccessDenied) when calling the X operation: ` in front, and S3 quotes
//! the resource. `aws sts decode-authorization-message` prints JSON whose `DecodedMessage`
//! holds `allowed`, `explicitDeny` and the request `context`.

mod decoded;
#[cfg(test)]
mod tests;

use crate::decision::Decision;
use serde::Serialize;

/// The kinds of policy an access-denied message can blame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum BlamedLayer {
    Scp,
    Rcp,
    Boundary,
    Session,
    Identity,
    Resource,
    Vpce,
}

impl BlamedLayer {
    pub fn as_str(self) -> &'static str {
        match self {
            BlamedLayer::Scp => "scp",
            BlamedLayer::Rcp => "rcp",
            BlamedLayer::Boundary => "boundary",
            BlamedLayer::Session => "session",
            BlamedLayer::Identity => "identity",
            BlamedLayer::Resource => "resource",
            BlamedLayer::Vpce => "vpce",
        }
    }

    /// The policy type as AWS's messages name it, longest names first where one contains
    /// another.
    const NAMES: [(&'static str, BlamedLayer); 7] = [
        ("service control policy", BlamedLayer::Scp),
        ("resource control policy", BlamedLayer::Rcp),
        ("permissions boundary", BlamedLayer::Boundary),
        ("session policy", BlamedLayer::Session),
        ("identity-based policy", BlamedLayer::Identity),
        ("resource-based policy", BlamedLayer::Resource),
        ("VPC endpoint policy", BlamedLayer::Vpce),
    ];

    fn named_in(text: &str) -> Option<BlamedLayer> {
        let lower = text.to_ascii_lowercase();
        Self::NAMES
            .iter()
            .find(|(name, _)| lower.contains(&name.to_ascii_lowercase()))
            .map(|(_, layer)| *layer)
    }
}

/// What an access-denied message says about the request that was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Denial {
    pub principal: Option<String>,
    pub action: Option<String>,
    /// `None` when the message names no resource (actions on `*`).
    pub resource: Option<String>,
    /// `None` when the message does not say whether a Deny statement matched.
    pub decision: Option<Decision>,
    pub blocked_by: Option<BlamedLayer>,
    /// The denying policy's ARN, when AWS names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_arn: Option<String>,
    /// The API operation from the SDK's prefix (`ListRepositories`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
}

impl Denial {
    /// What to look for in the blamed policy, in a sentence or two.
    pub fn advice(&self) -> String {
        let action = self.action.as_deref().unwrap_or("the action");
        let layer = self.blocked_by;
        match (self.decision, layer) {
            (Some(Decision::ExplicitDeny), Some(layer)) => format!(
                "Find the Deny statement in {} that matches `{action}` on this resource, \
                 including its conditions: no Allow anywhere can override it, so the request \
                 must fall outside that statement (or the statement must change).",
                layer_words(layer)
            ),
            (Some(Decision::ImplicitDeny), Some(BlamedLayer::Identity)) => format!(
                "No identity-based policy of the caller allows `{action}` here: add an Allow \
                 for it (with this resource in Resource) to a policy attached to the user or \
                 role, and check that its conditions hold for this request."
            ),
            (Some(Decision::ImplicitDeny), Some(layer)) => format!(
                "{} does not allow `{action}`: it is a ceiling, so an Allow in an identity \
                 policy is not enough. It needs a statement allowing this action on this \
                 resource whose conditions hold.",
                capitalised(layer_words(layer))
            ),
            _ if self.decision == Some(Decision::ExplicitDeny) => format!(
                "A Deny statement matches `{action}`: look for it in every policy that applies \
                 (identity, resource, boundary, session, SCPs, RCPs)."
            ),
            _ => format!(
                "The message does not say which policy refused `{action}`: walk AWS's \
                 evaluation order (explicit denies, SCPs and RCPs, resource policy, identity \
                 policies, boundary, session policy) and find the first that does not allow it."
            ),
        }
    }
}

fn layer_words(layer: BlamedLayer) -> &'static str {
    match layer {
        BlamedLayer::Scp => "a service control policy of the account's organization",
        BlamedLayer::Rcp => "a resource control policy of the resource's organization",
        BlamedLayer::Boundary => "the permissions boundary of the user or role",
        BlamedLayer::Session => "the session policy passed when the session was created",
        BlamedLayer::Identity => "an identity-based policy of the caller",
        BlamedLayer::Resource => "the resource-based policy (bucket, key, queue... policy)",
        BlamedLayer::Vpce => "the policy of the VPC endpoint the request went through",
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The shapes understood, for the error on text that is none of them.
pub const SHAPES: &[&str] = &[
    "User: ARN is not authorized to perform: ACTION on resource: ARN because no identity-based policy allows the ACTION action",
    "... because no resource-based policy | permissions boundary | session policy | service control policy | resource control policy | VPC endpoint policy allows the ACTION action",
    "... with an explicit deny in a service control policy | resource control policy | permissions boundary | session policy | identity-based policy | resource-based policy | VPC endpoint policy",
    "User: ARN is not authorized to perform: ACTION on resource: ARN (the older message, without a reason)",
    "any of these after `An error occurred (AccessDenied) when calling the X operation: `, with or without quotes around the resource",
    "the JSON printed by `aws sts decode-authorization-message` (or its DecodedMessage alone)",
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DenialError {
    #[error("this is not an AWS access-denied message")]
    NotADenial,
    #[error(
        "this is an encoded authorization failure message: decode it first with `aws sts decode-authorization-message --encoded-message ...` and paste the JSON it prints"
    )]
    Encoded,
    #[error("the decoded authorization message is not valid: {0}")]
    BadDecoded(String),
}

impl DenialError {
    /// The shapes understood, one per line, for the learner.
    pub fn help(&self) -> String {
        let mut help = String::from("the shapes understood are:");
        for shape in SHAPES {
            help.push_str("\n  - ");
            help.push_str(shape);
        }
        help
    }
}

/// Reads an access-denied message.
pub fn parse_denial(text: &str) -> Result<Denial, DenialError> {
    let text = text.trim();
    if text.starts_with('{') {
        return decoded::parse(text);
    }
    let (operation, message) = strip_sdk_prefix(text);
    let Some(at) = find_ignore_case(message, " is not authorized to perform: ") else {
        if find_ignore_case(message, "encoded authorization failure message").is_some() {
            return Err(DenialError::Encoded);
        }
        return Err(DenialError::NotADenial);
    };
    let who = &message[..at];
    let principal = who
        .rfind("User: ")
        .map(|start| &who[start + "User: ".len()..])
        .or_else(|| who.rsplit(' ').next())
        .map(|p| unquote(p.trim()).to_owned())
        .filter(|p| !p.is_empty());
    let rest = &message[at + " is not authorized to perform: ".len()..];
    let (action, rest) = split_word(rest);
    let mut resource = None;
    let mut reason = rest.trim_start();
    if let Some(after) = strip_prefix_ignore_case(reason, "on resource: ") {
        let (value, after) = split_resource(after);
        resource = Some(value);
        reason = after.trim_start();
    }
    let (decision, blocked_by, policy_arn) = read_reason(reason);
    Ok(Denial {
        principal,
        action: Some(action.trim_end_matches(['.', ',']).to_owned()).filter(|a| !a.is_empty()),
        resource,
        decision,
        blocked_by,
        policy_arn,
        operation,
    })
}

/// `An error occurred (AccessDenied) when calling the ListBuckets operation: rest` gives
/// `ListBuckets` and `rest`; other text is returned whole.
fn strip_sdk_prefix(text: &str) -> (Option<String>, &str) {
    let Some(calling) = find_ignore_case(text, "when calling the ") else {
        return (None, text);
    };
    let after = &text[calling + "when calling the ".len()..];
    match find_ignore_case(after, " operation") {
        Some(end) => {
            let operation = after[..end].trim().to_owned();
            let rest = &after[end + " operation".len()..];
            let rest = rest.trim_start_matches(|c: char| c == ':' || c.is_whitespace());
            (Some(operation).filter(|o| !o.is_empty()), rest)
        }
        None => (None, text),
    }
}

/// The decision, the blamed policy type, and the policy ARN, from the text after the
/// resource.
fn read_reason(reason: &str) -> (Option<Decision>, Option<BlamedLayer>, Option<String>) {
    if let Some(at) = find_ignore_case(reason, "with an explicit deny") {
        let tail = &reason[at..];
        let policy_arn = tail
            .find(": arn:")
            .map(|start| split_resource(&tail[start + 2..]).0);
        let named = policy_arn
            .as_ref()
            .map_or(tail, |_| tail.split(": arn:").next().unwrap_or(tail));
        return (
            Some(Decision::ExplicitDeny),
            BlamedLayer::named_in(named),
            policy_arn,
        );
    }
    if let Some(at) = find_ignore_case(reason, "because no ") {
        let tail = &reason[at..];
        let named = find_ignore_case(tail, " allows").map_or(tail, |end| &tail[..end]);
        return (
            Some(Decision::ImplicitDeny),
            BlamedLayer::named_in(named),
            None,
        );
    }
    (None, None, None)
}

/// The first word of `text` and what follows it.
fn split_word(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (&text[..end], &text[end..])
}

/// A resource, quoted (`"arn:aws:s3:::b/k"`, S3) or up to the next space; a trailing period
/// or comma ends the sentence, not the ARN.
fn split_resource(text: &str) -> (String, &str) {
    let text = text.trim_start();
    for quote in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(quote) {
            if let Some(end) = inner.find(quote) {
                return (inner[..end].to_owned(), &inner[end + 1..]);
            }
        }
    }
    let (word, rest) = split_word(text);
    (word.trim_end_matches(['.', ',']).to_owned(), rest)
}

fn unquote(text: &str) -> &str {
    text.trim_matches(|c| c == '"' || c == '\'')
}

fn find_ignore_case(text: &str, needle: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    lower.find(&needle.to_ascii_lowercase())
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}
