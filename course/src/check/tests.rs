use serde_json::{json, Value};

use super::check_files;

fn policy(action: &str) -> Value {
    json!({"Version": "2012-10-17", "Statement": [
        {"Sid": "Read", "Effect": "Allow", "Action": action, "Resource": "arn:aws:s3:::raw-data/*"}]})
}

fn request(action: &str) -> Value {
    json!({"principal": "arn:aws:iam::111122223333:user/alice", "action": action, "resource": "arn:aws:s3:::raw-data/a.csv"})
}

fn scenario(id: &str) -> Value {
    json!({
        "id": id, "title": "Read", "style": "write", "task": "Let Alice read.",
        "edit": {"kind": "identity", "name": "alice"},
        "starter": {"Version": "2012-10-17", "Statement": []},
        "checks": [
            {"id": "reads", "title": "reads", "request": request("s3:GetObject"), "expect": "allowed", "hint": "allow it"},
            {"id": "no-delete", "title": "no delete", "request": request("s3:DeleteObject"), "expect": "denied", "hint": "not that"}
        ],
        "hints": ["s3:GetObject"], "answer": policy("s3:GetObject"), "explanation": "done",
        "leastPrivilege": {"resources": ["arn:aws:s3:::raw-data/*"]}
    })
}

fn question(id: &str) -> Value {
    json!({"id": id, "kind": "trueFalse", "prompt": "IAM is global.", "options": [
        {"text": "True", "correct": true, "explanation": "yes"},
        {"text": "False", "correct": false, "explanation": "no"}]})
}

fn lesson(id: &str) -> Value {
    json!({
        "id": id, "title": "T", "summary": "S", "objectives": ["O"], "minutes": 5,
        "scenarios": [scenario("one"), scenario("two")],
        "questions": [question(&format!("{id}-q1")), question(&format!("{id}-q2")), question(&format!("{id}-q3"))]
    })
}

fn files(lessons: &[Value], prose: &str) -> Vec<(String, String)> {
    let ids: Vec<&str> = lessons.iter().filter_map(|l| l["id"].as_str()).collect();
    let mut files = vec![(
        "course.json".to_owned(),
        json!({"title": "C", "lessons": ids}).to_string(),
    )];
    for lesson in lessons {
        let id = lesson["id"].as_str().unwrap_or_default();
        files.push((format!("{id}/lesson.json"), lesson.to_string()));
        files.push((format!("{id}/lesson.md"), prose.to_owned()));
    }
    files
}

