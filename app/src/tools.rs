//! The pages beside the course (the playground, drills, spaced review, interview mode, the
//! glossary, the progress page and the trainers' scenario builder) as their own wasm module,
//! `iamplay-tools`.
//!
//! The learner's first download is the main app (the lessons with their scenario panels), which
//! must stay under its size budget; these pages carry the drill generator, the share links and
//! their own views, so they load only when one of them opens. The main app routes their paths to [`crate::components::tool_host::ToolHost`], which
//! loads this module and mounts the page into its element. Both modules read and write the same
//! saved progress; the host reloads it when the page goes.

use leptos::prelude::*;

use crate::{course, pages, progress};

/// A page this module draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Drill,
    Review,
    Interview,
    Progress,
    Playground,
    Glossary,
    /// The scenario builder, for trainers.
    Build,
    /// A scenario shared from the builder, for learners.
    TryScenario,
}

impl Tool {
    /// Every tool with its path, for the main app's routes.
    pub const ALL: [(Tool, &'static str); 8] = [
        (Tool::Playground, "/playground"),
        (Tool::Glossary, "/glossary"),
        (Tool::Drill, "/drill"),
        (Tool::Review, "/review"),
        (Tool::Interview, "/interview"),
        (Tool::Progress, "/progress"),
        (Tool::Build, "/build"),
        (Tool::TryScenario, crate::builder::link::LEARNER_PATH),
    ];

    pub fn from_path(path: &str) -> Option<Tool> {
        let path = path.trim_end_matches('/');
        Tool::ALL
            .iter()
            .find(|(_, tool_path)| *tool_path == path)
            .map(|(tool, _)| *tool)
    }

    fn view(self) -> AnyView {
        match self {
            Tool::Drill => view! { <pages::drill::DrillPage /> }.into_any(),
            Tool::Review => view! { <pages::review::ReviewPage /> }.into_any(),
            Tool::Interview => view! { <pages::interview::Interview /> }.into_any(),
            Tool::Progress => view! { <pages::progress::ProgressPage /> }.into_any(),
            Tool::Playground => view! { <pages::playground::Playground /> }.into_any(),
            Tool::Glossary => view! { <pages::glossary::Glossary /> }.into_any(),
            Tool::Build => view! { <pages::build::BuildPage /> }.into_any(),
            Tool::TryScenario => view! { <pages::build_try::TryScenarioPage /> }.into_any(),
        }
    }
}

/// Draws the page for `path` into `root`, with its own progress and course; `None` when this
/// module has no page there. Dropping the handle takes the page down.
pub fn mount(root: web_sys::HtmlElement, path: &str) -> Option<Box<dyn std::any::Any>> {
    let tool = Tool::from_path(path)?;
    let handle = leptos::mount::mount_to(root, move || {
        progress::provide_progress();
        course::provide_course();
        tool.view()
    });
    Some(Box::new(handle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_their_tool_with_or_without_a_trailing_slash() {
        assert_eq!(Tool::from_path("/drill"), Some(Tool::Drill));
        assert_eq!(Tool::from_path("/review/"), Some(Tool::Review));
        assert_eq!(Tool::from_path("/build/try"), Some(Tool::TryScenario));
        assert_eq!(Tool::from_path("/drills"), None);
        assert_eq!(Tool::from_path("/"), None);
    }
}
