//! The embedded course passes the content checker; on failure, the checker's messages say what
//! to fix in which file.

use iamplay_course::{check_files, load_course};

#[test]
fn the_embedded_course_passes_the_checker() {
    let problems = check_files(iamplay_lessons::FILES);
    let report: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        report.is_empty(),
        "{} problem(s) in lessons/:\n\n{}\n",
        report.len(),
        report.join("\n\n")
    );
}

#[test]
fn every_listed_lesson_is_embedded() {
    let loaded = load_course(iamplay_lessons::FILES);
    let Some(course) = loaded.course else {
        panic!("lessons/course.json did not load: {:?}", loaded.problems);
    };
    assert_eq!(course.lessons.len(), course.manifest.lessons.len());
}