/// The problems as text, without positions (those are tested on their own below).
fn messages(files: &[(String, String)]) -> Vec<String> {
    let mut problems = check_files(files);
    for problem in &mut problems {
        problem.position = None;
    }
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn structural_problems_point_at_the_line_and_column() {
    let mut bad = lesson("a");
    bad["scenarios"][1]["checks"][1]["id"] = json!("Not-Kebab");
    let mut files = files(&[bad], "# A");
    // Pretty-print so the check sits on a line of its own.
    let value: Value = serde_json::from_str(&files[1].1).unwrap_or_default();
    files[1].1 = serde_json::to_string_pretty(&value).unwrap_or_default();
    let problems = check_files(&files);
    let problem = problems
        .iter()
        .find(|p| p.message.contains("`Not-Kebab`"))
        .expect("reported");
    let (line, column) = problem.position.expect("located");
    let text_line = files[1].1.lines().nth(line - 1).unwrap_or_default();
    assert!(
        text_line[column - 1..].starts_with("\"id\": \"Not-Kebab\""),
        "{text_line}"
    );
}

#[test]
fn a_well_formed_course_has_no_problems() {
    assert_eq!(
        messages(&files(
            &[lesson("a"), lesson("b")],
            "# A\n[see](lesson:a#one)"
        )),
        Vec::<String>::new()
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut bad = lesson("b");
    bad["prerequisites"] = json!(["b", "nowhere"]);
    bad["scenarios"][0]["checks"][1]["id"] = json!("reads");
    bad["scenarios"][0]["hints"] = json!([" "]);
    bad["questions"][0]["options"][0]["explanation"] = json!("");
    bad["questions"][1]["id"] = json!("a-q1");
    let found = messages(&files(&[lesson("a"), bad], "# B"));
    let expected = [
        "b/lesson.json: prerequisites[0]: prerequisite `b` does not come before",
        "b/lesson.json: prerequisites[1]: prerequisite `nowhere` is not a lesson",
        "b/lesson.json: scenarios[one].hints[0]: must not be empty",
        "b/lesson.json: scenarios[one].checks[1].id: check id `reads` is used twice",
        "b/lesson.json: questions[b-q1].options[0].explanation: the option has no explanation",
        "b/lesson.json: questions[1].id: question id `a-q1` is also used in lesson `a`",
    ];
    for start in expected {
        assert!(
            found.iter().any(|m| m.starts_with(start)),
            "missing `{start}` in {found:#?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

#[test]
fn an_over_broad_answer_cannot_pass_unnoticed_without_a_deny_check() {
    let mut bad = lesson("a");
    bad["scenarios"][0]["checks"][1]["expect"] = json!("allowed");
    let found = messages(&files(&[bad], "# A"));
    let structural: Vec<_> = found
        .iter()
        .filter(|m| m.contains("needs at least one must-allow and one must-deny check"))
        .collect();
    assert_eq!(structural.len(), 1, "{found:#?}");
}

#[test]
fn spot_scenarios_need_a_culprit_that_exists() {
    let mut bad = lesson("a");
    bad["scenarios"][0]["style"] = json!("spot");
    bad["scenarios"][0]["starter"] = policy("s3:GetObject");
    bad["scenarios"][1]["style"] = json!("spot");
    bad["scenarios"][1]["starter"] = policy("s3:GetObject");
    bad["scenarios"][1]["culprit"] = json!({"policy": "edited", "sid": "Missing"});
    let found = messages(&files(&[bad], "# A"));
    assert!(
        found
            .iter()
            .any(|m| m.contains("scenarios[one].culprit: a spot scenario needs a culprit")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|m| m.contains("policy `edited` has no statement with Sid `Missing`")),
        "{found:#?}"
    );
}

#[test]
fn lesson_references_must_be_links_not_code_or_numbers() {
    let prose = "# A\n\nRead `lesson:a` or lesson 2.\n\n```text\nlesson:a\n```\n";
    let mut bad = lesson("a");
    bad["questions"][0]["options"][0]["explanation"] = json!("See lesson 1.");
    let found: Vec<String> = check_files(&files(&[bad], prose))
        .iter()
        .map(ToString::to_string)
        .collect();
    let expected = [
        "a/lesson.md:3:7: `lesson:a` is printed as text, not a link",
        "a/lesson.md:3:20: \"lesson 2\" refers to a lesson by its number",
        "\"lesson 1\" refers to a lesson by its number",
    ];
    for start in expected {
        assert!(
            found.iter().any(|m| m.contains(start)),
            "{start}: {found:#?}"
        );
    }
    // Inside a code fence it is an example, not a reference.
    assert!(
        !found.iter().any(|m| m.contains("lesson.md:6:")),
        "{found:#?}"
    );
}

#[test]
fn links_must_resolve_and_point_back() {
    let prose = "# A\n\nSee [later](lesson:b) and\n[missing](lesson:a#nope).";
    let found: Vec<String> = check_files(&files(&[lesson("a"), lesson("b")], prose))
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        found
            .iter()
            .any(|m| m.starts_with("a/lesson.md:3:13: the link `lesson:b` points forward")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|m| m.starts_with("a/lesson.md:4:11: lesson `a` has no scenario `nope`")),
        "{found:#?}"
    );
}

#[test]
fn the_edited_slot_must_not_be_fixed_too() {
    let mut bad = lesson("a");
    bad["scenarios"][0]["edit"]["kind"] = json!("trust");
    bad["scenarios"][0]["fixed"] = json!({"resource": policy("sts:AssumeRole"), "identiy": []});
    let found = messages(&files(&[bad], "# A"));
    assert!(
        found
            .iter()
            .any(|m| m.contains("fixed.resource: the edited policy goes into `resource`")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|m| m.contains("fixed.identiy: `identiy` is not a kind of policy")),
        "{found:#?}"
    );
}

#[test]
fn problems_in_policies_and_requests_point_at_the_field_the_reader_found() {
    let mut bad = lesson("a");
    bad["scenarios"][0]["edit"]["kind"] = json!("trust");
    bad["scenarios"][0]["fixed"] = json!({"resource": policy("sts:AssumeRole"), "identiy": []});
    bad["scenarios"][1]["starter"] = json!({"Version": "2012-10-17", "Statment": []});
    let mut files = files(&[bad], "# A");
    // Pretty-printed, so each field sits on a line of its own.
    let value: Value = serde_json::from_str(&files[1].1).unwrap_or_default();
    files[1].1 = serde_json::to_string_pretty(&value).unwrap_or_default();
    let text = files[1].1.clone();
    // The line and column of the `nth` line that starts with `start` (after its indentation).
    let at = |start: &str, nth: usize| {
        text.lines()
            .enumerate()
            .filter_map(|(index, line)| {
                let column = line.len() - line.trim_start().len();
                line.trim_start()
                    .starts_with(start)
                    .then_some((index + 1, column + 1))
            })
            .nth(nth)
            .unwrap_or_default()
    };
    let problems = check_files(&files);
    let position = |message: &str| {
        problems
            .iter()
            .find(|p| p.message.starts_with(message))
            .and_then(|p| p.position)
    };
    assert_eq!(
        position("the edited policy goes into `resource`"),
        Some(at("\"resource\": {", 0))
    );
    assert_eq!(
        position("`identiy` is not a kind of policy"),
        Some(at("\"identiy\"", 0))
    );
    // The first scenario's checks come first: its first request's action.
    assert_eq!(
        position("the learner edits a trust policy"),
        Some(at("\"action\"", 0))
    );
    assert_eq!(
        position("a policy document has no field `Statment`"),
        Some(at("\"starter\"", 1))
    );
}

#[test]
fn question_kinds_have_the_right_number_of_correct_options() {
    let mut bad = lesson("a");
    bad["questions"][0]["options"][1]["correct"] = json!(true);
    bad["questions"][1]["kind"] = json!("single");
    bad["questions"][1]["options"][0]["correct"] = json!(false);
    let found = messages(&files(&[bad], "# A"));
    assert!(
        found
            .iter()
            .any(|m| m.contains("a true/false question needs exactly one correct option, not 2")),
        "{found:#?}"
    );
    assert!(found.iter().any(|m| m.contains("a single-choice question needs exactly one correct option, not 0")), "{found:#?}");
}

#[test]
fn the_engine_checks_answers_starters_and_predictions() {
    let mut bad = lesson("a");
    // The reference answer no longer grants the read its must-allow check needs, and grants
    // a write the task does not need (`s3:ListBucket` acts on buckets, so on objects it grants
    // nothing and is no over-grant).
    bad["scenarios"][0]["answer"] = policy("s3:ListBucket");
    bad["scenarios"][0]["answer"]["Statement"][0]["Action"] =
        json!(["s3:ListBucket", "s3:PutObject"]);
    // A starter that already passes leaves nothing to do.
    bad["scenarios"][1]["starter"] = policy("s3:GetObject");
    let mut predict = scenario("guess");
    predict["style"] = json!("predict");
    predict["starter"] = policy("s3:GetObject");
    predict["checks"][1]["expect"] = json!("explicitDeny");
    bad["scenarios"] = json!([bad["scenarios"][0], bad["scenarios"][1], predict]);
    let found = messages(&files(&[bad], "# A"));
    let expected = [
        "a/lesson.json: scenarios[one].checks[reads].expect: the reference answer fails check `reads`: the engine says `implicitDeny`",
        "a/lesson.json: scenarios[one].answer: the reference answer exceeds the least-privilege bound: `s3:PutObject` is not needed for this task",
        "a/lesson.json: scenarios[two].starter: the starter already passes every check",
        "a/lesson.json: scenarios[guess].checks[no-delete].expect: check `no-delete` expects `explicitDeny` but the engine decides `implicitDeny`",
    ];
    for start in expected {
        assert!(
            found.iter().any(|m| m.starts_with(start)),
            "missing `{start}` in {found:#?}"
        );
    }
}

#[test]
fn a_scenario_that_an_allow_everything_policy_passes_is_reported() {
    let mut weak = lesson("a");
    // The must-deny check is already denied by a fixed policy, so it proves nothing.
    weak["scenarios"][0]["fixed"] = json!({"identity": [{"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}]});
    let found = messages(&files(&[weak], "# A"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with(
        "a/lesson.json: scenarios[one].checks: a policy that allows everything passes every check"
    ));
}

#[test]
fn a_graded_trust_scenario_checks_sts_actions_only() {
    let mut bad = lesson("a");
    bad["scenarios"][0]["edit"]["kind"] = json!("trust");
    let found = messages(&files(&[bad], "# A"));
    let expected = "a/lesson.json: scenarios[one].checks[0].request.action: the learner edits a trust policy, which only decides `sts:` actions, not `s3:GetObject`";
    assert!(found.iter().any(|m| m.starts_with(expected)), "{found:#?}");
}

#[test]
fn the_checker_measures_the_bound_with_the_catalogue() {
    let mut broad = lesson("a");
    broad["scenarios"][0]["answer"] = policy("s3:Get*");
    let found = messages(&files(&[broad.clone()], "# A"));
    let expected = "a/lesson.json: scenarios[one].answer: the reference answer exceeds the least-privilege bound: `s3:Get*` also allows";
    let flagged: Vec<&String> = found.iter().filter(|m| m.starts_with(expected)).collect();
    assert_eq!(flagged.len(), 1, "{found:#?}");
    assert!(flagged[0].contains("`s3:GetObjectAcl`"), "{}", flagged[0]);
    // Every object action `s3:Get*` expands to starts with `s3:GetObject`: listing that
    // pattern as an extra makes the answer fit its bound.
    broad["scenarios"][0]["leastPrivilege"]["allowExtra"] = json!(["s3:GetObject*"]);
    let found = messages(&files(&[broad], "# A"));
    assert!(found.is_empty(), "{found:#?}");
}

/// Every problem with its position, as `file:line:column: message`.
fn located(files: &[(String, String)]) -> Vec<String> {
    check_files(files)
        .iter()
        .map(|p| {
            let (line, column) = p.position.unwrap_or_default();
            format!("{}:{line}:{column}: {}", p.file, p.message)
        })
        .collect()
}

#[test]
fn a_broken_diagram_is_reported_at_its_line_and_column_in_the_lesson() {
    let prose = "# A\n\nText.\n\n```diagram\ntitle T\nuser alice \"Alice\"\n  lambda fn \"F\"\nalice assumes bob\nrole alice \"Again\"\n```\n";
    let problems = located(&files(&[lesson("a")], prose));
    assert_eq!(
        problems,
        [
            "a/lesson.md:8:3: in the diagram: unknown kind `lambda`",
            "a/lesson.md:9:15: in the diagram: `bob` is not a node of this diagram",
            "a/lesson.md:10:6: in the diagram: `alice` is already declared on line 2",
        ]
    );
}

#[test]
fn a_good_diagram_passes() {
    let prose =
        "# A\n\n```diagram\ntitle T\nuser alice \"Alice\"\nrole r \"R\"\nalice assumes r\n```\n";
    assert_eq!(located(&files(&[lesson("a")], prose)), Vec::<String>::new());
}

#[test]
fn a_broken_sets_diagram_is_reported_at_its_line_and_column_in_the_lesson() {
    let prose = "# A\n\n```diagram\ntitle T\nset identity \"Identity policy\"\nset boundary \"Boundary\"\nset scp \"SCP\"\nitem \"s3:GetObject\" in identity bondary\nset identity \"Again\"\nuser alice \"Alice\"\n```\n";
    let problems = located(&files(&[lesson("a")], prose));
    assert_eq!(
        problems,
        [
            "a/lesson.md:7:1: in the diagram: a third `set`: a diagram overlaps two sets",
            "a/lesson.md:8:33: in the diagram: `bondary` is not a set of this diagram",
            "a/lesson.md:9:5: in the diagram: `identity` is already declared on line 2",
            "a/lesson.md:10:1: in the diagram: nodes and edges among sets; line 2 starts a diagram of sets",
        ]
    );
}

#[test]
fn a_good_sets_diagram_passes() {
    let prose = "# A\n\n```diagram\ntitle T\nset a \"A\"\nset b \"B\"\nregion \"Allowed\" in a b\nitem \"s3:GetObject\" in b a\nitem \"ec2:RunInstances\" outside\n```\n";
    assert_eq!(located(&files(&[lesson("a")], prose)), Vec::<String>::new());
}

fn glossary(terms: Value) -> (String, String) {
    (
        "glossary.json".to_owned(),
        json!({ "terms": terms }).to_string(),
    )
}

#[test]
fn every_marked_term_must_be_in_the_glossary_with_its_position() {
    let prose = "# A\n\nA [role](term:iam-role) and a [thing](term:no-such-term).\n";
    let mut files = files(&[lesson("a")], prose);
    files.push(glossary(json!([
        {"id": "iam-role", "term": "IAM role", "definition": "An identity that is assumed.", "lesson": "a"}
    ])));
    assert_eq!(
        located(&files),
        ["a/lesson.md:3:39: the term `no-such-term` is not in the glossary"]
    );
}

#[test]
fn every_glossary_term_must_be_taught_well_formed_and_defined_in_one_sentence() {
    let mut files = files(&[lesson("a")], "# A\n\nA [role](term:iam-role).\n");
    files.push(glossary(json!([
        {"id": "iam-role", "term": "IAM role", "definition": "An identity.", "lesson": "a"},
        {"id": "untaught", "term": "Untaught", "definition": "Never marked.", "lesson": "a"},
        {"id": "Bad_Id", "term": "", "definition": "Two sentences. Here is the second.", "lesson": "nowhere"},
        {"id": "iam-role", "term": "Again", "definition": "No full stop", "lesson": "a"}
    ])));
    let messages = messages(&files);
    let expected = [
        "glossary.json: terms[1].lesson: lesson `a` never marks the term `untaught`",
        "glossary.json: terms[2].id: the term id `Bad_Id` is not kebab-case",
        "glossary.json: terms[2].term: must not be empty",
        "glossary.json: terms[2].definition: the definition of `` is not one sentence",
        "glossary.json: terms[2].lesson: `nowhere` is not a lesson of this course",
        "glossary.json: terms[3].id: the term id `iam-role` is also used by terms[0]",
        "glossary.json: terms[3].definition: the definition of `Again` is not one sentence",
    ];
    for line in expected {
        assert!(
            messages.iter().any(|m| m.starts_with(line)),
            "missing {line} in {messages:#?}"
        );
    }
    assert_eq!(messages.len(), expected.len(), "{messages:#?}");
}

#[test]
fn the_real_course_has_a_glossary_of_forty_terms_or_more() {
    let loaded = crate::load::load_course(iamplay_lessons::FILES);
    let course = loaded.course.expect("the course loads");
    assert!(
        course.glossary.len() >= 40,
        "{} terms",
        course.glossary.len()
    );
}

#[test]
fn taught_codes_must_exist_and_belong_to_one_lesson_with_their_position() {
    let mut a = lesson("a");
    a["teaches"] = json!([
        "invalid-arn",
        "invalid-arm",
        "wildcard-resource",
        "invalid-arn"
    ]);
    let mut b = lesson("b");
    b["teaches"] = json!(["nothing-like-a-code", "wildcard-resource"]);
    let mut files = files(&[a, b], "# A");
    for file in &mut files[1..] {
        // Pretty-printed, so each code has a line of its own.
        if let Ok(value) = serde_json::from_str::<Value>(&file.1) {
            file.1 = serde_json::to_string_pretty(&value).unwrap_or_default();
        }
    }
    let line_of = |file: usize, code: &str, nth: usize| {
        let text = &files[file].1;
        text.lines()
            .enumerate()
            .filter(|(_, line)| line.trim_start().starts_with(&format!("\"{code}\"")))
            .nth(nth)
            .map_or(0, |(at, _)| at + 1)
    };
    let expected = [
        format!(
            "a/lesson.json:{}:5: `invalid-arm` is not the code of a lint finding",
            line_of(1, "invalid-arm", 0)
        ),
        format!(
            "a/lesson.json:{}:5: `invalid-arn` is listed twice",
            line_of(1, "invalid-arn", 1)
        ),
        format!(
            "b/lesson.json:{}:5: `nothing-like-a-code` is not the code of a lint finding",
            line_of(3, "nothing-like-a-code", 0)
        ),
        format!(
            "b/lesson.json:{}:5: `wildcard-resource` is also taught by lesson `a`",
            line_of(3, "wildcard-resource", 0)
        ),
    ];
    assert_eq!(located(&files), expected);
    let problems = check_files(&files);
    assert_eq!(
        problems[0].help.as_deref(),
        Some("did you mean `invalid-arn`?")
    );
}

#[test]
fn a_course_may_leave_codes_untaught_and_the_first_lesson_owns_a_code() {
    let mut a = lesson("a");
    a["teaches"] = json!(["invalid-arn"]);
    let files = files(&[a, lesson("b")], "# A");
    assert_eq!(messages(&files), Vec::<String>::new());
    let course = crate::load::load_course(&files).course.expect("loads");
    assert_eq!(
        course
            .lesson_teaching("invalid-arn")
            .map(|l| l.manifest.id.as_str()),
        Some("a")
    );
    assert_eq!(course.lesson_teaching("public-trust"), None);
    assert_eq!(
        course.untaught_checks().len(),
        iamplay_engine::lint::Check::ALL.len() - 1
    );
}

/// The files pretty-printed, so each field sits on a line of its own (and policies are
/// indented inside the lesson, as authors write them).
fn pretty(mut files: Vec<(String, String)>) -> Vec<(String, String)> {
    for file in files.iter_mut().filter(|(path, _)| path.ends_with(".json")) {
        if let Ok(value) = serde_json::from_str::<Value>(&file.1) {
            file.1 = serde_json::to_string_pretty(&value).unwrap_or_default();
        }
    }
    files
}

/// For the first problem whose message starts with each of `wanted`, the file's text from the
/// problem's line and column on, cut to the length of what is expected there.
fn underlined<'f>(files: &'f [(String, String)], wanted: &[(&str, &str)]) -> Vec<&'f str> {
    let problems = check_files(files);
    wanted
        .iter()
        .map(|(message, expected)| {
            let Some(problem) = problems.iter().find(|p| p.message.starts_with(message)) else {
                return "(not reported)";
            };
            let Some((line, column)) = problem.position else {
                return "(no position)";
            };
            let text = files
                .iter()
                .find(|(path, _)| *path == problem.file)
                .map_or("", |(_, text)| text.as_str());
            let start: usize = text
                .split_inclusive('\n')
                .take(line - 1)
                .map(str::len)
                .sum();
            let rest = &text[start..];
            let at = rest
                .char_indices()
                .nth(column - 1)
                .map_or(rest.len(), |(at, _)| at);
            let rest = &rest[at..];
            rest.get(..expected.len()).unwrap_or(rest)
        })
        .collect()
}

fn expected<'w>(wanted: &[(&str, &'w str)]) -> Vec<&'w str> {
    wanted.iter().map(|(_, text)| *text).collect()
}

#[test]
fn lesson_fields_point_at_their_text() {
    let mut bad = lesson("a");
    bad["title"] = json!(" ");
    bad["summary"] = json!("");
    bad["objectives"] = json!([]);
    bad["minutes"] = json!(0);
    bad["prerequisites"] = json!(["nowhere"]);
    bad["scenarios"] = json!([scenario("one")]);
    bad["questions"][2]["id"] = json!("Bad_Id");
    let files = pretty(files(&[bad], "# A"));
    let wanted = [
        ("must not be empty", "\"title\": \" \""),
        ("the lesson has no objectives", "\"objectives\": []"),
        ("the estimated time is 0", "\"minutes\": 0"),
        ("prerequisite `nowhere`", "\"nowhere\""),
        ("the lesson has 1 scenario(s)", "\"scenarios\": ["),
        (
            "question id `Bad_Id` is not kebab-case",
            "\"id\": \"Bad_Id\"",
        ),
    ];
    assert_eq!(underlined(&files, &wanted), expected(&wanted));
}

#[test]
fn a_missing_list_points_at_the_object_that_lacks_it() {
    let mut bad = lesson("a");
    bad.as_object_mut().map(|lesson| lesson.remove("questions"));
    let files = pretty(files(&[bad], "# A"));
    let wanted = [("the lesson has 0 question(s)", "{\n  \"id\": \"a\"")];
    assert_eq!(underlined(&files, &wanted), expected(&wanted));
}

#[test]
fn scenario_and_check_fields_point_at_their_text() {
    let mut bad = lesson("a");
    bad["scenarios"][0]["id"] = json!("Bad_Scenario");
    bad["scenarios"][0]["title"] = json!("");
    bad["scenarios"][0]["hints"] = json!(["fine", " "]);
    bad["scenarios"][0]["checks"][1]["id"] = json!("reads");
    bad["scenarios"][0]["checks"][0]["hint"] = json!("");
    let mut spot = scenario("spot-it");
    spot["style"] = json!("spot");
    spot["starter"] = policy("s3:GetObject");
    spot["answer"] = policy("s3:GetObject");
    spot["checks"][0]["expect"] = json!("denied");
    let mut guess = scenario("guess");
    guess["style"] = json!("predict");
    guess["starter"] = policy("s3:GetObject");
    guess["answer"] = policy("s3:GetObject");
    guess["checks"][1]["expect"] = json!("denied");
    bad["scenarios"] = json!([bad["scenarios"][0], bad["scenarios"][1], spot, guess]);
    let files = pretty(files(&[bad], "# A"));
    let wanted = [
        ("scenario id `Bad_Scenario`", "\"id\": \"Bad_Scenario\""),
        ("must not be empty", "\"title\": \"\""),
        ("check id `reads` is used twice", "\"id\": \"reads\""),
        // A spot scenario without a culprit: the scenario that lacks it.
        (
            "a spot scenario needs a culprit",
            "{\n      \"id\": \"spot-it\"",
        ),
        (
            "a least-privilege bound only applies",
            "\"leastPrivilege\": {",
        ),
        (
            "a predict check must say which deny",
            "\"expect\": \"denied\"",
        ),
    ];
    assert_eq!(underlined(&files, &wanted), expected(&wanted));
    let problems = check_files(&files);
    let text_of = |field: &str| {
        let problem = problems.iter().find(|p| p.field.as_deref() == Some(field));
        problem.and_then(|p| p.position)
    };
    // The second hint and the first check's hint, each on a line of its own.
    let line = |start: &str| {
        files[1]
            .1
            .lines()
            .position(|line| line.trim_start() == start)
            .map(|at| at + 1)
    };
    assert_eq!(
        text_of("scenarios[Bad_Scenario].hints[1]").map(|p| p.0),
        line("\" \"")
    );
    assert_eq!(
        text_of("scenarios[Bad_Scenario].checks[0].hint").map(|p| p.0),
        line("\"hint\": \"\"")
    );
}

#[test]
fn the_engines_verdict_on_a_check_points_at_its_expectation() {
    let mut bad = lesson("a");
    bad["scenarios"][1]["checks"][1]["expect"] = json!("allowed");
    bad["scenarios"][1]["checks"][0]["id"] = json!("first");
    let files = pretty(files(&[bad], "# A"));
    let wanted = [(
        "the reference answer fails check `no-delete`",
        "\"expect\": \"allowed\"",
    )];
    assert_eq!(underlined(&files, &wanted), expected(&wanted));
    let problem = check_files(&files)
        .into_iter()
        .find(|p| p.message.starts_with("the reference answer fails"))
        .expect("reported");
    // The second scenario's second check: past the first scenario's four `expect`s.
    let line = files[1]
        .1
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim_start().starts_with("\"expect\""))
        .nth(3)
        .map(|(at, _)| at + 1);
    assert_eq!(problem.position.map(|p| p.0), line);
}

#[test]
fn question_fields_point_at_their_text() {
    let mut bad = lesson("a");
    bad["questions"][0]["prompt"] = json!(" ");
    bad["questions"][0]["options"][1]["explanation"] = json!("");
    bad["questions"][1]["options"][1]["text"] = json!("True");
    bad["questions"][2]["topic"] = json!("nowhere");
    let files = pretty(files(&[bad], "# A"));
    let wanted = [
        ("must not be empty", "\"prompt\": \" \""),
        ("the option has no explanation", "\"explanation\": \"\""),
        (
            "a true/false question has exactly the options",
            "\"options\": [",
        ),
        ("the option `True` appears twice", "\"text\": \"True\""),
        ("topic `nowhere` is not a lesson", "\"topic\": \"nowhere\""),
    ];
    assert_eq!(underlined(&files, &wanted), expected(&wanted));
}

#[test]
fn glossary_and_course_problems_point_at_their_text() {
    let mut files = files(&[lesson("a")], "# A\n\nA [role](term:iam-role).\n");
    files[0].1 = json!({"title": "", "lessons": ["a", "a"]}).to_string();
    files.push(glossary(json!([
        {"id": "iam-role", "term": "IAM role", "definition": "An identity.", "lesson": "a"},
        {"id": "Bad_Id", "term": "T", "definition": "Two. Sentences.", "lesson": "nowhere"}
    ])));
    let files = pretty(files);
    let wanted = [
        ("the term id `Bad_Id`", "\"id\": \"Bad_Id\""),
        (
            "the definition of `T`",
            "\"definition\": \"Two. Sentences.\"",
        ),
        ("`nowhere` is not a lesson", "\"lesson\": \"nowhere\""),
        ("must not be empty", "\"title\": \"\""),
        ("lesson `a` is listed twice", "\"a\"\n  ]"),
    ];
    assert_eq!(underlined(&files, &wanted), expected(&wanted));
    let no_lessons = vec![(
        "course.json".to_owned(),
        "{\n  \"title\": \"C\",\n  \"lessons\": []\n}".to_owned(),
    )];
    let wanted = [("the course lists no lessons", "\"lessons\": []")];
    assert_eq!(underlined(&no_lessons, &wanted), expected(&wanted));
}

#[test]
fn a_problem_with_one_statement_points_at_the_statement() {
    let mut bad = lesson("a");
    bad["scenarios"][0]["starter"] =
        json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny"}, "not-a-statement"]});
    bad["scenarios"][1]["fixed"] = json!({"identity": [
        {"name": "Named", "document": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "Action": "s3:PutObject", "Resource": "*"}, 7]}}
    ]});
    let files = pretty(files(&[bad], "# A"));
    let wanted = [("a statement must be a JSON object", "\"not-a-statement\"")];
    assert_eq!(underlined(&files, &wanted), expected(&wanted));
    let problems = check_files(&files);
    let statements: Vec<_> = problems
        .iter()
        .filter(|p| p.message == "a statement must be a JSON object")
        .collect();
    assert_eq!(
        statements
            .iter()
            .map(|p| p.field.as_deref().unwrap_or_default())
            .collect::<Vec<_>>(),
        [
            "scenarios[one].starter.Statement[1]",
            "scenarios[two].fixed.identity[0].Statement[1]"
        ]
    );
    // The `7` of the named fixed policy, on a line of its own, indented as in the file.
    let (line, column) = statements[1].position.expect("located");
    let text_line = files[1].1.lines().nth(line - 1).unwrap_or_default();
    assert_eq!(text_line.trim(), "7");
    assert_eq!(column, text_line.len() - text_line.trim_start().len() + 1);
}

