use super::*;
use crate::builder::draft::tests::sound;

fn fragment(link: &str) -> &str {
    link.split_once('#').map(|(_, f)| f).unwrap()
}

#[test]
fn a_link_opens_the_scenario_it_was_made_from() {
    let (scenario, _) = sound().to_scenario();
    let link = scenario_link(&scenario).unwrap();
    assert!(link.starts_with("/build/try#scenario=1."), "{link}");
    let opened = open_link(fragment(&link)).unwrap();
    assert_eq!(opened.id, scenario.id);
    assert_eq!(opened.checks, scenario.checks);
    assert_eq!(opened.answer, scenario.answer);
    // The task's Markdown arrives parsed: `**alice**` is strong text, not asterisks.
    assert!(format!("{:?}", opened.task).contains("Strong"));
}

#[test]
fn a_link_made_when_policies_were_objects_still_opens() {
    let (scenario, _) = sound().to_scenario();
    let mut value = serde_json::json!({"engine": "0", "scenario": scenario});
    let object: serde_json::Value = serde_json::from_str(scenario.answer.as_str()).unwrap();
    value["scenario"]["answer"] = object.clone();
    let old = format!(
        "#{FRAGMENT_KEY}{}",
        share::pack(value.to_string().as_bytes())
    );
    let opened = open_link(&old).unwrap();
    assert_eq!(opened.answer.as_str(), object.to_string());
    assert_eq!(opened.checks, scenario.checks);
}

#[test]
fn broken_and_crafted_links_are_refused_with_a_reason() {
    let (scenario, _) = sound().to_scenario();
    let link = scenario_link(&scenario).unwrap();
    let data = fragment(&link);
    let cut = &data[..data.len() - 9];
    assert!(matches!(
        open_link(cut),
        Err(LinkError::Link(ShareError::Corrupt))
    ));
    assert!(matches!(
        open_link("#scenario=1.a*b"),
        Err(LinkError::Link(ShareError::NotBase64 { .. }))
    ));
    assert!(matches!(
        open_link(""),
        Err(LinkError::Link(ShareError::Empty))
    ));
    assert!(matches!(
        open_link("#scenario=9.abc"),
        Err(LinkError::Link(ShareError::UnknownFormat { .. }))
    ));

    let crafted = |json: serde_json::Value| {
        format!(
            "#{FRAGMENT_KEY}{}",
            share::pack(json.to_string().as_bytes())
        )
    };
    let mut value = serde_json::json!({"engine": "0", "scenario": scenario});
    value["scenario"]["script"] = "<script>".into();
    let error = open_link(&crafted(value)).unwrap_err();
    assert!(
        matches!(error, LinkError::Invalid(ref m) if m.contains("unknown field `script`")),
        "{error}"
    );

    let mut unsound = scenario.clone();
    unsound.checks.truncate(1);
    let value = serde_json::json!({"engine": "0", "scenario": unsound});
    let error = open_link(&crafted(value)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the scenario in this link does not pass the course checker: checks: the scenario has 1 check(s); it needs 2 to 5"
    );
    assert!(!error.help().is_empty());

    let mut hinted = scenario;
    *hinted.hints = vec![String::from("more").into(); 13];
    let value = serde_json::json!({"engine": "0", "scenario": hinted});
    assert!(matches!(
        open_link(&crafted(value)),
        Err(LinkError::Invalid(_))
    ));
}

#[test]
fn a_scenario_too_large_for_a_link_is_refused_when_exported() {
    let (mut scenario, _) = sound().to_scenario();
    // Text that does not compress: every character drawn from a simple generator.
    let mut state = 7u32;
    *scenario.explanation = (0..120_000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            char::from(b'a' + u8::try_from((state >> 16) % 26).unwrap())
        })
        .collect();
    assert!(matches!(
        scenario_link(&scenario),
        Err(ShareError::TooLong {
            limit: share::MAX_LINK,
            ..
        })
    ));
}
