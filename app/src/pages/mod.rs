//! One module per page of the app.

pub mod build;
pub mod build_try;
pub mod drill;
pub mod glossary;
pub mod home;
pub mod interview;
pub mod lesson;
pub mod lessons;
pub mod not_found;
pub mod own_course;
pub mod playground;
pub mod progress;
pub mod review;
