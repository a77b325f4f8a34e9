//! The course content of `lessons/`, embedded at compile time so the CLI and the tests are
//! self-contained. (The web app does not embed it: it downloads the bundle that
//! `iamplay lessons bundle` builds from these files.) Adding a lesson folder needs no code
//! change: `build.rs` lists the files.

mod layers;

pub use layers::lesson_for_layer;

/// Every content file under `lessons/` (JSON manifests and Markdown prose), as
/// `(path relative to lessons/, contents)`, sorted by path.
pub static FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/files.rs"));

/// The contents of one file, by its path relative to `lessons/` (`course.json`).
pub fn file(path: &str) -> Option<&'static str> {
    FILES
        .binary_search_by(|(p, _)| (*p).cmp(path))
        .ok()
        .map(|i| FILES[i].1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_course_order_is_embedded() {
        assert!(super::file("course.json").is_some());
        assert!(super::FILES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
