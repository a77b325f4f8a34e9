//! Reading a case from JSON, with errors that point into the case text.

use super::{Case, InvalidPrincipal, NamedPolicy, PolicySet, Request};
use crate::context::{ContextEntry, ContextValues, KeySource, RequestContext};
use crate::decision::Decision;
use crate::json::{self, Json, Span, Value};
use crate::policy::{parse_policy_tree, suggest, PolicyError};

/// A case that cannot be evaluated, with the span (in the case text) of what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct CaseError {
    pub kind: CaseErrorKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseErrorKind {
    #[error(transparent)]
    Json(json::JsonError),
    #[error("in `{path}`: {error}")]
    Policy { path: String, error: PolicyError },
    #[error("{what} must be {expected}, found {found}")]
    WrongType {
        what: String,
        expected: &'static str,
        found: &'static str,
    },
    #[error("{place} has no `{name}`")]
    Missing {
        name: &'static str,
        place: &'static str,
    },
    #[error("unknown field `{name}` in {place}")]
    UnknownField {
        name: String,
        place: &'static str,
        suggestion: Option<&'static str>,
    },
    #[error(transparent)]
    Principal(InvalidPrincipal),
    #[error("`expect` must be `allowed`, `explicitDeny` or `implicitDeny`, found `{found}`")]
    InvalidExpect { found: String },
}

impl CaseError {
    fn new(kind: CaseErrorKind, span: Span) -> CaseError {
        CaseError { kind, span }
    }

    pub fn help(&self) -> Option<String> {
        match &self.kind {
            CaseErrorKind::Json(err) => err.help(),
            CaseErrorKind::Policy { error, .. } => error.help(),
            CaseErrorKind::UnknownField {
                suggestion: Some(name),
                ..
            } => Some(format!("did you mean `{name}`?")),
            CaseErrorKind::Principal(err) => Some(err.help().to_owned()),
            _ => None,
        }
    }
}

const REQUEST_FIELDS: [&str; 5] = [
    "principal",
    "action",
    "resource",
    "resourceAccount",
    "context",
];
const POLICY_FIELDS: [&str; 6] = [
    "identity",
    "resource",
    "permissionBoundary",
    "session",
    "scps",
    "rcps",
];

fn wrong_type(what: impl Into<String>, expected: &'static str, json: &Json) -> CaseError {
    let kind = CaseErrorKind::WrongType {
        what: what.into(),
        expected,
        found: json.kind_name(),
    };
    CaseError::new(kind, json.span)
}

impl Case {
    /// Parses one case from its JSON text; spans in the case and its policies are offsets in
    /// `text`.
    pub fn parse(text: &str) -> Result<Case, CaseError> {
        // Valid text is read without building a tree; anything else is read again through
        // the tree, whose reader words the error.
        if let Some(case) = super::direct::read_case(text) {
            return Ok(case);
        }
        let json = json::parse(text)
            .map_err(|err| CaseError::new(CaseErrorKind::Json(err.clone()), err.span))?;
        Case::from_tree(json)
    }

    /// Reads a case from parsed JSON (one element of a case file, one JSON Lines line).
    /// Fields other than `id`, `request`, `policies` and `expect` are annotations and ignored.
    pub fn from_json(json: &Json) -> Result<Case, CaseError> {
        Case::from_tree(json.clone())
    }

    /// Like [`Case::from_json`], consuming the tree: the policies' strings move into the case
    /// instead of being copied.
    pub fn from_tree(mut json: Json) -> Result<Case, CaseError> {
        let json = &mut json;
        if json.as_object().is_none() {
            return Err(wrong_type("a case", "a JSON object", json));
        }
        let id = match take_member(json, "id") {
            None => None,
            Some(value) => {
                Some(scalar_text(value).map_err(|value| wrong_type("`id`", "a string", &value))?)
            }
        };
        let request_json = take_member(json, "request").ok_or_else(|| {
            CaseError::new(
                CaseErrorKind::Missing {
                    name: "request",
                    place: "the case",
                },
                json.span,
            )
        })?;
        let request = request(request_json)?;
        let policies = match take_member(json, "policies") {
            None => PolicySet::default(),
            Some(value) if value.is_null() => PolicySet::default(),
            Some(value) => policy_set(value)?,
        };
        let expect = json.get("expect").map(expect).transpose()?;
        Ok(Case {
            id,
            request,
            policies,
            expect,
        })
    }
}

