//! Condition keys: looking one up by name (templates such as `aws:PrincipalTag/${TagKey}`
//! included) and listing the keys an action supports.

use serde::Serialize;

use super::format::{GlobalKey, GlobalKeyCategory, KeyType, Service, ServiceKey};
use super::{names, ActionRef, Catalog};

/// Where a condition key comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(
    tag = "from",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum KeySource<'a> {
    /// Listed for the action itself.
    Action,
    /// Listed for the action on one of its resource types.
    ActionOnResourceType { resource_type: &'a str },
    /// Listed for a resource type the action works on.
    ResourceType { resource_type: &'a str },
    /// A global key, which any request may carry.
    Global { category: GlobalKeyCategory },
    /// Defined by a service (a lookup by name, not tied to an action).
    Service { prefix: &'a str },
}

/// A condition key as the catalogue defines it. `name` is the catalogue's spelling, which may be
/// a template (`aws:ResourceTag/${TagKey}`) when the key looked up was `aws:ResourceTag/team`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionKeyRef<'a> {
    pub name: &'a str,
    #[serde(rename = "type")]
    pub key_type: KeyType,
    pub description: &'a str,
    pub source: KeySource<'a>,
}

impl<'a> ConditionKeyRef<'a> {
    pub(super) fn of_service(key: &'a ServiceKey, source: KeySource<'a>) -> ConditionKeyRef<'a> {
        ConditionKeyRef {
            name: key.name(),
            key_type: key.key_type(),
            description: key.description(),
            source,
        }
    }

    pub(super) fn of_global(key: &'a GlobalKey) -> ConditionKeyRef<'a> {
        ConditionKeyRef {
            name: key.name(),
            key_type: key.key_type(),
            description: key.description(),
            source: KeySource::Global {
                category: key.category(),
            },
        }
    }

    /// Whether `name` is this key, ignoring case, or an instance of its template.
    pub fn matches(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name) || matches_template(self.name, name)
    }
}

impl Service {
    /// The service's own keys as lookup results, leaving out the `aws:` tag keys that service
    /// files repeat: the global entries stand for those.
    pub(super) fn specific_key_refs(&self) -> impl Iterator<Item = ConditionKeyRef<'_>> {
        let source = KeySource::Service {
            prefix: self.prefix(),
        };
        self.condition_keys()
            .iter()
            .filter(|key| !key.name().starts_with("aws:"))
            .map(move |key| ConditionKeyRef::of_service(key, source))
    }
}

impl Catalog {
    /// A condition key by name, ignoring case: a global key (`aws:SourceIp`), a service key
    /// (`s3:prefix`), or an instance of a template (`aws:PrincipalTag/team`,
    /// `s3:ExistingObjectTag/owner`).
    pub fn condition_key(&self, name: &str) -> Option<ConditionKeyRef<'_>> {
        let (prefix, _) = name.split_once(':')?;
        let global = || self.global_key(name);
        if prefix.eq_ignore_ascii_case("aws") {
            return global();
        }
        let own_service = self.service(prefix).and_then(|service| {
            let source = KeySource::Service {
                prefix: service.prefix(),
            };
            find_in(service.condition_keys(), name).map(|k| ConditionKeyRef::of_service(k, source))
        });
        own_service
            .or_else(global)
            .or_else(|| self.foreign_key(name))
    }

    fn global_key(&self, name: &str) -> Option<ConditionKeyRef<'_>> {
        let keys = self.global_keys();
        let exact = keys.iter().find(|k| k.name().eq_ignore_ascii_case(name));
        exact
            .or_else(|| keys.iter().find(|k| matches_template(k.name(), name)))
            .map(ConditionKeyRef::of_global)
    }

    fn foreign_key(&self, name: &str) -> Option<ConditionKeyRef<'_>> {
        let at = |&(s, k): &(usize, usize)| -> Option<(&Service, &ServiceKey)> {
            let service = self.services().get(s)?;
            Some((service, service.condition_keys().get(k)?))
        };
        let candidates = || self.foreign_keys.iter().filter_map(at);
        let exact = candidates().find(|(_, k)| k.name().eq_ignore_ascii_case(name));
        exact
            .or_else(|| candidates().find(|(_, k)| matches_template(k.name(), name)))
            .map(|(service, key)| {
                let source = KeySource::Service {
                    prefix: service.prefix(),
                };
                ConditionKeyRef::of_service(key, source)
            })
    }

    /// Every condition key the action supports, each once, in order of precedence: its own,
    /// those of its resource types (per action, then per type), then the global keys.
    ///
    /// `source` says how sure that is: `Action`/`ActionOnResourceType` are listed for this very
    /// action; `ResourceType` keys are listed for a resource type it works on; `Global` keys may
    /// be absent from a given request (the `aws:` tag keys only come with services that tag).
    pub fn action_condition_keys<'a>(&'a self, action: ActionRef<'a>) -> Vec<ConditionKeyRef<'a>> {
        let mut keys: Vec<ConditionKeyRef<'a>> = Vec::new();
        let mut add = |key: ConditionKeyRef<'a>| {
            if !keys.iter().any(|k| k.name.eq_ignore_ascii_case(key.name)) {
                keys.push(key);
            }
        };
        for key in action.own_condition_keys() {
            add(ConditionKeyRef::of_service(key, KeySource::Action));
        }
        for use_ in action.resource_types() {
            let resource_type = use_.resource_type().name();
            for key in use_.condition_keys() {
                let source = KeySource::ActionOnResourceType { resource_type };
                add(ConditionKeyRef::of_service(key, source));
            }
        }
        for use_ in action.resource_types() {
            let resource_type = use_.resource_type();
            for key in resource_type.condition_keys() {
                let source = KeySource::ResourceType {
                    resource_type: resource_type.name(),
                };
                add(ConditionKeyRef::of_service(key, source));
            }
        }
        for key in self.global_keys() {
            add(ConditionKeyRef::of_global(key));
        }
        keys
    }

    /// The key `name` as `action` supports it, or `None` when the action does not list it.
    pub fn action_supports_key<'a>(
        &'a self,
        action: ActionRef<'a>,
        name: &str,
    ) -> Option<ConditionKeyRef<'a>> {
        let keys = self.action_condition_keys(action);
        let exact = keys.iter().find(|k| k.name.eq_ignore_ascii_case(name));
        exact
            .or_else(|| keys.iter().find(|k| matches_template(k.name, name)))
            .copied()
    }
}

