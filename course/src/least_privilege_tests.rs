use super::*;
use crate::{grade, grade_with_catalog, Scenario};
use iamplay_engine::policy::parse_policy;

fn check(action: &str) -> Check {
    iamplay_engine::json::from_str(&serde_json::json!({
        "id": "c", "title": "t", "expect": "allowed", "hint": "h",
        "request": {"principal": "arn:aws:iam::111122223333:user/a", "action": action, "resource": "arn:aws:s3:::raw-data/x"}
    })
    .to_string())
    .expect("check")
}

fn found(statements: &str, extra: &[&str]) -> Vec<String> {
    let policy = parse_policy(&format!(
        r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#
    ))
    .expect("policy");
    let bound = LeastPrivilegeBound {
        resources: vec![
            "arn:aws:s3:::raw-data".to_owned(),
            "arn:aws:s3:::raw-data/*".to_owned(),
        ]
        .into(),
        allow_extra: extra.iter().map(|s| (*s).to_owned()).collect(),
    };
    over_grants(&policy, &bound, &[check("s3:GetObject").into()])
        .into_iter()
        .map(|o| o.action)
        .collect()
}

#[test]
fn without_the_catalogue_only_needed_or_covered_actions_on_the_bound() {
    let exact =
        r#"{"Effect": "Allow", "Action": "S3:GETOBJECT", "Resource": "arn:aws:s3:::raw-data/*"}"#;
    assert_eq!(found(exact, &[]), Vec::<String>::new());
    let wildcard = r#"{"Effect": "Allow", "Action": ["s3:GetObject", "s3:Get*"], "Resource": "*"}"#;
    assert_eq!(found(wildcard, &[]), vec!["s3:Get*"]);
    assert_eq!(found(wildcard, &["s3:get*"]), Vec::<String>::new());
    // A broader extra covers the written pattern; one with `?` cannot be trusted to.
    assert_eq!(found(wildcard, &["s3:*"]), Vec::<String>::new());
    assert_eq!(found(wildcard, &["s3:Ge?*"]), vec!["s3:Get*"]);
    let not_action =
        r#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "arn:aws:s3:::raw-data/*"}"#;
    assert_eq!(found(not_action, &[]), vec!["NotAction"]);
}

#[test]
fn other_resources_and_denies_are_not_measured() {
    let elsewhere =
        r#"{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::curated-lake/*"}"#;
    assert_eq!(found(elsewhere, &[]), Vec::<String>::new());
    let deny = r#"{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}"#;
    assert_eq!(found(deny, &[]), Vec::<String>::new());
}

/// Read objects under `landing/` and list the bucket, bounded on the bucket and its objects.
fn scenario(allow_extra: &[&str]) -> Scenario {
    let request = |action: &str, resource: &str| serde_json::json!({"principal": "arn:aws:iam::111122223333:user/alice", "action": action, "resource": resource});
    iamplay_engine::json::from_str(
        &serde_json::json!({
            "id": "read-landing", "title": "t", "style": "write", "task": "t",
            "edit": {"kind": "identity", "name": "alice"},
            "starter": {"Version": "2012-10-17", "Statement": []},
            "checks": [
                {"id": "read", "title": "t", "expect": "allowed", "hint": "h",
                 "request": request("s3:GetObject", "arn:aws:s3:::raw-data/landing/a.json")},
                {"id": "list", "title": "t", "expect": "allowed", "hint": "h",
                 "request": request("s3:ListBucket", "arn:aws:s3:::raw-data")},
                {"id": "no-write", "title": "t", "expect": "denied", "hint": "h",
                 "request": request("s3:PutObject", "arn:aws:s3:::curated/a.json")}
            ],
            "leastPrivilege": {
                "resources": ["arn:aws:s3:::raw-data", "arn:aws:s3:::raw-data/*"],
                "allowExtra": allow_extra
            },
            "hints": ["h"], "answer": {}, "explanation": "e"
        })
        .to_string(),
    )
    .expect("scenario")
}