#[test]
fn the_engines_rejection_of_a_policy_points_at_the_mistake_inside_it() {
    let mut bad = lesson("a");
    bad["scenarios"][0]["starter"] = json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Maybe", "Action": "s3:GetObject", "Resource": "*"}]});
    bad["scenarios"][1]["answer"] = json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Acton": "s3:GetObject", "Resource": "*"}]});
    // Written as a string, whose offsets are not the file's: the string itself.
    bad["scenarios"][1]["starter"] = json!(r#"{"Version": "2012-10-17", "Statement": 7}"#);
    let files = pretty(files(&[bad], "# A"));
    let problems = check_files(&files);
    let text = &files[1].1;
    // The text at a problem's line and column, to the end of that line.
    let at = |field: &str| {
        let problem = problems
            .iter()
            .find(|p| {
                p.field.as_deref() == Some(field)
                    && p.message.starts_with("the engine rejects this policy: ")
            })
            .unwrap_or_else(|| panic!("no rejection at `{field}` in {problems:#?}"));
        let (line, column) = problem.position.expect("located");
        let line = text.lines().nth(line - 1).unwrap_or_default();
        line.chars().skip(column - 1).collect::<String>()
    };
    assert_eq!(at("scenarios[one].starter"), "\"Maybe\",");
    assert_eq!(at("scenarios[two].answer"), "\"Acton\": \"s3:GetObject\",");
    assert!(
        at("scenarios[two].starter").starts_with(r#""{\"Version\""#),
        "{}",
        at("scenarios[two].starter")
    );
}

#[test]
fn a_lesson_whose_id_differs_from_its_folder_has_its_problems_filed_in_that_folder() {
    let mut misnamed = lesson("b");
    misnamed["id"] = json!("bee");
    misnamed["title"] = json!("");
    misnamed["scenarios"][0]["answer"]["Statement"][0]["Effect"] = json!("Maybe");
    let mut files = files(&[lesson("a"), lesson("b")], "# A");
    assert_eq!(files[3].0, "b/lesson.json");
    files[3].1 = misnamed.to_string();
    assert_eq!(files[4].0, "b/lesson.md");
    files[4].1 = "# B\n\n```json\n{,}\n```\n".to_owned();
    let files = pretty(files);
    let problems = check_files(&files);
    assert!(
        problems.iter().all(|p| !p.file.starts_with("bee/")),
        "{problems:#?}"
    );
    let wanted = [
        (
            "the id `bee` differs from the folder name `b`",
            "\"id\": \"bee\"",
        ),
        ("must not be empty", "\"title\": \"\""),
        ("the engine rejects this policy", "\"Maybe\""),
        ("the `json` example is not valid JSON", "{,}"),
    ];
    assert_eq!(underlined(&files, &wanted), expected(&wanted));
    let filed: Vec<&str> = wanted
        .iter()
        .filter_map(|(message, _)| problems.iter().find(|p| p.message.starts_with(message)))
        .map(|p| p.file.as_str())
        .collect();
    assert_eq!(
        filed,
        [
            "b/lesson.json",
            "b/lesson.json",
            "b/lesson.json",
            "b/lesson.md"
        ]
    );
}
