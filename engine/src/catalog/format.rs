//! The catalogue as stored in `engine/data/catalog.json` (written by `tools/catalog/build.mjs`).
//!
//! Rows are JSON arrays, read into tuple structs, so the file stays small and loading is a single
//! serde pass with no second conversion. Names are sorted case-insensitively, which lets every
//! lookup binary-search; [`super::Catalog::from_str`] checks that order and every index.

use serde::{Deserialize, Serialize};

/// The only layout this reader understands; the build script writes the same number.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct CatalogFile {
    pub format: u32,
    pub source: Source,
    pub global_keys: Vec<GlobalKey>,
    pub services: Vec<Service>,
}

/// Where the data came from: the npm package, its exact version and the date of its data.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub package: String,
    pub version: String,
    /// ISO 8601 timestamp of the data (`2026-09-26T04:46:59.905Z`).
    pub updated_at: String,
}

/// One AWS service: `s3`, "Amazon S3".
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    pub(super) prefix: String,
    pub(super) name: String,
    pub(super) keys: Vec<ServiceKey>,
    pub(super) resource_types: Vec<ResourceType>,
    pub(super) actions: Vec<Action>,
}

/// A condition key defined by a service: name, type, description.
#[derive(Debug, Deserialize)]
pub struct ServiceKey(pub(super) String, pub(super) KeyType, pub(super) String);

/// A resource type: name, ARN template, indexes of its condition keys in the service's list.
#[derive(Debug, Deserialize)]
pub struct ResourceType(pub(super) String, pub(super) String, pub(super) Vec<u16>);

/// An action: name, access level, description (compacted, see [`Action::description`]),
/// resource types, indexes of its own condition keys, dependent actions.
#[derive(Debug, Deserialize)]
pub struct Action(
    pub(super) String,
    pub(super) AccessLevel,
    pub(super) String,
    pub(super) Vec<ActionResource>,
    pub(super) Vec<u16>,
    pub(super) Vec<String>,
);

/// A resource type an action works on: index of the type, required (1) or not (0), condition
/// keys that apply to the action on that type, dependent actions.
#[derive(Debug, Deserialize)]
pub(super) struct ActionResource(
    pub(super) u16,
    pub(super) u8,
    pub(super) Vec<u16>,
    pub(super) Vec<String>,
);

/// A global condition key: name, type, category, description.
#[derive(Debug, Deserialize)]
pub struct GlobalKey(
    pub(super) String,
    pub(super) KeyType,
    pub(super) GlobalKeyCategory,
    pub(super) String,
);

/// The access level of an action, as the Service Authorization Reference lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub enum AccessLevel {
    #[serde(rename(deserialize = "L", serialize = "List"))]
    List,
    #[serde(rename(deserialize = "R", serialize = "Read"))]
    Read,
    #[serde(rename(deserialize = "W", serialize = "Write"))]
    Write,
    #[serde(rename(deserialize = "P", serialize = "Permissions management"))]
    PermissionsManagement,
    #[serde(rename(deserialize = "T", serialize = "Tagging"))]
    Tagging,
}

impl AccessLevel {
    pub const ALL: [AccessLevel; 5] = [
        AccessLevel::List,
        AccessLevel::Read,
        AccessLevel::Write,
        AccessLevel::PermissionsManagement,
        AccessLevel::Tagging,
    ];

    /// The name AWS uses: `Permissions management`.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::List => "List",
            AccessLevel::Read => "Read",
            AccessLevel::Write => "Write",
            AccessLevel::PermissionsManagement => "Permissions management",
            AccessLevel::Tagging => "Tagging",
        }
    }
}

impl std::fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The type of a condition key's values, as the Service Authorization Reference names them.
/// `ArrayOf...` keys are multivalued: they take the `ForAllValues`/`ForAnyValue` set operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum KeyType {
    String,
    #[serde(rename = "ARN")]
    Arn,
    Bool,
    Date,
    #[serde(rename = "IPAddress")]
    IpAddress,
    Numeric,
    Binary,
    ArrayOfString,
    #[serde(rename = "ArrayOfARN")]
    ArrayOfArn,
    ArrayOfBool,
    ArrayOfDate,
    #[serde(rename = "ArrayOfIPAddress")]
    ArrayOfIpAddress,
    ArrayOfNumeric,
    ArrayOfBinary,
}

impl KeyType {
    /// Whether a request may carry several values for the key.
    pub fn is_multivalued(self) -> bool {
        self != self.element()
    }

    /// The type of one value: `ArrayOfString` → `String`.
    pub fn element(self) -> KeyType {
        match self {
            KeyType::ArrayOfString => KeyType::String,
            KeyType::ArrayOfArn => KeyType::Arn,
            KeyType::ArrayOfBool => KeyType::Bool,
            KeyType::ArrayOfDate => KeyType::Date,
            KeyType::ArrayOfIpAddress => KeyType::IpAddress,
            KeyType::ArrayOfNumeric => KeyType::Numeric,
            KeyType::ArrayOfBinary => KeyType::Binary,
            scalar => scalar,
        }
    }

    /// The name AWS uses: `ArrayOfString`, `IPAddress`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyType::String => "String",
            KeyType::Arn => "ARN",
            KeyType::Bool => "Bool",
            KeyType::Date => "Date",
            KeyType::IpAddress => "IPAddress",
            KeyType::Numeric => "Numeric",
            KeyType::Binary => "Binary",
            KeyType::ArrayOfString => "ArrayOfString",
            KeyType::ArrayOfArn => "ArrayOfARN",
            KeyType::ArrayOfBool => "ArrayOfBool",
            KeyType::ArrayOfDate => "ArrayOfDate",
            KeyType::ArrayOfIpAddress => "ArrayOfIPAddress",
            KeyType::ArrayOfNumeric => "ArrayOfNumeric",
            KeyType::ArrayOfBinary => "ArrayOfBinary",
        }
    }
}

impl std::fmt::Display for KeyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The groups of the IAM User Guide's "AWS global condition context keys" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GlobalKeyCategory {
    Principal,
    Session,
    Network,
    Resource,
    Request,
}