/// A key from `keys` (sorted) named `name` exactly, else the first template it instantiates.
fn find_in<'a>(keys: &'a [ServiceKey], name: &str) -> Option<&'a ServiceKey> {
    names::find_ci(keys, name, |k| k.name())
        .map(|(_, key)| key)
        .or_else(|| keys.iter().find(|k| matches_template(k.name(), name)))
}

/// Whether `name` instantiates `template`: each `${...}` (or `<...>`, as in
/// `s3:ExistingObjectTag/<key>`) stands for one or more characters, the rest compares ignoring
/// case. `aws:PrincipalTag/${TagKey}` matches `aws:principaltag/team`.
pub(super) fn matches_template(template: &str, name: &str) -> bool {
    let pieces = template_pieces(template);
    if pieces.len() < 2 {
        return false;
    }
    let name = name.to_ascii_lowercase();
    let (first, last) = (&pieces[0], &pieces[pieces.len() - 1]);
    if !name.starts_with(first.as_str()) {
        return false;
    }
    let mut position = first.len();
    // Leftmost placement of each middle piece leaves the most room for the rest.
    for piece in &pieces[1..pieces.len() - 1] {
        let from = position + 1;
        let Some(found) = name.get(from..).and_then(|tail| tail.find(piece.as_str())) else {
            return false;
        };
        position = from + found + piece.len();
    }
    name.len() >= position + 1 + last.len() && name.ends_with(last.as_str())
}

/// The lower-cased literal text around a template's placeholders (one piece: no placeholder).
fn template_pieces(template: &str) -> Vec<String> {
    let template = template.to_ascii_lowercase();
    let mut pieces = Vec::new();
    let mut rest = template.as_str();
    loop {
        let next = [("${", '}'), ("<", '>')]
            .iter()
            .filter_map(|&(open, close)| {
                let start = rest.find(open)?;
                let end = start + rest[start..].find(close)?;
                Some((start, end))
            })
            .min();
        let Some((start, end)) = next else {
            break;
        };
        pieces.push(rest[..start].to_string());
        rest = &rest[end + 1..];
    }
    pieces.push(rest.to_string());
    pieces
}

#[cfg(test)]
mod tests {
    use super::matches_template;

    #[test]
    fn templates_match_one_or_more_characters_per_variable() {
        let cases = [
            ("aws:PrincipalTag/${TagKey}", "aws:PrincipalTag/team", true),
            (
                "aws:PrincipalTag/${TagKey}",
                "AWS:principaltag/Team/Sub",
                true,
            ),
            ("aws:PrincipalTag/${TagKey}", "aws:PrincipalTag/", false),
            ("aws:PrincipalTag/${TagKey}", "aws:PrincipalTags", false),
            ("aws:SourceIp", "aws:SourceIp", false),
            (
                "s3:ExistingObjectTag/<key>",
                "s3:existingobjecttag/owner",
                true,
            ),
            ("s3:ExistingObjectTag/<key>", "s3:ExistingObjectTag/", false),
            ("codebuild:a/${name}.value", "codebuild:a/X.value", true),
            ("codebuild:a/${name}.value", "codebuild:a/.value", false),
            ("x:${A}.${B}", "x:1.2", true),
            ("x:${A}.${B}", "x:1.", false),
            ("x:${A}.${B}", "x:.2", false),
        ];
        for (template, name, expected) in cases {
            assert_eq!(
                matches_template(template, name),
                expected,
                "{template} / {name}"
            );
        }
    }
}
