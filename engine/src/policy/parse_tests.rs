use super::*;
use crate::policy::{
    parse_policy, parse_policy_lenient, Effect, Principal, PrincipalKind, Version,
};

/// The error of a policy that must not parse: its message, help and the text it underlines.
fn rejected(text: &str) -> (String, Option<String>, String) {
    let err = parse_policy(text).expect_err("the policy is invalid");
    (
        err.to_string(),
        err.help(),
        text[err.span.start..err.span.end].to_owned(),
    )
}

#[test]
fn a_full_statement_is_read_with_spans() {
    let text = r#"{"Version": "2012-10-17", "Id": "p1", "Statement": [{
        "Sid": "Read", "Effect": "Allow",
        "Principal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:role/r"], "Service": "lambda.amazonaws.com"},
        "NotAction": "iam:*", "Resource": ["arn:aws:s3:::b/*"]}]}"#;
    let policy = parse_policy(text).unwrap();
    assert_eq!(
        policy.version.as_ref().map(|v| v.node),
        Some(Version::V2012_10_17)
    );
    assert!(policy.variables_enabled());
    let statement = &policy.statements[0];
    assert_eq!(statement.effect.node, Effect::Allow);
    assert_eq!(
        statement.sid.as_ref().unwrap().span.slice(text),
        Some("\"Read\"")
    );
    assert!(statement.action.negated);
    assert_eq!(statement.action.values[0].node, "iam:*");
    let Principal::Entries(entries) = &statement.principal.as_ref().unwrap().principal else {
        panic!()
    };
    assert_eq!(entries[0].kind.node, PrincipalKind::Aws);
    assert_eq!(entries[0].values.len(), 2);
    assert_eq!(entries[1].values[0].node, "lambda.amazonaws.com");
    assert!(statement
        .span
        .slice(text)
        .unwrap()
        .starts_with("{\n        \"Sid\""));
}