fn answer(object_actions: &str) -> String {
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [
        {{"Sid": "Objects", "Effect": "Allow", "Action": {object_actions}, "Resource": "arn:aws:s3:::raw-data/*"}},
        {{"Sid": "Bucket", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::raw-data"}}]}}"#
    )
}

fn exact(scenario: &Scenario, text: &str) -> crate::Grade {
    grade_with_catalog(scenario, text, Catalog::embedded()).expect("gradable")
}

#[test]
fn s3_star_passing_every_check_is_flagged_with_what_it_grants() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::raw-data", "arn:aws:s3:::raw-data/*"]}]}"#;
    let graded = exact(&scenario(&[]), text);
    assert!(graded.checks.iter().all(|c| c.passed));
    assert!(!graded.passed);
    let [over] = graded.over_grants.as_slice() else {
        panic!("one over-grant expected: {:#?}", graded.over_grants);
    };
    assert_eq!(over.action, "s3:*");
    for action in ["s3:DeleteObject", "s3:PutBucketPolicy", "s3:PutObject"] {
        assert!(over.grants.iter().any(|g| g == action), "{action} missing");
    }
    // The needed actions are not over-grants.
    assert!(!over
        .grants
        .iter()
        .any(|g| g == "s3:GetObject" || g == "s3:ListBucket"));
    assert!(over.message.contains("risky"), "{}", over.message);
    assert_eq!(&text[over.span.start..over.span.end], r#""s3:*""#);
}

#[test]
fn s3_get_star_passes_only_when_all_it_expands_to_is_needed_or_extra() {
    let text = answer(r#""s3:Get*""#);
    let flagged = exact(&scenario(&[]), &text);
    let [over] = flagged.over_grants.as_slice() else {
        panic!("one over-grant expected: {:#?}", flagged.over_grants);
    };
    assert!(over.grants.iter().any(|g| g == "s3:GetObjectAcl"));
    // Bucket-level reads need the bucket ARN, which this statement does not name.
    assert!(!over.grants.iter().any(|g| g == "s3:GetBucketPolicy"));
    let partly = exact(&scenario(&["s3:GetObjectAcl"]), &text);
    assert!(!partly.passed);
    assert!(!partly.over_grants[0]
        .grants
        .iter()
        .any(|g| g == "s3:GetObjectAcl"));
    // Everything `s3:Get*` grants on objects starts with `s3:GetObject`.
    let covered = exact(&scenario(&["s3:GetObject*"]), &text);
    assert!(covered.passed, "{:#?}", covered.over_grants);
    // Without the catalogue the same pattern cannot be shown to be covered.
    assert!(
        !grade(&scenario(&["s3:GetObject*"]), &text)
            .expect("gradable")
            .passed
    );
}

#[test]
fn exact_actions_grade_the_same_with_and_without_the_catalogue() {
    for (actions, extra, over) in [
        (r#""s3:GetObject""#, &[][..], &[][..]),
        (
            r#"["s3:GetObject", "s3:PutObject"]"#,
            &[],
            &["s3:PutObject"],
        ),
        (
            r#"["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]"#,
            &["s3:PutObject"],
            &["s3:DeleteObject"],
        ),
    ] {
        let text = answer(actions);
        let scenario = scenario(extra);
        let with = exact(&scenario, &text);
        let without = grade(&scenario, &text).expect("gradable");
        let named = |g: &crate::Grade| -> Vec<(usize, String, Span, String)> {
            g.over_grants
                .iter()
                .map(|o| {
                    (
                        o.statement_index,
                        o.action.clone(),
                        o.span,
                        o.message.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(named(&with), named(&without), "{actions}");
        let actions: Vec<&str> = with.over_grants.iter().map(|o| o.action.as_str()).collect();
        assert_eq!(actions, over);
        assert_eq!(with.passed, without.passed);
        assert_eq!(with.checks, without.checks);
    }
}

#[test]
fn the_editor_grade_measures_the_bound_only_once_every_check_passes() {
    let scenario = scenario(&[]);
    let prepared = crate::Prepared::new(&scenario);
    let graded = |text: &str, for_editor: bool| {
        let policy = parse_policy(text).expect("policy");
        let grade = if for_editor {
            prepared.grade_policy_for_editor(&scenario, &policy, Some(Catalog::embedded()))
        } else {
            prepared.grade_policy(&scenario, &policy, Some(Catalog::embedded()))
        };
        grade.expect("gradable")
    };
    // `s3:*` on the objects only: the list check fails, and the bound is over-granted.
    let failing = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::raw-data/*"}]}"#;
    assert!(!graded(failing, false).over_grants.is_empty());
    let editor = graded(failing, true);
    assert!(editor.over_grants.is_empty());
    assert!(!editor.passed);
    assert_eq!(editor.checks, graded(failing, false).checks);
    // Once every check passes, both measure the same bound.
    let passing = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::raw-data", "arn:aws:s3:::raw-data/*"]}]}"#;
    assert!(!graded(passing, true).over_grants.is_empty());
    assert_eq!(graded(passing, true), graded(passing, false));
}
