use super::*;
use crate::policy::parse_policy;

fn read(text: &str) -> Vec<String> {
    let policy = parse_policy(text).unwrap();
    read_policy(&policy, Some(Catalog::embedded()))
        .statements
        .into_iter()
        .map(|s| s.text)
        .collect()
}

#[test]
fn the_issue_example_reads_as_promised() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::raw-data/landing/*",
        "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}, "Bool": {"aws:MultiFactorAuthPresent": "true"}}}}"#;
    assert_eq!(
        read(text),
        ["Allows `s3:GetObject` (to retrieve objects from Amazon S3) on objects in bucket `raw-data` under `landing/`, only when `aws:SourceIp` is in the range `203.0.113.0/24` and `aws:MultiFactorAuthPresent` is `true`."]
    );
}

#[test]
fn not_elements_read_as_everything_except() {
    let text = r#"{"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*"},
        {"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/admin"}, "Action": "s3:*", "NotResource": "arn:aws:s3:::public/*"}]}"#;
    let lines = read(text);
    assert!(lines[0].starts_with("Denies every action except every action of AWS Identity and Access Management (IAM) (`iam:*`"), "{}", lines[0]);
    assert!(lines[0].ends_with("on any resource."), "{}", lines[0]);
    assert!(lines[1].starts_with("Denies everyone except role `admin` in account `111122223333`: every action of Amazon S3 (`s3:*`"), "{}", lines[1]);
    assert!(
        lines[1].ends_with("on every resource except every object in bucket `public`."),
        "{}",
        lines[1]
    );
}

#[test]
fn set_operators_if_exists_and_negation_say_what_happens_without_the_key() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
        "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]},
                      "StringNotEqualsIfExists": {"aws:RequestedRegion": "us-east-1"},
                      "StringNotLike": {"aws:username": "temp-*"}}}}"#;
    let line = &read(text)[0];
    assert!(line.contains("every value of `aws:TagKeys` is `team` or `env` (also true when the request has no `aws:TagKeys` or it is empty)"), "{line}");
    assert!(
        line.contains(
            "`aws:RequestedRegion` is not `us-east-1`, or the request has no `aws:RequestedRegion`"
        ),
        "{line}"
    );
    assert!(line.contains("`aws:username` does not match `temp-*` (also true when the request has no `aws:username`)"), "{line}");
}

#[test]
fn variables_are_named_and_old_versions_make_them_text() {
    let new = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}}"#;
    assert!(read(new)[0].contains("where `${aws:username}` is replaced by the request's value"));
    let old = r#"{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::home/${aws:username}/*"}}"#;
    assert!(read(old)[0].contains("is plain text"));
    let policy = parse_policy(old).unwrap();
    assert!(read_policy(&policy, None).overview.contains("plain text"));
}

#[test]
fn principals_and_wildcards() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": ["s3:Get*", "*"], "Resource": "arn:aws:s3:::site"}}"#;
    let line = &read(text)[0];
    assert!(line.starts_with("Allows everyone, including anonymous callers: every Amazon S3 action starting with `Get` (`s3:Get*`, "), "{line}");
    assert!(
        line.contains("every action in every AWS service (`*`)"),
        "{line}"
    );
    assert!(
        line.ends_with("on the bucket `site` itself (not its objects)."),
        "{line}"
    );
}
