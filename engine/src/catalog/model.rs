//! Read access to services, actions, resource types and condition keys.

use std::borrow::Cow;

use super::format::{
    AccessLevel, Action, ActionResource, GlobalKey, GlobalKeyCategory, KeyType, ResourceType,
    Service, ServiceKey,
};
use super::names;

/// The build script drops this opening from action descriptions; `=` marks one kept verbatim.
const DESCRIPTION_PREFIX: &str = "Grants permission to ";

impl Service {
    /// The prefix used in actions and condition keys: `s3`.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The service's name: "Amazon S3".
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn actions(&self) -> impl ExactSizeIterator<Item = ActionRef<'_>> {
        self.actions.iter().map(move |action| ActionRef {
            service: self,
            action,
        })
    }

    pub fn action_count(&self) -> usize {
        self.actions.len()
    }

    /// An action by name, ignoring case.
    pub fn action(&self, name: &str) -> Option<ActionRef<'_>> {
        names::find_ci(&self.actions, name, |a| &a.0).map(|(_, action)| ActionRef {
            service: self,
            action,
        })
    }

    pub fn resource_types(&self) -> impl ExactSizeIterator<Item = ResourceTypeRef<'_>> {
        self.resource_types
            .iter()
            .map(move |resource_type| ResourceTypeRef {
                service: self,
                resource_type,
            })
    }

    /// A resource type by name, ignoring case: `object`.
    pub fn resource_type(&self, name: &str) -> Option<ResourceTypeRef<'_>> {
        names::find_ci(&self.resource_types, name, |t| &t.0).map(|(_, resource_type)| {
            ResourceTypeRef {
                service: self,
                resource_type,
            }
        })
    }

    /// The condition keys the service defines (including the `aws:` tag keys it supports).
    pub fn condition_keys(&self) -> &[ServiceKey] {
        &self.keys
    }

    /// The service's condition keys at `indexes` (checked when loading).
    pub(super) fn keys_at<'a>(
        &'a self,
        indexes: &'a [u16],
    ) -> impl Iterator<Item = &'a ServiceKey> {
        indexes
            .iter()
            .filter_map(|&i| self.keys.get(usize::from(i)))
    }
}

impl ServiceKey {
    /// `s3:prefix`, or a template such as `s3:RequestObjectTag/${TagKey}`.
    pub fn name(&self) -> &str {
        &self.0
    }

    pub fn key_type(&self) -> KeyType {
        self.1
    }

    pub fn description(&self) -> &str {
        &self.2
    }
}

impl GlobalKey {
    /// `aws:SourceIp`, or a template such as `aws:PrincipalTag/${TagKey}`.
    pub fn name(&self) -> &str {
        &self.0
    }

    pub fn key_type(&self) -> KeyType {
        self.1
    }

    pub fn category(&self) -> GlobalKeyCategory {
        self.2
    }

    pub fn description(&self) -> &str {
        &self.3
    }
}

/// An action together with its service.
#[derive(Debug, Clone, Copy)]
pub struct ActionRef<'a> {
    service: &'a Service,
    action: &'a Action,
}

impl<'a> ActionRef<'a> {
    pub fn service(&self) -> &'a Service {
        self.service
    }

    /// The action's name as AWS spells it: `GetObject`.
    pub fn name(&self) -> &'a str {
        &self.action.0
    }

    /// `s3:GetObject`.
    pub fn full_name(&self) -> String {
        format!("{}:{}", self.service.prefix, self.action.0)
    }

    pub fn access_level(&self) -> AccessLevel {
        self.action.1
    }

    /// "Grants permission to retrieve objects from Amazon S3 buckets".
    pub fn description(&self) -> Cow<'a, str> {
        let stored = self.action.2.as_str();
        match stored.strip_prefix('=') {
            Some(verbatim) => Cow::Borrowed(verbatim),
            None => Cow::Owned(format!("{DESCRIPTION_PREFIX}{stored}")),
        }
    }

    /// The resource types the action works on, in the catalogue's order.
    pub fn resource_types(&self) -> impl ExactSizeIterator<Item = ActionResourceRef<'a>> + 'a {
        let service = self.service;
        self.action
            .3
            .iter()
            .map(move |use_| ActionResourceRef { service, use_ })
    }

    /// Condition keys listed for the action itself (not per resource type).
    pub fn own_condition_keys(&self) -> impl Iterator<Item = &'a ServiceKey> + 'a {
        self.service.keys_at(&self.action.4)
    }

    /// Actions AWS also needs the caller to be allowed in order to perform this one.
    pub fn dependent_actions(&self) -> impl Iterator<Item = &'a str> + 'a {
        let own = self.action.5.iter();
        let per_type = self.action.3.iter().flat_map(|r| r.3.iter());
        own.chain(per_type).map(String::as_str)
    }
}

/// A resource type as one action uses it.
#[derive(Debug, Clone, Copy)]
pub struct ActionResourceRef<'a> {
    service: &'a Service,
    use_: &'a ActionResource,
}

impl<'a> ActionResourceRef<'a> {
    pub fn resource_type(&self) -> ResourceTypeRef<'a> {
        ResourceTypeRef {
            service: self.service,
            // In range: `Catalog::from_str` checks every resource type index.
            resource_type: &self.service.resource_types[usize::from(self.use_.0)],
        }
    }

    /// Whether a statement granting the action must cover this resource type (the `*` of the
    /// Service Authorization Reference's "Resource types" column).
    pub fn required(&self) -> bool {
        self.use_.1 != 0
    }

    /// Condition keys that apply to the action on this resource type.
    pub fn condition_keys(&self) -> impl Iterator<Item = &'a ServiceKey> + 'a {
        self.service.keys_at(&self.use_.2)
    }
}

/// A resource type together with its service.
#[derive(Debug, Clone, Copy)]
pub struct ResourceTypeRef<'a> {
    service: &'a Service,
    resource_type: &'a ResourceType,
}

impl<'a> ResourceTypeRef<'a> {
    pub fn service(&self) -> &'a Service {
        self.service
    }

    /// `object`.
    pub fn name(&self) -> &'a str {
        &self.resource_type.0
    }

    /// `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
    pub fn arn_template(&self) -> &'a str {
        &self.resource_type.1
    }

    /// Condition keys the service lists for the resource type.
    pub fn condition_keys(&self) -> impl Iterator<Item = &'a ServiceKey> + 'a {
        self.service.keys_at(&self.resource_type.2)
    }
}
