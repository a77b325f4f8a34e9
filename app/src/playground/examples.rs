//! Example setups to start from: the data-engineering patterns of the course, each with
//! requests and the outcomes AWS gives them.

use super::state::{ContextValue, Expectation, Playground, PolicyDoc, RequestRow, ValueType};

use iamplay_engine::policy_kind::PolicyKind;

/// One example: a title, a sentence, and the setup.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    policies: &'static [(PolicyKind, &'static str, usize, &'static str)],
    requests: &'static [ExampleRequest],
}

#[derive(Debug, Clone, Copy)]
struct ExampleRequest {
    principal: &'static str,
    action: &'static str,
    resource: &'static str,
    context: &'static [(&'static str, ValueType, &'static str)],
    /// For ARNs without an account (S3): the account that owns the resource.
    resource_account: Option<&'static str>,
    expect: Expectation,
}

impl Example {
    pub fn playground(&self) -> Playground {
        let mut id = 0;
        let mut next = || {
            id += 1;
            id
        };
        let policies = self
            .policies
            .iter()
            .map(|(kind, name, level, text)| PolicyDoc {
                id: next(),
                kind: *kind,
                name: (*name).to_owned(),
                text: (*text).to_owned(),
                enabled: true,
                level: *level,
            })
            .collect();
        let requests = self
            .requests
            .iter()
            .map(|r| RequestRow {
                id: next(),
                principal: r.principal.to_owned(),
                action: r.action.to_owned(),
                resource: r.resource.to_owned(),
                resource_account: r.resource_account.unwrap_or_default().to_owned(),
                context: r
                    .context
                    .iter()
                    .map(|(key, value_type, value)| ContextValue {
                        key: (*key).to_owned(),
                        value_type: *value_type,
                        value: (*value).to_owned(),
                    })
                    .collect(),
                expect: Some(r.expect),
            })
            .collect();
        Playground {
            policies,
            requests,
            open_context: false,
        }
    }
}

pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

const LAMBDA_ROLE: &str = "arn:aws:sts::111122223333:assumed-role/ingest-lambda/ingest";
const ANALYST: &str = "arn:aws:sts::111122223333:assumed-role/analyst/alice";
const DATA_ENGINEER: &str = "arn:aws:iam::111122223333:user/dana";