fn expect(json: &Json) -> Result<Decision, CaseError> {
    match json.as_str() {
        Some("allowed") => Ok(Decision::Allowed),
        Some("explicitDeny") => Ok(Decision::ExplicitDeny),
        Some("implicitDeny") => Ok(Decision::ImplicitDeny),
        Some(other) => Err(CaseError::new(
            CaseErrorKind::InvalidExpect {
                found: other.to_owned(),
            },
            json.span,
        )),
        None => Err(wrong_type("`expect`", "a string", json)),
    }
}

/// Rejects fields outside `allowed`: a misspelt `resourceAcount` would silently change the answer.
fn check_fields(
    json: &Json,
    allowed: &[&'static str],
    place: &'static str,
) -> Result<(), CaseError> {
    for member in json.as_object().unwrap_or_default() {
        if !allowed.contains(&&*member.key) {
            let suggestion = suggest::closest(&member.key, allowed);
            let kind = CaseErrorKind::UnknownField {
                name: member.key.to_string(),
                place,
                suggestion,
            };
            return Err(CaseError::new(kind, member.key_span));
        }
    }
    Ok(())
}

/// Scalars as the text IAM compares (see [`Json::scalar_text`]), moved out of the tree; the
/// value itself when it is not a scalar.
fn scalar_text(json: Json) -> Result<String, Json> {
    match json.value {
        Value::String(text) | Value::Number(text) => Ok(text),
        Value::Bool(flag) => Ok(flag.to_string()),
        value => Err(Json { value, ..json }),
    }
}

/// The string `name` of `json`, moved out of it.
fn required_string(json: &mut Json, name: &'static str) -> Result<String, CaseError> {
    let span = json.span;
    let value = take_member(json, name).ok_or_else(|| {
        CaseError::new(
            CaseErrorKind::Missing {
                name,
                place: "`request`",
            },
            span,
        )
    })?;
    match value.value {
        Value::String(text) => Ok(text),
        other => Err(wrong_type(
            format!("`{name}`"),
            "a string",
            &Json {
                value: other,
                ..value
            },
        )),
    }
}

fn request(mut json: Json) -> Result<Request, CaseError> {
    if json.as_object().is_none() {
        return Err(wrong_type("`request`", "a JSON object", &json));
    }
    check_fields(&json, &REQUEST_FIELDS, "`request`")?;
    let principal = required_string(&mut json, "principal")?;
    let action = required_string(&mut json, "action")?;
    let resource = required_string(&mut json, "resource")?;
    let resource_account = match take_member(&mut json, "resourceAccount") {
        None => None,
        Some(value) if value.is_null() => None,
        Some(value) => Some(
            scalar_text(value)
                .map_err(|value| wrong_type("`resourceAccount`", "a string", &value))?,
        ),
    };
    let context = match take_member(&mut json, "context") {
        None => RequestContext::new(),
        Some(value) => context(value)?,
    };
    Request::with_context(principal, action, resource, resource_account, context).map_err(|err| {
        let span = json.get("principal").map_or(json.span, |p| p.span);
        CaseError::new(CaseErrorKind::Principal(err), span)
    })
}

/// Strings, numbers and booleans are single values; a list makes the key multivalued.
fn context(json: Json) -> Result<RequestContext, CaseError> {
    let members = match json.value {
        Value::Object(members) => members,
        value => {
            let json = Json { value, ..json };
            return Err(wrong_type("`context`", "a JSON object", &json));
        }
    };
    let mut entries = Vec::with_capacity(members.len());
    for member in members {
        let key = &member.key;
        let scalar = |item: Json| {
            scalar_text(item).map_err(|item| {
                wrong_type(
                    format!("a value of `{key}`"),
                    "a string, number or boolean",
                    &item,
                )
            })
        };
        let (values, multivalued) = match member.value.value {
            Value::Array(items) => {
                let values = items
                    .into_iter()
                    .map(scalar)
                    .collect::<Result<Vec<_>, _>>()?;
                (ContextValues::List(values), true)
            }
            value => {
                let item = Json {
                    value,
                    span: member.value.span,
                };
                (ContextValues::One(scalar(item)?), false)
            }
        };
        entries.push(ContextEntry {
            key: member.key,
            values,
            multivalued,
            source: KeySource::Request,
        });
    }
    Ok(RequestContext::from_entries(entries))
}

/// The value of the first member named `name`, moved out of the object.
fn take_member(json: &mut Json, name: &str) -> Option<Json> {
    let json::Value::Object(members) = &mut json.value else {
        return None;
    };
    let member = members.iter_mut().find(|member| member.key == name)?;
    Some(member.value.take())
}

fn policy_set(mut json: Json) -> Result<PolicySet, CaseError> {
    if json.as_object().is_none() {
        return Err(wrong_type("`policies`", "a JSON object", &json));
    }
    check_fields(&json, &POLICY_FIELDS, "`policies`")?;
    let single = |json: &mut Json, name: &str| match take_member(json, name) {
        Some(value) if !value.is_null() => {
            named_policy(value, || format!("policies.{name}")).map(Some)
        }
        _ => Ok(None),
    };
    let identity = match take_member(&mut json, "identity") {
        None => Vec::new(),
        Some(value) if value.is_null() => Vec::new(),
        Some(value) => policy_list(value, "policies.identity")?,
    };
    let resource = single(&mut json, "resource")?;
    let permission_boundary = single(&mut json, "permissionBoundary")?;
    let session = single(&mut json, "session")?;
    Ok(PolicySet {
        identity,
        resource,
        permission_boundary,
        session,
        scps: organization_levels(take_member(&mut json, "scps"), "scps")?,
        rcps: organization_levels(take_member(&mut json, "rcps"), "rcps")?,
    })
}

fn policy_list(json: Json, path: &str) -> Result<Vec<NamedPolicy>, CaseError> {
    let items = match json.value {
        json::Value::Array(items) => items,
        value => {
            let json = Json { value, ..json };
            return Err(wrong_type(
                format!("`{path}`"),
                "an array of policies",
                &json,
            ));
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| named_policy(item, || format!("{path}[{i}]")))
        .collect()
}

/// `[[root policies], [OU policies], [account policies]]`.
fn organization_levels(
    json: Option<Json>,
    name: &str,
) -> Result<Option<Vec<Vec<NamedPolicy>>>, CaseError> {
    let Some(json) = json.filter(|j| !j.is_null()) else {
        return Ok(None);
    };
    let levels = match json.value {
        json::Value::Array(levels) => levels,
        value => {
            return Err(wrong_type(
                format!("`policies.{name}`"),
                "an array of levels, each an array of policies",
                &Json { value, ..json },
            ))
        }
    };
    let levels = levels
        .into_iter()
        .enumerate()
        .map(|(level, item)| policy_list(item, &format!("policies.{name}[{level}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(levels))
}

/// A policy document, or `{"name": "...", "document": {...}}`. `path` names it in an error,
/// and is written only then.
fn named_policy(mut json: Json, path: impl Fn() -> String) -> Result<NamedPolicy, CaseError> {
    let (name, document) = match take_member(&mut json, "document") {
        Some(document) => {
            let name = match take_member(&mut json, "name") {
                None => None,
                Some(Json {
                    value: Value::String(name),
                    ..
                }) => Some(name),
                Some(value) => {
                    return Err(wrong_type(format!("`{}.name`", path()), "a string", &value))
                }
            };
            (name, document)
        }
        None => (None, json),
    };
    let policy = parse_policy_tree(document).map_err(|error| {
        let span = error.span;
        CaseError::new(
            CaseErrorKind::Policy {
                path: path(),
                error,
            },
            span,
        )
    })?;
    Ok(NamedPolicy { name, policy })
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
