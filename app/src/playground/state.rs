//! What the playground holds: the policies of one account setup and the requests to test
//! against them. Plain data, serialisable into share links.

use crate::labels;
use iamplay_engine::policy_kind::PolicyKind;
use serde::{Deserialize, Serialize};

/// The organization levels a guardrail can attach to, root first.
pub const LEVELS: [&str; 3] = ["Root", "OU", "Account"];

/// One policy document in an editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PolicyDoc {
    /// Stable within one playground, for the editors and highlights.
    pub id: u32,
    pub kind: PolicyKind,
    pub name: String,
    pub text: String,
    pub enabled: bool,
    /// For SCPs and RCPs: index into [`LEVELS`].
    #[serde(default)]
    pub level: usize,
}

/// A typed context value: the input widget and how the value reaches the evaluator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ValueType {
    String,
    Bool,
    Number,
    Date,
    Ip,
    Arn,
    /// A multivalued key: values separated by commas.
    List,
}

impl ValueType {
    pub const ALL: [ValueType; 7] = [
        ValueType::String,
        ValueType::Bool,
        ValueType::Number,
        ValueType::Date,
        ValueType::Ip,
        ValueType::Arn,
        ValueType::List,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ValueType::String => "string",
            ValueType::Bool => "bool",
            ValueType::Number => "number",
            ValueType::Date => "date",
            ValueType::Ip => "ip",
            ValueType::Arn => "arn",
            ValueType::List => "list",
        }
    }

    pub fn parse(text: &str) -> Option<ValueType> {
        ValueType::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContextValue {
    pub key: String,
    pub value_type: ValueType,
    pub value: String,
}

/// One request of the table, with the outcome its author expects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RequestRow {
    pub id: u32,
    pub principal: String,
    pub action: String,
    pub resource: String,
    /// The account owning the resource when its ARN has none (S3); empty: the ARN's account,
    /// else the caller's.
    #[serde(default)]
    pub resource_account: String,
    #[serde(default)]
    pub context: Vec<ContextValue>,
    #[serde(default)]
    pub expect: Option<Expectation>,
}

/// The expected outcome of a row, as a test would assert it: the same expectations, with the
/// same JSON names, as a lesson check's.
pub use iamplay_course::ExpectedOutcome as Expectation;

/// The whole playground.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Playground {
    pub policies: Vec<PolicyDoc>,
    pub requests: Vec<RequestRow>,
    /// Keys a request does not give are unknown rather than absent: a row may then depend on
    /// them. Off by default (and left out of share links when off).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open_context: bool,
}

/// Templates the principal kind selector fills in.
pub const PRINCIPAL_TEMPLATES: [(&str, &str); 6] = [
    ("IAM user", "arn:aws:iam::111122223333:user/alice"),
    ("IAM role", "arn:aws:iam::111122223333:role/data-pipeline"),
    (
        "Role session",
        "arn:aws:sts::111122223333:assumed-role/data-pipeline/etl-run",
    ),
    ("AWS service", "lambda.amazonaws.com"),
    ("Anonymous", "*"),
    ("Account root", "arn:aws:iam::111122223333:root"),
];

impl Playground {
    fn next_id(&self) -> u32 {
        let policies = self.policies.iter().map(|p| p.id);
        let requests = self.requests.iter().map(|r| r.id);
        policies.chain(requests).max().map_or(1, |max| max + 1)
    }

    /// Adds an empty policy of `kind` and returns its id.
    pub fn add_policy(&mut self, kind: PolicyKind) -> u32 {
        let id = self.next_id();
        let count = self.policies.iter().filter(|p| p.kind == kind).count();
        let name = if count == 0 {
            labels::policy_kind(kind).to_owned()
        } else {
            format!("{} {}", labels::policy_kind(kind), count + 1)
        };
        self.policies.push(PolicyDoc {
            id,
            kind,
            name,
            text: starter_text(kind).to_owned(),
            enabled: true,
            level: if kind.is_organization_policy() {
                LEVELS.len() - 1
            } else {
                0
            },
        });
        id
    }

    /// Adds a request copied from the last one (or a default) and returns its id.
    pub fn add_request(&mut self) -> u32 {
        let id = self.next_id();
        let mut row = self.requests.last().cloned().unwrap_or_else(|| RequestRow {
            id,
            principal: PRINCIPAL_TEMPLATES[1].1.to_owned(),
            action: "s3:GetObject".to_owned(),
            resource: "arn:aws:s3:::raw-data/input.csv".to_owned(),
            resource_account: String::new(),
            context: Vec::new(),
            expect: None,
        });
        row.id = id;
        self.requests.push(row);
        id
    }

    pub fn remove_policy(&mut self, id: u32) {
        self.policies.retain(|p| p.id != id);
    }

    pub fn remove_request(&mut self, id: u32) {
        self.requests.retain(|r| r.id != id);
    }

    pub fn policy_mut(&mut self, id: u32) -> Option<&mut PolicyDoc> {
        self.policies.iter_mut().find(|p| p.id == id)
    }

    pub fn request_mut(&mut self, id: u32) -> Option<&mut RequestRow> {
        self.requests.iter_mut().find(|r| r.id == id)
    }
}

fn starter_text(kind: PolicyKind) -> &'static str {
    match kind {
        PolicyKind::Resource | PolicyKind::Trust => {
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"},\n      \"Action\": \"\",\n      \"Resource\": \"*\"\n    }\n  ]\n}\n"
        }
        // RCPs can only deny (AWS's own RCPFullAWSAccess is the one that allows), and name
        // every principal, singling some out by conditions.
        PolicyKind::Rcp => {
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Deny\",\n      \"Principal\": \"*\",\n      \"Action\": \"\",\n      \"Resource\": \"*\"\n    }\n  ]\n}\n"
        }
        _ => {
            "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": \"\",\n      \"Resource\": \"*\"\n    }\n  ]\n}\n"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamplay_engine::eval::Decision;

    #[test]
    fn ids_stay_unique_across_policies_and_requests() {
        let mut playground = Playground::default();
        let a = playground.add_policy(PolicyKind::Identity);
        let b = playground.add_request();
        let c = playground.add_policy(PolicyKind::Identity);
        assert_eq!([a, b, c], [1, 2, 3]);
        assert_eq!(playground.policies[1].name, "Identity policy 2");
        playground.remove_policy(a);
        assert_eq!(playground.add_policy(PolicyKind::Scp), 4);
        assert_eq!(playground.policies.last().map(|p| p.level), Some(2));
    }

    #[test]
    fn a_new_request_copies_the_last_one() {
        let mut playground = Playground::default();
        playground.add_request();
        if let Some(row) = playground.requests.first_mut() {
            row.action = "s3:PutObject".into();
        }
        let id = playground.add_request();
        assert_eq!(playground.requests[1].action, "s3:PutObject");
        assert_eq!(playground.requests[1].id, id);
    }

    #[test]
    fn denied_expectation_accepts_both_denies() {
        assert!(Expectation::Denied.accepts(Decision::ExplicitDeny));
        assert!(Expectation::Denied.accepts(Decision::ImplicitDeny));
        assert!(!Expectation::Denied.accepts(Decision::Allowed));
        assert!(!Expectation::ExplicitDeny.accepts(Decision::ImplicitDeny));
    }

    #[test]
    fn names_round_trip() {
        for e in Expectation::ALL {
            assert_eq!(Expectation::parse(e.as_str()), Some(e));
        }
        for t in ValueType::ALL {
            assert_eq!(ValueType::parse(t.as_str()), Some(t));
        }
    }
}
