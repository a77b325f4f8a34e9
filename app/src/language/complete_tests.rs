use super::*;
use crate::language::fixes::quick_fixes;
use iamplay_engine::policy_kind::PolicyKind;

fn catalog() -> &'static Catalog {
    use std::sync::OnceLock;
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../engine/data/catalog.json"
        ))
        .expect("the catalogue file");
        Catalog::from_str(&text).expect("the catalogue parses")
    })
}

fn labels(marked: &str) -> Vec<String> {
    let offset = marked.find('|').expect("cursor");
    let text = marked.replacen('|', "", 1);
    complete(&text, offset, Some(catalog()))
        .map(|c| c.items.into_iter().map(|i| i.label).collect())
        .unwrap_or_default()
}

#[test]
fn element_names_and_effect_values() {
    assert_eq!(labels(r#"{"Stat|"#), ["Statement"]);
    assert_eq!(
        labels(r#"{"Statement": [{"No|"#),
        ["NotPrincipal", "NotAction", "NotResource"]
    );
    assert_eq!(labels(r#"{"Statement": [{"Effect": "|"#), ["Allow", "Deny"]);
}

#[test]
fn actions_with_access_level_and_service_prefixes() {
    let offset = r#"{"Statement": [{"Action": "s3:GetObjectT"#.len();
    let text = r#"{"Statement": [{"Action": "s3:GetObjectT"}]}"#;
    let completions = complete(text, offset, Some(catalog())).expect("completions");
    let first = &completions.items[0];
    assert!(first.label.starts_with("s3:GetObjectT"), "{}", first.label);
    assert!(!first.detail.is_empty() && !first.documentation.is_empty());
    assert_eq!(completions.start, r#"{"Statement": [{"Action": ""#.len());
    let services = labels(r#"{"Statement": [{"Action": ["dynamo|"]}]}"#);
    assert!(services.contains(&"dynamodb".to_owned()), "{services:?}");
}

#[test]
fn condition_keys_follow_the_statements_actions() {
    let keys = labels(
        r#"{"Statement": [{"Action": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"s3:|": ""}}}]}"#,
    );
    assert!(keys.iter().any(|k| k == "s3:ExistingObjectTag/${TagKey}" || k.starts_with("s3:ExistingObjectTag")), "{keys:?}");
    assert!(
        !keys.iter().any(|k| k.starts_with("s3:x-amz-acl")),
        "PutObject's keys leak: {keys:?}"
    );
    let global = labels(
        r#"{"Statement": [{"Action": "s3:GetObject", "Condition": {"Bool": {"aws:Sec|": ""}}}]}"#,
    );
    assert_eq!(global, ["aws:SecureTransport"]);
}

#[test]
fn operators_principals_and_arn_templates() {
    let operators = labels(r#"{"Statement": [{"Condition": {"StringEq|"#);
    assert!(operators.contains(&"StringEquals".to_owned()));
    assert!(operators.contains(&"StringEqualsIfExists".to_owned()));
    assert_eq!(
        labels(r#"{"Statement": [{"Principal": {"Service": "glu|"#),
        ["glue.amazonaws.com"]
    );
    let arns = labels(r#"{"Statement": [{"Action": "s3:GetObject", "Resource": "arn:aws:s3|"}]}"#);
    assert!(
        arns.iter()
            .any(|a| a.contains("${BucketName}/${ObjectName}")),
        "{arns:?}"
    );
}

#[test]
fn hover_describes_actions_and_keys() {
    let text = r#"{"Action": "s3:GetObject", "k": "aws:SourceIp"}"#;
    let action = hover(text, 14, catalog()).expect("a hover");
    assert!(action.contains("**s3:GetObject** · Read"), "{action}");
    assert!(action.contains("object"));
    let key = hover(text, text.find("aws:Source").expect("key") + 2, catalog()).expect("hover");
    assert!(key.contains("IPAddress"), "{key}");
}

#[test]
fn quick_fixes_add_version_fix_case_and_expand_wildcards() {
    let text = r#"{"Statement": [{"Effect": "Allow", "Action": "s3:getobject", "Resource": "*"}]}"#;
    let fixes = quick_fixes(text, PolicyKind::Identity, Some(catalog()));
    let titles: Vec<&str> = fixes.iter().map(|f| f.title.as_str()).collect();
    assert!(
        titles.contains(&"Add \"Version\": \"2012-10-17\""),
        "{titles:?}"
    );
    let case = fixes
        .iter()
        .find(|f| f.replacement == "\"s3:GetObject\"")
        .expect("case fix");
    assert_eq!(&text[case.start..case.end], "\"s3:getobject\"");

    let wildcard = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjectV*", "Resource": "*"}]}"#;
    let fixes = quick_fixes(wildcard, PolicyKind::Identity, Some(catalog()));
    let expand = fixes
        .iter()
        .find(|f| f.title.starts_with("Replace"))
        .expect("expansion");
    assert!(
        expand.replacement.starts_with("[\"s3:GetObjectVersion"),
        "{}",
        expand.replacement
    );
    let mut fixed = wildcard.to_owned();
    fixed.replace_range(expand.start..expand.end, &expand.replacement);
    assert!(
        iamplay_engine::policy::parse_policy(&fixed).is_ok(),
        "{fixed}"
    );
}
