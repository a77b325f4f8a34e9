//! One learner's exported progress, re-graded against the course: what the file claims is
//! trusted only when the engine agrees. Saved policies are graded with the course crate (as the
//! app does), predictions against the engine's decisions, picks against the culprit, answers
//! against the correct options.

use iamplay_course::{
    grade_policy_with_catalog, grade_with_catalog, Course, Grade, Scenario, ScenarioStyle,
};
use iamplay_engine::catalog::Catalog;
use iamplay_engine::eval::Decision;
use iamplay_progress::exchange::Imported;
use iamplay_progress::{scenario_key, LessonStatus, Prediction, Progress, ScenarioState};

/// Where a scenario stands once re-graded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The saved work passes.
    Done,
    /// The file marks it solved, but the saved work does not pass.
    Flagged,
    /// Touched (a draft, a hint, a prediction), not passing.
    Started,
    NotStarted,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Flagged => "FLAGGED",
            Status::Started => "in progress",
            Status::NotStarted => "not started",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioRow {
    pub lesson: String,
    pub id: String,
    pub title: String,
    pub status: Status,
    pub hints_shown: usize,
    pub answer_shown: bool,
    /// Why it does not pass (for flagged and started scenarios).
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonRow {
    pub id: String,
    pub title: String,
    pub status: LessonStatus,
    pub scenarios_done: usize,
    pub scenarios: usize,
    pub questions_correct: usize,
    pub questions: usize,
}

/// A claim the engine or the course does not back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// `lesson/scenario`, or a question id.
    pub item: String,
    pub message: String,
}

/// One learner (one file), re-graded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerReport {
    /// The file's name without `.json`: the learner, as the trainer named the file.
    pub name: String,
    pub scenarios: Vec<ScenarioRow>,
    pub lessons: Vec<LessonRow>,
    pub flags: Vec<Flag>,
    /// Finished interview sessions: (correct, total) of each.
    pub interviews: Vec<(u32, u32)>,
    /// Generated drills answered, as the file records them (right, total): a drill is made
    /// again from a seed the file does not keep, so these are not re-graded.
    pub drills: (u64, u64),
    /// Scenarios and questions the file has progress for that the course does not have.
    pub unknown: Vec<String>,
}

impl LearnerReport {
    pub fn scenarios_done(&self) -> usize {
        count(&self.scenarios, |s| s.status == Status::Done)
    }

    pub fn questions_correct(&self) -> usize {
        self.lessons.iter().map(|l| l.questions_correct).sum()
    }

    pub fn lessons_done(&self) -> usize {
        count(&self.lessons, |l| l.status == LessonStatus::Done)
    }
}

fn count<T>(items: &[T], keep: impl Fn(&T) -> bool) -> usize {
    items.iter().filter(|item| keep(item)).count()
}

/// Re-grades everything in `imported` against `course`.
pub fn regrade(name: &str, imported: &Imported, course: &Course) -> LearnerReport {
    let progress = &imported.progress;
    let mut report = LearnerReport {
        name: name.to_owned(),
        scenarios: Vec::new(),
        lessons: Vec::new(),
        flags: Vec::new(),
        interviews: progress
            .interviews
            .iter()
            .map(|i| (i.correct, i.total))
            .collect(),
        drills: progress
            .practice
            .topics
            .values()
            .fold((0, 0), |(right, total), score| {
                (
                    right + u64::from(score.correct),
                    total + u64::from(score.total),
                )
            }),
        unknown: Vec::new(),
    };
    // The learner's progress as the engine sees it, for the shared lesson status rule.
    let mut verified = Progress::default();
    for lesson in &course.lessons {
        let manifest = &lesson.manifest;
        let mut done = 0;
        for scenario in &manifest.scenarios {
            let key = scenario_key(&manifest.id, &scenario.id);
            let state = progress.scenario(&key);
            let draft = imported.drafts.get(&key).map(String::as_str);
            let row = scenario_row(&manifest.id, scenario, &state, draft);
            if row.status == Status::Flagged {
                report.flags.push(Flag {
                    item: key.clone(),
                    message: row.detail.clone().unwrap_or_default(),
                });
            }
            if row.status == Status::Done {
                done += 1;
            }
            if row.status != Status::NotStarted {
                verified.update_scenario(&key, |s| {
                    s.completed = row.status == Status::Done;
                    s.attempted = true;
                });
            }
            report.scenarios.push(row);
        }
        let mut correct = 0;
        for question in &manifest.questions {
            let Some(answer) = progress.questions.get(question.id.as_str()) else {
                continue;
            };
            let right = question.is_answered_by(&answer.chosen);
            if answer.correct && !right {
                report.flags.push(Flag {
                    item: question.id.value.clone(),
                    message: format!(
                        "marked answered correctly, but the chosen option(s) {} are not the correct ones",
                        options_list(&answer.chosen)
                    ),
                });
            }
            correct += usize::from(right);
            verified.record_question(&question.id, answer.chosen.clone(), right);
        }
        let scenario_ids: Vec<&str> = manifest.scenarios.iter().map(|s| s.id.as_str()).collect();
        let question_ids: Vec<&str> = manifest.questions.iter().map(|q| q.id.as_str()).collect();
        report.lessons.push(LessonRow {
            id: manifest.id.value.clone(),
            title: manifest.title.value.clone(),
            status: verified.lesson_status(&manifest.id, &scenario_ids, &question_ids, |_| false),
            scenarios_done: done,
            scenarios: manifest.scenarios.len(),
            questions_correct: correct,
            questions: manifest.questions.len(),
        });
    }
    report.unknown = unknown_items(imported, course);
    report
}

