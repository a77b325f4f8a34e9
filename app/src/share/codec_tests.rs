use super::*;
use crate::playground::examples::EXAMPLES;
use iamplay_engine::policy_kind::PolicyKind;

fn shared(playground: Playground) -> Shared {
    Shared {
        engine: "0.1.0".into(),
        catalog: Some("0.21.1".into()),
        content: SharedContent::Playground(playground),
    }
}

/// Packs any JSON the way a link does, to craft links a real app would never make.
fn pack(json: &str) -> String {
    format!(
        "1.{}",
        URL_SAFE_NO_PAD.encode(compress_to_vec(json.as_bytes(), 6))
    )
}

fn error_of(link: &str) -> ShareError {
    decode(link, "0.1.0", None).expect_err("the link must be refused")
}

#[test]
fn every_example_round_trips_with_and_without_the_fragment_prefix() {
    for example in &EXAMPLES {
        let original = shared(example.playground());
        let link = encode(&original);
        for form in [
            link.clone(),
            format!("#share={link}"),
            format!("share={link}"),
        ] {
            let decoded = decode(&form, "0.1.0", Some("0.21.1")).expect("decodes");
            assert_eq!(decoded.shared, original, "{}", example.id);
            assert!(decoded.notes.is_empty());
        }
    }
}

#[test]
fn a_scenario_attempt_round_trips() {
    let original = Shared {
        engine: "0.1.0".into(),
        catalog: None,
        content: SharedContent::Attempt {
            lesson: "conditions".into(),
            scenario: "mfa-for-deletes".into(),
            text: "{\"Version\": \"2012-10-17\"}".into(),
        },
    };
    assert_eq!(
        decode(&encode(&original), "0.1.0", None).map(|d| d.shared),
        Ok(original)
    );
}

#[test]
fn markup_travels_as_text_unchanged() {
    let mut playground = Playground::default();
    playground.add_policy(PolicyKind::Identity);
    playground.policies[0].name = "<img src=x onerror=alert(1)>".into();
    let original = shared(playground);
    let decoded = decode(&encode(&original), "0.1.0", None).expect("decodes");
    assert_eq!(decoded.shared, original);
}

#[test]
fn a_typical_setup_makes_a_short_link() {
    let example = crate::playground::examples::find("cross-account-data-lake").expect("example");
    let link = encode(&shared(example.playground()));
    assert!(link.len() < 1200, "{} characters", link.len());
}

#[test]
fn other_versions_are_noted_not_refused() {
    let link = encode(&shared(Playground::default()));
    let decoded = decode(&link, "0.2.0", Some("0.22.0")).expect("decodes");
    assert_eq!(
        decoded.notes,
        vec![
            VersionNote::Engine {
                link: "0.1.0".into(),
                current: "0.2.0".into()
            },
            VersionNote::Catalog {
                link: "0.21.1".into(),
                current: "0.22.0".into()
            },
        ]
    );
    assert!(decoded.notes[0].to_string().contains("0.1.0"));
    // Without a loaded catalogue there is nothing to compare.
    assert_eq!(decode(&link, "0.1.0", None).map(|d| d.notes.len()), Ok(0));
}

#[test]
fn empty_and_unknown_formats_are_refused() {
    assert_eq!(error_of(""), ShareError::Empty);
    assert_eq!(error_of("#share="), ShareError::Empty);
    assert_eq!(
        error_of("2.abc"),
        ShareError::UnknownFormat {
            version: "2".into()
        }
    );
    assert_eq!(
        error_of("hello"),
        ShareError::UnknownFormat {
            version: String::new()
        }
    );
}

#[test]
fn garbage_is_refused_with_its_position() {
    assert_eq!(
        error_of("1.abc<script>"),
        ShareError::NotBase64 { position: 6 }
    );
    assert_eq!(error_of("1.a b"), ShareError::NotBase64 { position: 4 });
    assert_eq!(error_of("1.AAAA"), ShareError::Corrupt);
    assert_eq!(error_of("1.A"), ShareError::Corrupt);
}

