//! The JSON of `aws sts decode-authorization-message`: `{"DecodedMessage": "<JSON text>"}`,
//! whose inner document has `allowed`, `explicitDeny`, `matchedStatements` and a `context`
//! with the `principal` (`id`, `arn`), `action` and `resource` (AWS STS API Reference,
//! DecodeAuthorizationMessage). The inner document alone is accepted too.

use super::{Denial, DenialError};
use crate::decision::Decision;
use serde_json::Value;

pub(super) fn parse(text: &str) -> Result<Denial, DenialError> {
    let bad = |why: &str| DenialError::BadDecoded(why.to_owned());
    let outer: Value = serde_json::from_str(text).map_err(|err| bad(&err.to_string()))?;
    let inner = match outer.get("DecodedMessage") {
        Some(Value::String(message)) => {
            serde_json::from_str(message).map_err(|err| bad(&format!("DecodedMessage: {err}")))?
        }
        Some(_) => return Err(bad("DecodedMessage is not a string")),
        None => outer,
    };
    let Some(context) = inner.get("context") else {
        return Err(if inner.get("allowed").is_some() {
            bad("it has no `context`")
        } else {
            DenialError::NotADenial
        });
    };
    if inner.get("allowed") == Some(&Value::Bool(true)) {
        return Err(bad("it says the request was allowed"));
    }
    let text_at = |value: Option<&Value>| value.and_then(Value::as_str).map(str::to_owned);
    let principal = context.get("principal");
    let decision = match inner.get("explicitDeny") {
        Some(Value::Bool(true)) => Decision::ExplicitDeny,
        _ => Decision::ImplicitDeny,
    };
    Ok(Denial {
        principal: text_at(principal.and_then(|p| p.get("arn")))
            .or_else(|| text_at(principal.and_then(|p| p.get("id")))),
        action: text_at(context.get("action")),
        resource: text_at(context.get("resource")),
        decision: Some(decision),
        // The decoded message lists matched statements, not the kind of policy they are in.
        blocked_by: None,
        policy_arn: None,
        operation: None,
    })
}
