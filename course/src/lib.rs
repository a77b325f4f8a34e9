//! The course: lessons, scenarios and questions as data, kept apart from the IAM engine.
//!
//! Lesson files are read by the `iamplay-lessons` crate (embedded at compile time) or from a
//! folder by the CLI. The format is documented for authors in `lessons/README.md`.
//! Loading, checking and bundling (feature `authoring`) run in native tools only; the app reads
//! the checked course as a [`Bundle`] with its Markdown already parsed into [`markdown`] trees.
//!
//! - [`load_course`] turns `(path, contents)` pairs into a [`Course`], with every parse problem.
//! - [`check_files`] runs the whole checker (files, structure, prose, and the engine on every
//!   scenario) and returns every [`Problem`] with file, position, field and a fix.
//! - [`grade`] grades a learner's policy text against a [`Scenario`]: each check's
//!   [`Evaluation`](iamplay_engine::eval::Evaluation), its hint when it fails, and least-privilege
//!   over-grants ([`grade_with_catalog`] makes the bound exact with the action catalogue).
//!   For `predict`, grade the starter and compare each check's decision with the learner's
//!   guess; for `spot`, compare the clicked statement with [`is_culprit`].

mod bundle;
#[cfg(feature = "authoring")]
mod check;
mod course;
mod fixed;
pub mod glossary;
mod grade;
mod least_privilege;
#[cfg(feature = "authoring")]
mod load;
mod manifest;
pub mod markdown;
mod policy_text;
mod problem;
mod request;

#[cfg(feature = "authoring")]
pub use bundle::{bundle_course, render_course};
pub use bundle::{Bundle, RenderedCourse, BUNDLE_FORMAT};
#[cfg(feature = "authoring")]
pub use check::{
    check_course, check_files, check_scenario, check_semantics, MIN_QUESTIONS, MIN_SCENARIOS,
};
pub use course::{Course, Lesson};
pub use fixed::{Fixed, FixedEntry, FixedPolicy};
pub use glossary::{GlossaryTerm, GLOSSARY_FILE};
pub use grade::{
    check_case, grade, grade_policy, grade_policy_with_catalog, grade_with_catalog, is_culprit,
    CheckResult, Grade, GradeError, Prepared,
};
pub use least_privilege::{over_grants, over_grants_with_catalog, OverGrant};
#[cfg(feature = "authoring")]
pub use load::{load_course, parse_json, Loaded, COURSE_FILE};
pub use manifest::*;
pub use policy_text::PolicyText;
pub use problem::{is_kebab_case, Problem};
pub use request::{CheckRequest, Context, ContextValue, Scalar};

#[cfg(all(test, feature = "authoring"))]
mod tests {
    #[test]
    fn the_embedded_course_loads() {
        let loaded = super::load_course(iamplay_lessons::FILES);
        assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
        let course = loaded.course.expect("the course loads");
        assert!(!course.lessons.is_empty());
        // Every finding the app or the CLI shows links to the lesson about it.
        assert_eq!(course.untaught_checks(), Vec::new());
    }
}
