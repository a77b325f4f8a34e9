//! Flat, serialisable views for the app (completions, hovers) and the CLI's JSON output.

use serde::Serialize;

use super::{AccessLevel, ActionRef, Catalog, ConditionKeyRef, KeySource, KeyType};

/// What a completion item shows: `s3:GetObject`, Read, "Grants permission to ...".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionSummary {
    pub name: String,
    pub access_level: AccessLevel,
    pub description: String,
}

/// Everything about one action, for a hover or a detail panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionDetails {
    pub name: String,
    pub service_prefix: String,
    pub service_name: String,
    pub access_level: AccessLevel,
    pub description: String,
    pub resource_types: Vec<ResourceTypeUse>,
    pub condition_keys: Vec<ConditionKeyView>,
    pub dependent_actions: Vec<String>,
}

/// A resource type as an action uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceTypeUse {
    pub name: String,
    pub arn_template: String,
    pub required: bool,
}

/// A condition key with its type, description and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionKeyView {
    pub name: String,
    #[serde(rename = "type")]
    pub key_type: KeyType,
    pub description: String,
    /// `action`, `actionOnResourceType`, `resourceType`, `global` or `service`.
    pub source: String,
}

/// What the app shows about the data: its origin and size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogInfo {
    pub package: String,
    pub version: String,
    /// The day of the data, `2026-09-26`.
    pub date: String,
    pub services: usize,
    pub actions: usize,
    pub resource_types: usize,
    pub condition_keys: usize,
    pub global_condition_keys: usize,
}

impl From<ActionRef<'_>> for ActionSummary {
    fn from(action: ActionRef<'_>) -> ActionSummary {
        ActionSummary {
            name: action.full_name(),
            access_level: action.access_level(),
            description: action.description().into_owned(),
        }
    }
}

impl From<ConditionKeyRef<'_>> for ConditionKeyView {
    fn from(key: ConditionKeyRef<'_>) -> ConditionKeyView {
        let source = match key.source {
            KeySource::Action => "action",
            KeySource::ActionOnResourceType { .. } => "actionOnResourceType",
            KeySource::ResourceType { .. } => "resourceType",
            KeySource::Global { .. } => "global",
            KeySource::Service { .. } => "service",
        };
        ConditionKeyView {
            name: key.name.to_string(),
            key_type: key.key_type,
            description: key.description.to_string(),
            source: source.to_string(),
        }
    }
}

impl Catalog {
    /// The details of an action, found ignoring case.
    pub fn action_details(&self, full_name: &str) -> Option<ActionDetails> {
        let action = self.action(full_name)?;
        let service = action.service();
        Some(ActionDetails {
            name: action.full_name(),
            service_prefix: service.prefix().to_string(),
            service_name: service.name().to_string(),
            access_level: action.access_level(),
            description: action.description().into_owned(),
            resource_types: action
                .resource_types()
                .map(|use_| ResourceTypeUse {
                    name: use_.resource_type().name().to_string(),
                    arn_template: use_.resource_type().arn_template().to_string(),
                    required: use_.required(),
                })
                .collect(),
            condition_keys: self
                .action_condition_keys(action)
                .into_iter()
                .map(ConditionKeyView::from)
                .collect(),
            dependent_actions: action.dependent_actions().map(str::to_string).collect(),
        })
    }

    /// Origin, date and counts of the data.
    pub fn info(&self) -> CatalogInfo {
        let services = self.services();
        CatalogInfo {
            package: self.source().package.clone(),
            version: self.source().version.clone(),
            date: self.source().updated_at.chars().take(10).collect(),
            services: services.len(),
            actions: self.action_count(),
            resource_types: services.iter().map(|s| s.resource_types().len()).sum(),
            condition_keys: services.iter().map(|s| s.condition_keys().len()).sum(),
            global_condition_keys: self.global_keys().len(),
        }
    }
}
