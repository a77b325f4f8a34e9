//! A trainer's course, run instead of the built-in one: checked when it is loaded, kept in the
//! browser with its own progress, and dropped again with "switch back".
//!
//! The bundle's text is stored under [`OWN_TEXT_KEY`] and its progress namespace under
//! [`OWN_NAMESPACE_KEY`]; every progress and draft key of the app is then read and written
//! under that namespace ([`Namespaced`]), so the built-in course's progress is never touched.
//! Both wasm modules open storage the same way, so the practice tools follow the choice too.

use iamplay_course::{check_scenario, markdown::plain_text, Scenario as SourceScenario};

use super::{parse_bundle, Course, CourseError, Scenario};
use crate::progress::store::KeyValue;

/// The bundle text of the course the learner chose.
pub const OWN_TEXT_KEY: &str = "iamplay.course.own";
/// The progress namespace of that course; present only while it is the active one.
pub const OWN_NAMESPACE_KEY: &str = "iamplay.course.namespace";
/// A course file larger than this is refused before it is parsed (the built-in one is ~0.6 MB).
pub const MAX_BUNDLE_BYTES: usize = 5_000_000;
/// At most this many problems are listed; the count says how many there were.
const MAX_LISTED_PROBLEMS: usize = 12;

/// The key prefix of a course's progress, from its title: a trainer who publishes a new
/// version of the same course keeps the learners' progress. FNV-1a, so it is stable across
/// builds and platforms.
pub fn namespace_for(course: &Course) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in course.manifest.title.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("iamplay.course.{hash:016x}.")
}

/// The problem with a file of `bytes` bytes, if it is over [`MAX_BUNDLE_BYTES`].
pub fn too_large(bytes: f64) -> Option<String> {
    (bytes > MAX_BUNDLE_BYTES as f64).then(|| {
        format!(
            "the file is {:.1} MB; a course file may be at most {} MB",
            bytes / 1e6,
            MAX_BUNDLE_BYTES / 1_000_000
        )
    })
}

/// Why a course file was refused, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub problems: Vec<String>,
}

impl Refused {
    fn one(problem: impl Into<String>) -> Self {
        Self {
            problems: vec![problem.into()],
        }
    }
}

/// Reads and checks a course file the way `iamplay lessons check` checks each scenario: the
/// size, the JSON (with its position), the format, the fields, and then every scenario against
/// the engine (the answer passes, the starter fails, an allow-everything policy fails).
pub fn check_bundle(text: &str) -> Result<Course, Refused> {
    if let Some(problem) = too_large(text.len() as f64) {
        return Err(Refused::one(problem));
    }
    let course = parse_bundle(text).map_err(|error| {
        Refused::one(match error {
            CourseError::Parse(reason) => {
                format!(
                    "this is not a course bundle as `iamplay lessons bundle` writes it: {reason}"
                )
            }
            other => other.to_string(),
        })
    })?;
    let mut problems = Vec::new();
    if course.lessons.is_empty() {
        problems.push("the course has no lessons".to_owned());
    }
    for lesson in &course.lessons {
        for scenario in &lesson.manifest.scenarios {
            for problem in check_scenario(&as_source(scenario), None) {
                let field = problem
                    .field
                    .map(|field| format!(" (`{field}`)"))
                    .unwrap_or_default();
                problems.push(format!(
                    "lesson `{}`, scenario `{}`{field}: {}",
                    lesson.manifest.id, scenario.id, problem.message
                ));
            }
        }
    }
    if problems.is_empty() {
        return Ok(course);
    }
    let total = problems.len();
    if total > MAX_LISTED_PROBLEMS {
        problems.truncate(MAX_LISTED_PROBLEMS);
        problems.push(format!("… and {} more", total - MAX_LISTED_PROBLEMS));
    }
    Err(Refused { problems })
}

/// The scenario with its Markdown as plain text, which is all the checker reads of prose.
fn as_source(scenario: &Scenario) -> SourceScenario {
    SourceScenario {
        id: scenario.id.clone(),
        title: scenario.title.clone(),
        style: scenario.style,
        task: plain_text(&scenario.task).into(),
        edit: scenario.edit.clone(),
        starter: scenario.starter.clone(),
        fixed: scenario.fixed.clone(),
        checks: scenario.checks.clone(),
        least_privilege: scenario.least_privilege.clone(),
        hints: scenario
            .hints
            .iter()
            .map(|hint| plain_text(hint).into())
            .collect::<Vec<_>>()
            .into(),
        answer: scenario.answer.clone(),
        culprit: scenario.culprit.clone(),
        explanation: plain_text(&scenario.explanation).into(),
    }
}

/// Makes `text` (checked by [`check_bundle`]) the active course.
pub fn choose(storage: &impl KeyValue, text: &str, course: &Course) -> Result<(), String> {
    storage
        .set(OWN_TEXT_KEY, text)
        .and_then(|()| storage.set(OWN_NAMESPACE_KEY, &namespace_for(course)))
        .map_err(|err| {
            storage.remove(OWN_NAMESPACE_KEY);
            format!("the course could not be kept in this browser ({err})")
        })
}

/// Back to the built-in course. The own course's text and progress stay, so loading the same
/// course again later finds the learner's work.
pub fn switch_back(storage: &impl KeyValue) {
    storage.remove(OWN_NAMESPACE_KEY);
}

/// The active own course's text and namespace, if one is chosen.
pub fn active(storage: &impl KeyValue) -> Option<(String, String)> {
    let namespace = storage.get(OWN_NAMESPACE_KEY)?;
    Some((storage.get(OWN_TEXT_KEY)?, namespace))
}

