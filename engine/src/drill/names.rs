//! The data platform the drills are set in: accounts, buckets, jobs and roles a data team has.

use super::rng::Rng;

/// The data platform's account (owns the lake) and a partner account, as in the case corpus.
pub(super) const PLATFORM: &str = "111122223333";
pub(super) const PARTNER: &str = "444455556666";
pub(super) const REGION: &str = "eu-west-1";

const BUCKETS: [&str; 6] = [
    "raw-data",
    "curated-lake",
    "clickstream-landing",
    "ml-features",
    "finance-exports",
    "sensor-archive",
];
const PREFIXES: [&str; 6] = [
    "landing/2026/01/",
    "sales/daily/",
    "features/v3/",
    "exports/q1/",
    "events/eu/",
    "staging/tmp/",
];
const FILES: [&str; 4] = [
    "part-0000.parquet",
    "events.json",
    "summary.csv",
    "manifest.json",
];
const ROLES: [&str; 5] = [
    "etl-lambda",
    "glue-job",
    "ingest-lambda",
    "airflow-scheduler",
    "feature-builder",
];
const USERS: [&str; 4] = ["alice", "bob", "dana", "erik"];
pub(super) const JOBS: [&str; 4] = [
    "nightly-sales-etl",
    "dedupe-clickstream",
    "build-features",
    "compact-sensor-data",
];

/// Who sends the request, and how policies name them.
#[derive(Debug, Clone)]
pub(super) struct Caller {
    /// As the request carries it (a role acts through a session).
    pub arn: String,
    /// As a policy's `Principal` names it: the user, or the role behind the session.
    pub named_as: String,
    pub account: &'static str,
    pub name: &'static str,
    /// "The role etl-lambda", "The user alice".
    pub who: String,
}

pub(super) fn role(name: &'static str, account: &'static str) -> Caller {
    Caller {
        arn: format!("arn:aws:sts::{account}:assumed-role/{name}/{name}-session"),
        named_as: format!("arn:aws:iam::{account}:role/{name}"),
        account,
        name,
        who: format!("The role {name}{}", in_account(account)),
    }
}

pub(super) fn user(name: &'static str, account: &'static str) -> Caller {
    let arn = format!("arn:aws:iam::{account}:user/{name}");
    Caller {
        named_as: arn.clone(),
        arn,
        account,
        name,
        who: format!("The user {name}{}", in_account(account)),
    }
}

fn in_account(account: &str) -> &'static str {
    if account == PLATFORM {
        ""
    } else {
        " of the partner account"
    }
}

pub(super) fn any_role(r: &mut Rng, account: &'static str) -> Caller {
    role(r.pick(&ROLES), account)
}

pub(super) fn any_user(r: &mut Rng, account: &'static str) -> Caller {
    user(r.pick(&USERS), account)
}

pub(super) fn anyone(r: &mut Rng, account: &'static str) -> Caller {
    if r.chance(60) {
        any_role(r, account)
    } else {
        any_user(r, account)
    }
}

/// Another user of the same team, never `not`.
pub(super) fn other_user(r: &mut Rng, not: &str) -> &'static str {
    let others: Vec<&'static str> = USERS.into_iter().filter(|u| *u != not).collect();
    r.pick(&others)
}

/// An S3 object of the lake.
#[derive(Debug, Clone)]
pub(super) struct Object {
    pub bucket: &'static str,
    pub prefix: &'static str,
    pub file: &'static str,
}

impl Object {
    pub fn pick(r: &mut Rng) -> Object {
        Object {
            bucket: r.pick(&BUCKETS),
            prefix: r.pick(&PREFIXES),
            file: r.pick(&FILES),
        }
    }

    /// Two different prefixes of one bucket: where a rule applies and where it does not.
    pub fn prefixes(r: &mut Rng) -> (&'static str, &'static str) {
        let first = r.below(PREFIXES.len());
        let second = (first + 1 + r.below(PREFIXES.len() - 1)) % PREFIXES.len();
        (PREFIXES[first], PREFIXES[second])
    }

    pub fn other_bucket(&self, r: &mut Rng) -> &'static str {
        let others: Vec<&'static str> = BUCKETS.into_iter().filter(|b| *b != self.bucket).collect();
        r.pick(&others)
    }

    pub fn arn(&self) -> String {
        format!("arn:aws:s3:::{}/{}{}", self.bucket, self.prefix, self.file)
    }

    pub fn url(&self) -> String {
        format!("s3://{}/{}{}", self.bucket, self.prefix, self.file)
    }
}

pub(super) fn bucket_arn(bucket: &str) -> String {
    format!("arn:aws:s3:::{bucket}")
}

/// Every object of a bucket, or of one prefix: `arn:aws:s3:::raw-data/landing/*`.
pub(super) fn objects(bucket: &str, prefix: &str) -> String {
    format!("arn:aws:s3:::{bucket}/{prefix}*")
}

pub(super) fn job_arn(job: &str) -> String {
    format!("arn:aws:glue:{REGION}:{PLATFORM}:job/{job}")
}

pub(super) fn role_arn(account: &str, name: &str) -> String {
    format!("arn:aws:iam::{account}:role/{name}")
}

/// An S3 object action and what it does, in words.
pub(super) fn s3_action(r: &mut Rng) -> (&'static str, &'static str) {
    r.pick(&[
        ("s3:GetObject", "reads"),
        ("s3:PutObject", "writes"),
        ("s3:DeleteObject", "deletes"),
    ])
}
