use super::{json_size, json_size_at_most};
use crate::case::Case;
use crate::eval::evaluate;
use serde::Serialize;
use std::collections::BTreeMap;

fn assert_counts_as_serde_json(value: &impl Serialize) {
    let written = serde_json::to_vec(value).map(|bytes| bytes.len()).ok();
    assert_eq!(json_size(value), written);
    let at_most = json_size_at_most(value);
    assert!(at_most >= written, "{at_most:?} < {written:?}");
    assert_eq!(at_most.is_some(), written.is_some());
}

#[test]
fn strings_count_their_escapes() {
    let every_byte: String = (0u8..128).map(char::from).collect();
    for text in [
        "",
        "plain",
        "quote \" and backslash \\",
        "tab\tnew\nline\r\u{8}\u{c}",
        &every_byte,
        "é ü 日本 😀",
    ] {
        assert_counts_as_serde_json(&text);
        assert_counts_as_serde_json(&text.chars().collect::<Vec<char>>());
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum Shape {
    Unit,
    Newtype(u8),
    Tuple(i32, bool),
    Struct { some_field: Option<u64>, other: () },
}

#[derive(Serialize)]
struct Everything<'a> {
    numbers: (i8, i16, i32, i64, i128, u8, u16, u32, u64, u128),
    extremes: (i64, u64, i128, u128),
    flags: [bool; 2],
    nothing: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u8>,
    shapes: Vec<Shape>,
    #[serde(with = "serde_bytes_like")]
    bytes: &'a [u8],
    by_number: BTreeMap<i32, bool>,
    by_flag: BTreeMap<bool, &'a str>,
    by_name: BTreeMap<&'a str, Vec<u8>>,
    empty: (Vec<u8>, BTreeMap<String, u8>),
}

/// Serialises a byte slice with `serialize_bytes`, as `serde_bytes` would.
mod serde_bytes_like {
    pub fn serialize<S: serde::Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(bytes)
    }
}

#[test]
fn every_serde_shape_counts_as_serde_json_writes_it() {
    let value = Everything {
        numbers: (-8, 16, -32, 64, -128, 8, 16, 32, 64, 128),
        extremes: (i64::MIN, u64::MAX, i128::MIN, u128::MAX),
        flags: [true, false],
        nothing: None,
        skipped: None,
        shapes: vec![
            Shape::Unit,
            Shape::Newtype(7),
            Shape::Tuple(-1, true),
            Shape::Struct {
                some_field: Some(10),
                other: (),
            },
        ],
        bytes: &[0, 9, 10, 255],
        by_number: BTreeMap::from([(-3, true), (40, false)]),
        by_flag: BTreeMap::from([(true, "yes\n")]),
        by_name: BTreeMap::from([("a\"b", vec![1, 2]), ("c", Vec::new())]),
        empty: (Vec::new(), BTreeMap::new()),
    };
    assert_counts_as_serde_json(&value);
}

#[test]
fn floats_are_not_counted() {
    assert_eq!(json_size(&1.5f64), None);
    assert_eq!(json_size(&vec![1.5f32]), None);
    assert_eq!(json_size_at_most(&1.5f64), None);
}

#[test]
fn explanations_count_as_serde_json_writes_them() {
    let case = Case::parse(
        r#"{"request": {"principal": "arn:aws:iam::111122223333:user/al\"ice",
        "action": "s3:GetObject", "resource": "arn:aws:s3:::bucket/k\tey",
        "context": {"aws:SourceIp": "203.0.113.7", "aws:TagKeys": ["a", "b"]}},
        "policies": {"identity": [{"name": "reader", "document": {"Version": "2012-10-17",
        "Statement": [{"Sid": "One", "Effect": "Allow", "Action": ["s3:Get*", "s3:List*"],
        "Resource": "arn:aws:s3:::bucket/${aws:username}/*",
        "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"},
        "ForAllValues:StringLike": {"aws:TagKeys": ["a", "c*"]}}},
        {"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"}]}}],
        "scps": [[{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*",
        "Resource": "*"}}]]}, "expect": "implicitDeny"}"#,
    )
    .expect("the case parses");
    assert_counts_as_serde_json(&evaluate(&case));
}
