//! A check's request: the engine's case `request`, typed.

use std::fmt;

use iamplay_engine::case::{InvalidPrincipal, Request};
use iamplay_engine::context::RequestContext;
use iamplay_engine::json::Spanned;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

/// What a check asks the engine: who does what to which resource, in which context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckRequest {
    pub principal: Spanned<String>,
    pub action: Spanned<String>,
    pub resource: Spanned<String>,
    /// Given when it differs from what the resource ARN (or the caller) implies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_account: Option<String>,
    #[serde(default, skip_serializing_if = "Context::is_empty")]
    pub context: Context,
}

impl CheckRequest {
    pub fn new(principal: &str, action: &str, resource: &str) -> CheckRequest {
        let text = |text: &str| Spanned::new(text.to_owned(), Default::default());
        CheckRequest {
            principal: text(principal),
            action: text(action),
            resource: text(resource),
            resource_account: None,
            context: Context::default(),
        }
    }

    /// The engine's request, with the context AWS derives from the principal.
    pub fn to_request(&self) -> Result<Request, InvalidPrincipal> {
        let mut context = RequestContext::new();
        for (key, value) in &self.context.0 {
            match value {
                ContextValue::One(one) => context.insert_single(key, one.text()),
                ContextValue::Many(many) => {
                    context.insert_multi(key, many.iter().map(Scalar::text).collect())
                }
            }
        }
        Request::with_context(
            self.principal.as_str(),
            self.action.as_str(),
            self.resource.as_str(),
            self.resource_account.clone(),
            context,
        )
    }
}

/// Condition keys and their values, in the author's order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Context(pub Vec<(String, ContextValue)>);

/// A single value, or a list of them (a multivalued key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextValue {
    One(Scalar),
    Many(Vec<Scalar>),
}

/// A context value as written: the engine compares its text, a lesson file keeps its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scalar {
    Text(String),
    Number(serde_json::Number),
    Bool(bool),
}

impl Scalar {
    /// The text the engine compares.
    pub fn text(&self) -> String {
        match self {
            Scalar::Text(text) => text.clone(),
            Scalar::Number(number) => number.to_string(),
            Scalar::Bool(flag) => flag.to_string(),
        }
    }
}

impl Serialize for Scalar {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Scalar::Text(text) => serializer.serialize_str(text),
            Scalar::Number(number) => number.serialize(serializer),
            Scalar::Bool(flag) => serializer.serialize_bool(*flag),
        }
    }
}

impl Context {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Context {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            match value {
                ContextValue::One(text) => map.serialize_entry(key, text)?,
                ContextValue::Many(texts) => map.serialize_entry(key, texts)?,
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Context {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Context, D::Error> {
        deserializer.deserialize_map(Keys)
    }
}

struct Keys;

impl<'de> Visitor<'de> for Keys {
    type Value = Context;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of condition keys")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Context, A::Error> {
        let mut keys = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            keys.push((key, map.next_value()?));
        }
        Ok(Context(keys))
    }
}

impl<'de> Deserialize<'de> for ContextValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ContextValue, D::Error> {
        deserializer.deserialize_any(Value { list_allowed: true })
    }
}

/// A scalar; a list of scalars where a list is allowed.
struct Value {
    list_allowed: bool,
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scalar, D::Error> {
        match deserializer.deserialize_any(Value {
            list_allowed: false,
        })? {
            ContextValue::One(one) => Ok(one),
            ContextValue::Many(_) => Err(de::Error::custom("a list inside a list")),
        }
    }
}

impl<'de> Visitor<'de> for Value {
    type Value = ContextValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text, a number, a boolean")?;
        if self.list_allowed {
            f.write_str(" or a list of them")?;
        }
        Ok(())
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<ContextValue, E> {
        Ok(ContextValue::One(Scalar::Text(text.to_owned())))
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<ContextValue, E> {
        Ok(ContextValue::One(Scalar::Bool(flag)))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<ContextValue, E> {
        Ok(ContextValue::One(Scalar::Number(number.into())))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<ContextValue, E> {
        Ok(ContextValue::One(Scalar::Number(number.into())))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<ContextValue, E> {
        let one = serde_json::Number::from_f64(number)
            .map_or_else(|| Scalar::Text(number.to_string()), Scalar::Number);
        Ok(ContextValue::One(one))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ContextValue, A::Error> {
        if !self.list_allowed {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Scalar>()? {
            items.push(item);
        }
        Ok(ContextValue::Many(items))
    }
}

#[cfg(test)]
mod tests {
    use super::{CheckRequest, ContextValue, Scalar};

    #[test]
    fn a_request_reads_its_context_in_order_and_builds_the_engines_request() {
        let text = r#"{"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
            "resource": "arn:aws:s3:::b/k", "context": {"aws:SourceIp": "203.0.113.7",
            "aws:MultiFactorAuthAge": 300, "aws:TagKeys": ["a", true]}}"#;
        let read: CheckRequest = iamplay_engine::json::from_str(text).expect("a request");
        assert_eq!(
            &text[read.action.place.start..read.action.place.end],
            "\"action\""
        );
        let keys: Vec<&str> = read.context.0.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["aws:SourceIp", "aws:MultiFactorAuthAge", "aws:TagKeys"]
        );
        assert_eq!(
            read.context.0[1].1,
            ContextValue::One(Scalar::Number(300.into()))
        );
        let request = read.to_request().expect("a principal");
        assert_eq!(request.action, "s3:GetObject");
        let json = serde_json::to_value(&read.context).expect("serialises");
        assert_eq!(json["aws:MultiFactorAuthAge"], 300);
        assert_eq!(json["aws:TagKeys"], serde_json::json!(["a", true]));
        let bundled = serde_json::to_string(&read).expect("serialises");
        let back: CheckRequest = serde_json::from_str(&bundled).expect("reads back");
        assert_eq!(back, read);
        let nested =
            r#"{"principal": "p", "action": "a", "resource": "r", "context": {"k": [[1]]}}"#;
        assert!(iamplay_engine::json::from_str::<CheckRequest>(nested).is_err());
    }
}