/// Option numbers as a learner sees them (1-based).
fn options_list(chosen: &[usize]) -> String {
    let numbers: Vec<String> = chosen.iter().map(|i| (i + 1).to_string()).collect();
    if numbers.is_empty() {
        "(none)".to_owned()
    } else {
        numbers.join(", ")
    }
}

fn unknown_items(imported: &Imported, course: &Course) -> Vec<String> {
    let scenario_known = |key: &str| {
        key.split_once('/').is_some_and(|(lesson, scenario)| {
            course
                .lesson(lesson)
                .is_some_and(|l| l.manifest.scenarios.iter().any(|s| s.id == scenario))
        })
    };
    let question_known = |id: &str| {
        course
            .lessons
            .iter()
            .any(|l| l.manifest.questions.iter().any(|q| q.id == id))
    };
    let progress = &imported.progress;
    let scenarios = progress.scenarios.keys().chain(imported.drafts.keys());
    let mut unknown: Vec<String> = scenarios
        .filter(|key| !scenario_known(key))
        .cloned()
        .chain(
            progress
                .questions
                .keys()
                .filter(|id| !question_known(id))
                .cloned(),
        )
        .collect();
    unknown.sort();
    unknown.dedup();
    unknown
}

fn scenario_row(
    lesson: &str,
    scenario: &Scenario,
    state: &ScenarioState,
    draft: Option<&str>,
) -> ScenarioRow {
    // Untouched work is the starter (or no answer), which fails by the checker's rules.
    let touched = *state != ScenarioState::default() || draft.is_some();
    let failure = if touched {
        failure(scenario, state, draft)
    } else {
        Some(String::new())
    };
    let status = match (&failure, state.completed) {
        (None, _) => Status::Done,
        (Some(_), true) => Status::Flagged,
        (Some(_), false) if touched => Status::Started,
        (Some(_), false) => Status::NotStarted,
    };
    let detail = match (status, failure) {
        (Status::Flagged, Some(why)) => Some(format!("marked solved, but {why}")),
        (Status::Started, Some(why)) => Some(why),
        _ => None,
    };
    ScenarioRow {
        lesson: lesson.to_owned(),
        id: scenario.id.value.clone(),
        title: scenario.title.value.clone(),
        status,
        hints_shown: state.hints_shown,
        answer_shown: state.answer_shown,
        detail,
    }
}

/// Why the saved work does not solve the scenario; `None` when it does.
fn failure(scenario: &Scenario, state: &ScenarioState, draft: Option<&str>) -> Option<String> {
    match scenario.style {
        ScenarioStyle::Write | ScenarioStyle::Fix => {
            // Without a draft the editor holds the starter, as the app shows it.
            let (text, which) = match draft {
                Some(text) => (text.to_owned(), "the saved policy"),
                None => (
                    scenario.starter.as_str().to_owned(),
                    "no policy is saved, and the starter",
                ),
            };
            match grade_with_catalog(scenario, &text, Catalog::embedded()) {
                Ok(grade) => grade_failure(&grade).map(|why| format!("{which} {why}")),
                Err(error) => Some(format!("{which} cannot be graded: {error}")),
            }
        }
        ScenarioStyle::Predict => prediction_failure(scenario, state),
        ScenarioStyle::Spot => match &state.spotted {
            Some(choice) if scenario.is_spotted_by(choice) => None,
            Some(choice) => Some(format!(
                "the statement picked, `{choice}`, is not the one that causes the deny"
            )),
            None => Some("no statement is picked".to_owned()),
        },
    }
}

/// The first thing a grade fails: a check, or the least-privilege bound.
fn grade_failure(grade: &Grade) -> Option<String> {
    if grade.passed {
        return None;
    }
    if let Some(check) = grade.checks.iter().find(|c| !c.passed) {
        return Some(format!(
            "fails check `{}` ({}): expected {}, the engine says {}",
            check.id,
            check.title,
            check.expect.as_str(),
            check.evaluation.decision.as_str()
        ));
    }
    let grants: Vec<String> = grade
        .over_grants
        .iter()
        .map(|g| format!("`{}`", g.action))
        .collect();
    Some(format!(
        "passes every check but grants more than the task needs ({}), beyond the least-privilege bound",
        grants.join(", ")
    ))
}

