use super::*;
use crate::json::{parse, JsonErrorKind};

/// Parses `text`, expecting an error; returns the message and the text it underlines.
fn error_of(text: &str) -> (String, String) {
    let err = parse(text).expect_err("the text is malformed");
    (
        err.to_string(),
        text[err.span.start..err.span.end].to_owned(),
    )
}

#[test]
fn values_and_keys_keep_their_spans() {
    let text = r#" {"Effect": "Allow", "n": -1.5e3, "a": [true, null]} "#;
    let json = parse(text).unwrap();
    assert_eq!(&text[json.span.start..json.span.end], text.trim());
    let members = json.as_object().unwrap();
    assert_eq!(
        &text[members[0].key_span.start..members[0].key_span.end],
        "\"Effect\""
    );
    assert_eq!(members[0].value.as_str(), Some("Allow"));
    assert_eq!(members[1].value.value, Value::Number("-1.5e3".into()));
    let items = members[2].value.as_array().unwrap();
    assert_eq!(&text[items[1].span.start..items[1].span.end], "null");
}

#[test]
fn duplicate_keys_are_kept_in_order() {
    let json = parse(r#"{"Sid": "a", "sid": "b", "Sid": "c"}"#).unwrap();
    let keys: Vec<_> = json.as_object().unwrap().iter().map(|m| &*m.key).collect();
    assert_eq!(keys, ["Sid", "sid", "Sid"]);
    assert_eq!(json.get("Sid").and_then(Json::as_str), Some("a"));
}

#[test]
fn escapes_decode_including_surrogate_pairs() {
    let json = parse(r#""a\"b\\c\/\n\u00e9\ud83d\ude00""#).unwrap();
    assert_eq!(json.as_str(), Some("a\"b\\c/\né😀"));
}

#[test]
fn a_missing_comma_names_the_member_before_it() {
    let (message, underlined) = error_of("{\"Effect\": \"Allow\"\n \"Action\": \"s3:*\"}");
    assert_eq!(
        message,
        "expected `,` or `}` after the value of `Effect`, found `\"`"
    );
    assert_eq!(underlined, "\"");
}

#[test]
fn a_missing_colon_names_the_key() {
    let (message, _) = error_of(r#"{"Effect" "Allow"}"#);
    assert_eq!(message, "expected `:` after the key `Effect`, found `\"`");
}

#[test]
fn trailing_commas_point_at_the_comma() {
    let (message, underlined) = error_of(r#"{"a": 1,}"#);
    assert_eq!(
        (message.as_str(), underlined.as_str()),
        ("trailing comma before `}`", ",")
    );
    let (message, underlined) = error_of(r#"["a", ]"#);
    assert_eq!(
        (message.as_str(), underlined.as_str()),
        ("trailing comma before `]`", ",")
    );
}

#[test]
fn an_unterminated_string_underlines_it_to_the_line_end() {
    let (message, underlined) = error_of("{\"Effect\": \"Allow,\n \"Action\": 1}");
    assert_eq!(message, "unterminated string");
    assert_eq!(underlined, "\"Allow,");
    assert_eq!(error_of("\"abc").0, "unterminated string");
}

#[test]
fn words_that_are_not_literals_are_reported_whole() {
    let (message, underlined) = error_of(r#"{"Effect": Allow}"#);
    assert_eq!(message, "expected a value for `Effect`, found `Allow`");
    assert_eq!(underlined, "Allow");
    assert!(parse("True")
        .unwrap_err()
        .help()
        .unwrap()
        .contains("lower case"));
}

#[test]
fn single_quotes_and_comments_get_advice() {
    assert!(parse("{'a': 1}")
        .unwrap_err()
        .help()
        .unwrap()
        .contains("double quotes"));
    assert!(parse("// c\n{}")
        .unwrap_err()
        .help()
        .unwrap()
        .contains("comments"));
}

#[test]
fn the_end_of_text_is_a_clear_error() {
    let err = parse(r#"{"Statement": ["#).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unexpected end of text; expected an array item"
    );
    assert_eq!(err.span, Span::new(15, 15));
    assert_eq!(parse("  ").unwrap_err().kind, JsonErrorKind::Empty);
}

#[test]
fn content_after_the_value_is_an_error() {
    let (message, underlined) = error_of("{} {}");
    assert_eq!(
        (message.as_str(), underlined.as_str()),
        ("unexpected `{` after the end of the JSON value", "{")
    );
}

#[test]
fn invalid_numbers_escapes_and_control_characters_are_errors() {
    for bad in ["01", "1.", "-", "1e", "+1", "1.2.3"] {
        let err = parse(bad).unwrap_err();
        assert!(
            matches!(
                err.kind,
                JsonErrorKind::InvalidNumber { .. } | JsonErrorKind::Unexpected { .. }
            ),
            "{bad}: {err}"
        );
    }
    assert_eq!(
        error_of(r#""\x""#),
        ("invalid escape `\\x` in a string".into(), "\\x".into())
    );
    assert_eq!(error_of(r#""\u12G4""#).0, "invalid unicode escape `\\u12`");
    assert_eq!(
        error_of(r#""\ud800x""#).0,
        "invalid unicode escape `\\ud800`"
    );
    assert_eq!(
        error_of("\"a\tb\"").0,
        "control character U+0009 inside a string"
    );
}

#[test]
fn deep_nesting_is_rejected_without_recursing_further() {
    let text = "[".repeat(10_000) + &"]".repeat(10_000);
    let err = parse(&text).unwrap_err();
    assert_eq!(err.kind, JsonErrorKind::TooDeep { max: 128 });
    assert_eq!(err.span, Span::new(128, 129));
    let ok = "[".repeat(128) + &"]".repeat(128);
    assert!(parse(&ok).is_ok());
}

#[test]
fn oversized_text_is_rejected_by_the_limit() {
    let options = ParseOptions {
        max_size: 10,
        ..ParseOptions::default()
    };
    let err = parse_with("[1,2,3,4,5,6]", options).unwrap_err();
    assert_eq!(err.kind, JsonErrorKind::TooLarge { size: 13, max: 10 });
}

#[test]
fn numbers_keep_their_text() {
    for good in [
        "0",
        "-0",
        "1.50",
        "2e10",
        "1E-3",
        "123456789012345678901234567890",
    ] {
        assert_eq!(parse(good).unwrap().value, Value::Number(good.into()));
    }
}