/// A store whose keys all live under `prefix`: the progress of one course. The empty prefix is
/// the built-in course, whose keys predate own courses.
#[derive(Debug, Clone, Default)]
pub struct Namespaced<S> {
    pub inner: S,
    pub prefix: String,
}

impl<S: KeyValue> Namespaced<S> {
    /// The namespace of the active course in `inner`.
    pub fn active(inner: S) -> Self {
        let prefix = inner.get(OWN_NAMESPACE_KEY).unwrap_or_default();
        Self { inner, prefix }
    }
}

impl<S: KeyValue> KeyValue for Namespaced<S> {
    fn get(&self, key: &str) -> Option<String> {
        self.inner.get(&format!("{}{key}", self.prefix))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.inner.set(&format!("{}{key}", self.prefix), value)
    }

    fn remove(&self, key: &str) {
        self.inner.remove(&format!("{}{key}", self.prefix));
    }

    fn keys(&self) -> Vec<String> {
        self.inner
            .keys()
            .into_iter()
            .filter_map(|key| key.strip_prefix(&self.prefix).map(str::to_owned))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::test_course;
    use crate::progress::store::{Memory, DRAFT_PREFIX, PROGRESS_KEY};
    use iamplay_course::{Bundle, BUNDLE_FORMAT};

    fn bundle_of(course: &Course) -> String {
        serde_json::to_string(&Bundle {
            format: BUNDLE_FORMAT,
            course: course.clone(),
        })
        .expect("serialises")
    }

    #[test]
    fn the_built_in_course_passes_the_load_check() {
        let checked = check_bundle(&bundle_of(test_course()));
        assert_eq!(
            checked.as_ref().map(|c| c.lessons.len()).ok(),
            Some(test_course().lessons.len())
        );
    }

    #[test]
    fn a_file_that_is_not_json_says_where() {
        let refused = check_bundle("{\n  \"format\": 1,\n  oops").expect_err("not JSON");
        assert_eq!(refused.problems.len(), 1);
        assert!(refused.problems[0].contains("line 3 column"), "{refused:?}");
    }

    #[test]
    fn another_format_and_missing_fields_are_named() {
        let newer = format!(r#"{{"format": {}, "course": {{}}}}"#, BUNDLE_FORMAT + 1);
        let refused = check_bundle(&newer).expect_err("newer format");
        assert!(refused.problems[0].contains(&format!("format {}", BUNDLE_FORMAT + 1)));
        let missing =
            format!(r#"{{"format": {BUNDLE_FORMAT}, "course": {{"manifest": {{"title": "T"}}}}}}"#);
        let refused = check_bundle(&missing).expect_err("missing fields");
        assert!(refused.problems[0].contains("missing field"), "{refused:?}");
    }

    #[test]
    fn a_scenario_whose_answer_fails_is_refused_with_its_place() {
        let mut course = test_course().clone();
        let lesson = &mut course.lessons[0];
        let id = lesson.manifest.id.clone();
        let scenario = &mut lesson.manifest.scenarios[0];
        scenario.answer = scenario.starter.clone();
        let scenario_id = scenario.id.clone();
        let refused = check_bundle(&bundle_of(&course)).expect_err("broken answer");
        let place = format!("lesson `{id}`, scenario `{scenario_id}`");
        assert!(
            refused.problems.iter().any(|p| p.starts_with(&place)),
            "{refused:?}"
        );
    }

    #[test]
    fn an_oversized_file_is_refused_before_parsing() {
        let text = " ".repeat(MAX_BUNDLE_BYTES + 1);
        let refused = check_bundle(&text).expect_err("too large");
        assert!(refused.problems[0].contains("at most 5 MB"), "{refused:?}");
    }

    #[test]
    fn the_namespace_follows_the_title_only() {
        let mut course = test_course().clone();
        let built_in = namespace_for(&course);
        course.lessons.pop();
        assert_eq!(namespace_for(&course), built_in);
        course.manifest.title.push_str(" (my class)");
        assert_ne!(namespace_for(&course), built_in);
        assert!(built_in.starts_with("iamplay.course.") && built_in.ends_with('.'));
    }

    #[test]
    fn an_own_course_keeps_its_progress_apart_and_switching_back_keeps_both() {
        let memory = Memory::default();
        memory.set(PROGRESS_KEY, "built-in").unwrap();
        memory.set(&format!("{DRAFT_PREFIX}a/b"), "draft").unwrap();
        let course = test_course();
        choose(&memory, "bundle text", course).unwrap();
        assert_eq!(
            active(&memory).map(|(text, _)| text).as_deref(),
            Some("bundle text")
        );

        let own = Namespaced::active(memory.clone());
        assert_eq!(own.get(PROGRESS_KEY), None);
        assert!(own.keys().is_empty(), "{:?}", own.keys());
        own.set(PROGRESS_KEY, "own").unwrap();
        assert_eq!(own.keys(), vec![PROGRESS_KEY.to_owned()]);

        switch_back(&memory);
        assert_eq!(active(&memory), None);
        let built_in = Namespaced::active(memory.clone());
        assert_eq!(built_in.get(PROGRESS_KEY).as_deref(), Some("built-in"));
        // The own course's progress waits for the course to be loaded again.
        choose(&memory, "bundle text", course).unwrap();
        assert_eq!(
            Namespaced::active(memory).get(PROGRESS_KEY).as_deref(),
            Some("own")
        );
    }

    #[test]
    fn a_course_that_cannot_be_kept_is_not_made_active() {
        let memory = Memory::default();
        memory.full.set(true);
        assert!(choose(&memory, "text", test_course()).is_err());
        memory.full.set(false);
        assert_eq!(active(&memory), None);
    }
}
