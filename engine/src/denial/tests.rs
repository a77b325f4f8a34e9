//! Messages in the shapes AWS writes them (IAM User Guide, "Troubleshoot access denied error
//! messages"; Amazon S3 User Guide, "Troubleshoot access denied (403 Forbidden) errors"; AWS
//! STS API Reference, DecodeAuthorizationMessage).

use super::{parse_denial, BlamedLayer as L, DenialError};
use crate::decision::Decision::{ExplicitDeny as Explicit, ImplicitDeny as Implicit};

const USER: &str = "arn:aws:iam::777788889999:user/MaryMajor";

/// (message, principal, action, resource, decision, blamed layer)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<crate::decision::Decision>,
    Option<L>,
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Implicit denies, one per policy type, with the SDK prefix and without.
    ("An error occurred (AccessDenied) when calling the ListRepositories operation: User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: codecommit:ListRepositories because no identity-based policy allows the codecommit:ListRepositories action",
     USER, "codecommit:ListRepositories", None, Some(Implicit), Some(L::Identity)),
    ("User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::raw-data/2026/01.csv because no resource-based policy allows the s3:GetObject action",
     USER, "s3:GetObject", Some("arn:aws:s3:::raw-data/2026/01.csv"), Some(Implicit), Some(L::Resource)),
    ("User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: glue:GetTable on resource: arn:aws:glue:us-east-1:777788889999:table/lake/events because no permissions boundary allows the glue:GetTable action",
     USER, "glue:GetTable", Some("arn:aws:glue:us-east-1:777788889999:table/lake/events"), Some(Implicit), Some(L::Boundary)),
    ("An error occurred (AccessDeniedException) when calling the ListNotificationRules operation: User: arn:aws:sts::777788889999:assumed-role/etl-lambda/run-42 is not authorized to perform: codestar-notifications:ListNotificationRules because no session policy allows the codestar-notifications:ListNotificationRules action",
     "arn:aws:sts::777788889999:assumed-role/etl-lambda/run-42", "codestar-notifications:ListNotificationRules", None, Some(Implicit), Some(L::Session)),
    ("User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:777788889999:instance/* because no service control policy allows the ec2:RunInstances action",
     USER, "ec2:RunInstances", Some("arn:aws:ec2:us-east-1:777788889999:instance/*"), Some(Implicit), Some(L::Scp)),
    ("An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::raw-data/k.csv\" because no VPC endpoint policy allows the s3:GetObject action",
     USER, "s3:GetObject", Some("arn:aws:s3:::raw-data/k.csv"), Some(Implicit), Some(L::Vpce)),
    // Explicit denies, one per policy type.
    ("An error occurred (AccessDenied) when calling the CreateBucket operation: User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: s3:CreateBucket on resource: arn:aws:s3:::new-bucket with an explicit deny in a service control policy",
     USER, "s3:CreateBucket", Some("arn:aws:s3:::new-bucket"), Some(Explicit), Some(L::Scp)),
    ("User: arn:aws:iam::444455556666:role/analytics-reader is not authorized to perform: s3:GetObject on resource: \"arn:aws:s3:::curated-lake/part-0.parquet\" with an explicit deny in a resource control policy",
     "arn:aws:iam::444455556666:role/analytics-reader", "s3:GetObject", Some("arn:aws:s3:::curated-lake/part-0.parquet"), Some(Explicit), Some(L::Rcp)),
    ("User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::777788889999:user/new with an explicit deny in a permissions boundary",
     USER, "iam:CreateUser", Some("arn:aws:iam::777788889999:user/new"), Some(Explicit), Some(L::Boundary)),
    ("User: arn:aws:sts::777788889999:assumed-role/etl-lambda/run-42 is not authorized to perform: s3:DeleteObject on resource: arn:aws:s3:::raw-data/x with an explicit deny in a session policy",
     "arn:aws:sts::777788889999:assumed-role/etl-lambda/run-42", "s3:DeleteObject", Some("arn:aws:s3:::raw-data/x"), Some(Explicit), Some(L::Session)),
    ("User: arn:aws:iam::123456789012:user/janedoe is not authorized to perform: iam:CreateInstanceProfile on resource: arn:aws:iam::123456789012:instance-profile/my-instance-profile with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/ExampleDenyPolicy. Go to https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/authorization-details/EXAMPLE",
     "arn:aws:iam::123456789012:user/janedoe", "iam:CreateInstanceProfile", Some("arn:aws:iam::123456789012:instance-profile/my-instance-profile"), Some(Explicit), Some(L::Identity)),
    ("An error occurred (AccessDenied) when calling the PutObject operation: User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::raw-data/k\" with an explicit deny in a resource-based policy",
     USER, "s3:PutObject", Some("arn:aws:s3:::raw-data/k"), Some(Explicit), Some(L::Resource)),
    // The older message: no reason, so neither the decision nor the layer is known.
    ("An error occurred (AccessDenied) when calling the ListBucket operation: User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::raw-data",
     USER, "s3:ListBucket", Some("arn:aws:s3:::raw-data"), None, None),
    ("User: arn:aws:iam::777788889999:user/MaryMajor is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:777788889999:table/orders.",
     USER, "dynamodb:GetItem", Some("arn:aws:dynamodb:us-east-1:777788889999:table/orders"), None, None),
    // The JSON that `aws sts decode-authorization-message` prints, and its inner document.
    (r#"{"DecodedMessage": "{\"allowed\":false,\"explicitDeny\":true,\"matchedStatements\":{\"items\":[{\"statementId\":\"DenyRun\",\"effect\":\"DENY\"}]},\"failures\":{\"items\":[]},\"context\":{\"principal\":{\"id\":\"AROAEXAMPLE:run-42\",\"arn\":\"arn:aws:sts::777788889999:assumed-role/etl-lambda/run-42\"},\"action\":\"ec2:RunInstances\",\"resource\":\"arn:aws:ec2:us-east-1:777788889999:instance/*\",\"conditions\":{\"items\":[]}}}"}"#,
     "arn:aws:sts::777788889999:assumed-role/etl-lambda/run-42", "ec2:RunInstances", Some("arn:aws:ec2:us-east-1:777788889999:instance/*"), Some(Explicit), None),
    (r#"{"allowed": false, "explicitDeny": false, "matchedStatements": {"items": []}, "failures": {"items": []}, "context": {"principal": {"id": "AIDAEXAMPLE", "arn": "arn:aws:iam::777788889999:user/MaryMajor"}, "action": "ec2:StopInstances", "resource": "arn:aws:ec2:us-east-1:777788889999:instance/i-0abc", "conditions": {"items": []}}}"#,
     USER, "ec2:StopInstances", Some("arn:aws:ec2:us-east-1:777788889999:instance/i-0abc"), Some(Implicit), None),
];