#[test]
fn a_single_statement_object_and_a_missing_version_are_accepted() {
    let policy =
        parse_policy(r#"{"Statement": {"Effect": "Deny", "Action": "*", "Principal": "*"}}"#)
            .unwrap();
    assert_eq!(policy.statements.len(), 1);
    assert!(policy.version.is_none());
    assert!(!policy.variables_enabled());
    assert!(policy.statements[0].resource.is_none());
    assert_eq!(
        policy.statements[0].principal.as_ref().unwrap().principal,
        Principal::Any
    );
}

#[test]
fn equality_ignores_layout() {
    let compact = parse_policy(r#"{"Statement":{"Effect":"Allow","Action":"s3:*"}}"#).unwrap();
    let spaced =
        parse_policy("{ \"Statement\" : { \"Effect\" : \"Allow\" ,\n \"Action\" : \"s3:*\" } }")
            .unwrap();
    assert_eq!(compact.statements, spaced.statements);
}

#[test]
fn unknown_elements_suggest_the_right_name() {
    let (message, help, underlined) =
        rejected(r#"{"Statement": {"Efect": "Allow", "Action": "*"}}"#);
    assert_eq!(message, "unknown element `Efect` in a statement");
    assert_eq!(
        help.as_deref(),
        Some("did you mean `Effect`? element names are case-sensitive")
    );
    assert_eq!(underlined, "\"Efect\"");
    let (message, _, _) = rejected(r#"{"version": "2012-10-17", "Statement": []}"#);
    assert_eq!(message, "unknown element `version` in a policy");
}

#[test]
fn duplicate_elements_are_errors_at_the_second_key() {
    let text = r#"{"Statement": {"Effect": "Allow", "Action": "*", "Effect": "Deny"}}"#;
    let (message, _, underlined) = rejected(text);
    assert_eq!(
        (message.as_str(), underlined.as_str()),
        ("duplicate element `Effect`", "\"Effect\"")
    );
    let err = parse_policy(text).unwrap_err();
    assert_eq!(err.span.start, text.rfind("\"Effect\"").unwrap());
}

#[test]
fn structural_errors_name_the_element() {
    let cases = [
        (
            r#"{"Statement": {"Effect": "allow", "Action": "*"}}"#,
            "`Effect` must be `Allow` or `Deny`, found `allow`",
            "\"allow\"",
        ),
        (
            r#"{"Statement": {"Effect": "Allow"}}"#,
            "a statement needs `Action` or `NotAction`",
            r#"{"Effect": "Allow"}"#,
        ),
        (
            r#"{"Statement": {"Action": "*"}}"#,
            "the statement has no `Effect` element",
            r#"{"Action": "*"}"#,
        ),
        (
            r#"{"Statement": {"Effect": "Allow", "Action": 5}}"#,
            "`Action` must be a string or an array of strings, found a number",
            "5",
        ),
        (
            r#"{"Statement": {"Effect": "Allow", "Action": ["a", 1]}}"#,
            "each value of `Action` must be a string, found a number",
            "1",
        ),
        (
            r#"{"Statement": {"Effect": "Allow", "Action": "*", "NotAction": "x"}}"#,
            "a statement cannot have both `Action` and `NotAction`",
            "\"NotAction\"",
        ),
        (
            r#"{"Version": "2012-10-18", "Statement": []}"#,
            "unsupported policy version `2012-10-18`",
            "\"2012-10-18\"",
        ),
        (
            r#"{"Version": "2012-10-17"}"#,
            "the policy has no `Statement` element",
            r#"{"Version": "2012-10-17"}"#,
        ),
        (
            r#"{"Statement": "x"}"#,
            "`Statement` must be an object or an array of objects, found a string",
            "\"x\"",
        ),
        (
            r#"[]"#,
            "a policy must be a JSON object, found an array",
            "[]",
        ),
        (
            r#"{"Statement": {"Effect": "Allow", "Action": "*", "Principal": "arn:aws:iam::1:root"}}"#,
            "a principal written as a string must be `\"*\"`, found `arn:aws:iam::1:root`",
            "\"arn:aws:iam::1:root\"",
        ),
        (
            r#"{"Statement": {"Effect": "Allow", "Action": "*", "Principal": {"Aws": "*"}}}"#,
            "`Aws` is not a kind of principal",
            "\"Aws\"",
        ),
    ];
    for (text, message, underlined) in cases {
        let (got, _, got_underlined) = rejected(text);
        assert_eq!(
            (got.as_str(), got_underlined.as_str()),
            (message, underlined),
            "{text}"
        );
    }
}

#[test]
fn json_errors_come_through_with_their_position() {
    let (message, _, underlined) =
        rejected("{\"Statement\": {\"Effect\": \"Allow\" \"Action\": \"*\"}}");
    assert_eq!(
        message,
        "expected `,` or `}` after the value of `Effect`, found `\"`"
    );
    assert_eq!(underlined, "\"");
}

#[test]
fn lenient_parsing_reports_every_error_and_keeps_good_statements() {
    let text = r#"{"Statement": [
        {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
        {"Effect": "Maybe", "Action": "*"},
        {"Effect": "Deny", "Action": "*", "Colour": "red"}]}"#;
    let lenient = parse_policy_lenient(text);
    let messages: Vec<String> = lenient.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "`Effect` must be `Allow` or `Deny`, found `Maybe`",
            "unknown element `Colour` in a statement"
        ]
    );
    let statements = lenient.policy.unwrap().statements;
    assert_eq!(
        statements.iter().map(|s| s.index).collect::<Vec<_>>(),
        [0, 2]
    );
}

#[test]
fn condition_values_become_text_and_keep_order() {
    let text = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*",
        "Condition": {"NumericLessThan": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": [true, "false"]}}}}"#;
    let policy = parse_policy(text).unwrap();
    let blocks = &policy.statements[0].condition;
    assert_eq!(blocks[0].operator.name, "NumericLessThan");
    assert_eq!(blocks[0].entries[0].values[0].node, "10");
    let values: Vec<&str> = blocks[1].entries[0]
        .values
        .iter()
        .map(|v| v.node.as_str())
        .collect();
    assert_eq!(values, ["true", "false"]);
}

#[test]
fn condition_errors_are_reported() {
    let (message, help, underlined) = rejected(
        r#"{"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"StringEqual": {"a": "b"}}}}"#,
    );
    assert_eq!(message, "unknown condition operator `StringEqual`");
    assert_eq!(help.as_deref(), Some("did you mean `StringEquals`?"));
    assert_eq!(underlined, "\"StringEqual\"");
    let (message, _, underlined) = rejected(
        r#"{"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"StringEquals": {"a": null}}}}"#,
    );
    assert_eq!(
        (message.as_str(), underlined.as_str()),
        (
            "a value of `a` must be a string, number or boolean, found null",
            "null"
        )
    );
}

#[test]
fn span_points_into_the_source() {
    let text = r#"{"Statement": {"Effect": "Allow", "Action": "s3:*"}}"#;
    let policy = parse_policy(text).unwrap();
    let action = &policy.statements[0].action;
    assert_eq!(
        action.span,
        Span::new(
            text.find("\"s3:*\"").unwrap(),
            text.find("\"s3:*\"").unwrap() + 6
        )
    );
}
