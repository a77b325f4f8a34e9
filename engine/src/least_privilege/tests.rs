use super::*;
use crate::case::{Case, NamedPolicy, PolicySet, Request};
use crate::catalog::Risk;
use crate::catalog::{AccessLevel, Catalog};
use crate::eval::Decision;
use crate::policy::parse_policy;

fn policy(text: &str) -> crate::policy::Policy {
    parse_policy(text).unwrap()
}

fn case(policy: &crate::policy::Policy, action: &str, resource: &str) -> Case {
    let request = Request::new("arn:aws:iam::111122223333:user/alice", action, resource).unwrap();
    let policies = PolicySet {
        identity: vec![NamedPolicy::new(None, policy.clone())],
        ..PolicySet::default()
    };
    Case::new(request, policies)
}

#[test]
fn summary_shows_full_and_limited_levels_per_service() {
    let p = policy(
        r#"{"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
        {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:us-east-1:111122223333:table/t"},
        {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}"#,
    );
    let summary = summarize(&p, Catalog::embedded());
    let prefixes: Vec<&str> = summary.services.iter().map(|s| s.prefix.as_str()).collect();
    assert_eq!(prefixes, ["dynamodb", "s3"]);
    let dynamodb = &summary.services[0];
    assert_eq!(dynamodb.coverage, Coverage::Limited);
    assert_eq!(dynamodb.resources, ResourceScope::SpecificResources);
    let read = dynamodb
        .levels
        .iter()
        .find(|l| l.level == AccessLevel::Read)
        .unwrap();
    assert_eq!((read.coverage, read.granted), (Coverage::Limited, 1));
    assert_eq!(read.actions, ["dynamodb:GetItem"]);
    let s3 = &summary.services[1];
    assert_eq!(s3.resources, ResourceScope::AllResources);
    // The outright deny of one Write action makes S3 Write limited, the rest stays full.
    let write = s3
        .levels
        .iter()
        .find(|l| l.level == AccessLevel::Write)
        .unwrap();
    assert_eq!(write.coverage, Coverage::Limited);
    assert_eq!(write.granted + 1, write.total);
    let list = s3
        .levels
        .iter()
        .find(|l| l.level == AccessLevel::List)
        .unwrap();
    assert_eq!(list.coverage, Coverage::Full);
}

#[test]
fn s3_star_passing_every_check_is_told_exactly_what_it_over_grants() {
    let p = policy(
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::raw-data", "arn:aws:s3:::raw-data/*"]}]}"#,
    );
    let needed = [
        case(&p, "s3:GetObject", "arn:aws:s3:::raw-data/landing/a.json"),
        case(&p, "s3:ListBucket", "arn:aws:s3:::raw-data"),
    ];
    let resources = [
        "arn:aws:s3:::raw-data".to_owned(),
        "arn:aws:s3:::raw-data/landing/a.json".to_owned(),
    ];
    let report = over_grant(
        &p,
        &Task {
            must_allow: &needed,
            resources: &resources,
        },
        Catalog::embedded(),
    );
    assert!(report
        .required
        .iter()
        .all(|r| r.decision == Decision::Allowed));
    let all: Vec<&ExtraGrant> = report.extra.iter().flat_map(|g| &g.actions).collect();
    let names: Vec<&str> = all.iter().map(|a| a.action.as_str()).collect();
    assert!(
        names.contains(&"s3:DeleteObject") && names.contains(&"s3:PutBucketPolicy"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"s3:GetObject")
            || all
                .iter()
                .any(|a| a.action == "s3:GetObject" && !a.resources.contains(&resources[1]))
    );
    let policy_grant = all
        .iter()
        .find(|a| a.action == "s3:PutBucketPolicy")
        .unwrap();
    assert_eq!(policy_grant.risks, [Risk::ResourceExposure]);
    assert_eq!(policy_grant.resources, [resources[0].clone()]);
    assert!(report
        .extra
        .iter()
        .any(|g| g.level == AccessLevel::PermissionsManagement));
    assert!(
        report
            .summary
            .starts_with("All 2 requests the task needs are allowed. Beyond them it also allows"),
        "{}",
        report.summary
    );
    assert!(report
        .risky
        .iter()
        .any(|r| r == "s3:PutBucketPolicy (resource exposure)"));
}

#[test]
fn a_tight_policy_over_grants_nothing_and_the_report_follows_evaluation() {
    let p = policy(
        r#"{"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::raw-data/*"},
        {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::raw-data/*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}"#,
    );
    let needed = [case(&p, "s3:GetObject", "arn:aws:s3:::raw-data/k")];
    let resources = ["arn:aws:s3:::raw-data/k".to_owned()];
    let report = over_grant(
        &p,
        &Task {
            must_allow: &needed,
            resources: &resources,
        },
        Catalog::embedded(),
    );
    let names: Vec<&str> = report
        .extra
        .iter()
        .flat_map(|g| &g.actions)
        .map(|a| a.action.as_str())
        .collect();
    // PutObject is allowed when the request has no aws:SecureTransport = false: the evaluator says so.
    assert_eq!(names, ["s3:PutObject"]);
    let missing = [case(&p, "s3:DeleteObject", "arn:aws:s3:::raw-data/k")];
    let report = over_grant(
        &p,
        &Task {
            must_allow: &missing,
            resources: &[],
        },
        Catalog::embedded(),
    );
    assert_eq!(report.required[0].decision, Decision::ImplicitDeny);
    assert!(
        report
            .summary
            .contains("1 of 1 requests the task needs are denied"),
        "{}",
        report.summary
    );
}
