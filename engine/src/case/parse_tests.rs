use super::*;
use crate::case::{CallerKind, Case};

fn error_of(text: &str) -> (String, String) {
    let err = Case::parse(text).expect_err("the case is invalid");
    (
        err.to_string(),
        text[err.span.start..err.span.end].to_owned(),
    )
}

#[test]
fn a_full_case_is_read() {
    let text = r#"{"id": "c1", "expect": "allowed", "tags": ["ignored"], "why": "annotation",
      "request": {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
        "resource": "arn:aws:s3:::bucket/key", "context": {"aws:SourceIp": "203.0.113.7",
        "aws:TagKeys": ["team", "env"], "aws:MultiFactorAuthAge": 30, "aws:SecureTransport": true}},
      "policies": {
        "identity": [{"name": "reader", "document": {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}},
                     {"Statement": []}],
        "resource": null,
        "scps": [[{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}], []]}}"#;
    let case = Case::parse(text).unwrap();
    assert_eq!(case.id.as_deref(), Some("c1"));
    assert_eq!(case.expect, Some(Decision::Allowed));
    assert_eq!(case.request.caller.kind(), CallerKind::User);
    let ctx = &case.request.context;
    assert_eq!(ctx.single("aws:sourceip"), Some("203.0.113.7"));
    assert!(ctx.get("aws:TagKeys").unwrap().multivalued);
    assert_eq!(ctx.single("aws:MultiFactorAuthAge"), Some("30"));
    assert_eq!(ctx.single("aws:SecureTransport"), Some("true"));
    assert_eq!(ctx.single("aws:username"), Some("alice"));
    assert_eq!(case.policies.identity[0].name.as_deref(), Some("reader"));
    assert_eq!(case.policies.identity.len(), 2);
    assert!(case.policies.resource.is_none());
    assert_eq!(case.policies.scps.as_ref().map(Vec::len), Some(2));
    assert!(case.policies.rcps.is_none());
}

#[test]
fn the_resource_account_comes_from_the_case_the_arn_or_the_caller() {
    let request = |resource: &str, account: Option<&str>| {
        Request::with_context(
            "arn:aws:iam::111122223333:user/a",
            "s3:GetObject",
            resource,
            account.map(str::to_owned),
            RequestContext::new(),
        )
        .unwrap()
    };
    assert_eq!(
        request("arn:aws:s3:::bucket", None).resource_account(),
        Some("111122223333")
    );
    assert!(!request("arn:aws:s3:::bucket", None).is_cross_account());
    assert_eq!(
        request("arn:aws:sqs:us-east-1:444455556666:q", None).resource_account(),
        Some("444455556666")
    );
    assert!(request("arn:aws:s3:::bucket", Some("444455556666")).is_cross_account());
    assert_eq!(
        request("arn:aws:s3:::bucket", Some("444455556666"))
            .context
            .single("aws:ResourceAccount"),
        Some("444455556666")
    );
}

#[test]
fn policy_errors_point_into_the_case_text() {
    let text = r#"{"request": {"principal": "*", "action": "s3:GetObject", "resource": "*"},
      "policies": {"identity": [{"Statement": {"Effect": "Alow", "Action": "*"}}]}}"#;
    let (message, underlined) = error_of(text);
    assert_eq!(
        message,
        "in `policies.identity[0]`: `Effect` must be `Allow` or `Deny`, found `Alow`"
    );
    assert_eq!(underlined, "\"Alow\"");
}

#[test]
fn structural_errors_in_the_case_are_precise() {
    let cases = [
        (
            r#"{"policies": {}}"#,
            "the case has no `request`",
            r#"{"policies": {}}"#,
        ),
        (
            r#"{"request": {"principal": "*", "action": "a:b"}}"#,
            "`request` has no `resource`",
            r#"{"principal": "*", "action": "a:b"}"#,
        ),
        (
            r#"{"request": {"principal": "bob", "action": "a:b", "resource": "*"}}"#,
            "`bob` is not a principal this playground understands",
            "\"bob\"",
        ),
        (
            r#"{"request": {"principal": "*", "action": "a:b", "resource": "*", "resourceAcount": "1"}}"#,
            "unknown field `resourceAcount` in `request`",
            "\"resourceAcount\"",
        ),
        (
            r#"{"request": {"principal": "*", "action": "a:b", "resource": "*"}, "policies": {"boundary": null}}"#,
            "unknown field `boundary` in `policies`",
            "\"boundary\"",
        ),
        (
            r#"{"request": {"principal": "*", "action": "a:b", "resource": "*"}, "expect": "deny"}"#,
            "`expect` must be `allowed`, `explicitDeny` or `implicitDeny`, found `deny`",
            "\"deny\"",
        ),
        (
            r#"{"request": {"principal": "*", "action": "a:b", "resource": "*", "context": {"k": null}}}"#,
            "a value of `k` must be a string, number or boolean, found null",
            "null",
        ),
        (
            r#"{"request": {"principal": "*", "action": "a:b", "resource": "*"}, "policies": {"scps": [{}]}}"#,
            "`policies.scps[0]` must be an array of policies, found an object",
            "{}",
        ),
    ];
    for (text, message, underlined) in cases {
        assert_eq!(
            error_of(text),
            (message.to_owned(), underlined.to_owned()),
            "{text}"
        );
    }
}