#[test]
fn every_shape_aws_writes_is_read() {
    for (message, principal, action, resource, decision, layer) in ROWS {
        let denial = parse_denial(message).unwrap_or_else(|err| panic!("{err}: {message}"));
        assert_eq!(denial.principal.as_deref(), Some(*principal), "{message}");
        assert_eq!(denial.action.as_deref(), Some(*action), "{message}");
        assert_eq!(denial.resource.as_deref(), *resource, "{message}");
        assert_eq!(denial.decision, *decision, "{message}");
        assert_eq!(denial.blocked_by, *layer, "{message}");
        assert!(!denial.advice().is_empty());
    }
}

#[test]
fn the_sdk_prefix_names_the_operation_and_the_policy_arn_is_kept() {
    let denial = parse_denial(ROWS[0].0).expect("a denial");
    assert_eq!(denial.operation.as_deref(), Some("ListRepositories"));
    let denial = parse_denial(ROWS[10].0).expect("a denial");
    assert_eq!(
        denial.policy_arn.as_deref(),
        Some("arn:aws:iam::123456789012:policy/ExampleDenyPolicy")
    );
}

#[test]
fn other_text_is_refused_with_the_shapes_understood() {
    for text in ["", "hello", "Access Denied", "{\"a\": 1}"] {
        let err = parse_denial(text).expect_err(text);
        assert_eq!(err, DenialError::NotADenial, "{text}");
        assert!(err
            .help()
            .contains("because no identity-based policy allows"));
    }
    let encoded = "An error occurred (UnauthorizedOperation) when calling the RunInstances operation: You are not authorized to perform this operation. Encoded authorization failure message: 4GIOHlTkIaWHQD0Q0m6XSnuUMCm";
    assert_eq!(parse_denial(encoded), Err(DenialError::Encoded));
    assert!(matches!(
        parse_denial(r#"{"DecodedMessage": "{\"allowed\": true, \"context\": {}}"}"#),
        Err(DenialError::BadDecoded(_))
    ));
}

#[test]
fn advice_names_the_blamed_layer() {
    let denial = parse_denial(ROWS[6].0).expect("a denial");
    assert!(denial.advice().contains("service control policy"));
    assert!(denial.advice().contains("Deny statement"));
    let denial = parse_denial(ROWS[2].0).expect("a denial");
    assert!(denial.advice().contains("permissions boundary"));
}
