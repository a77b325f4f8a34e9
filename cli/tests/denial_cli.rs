//! `iamplay denial` as a user runs it: a message as an argument or on standard input, text
//! or JSON, and a clear refusal of text that is not a denial.
#![allow(
    clippy::expect_used,
    reason = "a failing spawn should fail the test loudly"
)]

mod support;

use support::iamplay;

const SCP_DENY: &str = "An error occurred (AccessDenied) when calling the CreateBucket operation: User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:CreateBucket on resource: \"arn:aws:s3:::new-bucket\" with an explicit deny in a service control policy";

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("one JSON object")
}

#[test]
fn json_gives_the_request_the_layer_the_advice_and_the_lesson() {
    let output = iamplay(&["denial", SCP_DENY, "--format", "json"], "");
    assert!(output.status.success());
    let report = json(&output.stdout);
    assert_eq!(report["principal"], "arn:aws:iam::111122223333:user/alice");
    assert_eq!(report["action"], "s3:CreateBucket");
    assert_eq!(report["resource"], "arn:aws:s3:::new-bucket");
    assert_eq!(report["decision"], "explicitDeny");
    assert_eq!(report["blockedBy"], "scp");
    assert_eq!(report["lesson"], "guardrails-and-auditing");
    assert!(report["advice"]
        .as_str()
        .is_some_and(|a| a.contains("Deny statement")));
}

#[test]
fn standard_input_and_the_older_message_give_nulls_where_aws_says_nothing() {
    let older = "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::raw-data\n";
    let output = iamplay(&["denial", "-", "--format", "json"], older);
    assert!(output.status.success());
    let report = json(&output.stdout);
    assert_eq!(report["resource"], "arn:aws:s3:::raw-data");
    assert_eq!(report["decision"], serde_json::Value::Null);
    assert_eq!(report["blockedBy"], serde_json::Value::Null);
    assert_eq!(report["lesson"], "how-aws-decides");
}

#[test]
fn text_output_reads_as_a_report() {
    let implicit = "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: glue:GetTable on resource: arn:aws:glue:us-east-1:111122223333:table/lake/events because no permissions boundary allows the glue:GetTable action";
    let output = iamplay(&["denial", implicit], "");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("blocked by: boundary"), "{text}");
    assert!(text.contains("decision:  implicitDeny"), "{text}");
    assert!(text.contains("lesson: guardrails-and-auditing"), "{text}");
}

#[test]
fn text_that_is_not_a_denial_lists_the_shapes_and_exits_2() {
    let output = iamplay(&["denial", "The bucket is empty"], "");
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("not an AWS access-denied message"),
        "{error}"
    );
    assert!(error.contains("with an explicit deny in"), "{error}");
    assert!(error.contains("decode-authorization-message"), "{error}");
    assert!(output.stdout.is_empty());
}
