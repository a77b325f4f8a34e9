use super::read_case;
use crate::case::Case;
use crate::json;

/// The tree reader's answer for `text`.
fn through_tree(text: &str) -> Option<Case> {
    Case::from_tree(json::parse(text).ok()?).ok()
}

/// Every case of the corpus, each as the text of its own document.
fn corpus() -> Vec<String> {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .expect("the corpus folder")
        .map(|entry| entry.expect("a corpus file").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a readable corpus file");
        let file = json::parse(&text).expect("a corpus file is JSON");
        for item in file.as_array().expect("a corpus file is an array") {
            cases.push(text[item.span.start..item.span.end].to_owned());
        }
    }
    cases
}

/// The fast reader either gives up or reads exactly what the tree reader reads; `Debug` shows
/// spans and keys as written, which `PartialEq` leaves out.
fn assert_agrees(text: &str) {
    if let Some(fast) = read_case(text) {
        let tree = through_tree(text);
        assert_eq!(
            format!("{:?}", Some(fast)),
            format!("{tree:?}"),
            "the readers differ on {text}"
        );
    }
}

#[test]
fn every_corpus_case_is_read_fast_and_as_the_tree_reads_it() {
    let cases = corpus();
    assert!(cases.len() > 600, "the corpus has {} cases", cases.len());
    for text in &cases {
        assert!(
            read_case(text).is_some(),
            "the fast reader gave up on {text}"
        );
        assert_agrees(text);
    }
}

/// Damage to a case: bytes removed, doubled or replaced, values turned to `null`, members
/// repeated. The fast reader must never accept what the tree reader rejects, nor read it
/// differently.
#[test]
fn damaged_cases_are_read_as_the_tree_reads_them_or_left_to_it() {
    const INSERTS: [&str; 9] = [",", "null", "\"", "}", "[", "1", "true", "{}", "\\u0041"];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % bound as u64) as usize
    };
    let (mut tried, mut fast) = (0, 0);
    for text in corpus().iter().step_by(3) {
        for _ in 0..12 {
            let mut at = next(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let damaged = match next(4) {
                0 => format!(
                    "{}{}",
                    &text[..at],
                    &text[at..].chars().skip(1).collect::<String>()
                ),
                1 => format!(
                    "{}{}{}",
                    &text[..at],
                    INSERTS[next(INSERTS.len())],
                    &text[at..]
                ),
                2 => text
                    .replacen("\"Allow\"", "null", 1)
                    .replacen("[]", "null", 1),
                _ => text.replacen("\"Effect\"", "\"Effect\": \"Deny\", \"Effect\"", 1),
            };
            tried += 1;
            fast += usize::from(read_case(&damaged).is_some());
            assert_agrees(&damaged);
            let parsed = Case::parse(&damaged).map_err(|err| err.to_string());
            let tree = json::parse(&damaged)
                .map_err(|err| err.to_string())
                .and_then(|json| Case::from_tree(json).map_err(|err| err.to_string()));
            assert_eq!(format!("{parsed:?}"), format!("{tree:?}"), "{damaged}");
        }
    }
    // Both paths are exercised: some damage leaves a valid case, most does not.
    assert!(
        fast > tried / 20 && fast < tried,
        "{fast} of {tried} read fast"
    );
}

#[test]
fn shapes_the_fast_reader_leaves_to_the_tree_reader_still_read_the_same() {
    let statement = r#"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#;
    let request = r#""request": {"principal": "arn:aws:iam::111122223333:user/a", "action": "s3:GetObject", "resource": "*"}"#;
    let texts = [
        // A repeated field: the tree reader takes the first.
        format!(r#"{{{request}, "id": "a", "id": "b"}}"#),
        // A named policy with an annotation beside it.
        format!(
            r#"{{{request}, "policies": {{"identity": [{{"name": "n", "note": "x", "document": {statement}}}]}}}}"#
        ),
        // The document before the name.
        format!(
            r#"{{{request}, "policies": {{"session": {{"document": {statement}, "name": "s"}}}}}}"#
        ),
        // Numbers and booleans as the id and the resource account.
        format!(r#"{{"id": 7, {request}, "expect": "implicitDeny"}}"#).replace(
            r#""resource": "*""#,
            r#""resource": "*", "resourceAccount": 111122223333"#,
        ),
    ];
    for text in &texts {
        let parsed = Case::parse(text).expect("a valid case");
        let tree = through_tree(text).expect("a valid case");
        assert_eq!(format!("{parsed:?}"), format!("{tree:?}"), "{text}");
        assert_agrees(text);
    }
    assert!(read_case(&texts[0]).is_none());
    assert!(read_case(&texts[2]).is_some());
    assert!(read_case(&texts[3]).is_some());
}

#[test]
fn annotations_and_nulls_read_fast() {
    let text = r#"{"note": {"deep": [1, {"x": null}]}, "request": {"principal": "*",
      "action": "s3:ListBucket", "resource": "arn:aws:s3:::b", "resourceAccount": null,
      "context": {"aws:TagKeys": [], "k": false}},
      "policies": {"identity": null, "resource": null, "scps": null, "rcps": [[]]}}"#;
    let fast = read_case(text).expect("read fast");
    assert_eq!(
        format!("{:?}", Some(fast)),
        format!("{:?}", through_tree(text))
    );
}
