use iamplay_course::ExpectedOutcome;

use super::*;
use crate::builder::draft::tests::sound;
use crate::builder::FixedDraft;

fn fields(problems: &[FieldProblem]) -> Vec<Field> {
    problems.iter().map(|p| p.field).collect()
}

#[test]
fn a_sound_draft_has_no_problems() {
    assert_eq!(check_draft(&sound(), None), Vec::new());
}

#[test]
fn an_empty_form_names_every_field_to_fill() {
    let found = fields(&check_draft(&Draft::default(), None));
    for field in [
        Field::Id,
        Field::Title,
        Field::Task,
        Field::EditName,
        Field::Explanation,
        Field::Hints,
        Field::Checks,
    ] {
        assert!(found.contains(&field), "{field:?} in {found:?}");
    }
}

#[test]
fn checker_paths_land_on_their_fields() {
    let mut draft = sound();
    draft.fixed = vec![
        FixedDraft {
            slot: FixedSlot::Scps,
            level: 0,
            ..FixedDraft::default()
        },
        FixedDraft::default(),
        FixedDraft {
            slot: FixedSlot::Scps,
            level: 0,
            ..FixedDraft::default()
        },
        FixedDraft::default(),
        FixedDraft {
            slot: FixedSlot::Session,
            ..FixedDraft::default()
        },
    ];
    for (path, field) in [
        ("edit.name", Field::EditName),
        ("hints", Field::Hints),
        ("hints[2]", Field::Hint(2)),
        ("checks", Field::Checks),
        ("checks[1]", Field::Check(1, CheckPart::Whole)),
        (
            "checks[1].request.action",
            Field::Check(1, CheckPart::Action),
        ),
        (
            "checks[0].request.context.aws:SourceIp",
            Field::Check(0, CheckPart::Context),
        ),
        ("checks[0].expect", Field::Check(0, CheckPart::Expect)),
        ("leastPrivilege.resources", Field::BoundResources),
        ("leastPrivilege", Field::Bound),
        ("culprit.sid", Field::CulpritSid),
        ("culprit.policy", Field::CulpritPolicy),
        ("culprit", Field::Culprit),
        ("fixed.identity[1]", Field::Fixed(3)),
        ("fixed.scps[0][1]", Field::Fixed(2)),
        ("fixed.session", Field::Fixed(4)),
        ("fixed.resource", Field::FixedAll),
        ("fixed.bogus", Field::FixedAll),
        ("something-new", Field::Scenario),
    ] {
        assert_eq!(field_of(path, &draft), field, "{path}");
    }
    draft.style = ScenarioStyle::Predict;
    assert_eq!(field_of("answer", &draft), Field::Starter);
}

#[test]
fn problems_clear_one_by_one_as_the_draft_is_completed() {
    let mut draft = sound();
    draft.checks[1].expect = ExpectedOutcome::Allowed;
    draft.answer = draft.answer.replace("s3:GetObject", "s3:*");
    let problems = check_draft(&draft, None);
    assert_eq!(
        fields(&problems),
        // No must-deny check; and so allowing everything passes.
        [Field::Checks, Field::Checks],
        "{problems:#?}"
    );
    draft.checks[1].expect = ExpectedOutcome::Denied;
    let problems = check_draft(&draft, None);
    assert_eq!(fields(&problems), [Field::Check(1, CheckPart::Expect)]);
    assert!(problems[0]
        .message
        .contains("reference answer fails check `check-2`"));
    draft.answer = sound().answer;
    assert_eq!(check_draft(&draft, None), Vec::new());
}

#[test]
fn a_policy_the_engine_rejects_is_marked_in_the_trainers_text() {
    let mut draft = sound();
    draft.answer = "{\"Version\": \"2012-10-17\",\n \"Statement\": [{\"Effect\": \"Allow\", \"Acton\": \"s3:GetObject\", \"Resource\": \"*\"}]}".into();
    let problems = check_draft(&draft, None);
    let rejected = problems.iter().find(|p| p.field == Field::Answer).unwrap();
    assert!(
        rejected
            .message
            .starts_with("the engine rejects this policy"),
        "{rejected:?}"
    );
    assert_eq!(rejected.position.map(|(line, _)| line), Some(2));
    assert!(rejected.text().starts_with("line 2, column "));
}

#[test]
fn the_editor_underlines_what_the_engine_rejects_counting_columns_as_the_editor_does() {
    let mut draft = sound();
    // The editor counts UTF-16 units: the emoji is two, one character.
    draft.answer = "{\"Version\": \"2012-10-17\",\n \"Id\": \"😀\", \"Statement\": [{\"Effect\": \"Allow\", \"Acton\": \"s3:GetObject\", \"Resource\": \"*\"}]}".into();
    let problems = check_draft(&draft, None);
    let rejected = problems.iter().find(|p| p.field == Field::Answer).unwrap();
    let range = rejected.range.expect("a range");
    assert_eq!((range.start_line, range.end_line), (2, 2), "{range:?}");
    let line: Vec<u16> = draft
        .answer
        .lines()
        .nth(1)
        .unwrap()
        .encode_utf16()
        .collect();
    let underlined =
        String::from_utf16(&line[range.start_column as usize - 1..range.end_column as usize - 1])
            .unwrap();
    assert!(underlined.starts_with("\"Acton\""), "{underlined:?}");
}

#[test]
fn text_that_is_not_json_is_reported_once() {
    let mut draft = sound();
    draft.starter = "{".into();
    let problems = check_draft(&draft, None);
    let starter: Vec<&FieldProblem> = problems
        .iter()
        .filter(|p| p.field == Field::Starter)
        .collect();
    assert_eq!(starter.len(), 1, "{problems:#?}");
}