#[test]
fn every_truncation_of_a_real_link_is_refused_cleanly() {
    let example = crate::playground::examples::find("glue-passrole").expect("example");
    let link = encode(&shared(example.playground()));
    for end in 0..link.len() {
        let result = decode(&link[..end], "0.1.0", None);
        assert!(result.is_err(), "a link cut at {end} decoded");
    }
}

#[test]
fn flipped_characters_never_panic() {
    let link = encode(&shared(EXAMPLES[0].playground()));
    let replacements = ['A', 'z', '-', '_', '0'];
    for position in 2..link.len() {
        for replacement in replacements {
            let mut bytes = link.clone().into_bytes();
            bytes[position] = replacement as u8;
            let damaged = String::from_utf8(bytes).expect("ascii");
            // Decoding either fails cleanly or yields a checked playground.
            let _ = decode(&damaged, "0.1.0", None);
        }
    }
}

#[test]
fn size_limits_hold_before_and_after_unpacking() {
    let long = format!("1.{}", "A".repeat(MAX_LINK));
    assert!(matches!(error_of(&long), ShareError::TooLong { .. }));
    // A few kilobytes that unpack to more than the limit.
    let bomb = format!(
        r#"{{"engine": "0.1.0", "content": {{"type": "attempt", "lesson": "a", "scenario": "b", "text": "{}"}}}}"#,
        "x".repeat(MAX_JSON + 10)
    );
    let link = pack(&bomb);
    assert!(link.len() < MAX_LINK, "{}", link.len());
    assert_eq!(error_of(&link), ShareError::TooLarge { limit: MAX_JSON });
}

#[test]
fn crafted_content_is_refused() {
    let cases = [
        (r#"[1, 2]"#, "invalid type"),
        (
            r#"{"engine": "0.1.0", "content": {"type": "playground", "policies": [], "requests": []}, "admin": true}"#,
            "unknown field `admin`",
        ),
        (
            r#"{"engine": "0.1.0", "content": {"type": "shell", "cmd": "rm"}}"#,
            "unknown variant `shell`",
        ),
        (
            r#"{"engine": "0.1.0", "content": {"type": "playground", "requests": [], "policies": [
              {"id": 1, "kind": "scp", "name": "a", "text": "", "enabled": true, "level": 9}]}}"#,
            "level 9",
        ),
        (
            r#"{"engine": "0.1.0", "content": {"type": "playground", "policies": [
              {"id": 1, "kind": "identity", "name": "a", "text": "", "enabled": true}],
              "requests": [{"id": 1, "principal": "*", "action": "s3:GetObject", "resource": "*"}]}}"#,
            "the id 1 is used twice",
        ),
    ];
    for (json, expected) in cases {
        match error_of(&pack(json)) {
            ShareError::Invalid { message } => assert!(message.contains(expected), "{message}"),
            other => panic!("{json}: {other:?}"),
        }
    }
    let many = (0..=MAX_POLICIES)
        .map(|id| {
            format!(
                r#"{{"id": {id}, "kind": "identity", "name": "", "text": "", "enabled": true}}"#
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    let json = format!(
        r#"{{"engine": "1", "content": {{"type": "playground", "requests": [], "policies": [{many}]}}}}"#
    );
    assert!(
        matches!(error_of(&pack(&json)), ShareError::Invalid { message } if message.contains("more than 64"))
    );
}

#[test]
fn every_error_has_help() {
    let errors = [
        ShareError::Empty,
        ShareError::Corrupt,
        ShareError::TooLarge { limit: 1 },
        ShareError::Invalid {
            message: "m".into(),
        },
    ];
    assert!(errors
        .iter()
        .all(|e| !e.help().is_empty() && !e.to_string().is_empty()));
}
