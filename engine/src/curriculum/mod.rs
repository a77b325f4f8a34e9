//! The curriculum: lessons, scenarios and questions as data.
//!
//! Lesson files are read by the `iamplay-lessons` crate (embedded at compile time) or from a
//! folder by the CLI; this module turns them into typed lessons and checks them.

mod manifest;

pub use manifest::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_course_parses_into_manifests() {
        let course: CourseManifest =
            serde_json::from_str(iamplay_lessons::file("course.json").expect("course.json"))
                .expect("course.json parses");
        for id in &course.lessons {
            let text = iamplay_lessons::file(&format!("{id}/lesson.json")).expect("lesson.json");
            let lesson: LessonManifest = serde_json::from_str(text).expect("lesson parses");
            assert_eq!(&lesson.id, id);
        }
    }
}
