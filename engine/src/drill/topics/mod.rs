//! One builder per topic, and what the higher levels add around it: more policies at level 2,
//! more layers at level 3. Builders only choose names and shapes at random; whether the request
//! is allowed is left to the evaluator.

mod basics;
mod conditions;
mod layers;

use super::names::{objects, Object};
use super::rng::Rng;
use super::setup::{named, strings, Setup, Stmt};
use super::Topic;

pub(super) fn build(topic: Topic, r: &mut Rng, level: u8) -> Setup {
    let mut setup = match topic {
        Topic::ExplicitDeny => basics::explicit_deny(r),
        Topic::ImplicitDeny => basics::implicit_deny(r),
        Topic::NotActionResource => basics::not_elements(r),
        Topic::WildcardsCase => basics::wildcards(r),
        Topic::PolicyVariables => basics::policy_variables(r),
        Topic::IfExists => conditions::if_exists(r),
        Topic::SetOperators => conditions::set_operators(r),
        Topic::SourceIp => conditions::source_ip(r),
        Topic::Mfa => conditions::mfa(r),
        Topic::Dates => conditions::dates(r),
        Topic::TagsAbac => conditions::tags_abac(r),
        Topic::ResourcePolicies => layers::resource_policies(r, level),
        Topic::TrustAssumeRole => layers::trust(r, level),
        Topic::PermissionBoundaries => layers::boundaries(r),
        Topic::ScpsRcps => layers::scps_rcps(r, level),
        Topic::SessionPolicies => layers::session_policies(r),
        Topic::PassRole => layers::pass_role(r),
    };
    if level >= 2 {
        add_team_policy(r, &mut setup);
    }
    if level >= 3 {
        add_guardrails(r, &mut setup);
    }
    setup
}

/// Level 2: a second identity policy, as teams attach shared ones; sometimes it matters.
fn add_team_policy(r: &mut Rng, setup: &mut Setup) {
    let object = Object::pick(r);
    let requested_bucket = setup
        .resource
        .strip_prefix("arn:aws:s3:::")
        .and_then(|rest| rest.split('/').next())
        .filter(|bucket| !bucket.is_empty())
        .unwrap_or(object.bucket)
        .to_owned();
    let pool = [
        Stmt::allow(strings!["s3:GetObject", "s3:ListBucket"])
            .sid("ReadSharedReference")
            .on(strings![objects(object.bucket, "")]),
        Stmt::allow(strings![
            "glue:GetTable",
            "glue:GetDatabase",
            "athena:StartQueryExecution"
        ])
        .sid("Catalog")
        .on(strings!["*"]),
        Stmt::deny(strings!["s3:DeleteObject", "s3:DeleteBucket"])
            .sid("NoDeletes")
            .on(strings!["*"]),
        Stmt::allow(strings!["s3:Get*", "s3:List*"])
            .sid("ReadRequestedBucket")
            .on(strings![objects(&requested_bucket, "")]),
        Stmt::deny(strings!["sts:AssumeRole", "iam:PassRole"])
            .sid("NoRoleHopping")
            .on(strings![format!(
                "arn:aws:iam::*:role/{}",
                r.pick(&["lake-admin", "admin-*"])
            )]),
        Stmt::allow(strings![
            "sts:AssumeRole",
            "iam:PassRole",
            "glue:StartJobRun"
        ])
        .sid("Pipelines")
        .on(strings!["*"]),
    ];
    let first = r.below(pool.len());
    let mut statements = vec![pool[first].clone()];
    if r.chance(50) {
        let second = (first + 1 + r.below(pool.len() - 1)) % pool.len();
        statements.push(pool[second].clone());
    }
    setup.identity.push(named("team-shared", statements));
}

/// Level 3: the organization's guardrails and a permissions boundary, where the topic has none.
fn add_guardrails(r: &mut Rng, setup: &mut Setup) {
    if setup.scps.is_empty() {
        let full = || {
            Stmt::allow(strings!["*"])
                .sid("FullAWSAccess")
                .on(strings!["*"])
        };
        let mut account = vec![full()];
        if r.chance(50) {
            let denied: Vec<String> = r.pick(&[
                strings!["s3:DeleteObject", "s3:PutBucketPolicy"],
                strings!["iam:PassRole"],
                strings!["glue:DeleteJob", "glue:StartJobRun"],
                strings!["sts:AssumeRole"],
            ]);
            account.push(Stmt::deny(denied).sid("Guardrail").on(strings!["*"]));
        }
        setup.scps = vec![
            vec![named("FullAWSAccess", vec![full()])],
            vec![named("data-accounts", account)],
        ];
    }
    if setup.boundary.is_none() && r.chance(60) {
        let allowed: Vec<String> = r.pick(&[
            strings!["s3:*", "glue:*", "athena:*"],
            strings!["s3:Get*", "s3:List*", "glue:*", "sts:AssumeRole"],
            strings!["s3:*", "glue:*", "iam:PassRole", "sts:AssumeRole"],
        ]);
        setup.boundary = Some(named(
            "data-team-boundary",
            vec![Stmt::allow(allowed).sid("DataWork").on(strings!["*"])],
        ));
    }
}