pub const EXAMPLES: [Example; 5] = [
    Example {
        id: "lambda-reads-s3",
        title: "Lambda reads from S3",
        summary: "A function's execution role may read one prefix of one bucket, and nothing else.",
        policies: &[(
            PolicyKind::Identity,
            "ingest-lambda-read",
            0,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadIncoming",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::raw-data/incoming/*"
    },
    {
      "Sid": "ListIncoming",
      "Effect": "Allow",
      "Action": "s3:ListBucket",
      "Resource": "arn:aws:s3:::raw-data",
      "Condition": {"StringLike": {"s3:prefix": "incoming/*"}}
    }
  ]
}
"#,
        )],
        requests: &[
            ExampleRequest {
                principal: LAMBDA_ROLE,
                action: "s3:GetObject",
                resource: "arn:aws:s3:::raw-data/incoming/2024/orders.csv",
                context: &[],
                expect: Expectation::Allowed,
                resource_account: None,
            },
            ExampleRequest {
                principal: LAMBDA_ROLE,
                action: "s3:PutObject",
                resource: "arn:aws:s3:::raw-data/incoming/2024/orders.csv",
                context: &[],
                expect: Expectation::ImplicitDeny,
                resource_account: None,
            },
            ExampleRequest {
                principal: LAMBDA_ROLE,
                action: "s3:ListBucket",
                resource: "arn:aws:s3:::raw-data",
                context: &[("s3:prefix", ValueType::String, "incoming/2024/")],
                expect: Expectation::Allowed,
                resource_account: None,
            },
            ExampleRequest {
                principal: LAMBDA_ROLE,
                action: "s3:ListBucket",
                resource: "arn:aws:s3:::raw-data",
                context: &[("s3:prefix", ValueType::String, "finance/")],
                expect: Expectation::ImplicitDeny,
                resource_account: None,
            },
        ],
    },
    Example {
        id: "cross-account-data-lake",
        title: "Cross-account data lake",
        summary: "An analyst role in account 1111… reads a lake bucket owned by account 4444…: both the identity policy and the bucket policy must allow.",
        policies: &[
            (
                PolicyKind::Identity,
                "analyst-read-lake",
                0,
                r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadLake",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject"],
      "Resource": "arn:aws:s3:::central-lake/curated/*"
    }
  ]
}
"#,
            ),
            (
                PolicyKind::Resource,
                "central-lake bucket policy",
                0,
                r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AnalystsMayRead",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:role/analyst"},
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::central-lake/curated/*"
    }
  ]
}
"#,
            ),
        ],
        requests: &[
            ExampleRequest {
                principal: ANALYST,
                action: "s3:GetObject",
                resource: "arn:aws:s3:::central-lake/curated/sales.parquet",
                context: &[],
                expect: Expectation::Allowed,
                resource_account: Some("444455556666"),
            },
            ExampleRequest {
                principal: ANALYST,
                action: "s3:PutObject",
                resource: "arn:aws:s3:::central-lake/curated/sales.parquet",
                context: &[],
                expect: Expectation::ImplicitDeny,
                resource_account: Some("444455556666"),
            },
        ],
    },
    Example {
        id: "glue-passrole",
        title: "Passing a role to Glue",
        summary: "A data engineer may pass the ETL role, but only to AWS Glue.",
        policies: &[(
            PolicyKind::Identity,
            "pass-etl-role-to-glue",
            0,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "CreateJobs",
      "Effect": "Allow",
      "Action": ["glue:CreateJob", "glue:StartJobRun"],
      "Resource": "*"
    },
    {
      "Sid": "PassEtlRoleToGlueOnly",
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::111122223333:role/glue-etl",
      "Condition": {"StringEquals": {"iam:PassedToService": "glue.amazonaws.com"}}
    }
  ]
}
"#,
        )],
        requests: &[
            ExampleRequest {
                principal: DATA_ENGINEER,
                action: "iam:PassRole",
                resource: "arn:aws:iam::111122223333:role/glue-etl",
                context: &[(
                    "iam:PassedToService",
                    ValueType::String,
                    "glue.amazonaws.com",
                )],
                expect: Expectation::Allowed,
                resource_account: None,
            },
            ExampleRequest {
                principal: DATA_ENGINEER,
                action: "iam:PassRole",
                resource: "arn:aws:iam::111122223333:role/glue-etl",
                context: &[(
                    "iam:PassedToService",
                    ValueType::String,
                    "ec2.amazonaws.com",
                )],
                expect: Expectation::ImplicitDeny,
                resource_account: None,
            },
            ExampleRequest {
                principal: DATA_ENGINEER,
                action: "iam:PassRole",
                resource: "arn:aws:iam::111122223333:role/admin",
                context: &[(
                    "iam:PassedToService",
                    ValueType::String,
                    "glue.amazonaws.com",
                )],
                expect: Expectation::ImplicitDeny,
                resource_account: None,
            },
        ],
    },
    Example {
        id: "scp-region-guardrail",
        title: "SCP region guardrail",
        summary: "An administrator's Allow * is no use outside eu-west-1: an SCP at the root denies other regions.",
        policies: &[
            (
                PolicyKind::Identity,
                "AdministratorAccess",
                0,
                r#"{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
}
"#,
            ),
            (
                PolicyKind::Scp,
                "deny-other-regions",
                0,
                r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "FullAccess", "Effect": "Allow", "Action": "*", "Resource": "*"},
    {
      "Sid": "DenyOutsideIreland",
      "Effect": "Deny",
      "NotAction": ["iam:*", "sts:*", "organizations:*"],
      "Resource": "*",
      "Condition": {"StringNotEquals": {"aws:RequestedRegion": "eu-west-1"}}
    }
  ]
}
"#,
            ),
        ],
        requests: &[
            ExampleRequest {
                principal: DATA_ENGINEER,
                action: "glue:StartJobRun",
                resource: "arn:aws:glue:eu-west-1:111122223333:job/nightly",
                context: &[("aws:RequestedRegion", ValueType::String, "eu-west-1")],
                expect: Expectation::Allowed,
                resource_account: None,
            },
            ExampleRequest {
                principal: DATA_ENGINEER,
                action: "glue:StartJobRun",
                resource: "arn:aws:glue:us-east-1:111122223333:job/nightly",
                context: &[("aws:RequestedRegion", ValueType::String, "us-east-1")],
                expect: Expectation::ExplicitDeny,
                resource_account: None,
            },
            ExampleRequest {
                principal: DATA_ENGINEER,
                action: "iam:CreateRole",
                resource: "arn:aws:iam::111122223333:role/new",
                context: &[("aws:RequestedRegion", ValueType::String, "us-east-1")],
                expect: Expectation::Allowed,
                resource_account: None,
            },
        ],
    },
    Example {
        id: "cross-account-assume-role",
        title: "Cross-account role assumption",
        summary: "A pipeline role in account 1111… assumes a loader role in account 4444…: the trust policy and the caller's identity policy must both allow.",
        policies: &[
            (
                PolicyKind::Identity,
                "pipeline-may-assume-loader",
                0,
                r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sts:AssumeRole",
      "Resource": "arn:aws:iam::444455556666:role/loader"
    }
  ]
}
"#,
            ),
            (
                PolicyKind::Trust,
                "loader trust policy",
                0,
                r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:role/data-pipeline"},
      "Action": "sts:AssumeRole",
      "Condition": {"StringEquals": {"sts:ExternalId": "lake-2024"}}
    }
  ]
}
"#,
            ),
        ],
        requests: &[
            ExampleRequest {
                principal: "arn:aws:sts::111122223333:assumed-role/data-pipeline/etl-run",
                action: "sts:AssumeRole",
                resource: "arn:aws:iam::444455556666:role/loader",
                context: &[("sts:ExternalId", ValueType::String, "lake-2024")],
                expect: Expectation::Allowed,
                resource_account: None,
            },
            ExampleRequest {
                principal: "arn:aws:sts::111122223333:assumed-role/data-pipeline/etl-run",
                action: "sts:AssumeRole",
                resource: "arn:aws:iam::444455556666:role/loader",
                context: &[],
                expect: Expectation::ImplicitDeny,
                resource_account: None,
            },
            ExampleRequest {
                principal: "arn:aws:sts::111122223333:assumed-role/analyst/alice",
                action: "sts:AssumeRole",
                resource: "arn:aws:iam::444455556666:role/loader",
                context: &[("sts:ExternalId", ValueType::String, "lake-2024")],
                expect: Expectation::ImplicitDeny,
                resource_account: None,
            },
        ],
    },
];
