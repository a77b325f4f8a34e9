//! A scenario's fixed policies: the engine's case `policies` shape, each policy kept as its
//! author's text.

use std::fmt;

use iamplay_engine::case::{CaseError, CaseErrorKind, NamedPolicy, PolicySet};
use iamplay_engine::json::{self, Spanned};
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::manifest::FixedSlot;
use super::policy_text::PolicyText;

/// The policies that are fixed for a scenario, by slot; the edited policy joins them in the
/// slot `edit.kind` names.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fixed {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identity: Vec<Spanned<FixedPolicy>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<Spanned<FixedPolicy>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission_boundary: Option<Spanned<FixedPolicy>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<Spanned<FixedPolicy>>,
    /// One list per level of the organization: root, OUs, account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scps: Option<Vec<Vec<Spanned<FixedPolicy>>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rcps: Option<Vec<Vec<Spanned<FixedPolicy>>>>,
    /// Keys that name no slot, kept for the checker to report all at once with the rest.
    #[serde(skip)]
    pub unknown: Vec<Spanned<String>>,
}

/// A fixed policy: a document, or `{"name": ..., "document": ...}` (a culprit and the
/// explanations use the name).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FixedPolicy {
    pub name: Option<String>,
    /// Read from a lesson, a named policy's document has the span of its text inside the
    /// fixed policy's own (re-indented) text; a plain document is the fixed policy itself, and
    /// has no span.
    pub document: Spanned<PolicyText>,
}

/// One fixed policy with where it sits.
#[derive(Debug, Clone, Copy)]
pub struct FixedEntry<'a> {
    pub slot: FixedSlot,
    /// The organization level, for SCPs and RCPs.
    pub level: Option<usize>,
    /// The place in the identity list or in the level.
    pub index: Option<usize>,
    pub policy: &'a Spanned<FixedPolicy>,
}

impl FixedEntry<'_> {
    /// The path below `fixed`: `identity[0]`, `resource`, `scps[1][0]`.
    pub fn path(&self) -> String {
        let mut path = self.slot.key().to_owned();
        for at in [self.level, self.index].into_iter().flatten() {
            path.push_str(&format!("[{at}]"));
        }
        path
    }
}

impl Fixed {
    /// Whether the slot holds a policy (for SCPs and RCPs: whether there is an organization).
    pub fn fills(&self, slot: FixedSlot) -> bool {
        match slot {
            FixedSlot::Identity => !self.identity.is_empty(),
            FixedSlot::Resource => self.resource.is_some(),
            FixedSlot::PermissionBoundary => self.permission_boundary.is_some(),
            FixedSlot::Session => self.session.is_some(),
            FixedSlot::Scps => self.scps.is_some(),
            FixedSlot::Rcps => self.rcps.is_some(),
        }
    }

    /// Every fixed policy, slot by slot in [`FixedSlot::ALL`] order.
    pub fn entries(&self) -> Vec<FixedEntry<'_>> {
        let mut entries = Vec::new();
        let entry = |slot, level, index, policy| FixedEntry {
            slot,
            level,
            index,
            policy,
        };
        for (index, policy) in self.identity.iter().enumerate() {
            entries.push(entry(FixedSlot::Identity, None, Some(index), policy));
        }
        for (slot, single) in [
            (FixedSlot::Resource, &self.resource),
            (FixedSlot::PermissionBoundary, &self.permission_boundary),
            (FixedSlot::Session, &self.session),
        ] {
            entries.extend(single.iter().map(|policy| entry(slot, None, None, policy)));
        }
        for (slot, levels) in [(FixedSlot::Scps, &self.scps), (FixedSlot::Rcps, &self.rcps)] {
            for (level, policies) in levels.iter().flatten().enumerate() {
                for (index, policy) in policies.iter().enumerate() {
                    entries.push(entry(slot, Some(level), Some(index), policy));
                }
            }
        }
        entries
    }

    /// The policies as the engine's case holds them; an error names the fixed policy's path.
    pub fn to_policy_set(&self) -> Result<PolicySet, CaseError> {
        let parse = |policy: &Spanned<FixedPolicy>, path: String| {
            let document = policy.document.parse().map_err(|error| CaseError {
                span: error.span,
                kind: CaseErrorKind::Policy {
                    path: format!("policies.{path}"),
                    error,
                },
            })?;
            Ok(NamedPolicy::new(policy.name.clone(), document))
        };
        let single = |slot: FixedSlot, policy: &Option<Spanned<FixedPolicy>>| {
            policy
                .as_ref()
                .map(|p| parse(p, slot.key().to_owned()))
                .transpose()
        };
        let levels = |slot: FixedSlot, levels: &Option<Vec<Vec<Spanned<FixedPolicy>>>>| {
            levels
                .as_ref()
                .map(|levels| {
                    levels
                        .iter()
                        .enumerate()
                        .map(|(level, policies)| {
                            policies
                                .iter()
                                .enumerate()
                                .map(|(i, p)| parse(p, format!("{}[{level}][{i}]", slot.key())))
                                .collect::<Result<Vec<_>, _>>()
                        })
                        .collect::<Result<Vec<_>, _>>()
                })
                .transpose()
        };
        Ok(PolicySet {
            identity: self
                .identity
                .iter()
                .enumerate()
                .map(|(i, p)| parse(p, format!("identity[{i}]")))
                .collect::<Result<_, _>>()?,
            resource: single(FixedSlot::Resource, &self.resource)?,
            permission_boundary: single(FixedSlot::PermissionBoundary, &self.permission_boundary)?,
            session: single(FixedSlot::Session, &self.session)?,
            scps: levels(FixedSlot::Scps, &self.scps)?,
            rcps: levels(FixedSlot::Rcps, &self.rcps)?,
        })
    }
}

