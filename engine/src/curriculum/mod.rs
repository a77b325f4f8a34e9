//! The curriculum: lessons, scenarios and questions as data.
//!
//! Lesson files are read by the `iamplay-lessons` crate (embedded at compile time) or from a
//! folder by the CLI; `load` turns them into typed lessons and `check` verifies them.

mod check;
mod grade;
mod least_privilege;
mod load;
mod locate;
mod manifest;
mod problem;

pub use check::{check_course, check_files, check_semantics, MIN_QUESTIONS, MIN_SCENARIOS};
pub use grade::{
    check_case, grade, grade_policy, is_culprit, manifest_policy, CheckResult, Grade, GradeError,
};
pub use least_privilege::{over_grants, OverGrant};
pub use load::{load_course, parse_json, Course, Lesson, Loaded, COURSE_FILE};
pub use manifest::*;
pub use problem::{is_kebab_case, Problem};

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_course_loads() {
        let loaded = super::load_course(iamplay_lessons::FILES);
        assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
        assert!(loaded
            .course
            .is_some_and(|course| !course.lessons.is_empty()));
    }
}
