//! Views shared by several pages.

pub mod layout;
pub mod markdown;
pub mod playground;
pub mod policy_editor;

pub use markdown::Markdown;
pub mod access_map;
pub mod attempt_link;
pub mod check_list;
pub mod course_gate;
pub mod diagram;
pub mod drill_card;
pub mod findings;
pub mod json_code;
pub mod own_course;
pub mod progress_notice;
pub mod question;
pub mod release_notice;
pub mod scenario_help;
pub mod scenario_panel;
pub mod term;
pub mod title;
pub mod tool_host;
pub mod with_code;
