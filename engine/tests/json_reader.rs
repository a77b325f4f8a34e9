//! The span-keeping JSON parser and its serde reader agree with serde_json on generated
//! documents: the same values from valid text, the same verdict on broken text, and every span
//! holding exactly the text of its value.
#![allow(clippy::expect_used)] // A test: a broken document should stop it loudly.

use iamplay_engine::json::{self, Json};
use proptest::prelude::*;
use serde_json::Value;

fn whitespace() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![Just(' '), Just('\n'), Just('\t'), Just('\r')],
        0..3,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn number() -> impl Strategy<Value = String> {
    let integer = prop_oneof![Just("0".to_owned()), "[1-9][0-9]{0,20}"];
    let fraction = proptest::option::of("\\.[0-9]{1,12}");
    let exponent = proptest::option::of("[eE][+-]?[0-9]{1,2}");
    (any::<bool>(), integer, fraction, exponent).prop_map(
        |(negative, integer, fraction, exponent)| {
            let sign = if negative { "-" } else { "" };
            format!(
                "{sign}{integer}{}{}",
                fraction.unwrap_or_default(),
                exponent.unwrap_or_default()
            )
        },
    )
}

fn string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 :/*$?{}-]".prop_map(|s: String| s),
        1 => "[éü€😀]".prop_map(|s: String| s),
        1 => prop_oneof![
            Just("\\n"), Just("\\t"), Just("\\\""), Just("\\\\"), Just("\\/"), Just("\\b"),
            Just("\\f"), Just("\\r"), Just("\\u00e9"), Just("\\u20AC"), Just("\\ud83d\\ude00"),
        ]
        .prop_map(str::to_owned),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|pieces| format!("\"{}\"", pieces.concat()))
}

fn document() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        number(),
        string(),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let item = (whitespace(), inner, whitespace())
            .prop_map(|(a, v, b)| format!("{a}{v}{b}"))
            .boxed();
        prop_oneof![
            proptest::collection::vec(item.clone(), 0..6)
                .prop_map(|items| format!("[{}]", items.join(","))),
            proptest::collection::vec((whitespace(), string(), item), 0..6).prop_map(|members| {
                let members: Vec<String> = members
                    .into_iter()
                    .map(|(w, key, value)| format!("{w}{key}:{value}"))
                    .collect();
                format!("{{{}}}", members.join(","))
            }),
        ]
    })
}

/// Equal as JSON, numbers within a rounding step (serde_json parses floats approximately).
fn same(ours: &Value, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Value::Number(a), Value::Number(b)) => {
            if a.is_f64() || b.is_f64() {
                let (x, y) = (a.as_f64().expect("a number"), b.as_f64().expect("a number"));
                x == y || (x - y).abs() <= 1e-14 * x.abs().max(y.abs())
            } else {
                a == b
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((k, x), (l, y))| k == l && same(x, y))
        }
        _ => ours == theirs,
    }
}

/// Every value's span, read alone by serde_json, is that value.
fn spans_hold_their_values(node: &Json, text: &str) {
    let alone: Value = serde_json::from_str(&text[node.span.start..node.span.end])
        .unwrap_or_else(|e| panic!("span {:?} of {text:?} is not a value: {e}", node.span));
    let read: Value = json::from_json(node, text).expect("the reader reads what the parser parsed");
    assert!(same(&read, &alone), "{read} != {alone}");
    if let Some(items) = node.as_array() {
        items
            .iter()
            .for_each(|item| spans_hold_their_values(item, text));
    }
    if let Some(members) = node.as_object() {
        for member in members {
            let key: String =
                serde_json::from_str(&text[member.key_span.start..member.key_span.end])
                    .expect("a key span holds a JSON string");
            assert_eq!(key, member.key);
            spans_hold_their_values(&member.value, text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn valid_documents_read_as_serde_json_reads_them(
        (before, doc, after) in (whitespace(), document(), whitespace())
    ) {
        let text = format!("{before}{doc}{after}");
        let theirs: Result<Value, _> = serde_json::from_str(&text);
        let ours: Result<Value, _> = json::from_str(&text);
        match (ours, theirs) {
            (Ok(ours), Ok(theirs)) => prop_assert!(same(&ours, &theirs), "{ours} != {theirs}"),
            // Only numbers beyond f64's range are refused, and by both.
            (Err(ours), Err(_)) => prop_assert!(ours.message.contains("out of range"), "{}", ours.message),
            (ours, theirs) => prop_assert!(false, "ours {ours:?}, serde_json {theirs:?} for {text}"),
        }
        if let Ok(tree) = json::parse(&text) {
            spans_hold_their_values(&tree, &text);
        }
    }

    #[test]
    fn broken_documents_are_refused_by_both(
        doc in document(),
        at in any::<proptest::sample::Index>(),
        edit in prop_oneof![
            Just(None),
            proptest::sample::select(vec!['{', '}', '[', ']', ':', ',', '"', '\\', '-', '.', 'e', '0', 'x', ' ']).prop_map(Some),
        ],
    ) {
        let mut text = doc;
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let cut = boundaries[at.index(boundaries.len())];
        match edit {
            Some(inserted) => text.insert(cut, inserted),
            None if cut < text.len() => { text.remove(cut); }
            None => { text.pop(); }
        }
        let theirs = serde_json::from_str::<Value>(&text).is_ok();
        let ours = json::from_str::<Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs, "{:?} for {}", ours.err(), text);
        if let Err(error) = json::parse(&text) {
            prop_assert!(error.span.end <= text.len() && text.is_char_boundary(error.span.start));
        }
    }
}
