//! Completions for the editor: what may follow the text typed so far in an `Action` or a
//! condition key, with the detail a completion list shows.

use serde::Serialize;

use super::{AccessLevel, Catalog, ConditionKeyRef, KeyType, Service};

/// One completion item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Completion {
    /// A service prefix; inserting it is usually followed by `:`.
    Service {
        prefix: String,
        name: String,
        actions: usize,
    },
    Action {
        name: String,
        access_level: AccessLevel,
        description: String,
    },
    ConditionKey {
        name: String,
        #[serde(rename = "type")]
        key_type: KeyType,
        description: String,
    },
}

impl Catalog {
    /// Completions of a partly typed action: services while there is no `:`, then that
    /// service's actions starting with what follows it (ignoring case), at most `limit`.
    pub fn complete_action(&self, typed: &str, limit: usize) -> Vec<Completion> {
        match typed.split_once(':') {
            None => self
                .services()
                .iter()
                .filter(|s| starts_with_ci(s.prefix(), typed))
                .take(limit)
                .map(|s| Completion::Service {
                    prefix: s.prefix().to_string(),
                    name: s.name().to_string(),
                    actions: s.action_count(),
                })
                .collect(),
            Some((prefix, start)) => self
                .service(prefix)
                .into_iter()
                .flat_map(|s| s.actions())
                .filter(|a| starts_with_ci(a.name(), start))
                .take(limit)
                .map(|a| Completion::Action {
                    name: a.full_name(),
                    access_level: a.access_level(),
                    description: a.description().into_owned(),
                })
                .collect(),
        }
    }

    /// Completions of a partly typed condition key: global keys, then the keys of the service
    /// named before the `:` (all services' prefixes while none is typed), at most `limit`.
    pub fn complete_condition_key(&self, typed: &str, limit: usize) -> Vec<Completion> {
        let globals = self.global_keys().iter().map(ConditionKeyRef::of_global);
        let prefix = typed.split_once(':').map(|(p, _)| p);
        let service_keys = prefix
            .and_then(|p| self.service(p))
            .into_iter()
            .flat_map(Service::specific_key_refs);
        let mut found: Vec<Completion> = globals
            .chain(service_keys)
            .filter(|k| starts_with_ci(k.name, typed))
            .take(limit)
            .map(|k| Completion::ConditionKey {
                name: k.name.to_string(),
                key_type: k.key_type,
                description: k.description.to_string(),
            })
            .collect();
        if prefix.is_none() && found.len() < limit {
            // Nothing typed past a prefix yet: offer the services too (`s3` → `s3:`).
            found.extend(
                self.complete_action(typed, limit - found.len())
                    .into_iter()
                    .filter(|c| matches!(c, Completion::Service { .. })),
            );
        }
        found
    }
}

fn starts_with_ci(text: &str, start: &str) -> bool {
    text.get(..start.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(start))
}

#[cfg(all(test, feature = "embedded-catalog"))]
mod tests {
    use super::super::{AccessLevel, Catalog};
    use super::Completion;

    fn labels(items: &[Completion]) -> Vec<String> {
        items
            .iter()
            .map(|item| match item {
                Completion::Service { prefix, .. } => prefix.clone(),
                Completion::Action { name, .. } | Completion::ConditionKey { name, .. } => {
                    name.clone()
                }
            })
            .collect()
    }

    #[test]
    fn services_then_actions() {
        let catalog = Catalog::embedded();
        let services = labels(&catalog.complete_action("s3", 50));
        assert!(services.contains(&"s3".to_string()));
        assert!(services.iter().all(|p| p.starts_with("s3")));

        let actions = catalog.complete_action("s3:getobj", 100);
        assert!(labels(&actions).contains(&"s3:GetObject".to_string()));
        assert!(labels(&actions).iter().all(|n| n.starts_with("s3:GetObj")));
        let get_object = actions
            .iter()
            .find(|c| matches!(c, Completion::Action { name, .. } if name == "s3:GetObject"));
        assert!(matches!(
            get_object,
            Some(Completion::Action {
                access_level: AccessLevel::Read,
                ..
            })
        ));
        assert_eq!(catalog.complete_action("s3:", 5).len(), 5);
        assert!(catalog.complete_action("nosuch:", 5).is_empty());
    }

    #[test]
    fn condition_keys_global_and_service() {
        let catalog = Catalog::embedded();
        let keys = labels(&catalog.complete_condition_key("aws:Sou", 20));
        assert!(keys.contains(&"aws:SourceIp".to_string()), "{keys:?}");
        let keys = labels(&catalog.complete_condition_key("s3:x-amz-a", 20));
        assert!(keys.contains(&"s3:x-amz-acl".to_string()), "{keys:?}");
        let json = serde_json::to_value(catalog.complete_condition_key("aws:SourceIp", 1))
            .expect("serialises");
        assert_eq!(json[0]["kind"], "conditionKey");
        assert_eq!(json[0]["type"], "IPAddress");
        let started = labels(&catalog.complete_condition_key("ec", 50));
        assert!(started.contains(&"ec2".to_string()), "{started:?}");
    }
}