fn prediction_failure(scenario: &Scenario, state: &ScenarioState) -> Option<String> {
    let studied = match scenario.starter.parse() {
        Ok(policy) => policy,
        Err(error) => return Some(format!("the studied policy cannot be read: {error}")),
    };
    let grade = match grade_policy_with_catalog(scenario, &studied, Catalog::embedded()) {
        Ok(grade) => grade,
        Err(error) => return Some(format!("the scenario cannot be graded: {error}")),
    };
    let mut missing = Vec::new();
    for check in &grade.checks {
        let decision = check.evaluation.decision;
        match state.predictions.get(&check.id) {
            None => missing.push(format!("`{}`", check.id)),
            Some(prediction) if !prediction.accepts(decision == Decision::Allowed) => {
                return Some(format!(
                    "the prediction for check `{}` ({}) is {}, the engine says {}",
                    check.id,
                    check.title,
                    match prediction {
                        Prediction::Allowed => "allowed",
                        Prediction::Denied => "denied",
                    },
                    decision.as_str()
                ));
            }
            Some(_) => {}
        }
    }
    (!missing.is_empty()).then(|| format!("no prediction for check(s) {}", missing.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamplay_course::load_course;
    use std::collections::BTreeMap;

    fn course() -> Course {
        load_course(iamplay_lessons::FILES).course.unwrap()
    }

    fn imported(progress: Progress, drafts: &[(&str, &str)]) -> Imported {
        Imported {
            progress,
            drafts: drafts
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        }
    }

    fn row<'r>(report: &'r LearnerReport, key: &str) -> &'r ScenarioRow {
        report
            .scenarios
            .iter()
            .find(|s| format!("{}/{}", s.lesson, s.id) == key)
            .unwrap()
    }

    #[test]
    fn an_over_grant_is_named_when_every_check_passes() {
        let key = "what-iam-answers/first-allow";
        let mut progress = Progress::default();
        progress.update_scenario(key, |s| s.completed = true);
        let broad = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Action": ["s3:GetObject", "s3:GetObjectTagging"],
            "Resource": "arn:aws:s3:::raw-data/reports/2026.csv"}]}"#;
        let report = regrade("x", &imported(progress, &[(key, broad)]), &course());
        let row = row(&report, key);
        assert_eq!(row.status, Status::Flagged);
        let detail = row.detail.as_deref().unwrap();
        assert!(
            detail.contains(
                "passes every check but grants more than the task needs (`s3:GetObjectTagging`)"
            ),
            "{detail}"
        );
        assert_eq!(report.flags.len(), 1);
    }

    #[test]
    fn a_solve_without_a_saved_policy_is_the_starter_and_fails() {
        let key = "what-iam-answers/first-allow";
        let mut progress = Progress::default();
        progress.update_scenario(key, |s| s.completed = true);
        let report = regrade("x", &imported(progress, &[]), &course());
        let detail = row(&report, key).detail.clone().unwrap();
        assert!(
            detail.starts_with("marked solved, but no policy is saved, and the starter fails check `alice-reads-report`"),
            "{detail}"
        );
    }

    #[test]
    fn predictions_and_picks_are_judged_by_the_engine() {
        let predict = "what-iam-answers/predict-request-context";
        let spot = "conditions/spot-mfa-deny";
        let mut progress = Progress::default();
        progress.update_scenario(predict, |s| {
            s.completed = true;
            s.predictions = BTreeMap::from([
                ("from-office".to_owned(), Prediction::Allowed),
                ("from-cafe".to_owned(), Prediction::Allowed),
            ]);
        });
        progress.update_scenario(spot, |s| {
            s.spotted = Some("edited/DenyWithoutMfa".to_owned())
        });
        let report = regrade("x", &imported(progress, &[]), &course());
        let detail = row(&report, predict).detail.clone().unwrap();
        assert!(
            detail.contains("the prediction for check `from-cafe`")
                && detail.contains("is allowed, the engine says implicitDeny"),
            "{detail}"
        );
        // Solved though not marked: the work is what counts.
        assert_eq!(row(&report, spot).status, Status::Done);
        assert_eq!(
            row(&report, "what-iam-answers/predict-root-user").status,
            Status::NotStarted
        );
    }

    #[test]
    fn progress_for_another_course_is_listed_not_graded() {
        let mut progress = Progress::default();
        progress.update_scenario("gone-lesson/old", |s| s.completed = true);
        progress.record_question("no-such-question", vec![0], true);
        let report = regrade(
            "x",
            &imported(progress, &[("gone-lesson/draft", "{}")]),
            &course(),
        );
        assert_eq!(
            report.unknown,
            ["gone-lesson/draft", "gone-lesson/old", "no-such-question"]
        );
        assert!(report.flags.is_empty());
        assert_eq!(report.scenarios_done(), 0);
    }
}
