use super::*;
use std::collections::BTreeMap;

#[test]
fn fifty_drills_of_a_seed_are_distinct_balanced_and_cover_every_topic() {
    for seed in [0, 1, 42, 2026] {
        let drills = generate(DrillOptions::mixed(seed), 50);
        assert_eq!(drills.len(), 50);
        let cases: BTreeSet<&str> = drills
            .iter()
            .map(|d| {
                d.case
                    .split_once(",\"request\"")
                    .map_or("", |(_, rest)| rest)
            })
            .collect();
        assert_eq!(cases.len(), 50, "seed {seed}: two drills are the same");
        let mut answers = BTreeMap::new();
        for drill in &drills {
            *answers.entry(drill.answer().as_str()).or_insert(0) += 1;
        }
        for answer in ANSWERS {
            let count = answers.get(answer.as_str()).copied().unwrap_or(0);
            assert!(
                (10..=25).contains(&count),
                "seed {seed}: {count} of 50 are {answer:?}: {answers:?}"
            );
        }
        let topics: BTreeSet<Topic> = drills.iter().map(|d| d.topic).collect();
        assert_eq!(topics.len(), Topic::ALL.len());
    }
}

#[test]
fn every_topic_reaches_every_level_within_the_readability_limit() {
    for topic in Topic::ALL {
        for level in LEVELS {
            let options = DrillOptions {
                seed: 9,
                topics: vec![topic],
                level: Some(level),
            };
            let drills = generate(options, 6);
            assert_eq!(drills.len(), 6, "{topic:?} at level {level}");
            for drill in drills {
                assert_eq!((drill.topic, drill.level), (topic, level));
                let statements: usize = drill.shown.iter().map(|p| p.statements.len()).sum();
                if level == 1 {
                    assert!(statements <= LEVEL_ONE_STATEMENTS, "{}", drill.case);
                }
                if level >= 2 {
                    assert!(drill.shown.len() >= 2, "{}", drill.case);
                }
            }
        }
    }
}

#[test]
fn the_answer_is_the_evaluation_of_the_case_as_printed() {
    for drill in generate(DrillOptions::mixed(5), 34) {
        let case = Case::parse(&drill.case).unwrap();
        assert_eq!(case.id.as_deref(), Some(drill.id.as_str()));
        assert!(settled(&case), "{}", drill.case);
        assert_eq!(evaluate(&case), drill.evaluation);
    }
}

#[test]
fn shown_policies_read_as_the_case_has_them_and_locate_deciding_statements() {
    for drill in generate(DrillOptions::mixed(11), 34) {
        let case: serde_json::Value = serde_json::from_str(&drill.case).unwrap();
        for shown in &drill.shown {
            let text: serde_json::Value = serde_json::from_str(&shown.text).unwrap();
            let path = match (shown.layer.as_str(), shown.level) {
                ("identity", _) => format!("/policies/identity/{}/document", shown.index),
                ("resource", _) => "/policies/resource/document".to_owned(),
                ("boundary", _) => "/policies/permissionBoundary/document".to_owned(),
                ("session", _) => "/policies/session/document".to_owned(),
                (layer, Some(level)) => {
                    format!("/policies/{layer}s/{level}/{}/document", shown.index)
                }
                (layer, None) => panic!("{layer} without a level"),
            };
            assert_eq!(case.pointer(&path), Some(&text), "{path} in {}", drill.case);
        }
        for deciding in &drill.evaluation.deciding {
            let (policy, range) = drill.locate(deciding).unwrap();
            let statement = &drill.shown[policy].text[range];
            let effect = format!("\"Effect\": \"{:?}\"", deciding.effect);
            assert!(statement.contains(&effect), "{statement}");
            if let Some(sid) = &deciding.sid {
                assert!(
                    statement.contains(&format!("\"Sid\": \"{sid}\"")),
                    "{statement}"
                );
            }
        }
    }
}

#[test]
fn a_seed_gives_the_same_drills_and_another_seed_others() {
    let first: Vec<String> = generate(DrillOptions::mixed(77), 20)
        .into_iter()
        .map(|d| d.case)
        .collect();
    let again: Vec<String> = generate(DrillOptions::mixed(77), 20)
        .into_iter()
        .map(|d| d.case)
        .collect();
    let other: Vec<String> = generate(DrillOptions::mixed(78), 20)
        .into_iter()
        .map(|d| d.case)
        .collect();
    assert_eq!(first, again);
    assert_ne!(first, other);
    // Pinned: a change to the generator that moves seed 77 must be deliberate.
    assert!(
        first[0].starts_with("{\"id\":\"77-1\",\"request\":"),
        "{}",
        first[0]
    );
}
