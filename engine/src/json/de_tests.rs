use std::collections::BTreeMap;

use serde::Deserialize;

use super::{from_str, DeError, Spanned};

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Lesson {
    id: String,
    #[serde(default)]
    scenarios: Vec<Scenario>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Scenario {
    id: Spanned<String>,
    kind: Kind,
    #[serde(default)]
    checks: Vec<Check>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Write,
    Fix,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Check {
    expect: Expect,
    #[serde(default)]
    limit: Option<u8>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
enum Expect {
    Allowed,
    ExplicitDeny,
}

/// Reads `text` as a `Lesson`, expecting an error; returns the message, the text it underlines
/// and the path.
fn error_of(text: &str) -> (String, String, String) {
    let error: DeError = from_str::<Lesson>(text).expect_err("the lesson is wrong");
    let underlined = text[error.span.start..error.span.end].to_owned();
    (error.message, underlined, error.path)
}

#[test]
fn reads_typed_values_and_keeps_spans_of_spanned_fields() {
    let text = r#"{"id": "l", "scenarios": [{"id": "fix-star", "kind": "fix", "checks": [{"expect": "explicitDeny", "limit": 3}]}]}"#;
    let lesson: Lesson = from_str(text).unwrap();
    let scenario = &lesson.scenarios[0];
    assert_eq!(scenario.id.value, "fix-star");
    assert_eq!(
        &text[scenario.id.span.start..scenario.id.span.end],
        "\"fix-star\""
    );
    // A problem about a field points at its name, as a field path does.
    assert_eq!(
        &text[scenario.id.place.start..scenario.id.place.end],
        "\"id\""
    );
    assert_eq!(scenario.kind, Kind::Fix);
    assert_eq!(scenario.checks[0].expect, Expect::ExplicitDeny);
    assert_eq!(scenario.checks[0].limit, Some(3));
}

#[test]
fn a_wrong_type_points_at_the_value_with_its_path() {
    let text =
        r#"{"id": "l", "scenarios": [{"id": "a", "kind": "fix", "checks": [{"expect": true}]}]}"#;
    let (message, underlined, path) = error_of(text);
    assert!(
        message.starts_with("invalid type: boolean `true`"),
        "{message}"
    );
    assert_eq!(underlined, "true");
    assert_eq!(path, "scenarios[0].checks[0].expect");
}

#[test]
fn an_unknown_variant_points_at_the_string() {
    let text = r#"{"id": "l", "scenarios": [{"id": "a", "kind": "debug"}]}"#;
    let (message, underlined, path) = error_of(text);
    assert!(message.starts_with("unknown variant `debug`"), "{message}");
    assert_eq!(underlined, "\"debug\"");
    assert_eq!(path, "scenarios[0].kind");
}

#[test]
fn an_unknown_field_points_at_its_key() {
    let text = r#"{"id": "l", "scenarios": [{"id": "a", "kind": "fix", "chekcs": []}]}"#;
    let (message, underlined, path) = error_of(text);
    assert!(message.starts_with("unknown field `chekcs`"), "{message}");
    assert_eq!(underlined, "\"chekcs\"");
    assert_eq!(path, "scenarios[0].chekcs");
}

#[test]
fn a_missing_field_points_at_the_object_that_lacks_it() {
    let text = r#"{"id": "l", "scenarios": [{"id": "a"}]}"#;
    let (message, underlined, path) = error_of(text);
    assert_eq!(message, "missing field `kind`");
    assert_eq!(underlined, r#"{"id": "a"}"#);
    assert_eq!(path, "scenarios[0]");
}

#[test]
fn a_repeated_field_points_at_the_second_key() {
    let text = r#"{"id": "l", "id": "m"}"#;
    let (message, underlined, _) = error_of(text);
    assert_eq!(message, "duplicate field `id`");
    assert_eq!(underlined, "\"id\"");
    let error = from_str::<Lesson>(text).unwrap_err();
    assert_eq!(error.span.start, 12, "the second `id`, not the first");
}

#[test]
fn an_out_of_range_number_names_the_type() {
    let text = r#"{"id": "l", "scenarios": [{"id": "a", "kind": "fix", "checks": [{"expect": "allowed", "limit": 300}]}]}"#;
    let (message, underlined, path) = error_of(text);
    assert!(
        message.contains("300") && message.contains("u8"),
        "{message}"
    );
    assert_eq!(underlined, "300");
    assert_eq!(path, "scenarios[0].checks[0].limit");
}

#[test]
fn a_syntax_error_keeps_the_parser_message_position_and_help() {
    let text = "{\"id\": \"l\",}";
    let error = from_str::<Lesson>(text).unwrap_err();
    assert_eq!(error.message, "trailing comma before `}`");
    assert_eq!(&text[error.span.start..error.span.end], ",");
    assert!(error.help.is_some());
}

#[test]
fn numbers_reach_the_narrowest_exact_type() {
    let read: Vec<serde_json::Value> =
        from_str("[0, -0, 7, -7, 18446744073709551615, 18446744073709551616, 1.5, 2e3]").unwrap();
    let expected: Vec<serde_json::Value> = serde_json::from_str(
        "[0, -0, 7, -7, 18446744073709551615, 18446744073709551616, 1.5, 2e3]",
    )
    .unwrap();
    assert_eq!(read, expected);
    assert!(read[1].as_f64().is_some_and(|zero| zero.is_sign_negative()));
}

#[test]
fn strings_are_lent_from_the_tree() {
    let text = r#"{"a": "x\ny", "b": "plain"}"#;
    let json = super::super::parse(text).unwrap();
    let map: BTreeMap<&str, &str> = super::from_json(&json, text).unwrap();
    assert_eq!(map["a"], "x\ny");
    assert_eq!(map["b"], "plain");
}

#[test]
fn enums_written_as_an_object_with_one_key_read_their_payload() {
    #[derive(Debug, Deserialize, PartialEq)]
    enum Shape {
        Square(u32),
        Point { x: i32 },
    }
    let shapes: Vec<Shape> = from_str(r#"[{"Square": 4}, {"Point": {"x": -2}}]"#).unwrap();
    assert_eq!(shapes, vec![Shape::Square(4), Shape::Point { x: -2 }]);
    let error = from_str::<Vec<Shape>>(r#"[{"Circle": 1}]"#).unwrap_err();
    assert!(
        error.message.starts_with("unknown variant `Circle`"),
        "{}",
        error.message
    );
    assert_eq!(error.path, "[0]");
}

#[test]
fn another_reader_reads_spanned_values_without_positions() {
    let read = serde_json::from_str::<Spanned<String>>("\"x\"").unwrap();
    assert_eq!(read.value, "x");
    assert_eq!(read.span, super::Span::default());
}

/// What a type asking for its source text gets: the text of an object or array, the value
/// itself otherwise.
#[derive(Debug, PartialEq)]
struct Source(String);

impl<'de> serde::Deserialize<'de> for Source {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Source, D::Error> {
        struct Text;
        impl<'de> serde::de::Visitor<'de> for Text {
            type Value = Source;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("text")
            }
            fn visit_newtype_struct<D: serde::Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Source, D::Error> {
                String::deserialize(deserializer).map(Source)
            }
        }
        deserializer.deserialize_newtype_struct(super::SOURCE_TEXT, Text)
    }
}

#[test]
fn source_text_is_the_slice_reindented_to_column_zero() {
    let text = "{\n    \"a\": {\"Sid\": 1,\n      \"B\": [\n        2\n      ]\n    },\n    \"b\": \"plain\"\n}";
    let read: BTreeMap<String, Source> = from_str(text).unwrap();
    assert_eq!(
        read["a"],
        Source("{\"Sid\": 1,\n  \"B\": [\n    2\n  ]\n}".to_owned())
    );
    assert_eq!(read["b"], Source("plain".to_owned()));
    let other: Source = serde_json::from_str("\"as text\"").unwrap();
    assert_eq!(other, Source("as text".to_owned()));
}

#[test]
fn an_offset_in_the_reindented_text_maps_back_to_the_source() {
    let text =
        "{\n    \"a\": {\"Sid\": 1,\n      \"B\": [\n        2\n      ]\n  },\n    \"b\": 0\n}";
    let start = text.find("{\"Sid\"").unwrap();
    let end = text.find("},").unwrap() + 1;
    let span = super::Span::new(start, end);
    let out = super::reindented(text, span);
    // Every character of the re-indented text is the same character of the source.
    for (offset, c) in out.char_indices() {
        let back = super::reindented_offset(text, span, offset);
        assert_eq!(text[back..].chars().next(), Some(c), "at {offset}");
    }
    let two = out.find('2').unwrap();
    assert_eq!(
        super::reindented_offset(text, span, two),
        text.find('2').unwrap()
    );
    assert_eq!(super::reindented_offset(text, span, out.len()), end);
}