impl<'de> Deserialize<'de> for Fixed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fixed, D::Error> {
        deserializer.deserialize_map(Slots)
    }
}

struct Slots;

impl<'de> Visitor<'de> for Slots {
    type Value = Fixed;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of policies by slot (`identity`, `resource`, `scps`, ...)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fixed, A::Error> {
        let mut fixed = Fixed::default();
        while let Some(key) = map.next_key::<String>()? {
            match FixedSlot::from_key(&key) {
                Some(FixedSlot::Identity) => {
                    fixed.identity = map.next_value::<Option<_>>()?.unwrap_or_default()
                }
                Some(FixedSlot::Resource) => fixed.resource = map.next_value()?,
                Some(FixedSlot::PermissionBoundary) => {
                    fixed.permission_boundary = map.next_value()?
                }
                Some(FixedSlot::Session) => fixed.session = map.next_value()?,
                Some(FixedSlot::Scps) => fixed.scps = map.next_value()?,
                Some(FixedSlot::Rcps) => fixed.rcps = map.next_value()?,
                None => {
                    let value = map.next_value::<Spanned<IgnoredAny>>()?;
                    fixed.unknown.push(Spanned {
                        span: value.span,
                        place: value.place,
                        value: key,
                    });
                }
            }
        }
        Ok(fixed)
    }
}

impl Serialize for FixedPolicy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.name {
            None => self.document.serialize(serializer),
            Some(name) => {
                let mut named = serializer.serialize_struct("FixedPolicy", 2)?;
                named.serialize_field("name", name)?;
                named.serialize_field("document", &self.document)?;
                named.end()
            }
        }
    }
}

/// A lesson file gives the text of either form (so a plain document keeps its author's layout
/// whole); a bundle gives a plain document's text, or `{"name": ..., "document": text}`.
impl<'de> Deserialize<'de> for FixedPolicy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FixedPolicy, D::Error> {
        deserializer.deserialize_newtype_struct(json::SOURCE_TEXT, Entry)
    }
}

struct Entry;

impl<'de> Visitor<'de> for Entry {
    type Value = FixedPolicy;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a policy document, or an object with `name` and `document`")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<FixedPolicy, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<FixedPolicy, E> {
        let plain = || FixedPolicy {
            name: None,
            document: PolicyText::new(text).into(),
        };
        let Ok(root) = json::parse(text) else {
            return Ok(plain());
        };
        let (Some(document), None) = (root.get("document"), root.get("Statement")) else {
            return Ok(plain());
        };
        let name = match root.get("name") {
            None => None,
            Some(name) => Some(
                name.as_str()
                    .ok_or_else(|| E::custom("the `name` of a fixed policy must be text"))?
                    .to_owned(),
            ),
        };
        let document = match document.as_str() {
            Some(text) => PolicyText::new(text).into(),
            None => Spanned::new(
                PolicyText::new(json::reindented(text, document.span)),
                document.span,
            ),
        };
        Ok(FixedPolicy { name, document })
    }

    /// A named policy in a bundle.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FixedPolicy, A::Error> {
        let mut policy = FixedPolicy::default();
        let mut document = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "name" => policy.name = Some(map.next_value()?),
                "document" => document = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, &["name", "document"])),
            }
        }
        policy.document = document.ok_or_else(|| de::Error::missing_field("document"))?;
        Ok(policy)
    }
}

#[cfg(test)]
mod tests {
    use super::{Fixed, FixedSlot};

    const LESSON: &str = r#"{
  "identity": [
    {"name": "Analysts", "document": {
      "Version": "2012-10-17", "Statement": []}},
    {"Version": "2012-10-17", "Statement": []}
  ],
  "scps": [[{"Statement": []}], []],
  "identiy": []
}"#;

    #[test]
    fn fixed_policies_read_by_slot_with_names_and_unknown_keys() {
        let fixed: Fixed = iamplay_engine::json::from_str(LESSON).expect("fixed");
        assert_eq!(fixed.identity[0].name.as_deref(), Some("Analysts"));
        assert_eq!(
            fixed.identity[0].document.as_str(),
            "{\n  \"Version\": \"2012-10-17\", \"Statement\": []}"
        );
        assert_eq!(fixed.identity[1].name, None);
        let paths: Vec<String> = fixed.entries().iter().map(|e| e.path()).collect();
        assert_eq!(paths, ["identity[0]", "identity[1]", "scps[0][0]"]);
        assert!(fixed.fills(FixedSlot::Scps) && !fixed.fills(FixedSlot::Resource));
        assert_eq!(fixed.unknown[0].value, "identiy");
        assert_eq!(&LESSON[fixed.unknown[0].place.start..][..9], "\"identiy\"");
    }

    #[test]
    fn a_bundle_round_trips_and_builds_the_engines_policies() {
        let fixed: Fixed = iamplay_engine::json::from_str(LESSON).expect("fixed");
        let bundled = serde_json::to_string(&fixed).expect("serialises");
        let back: Fixed = serde_json::from_str(&bundled).expect("reads back");
        assert_eq!(
            back,
            Fixed {
                unknown: Vec::new(),
                ..fixed.clone()
            }
        );
        let set = back.to_policy_set().expect("policies");
        assert_eq!(set.identity[0].name.as_deref(), Some("Analysts"));
        assert_eq!(set.scps.map(|levels| levels.len()), Some(2));
    }
}
