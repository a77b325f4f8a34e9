//! The pages beside the course, in wasm modules of their own: `iamplay-playground` (the
//! playground with its access map, share links and denial reader), `iamplay-tools` (drills,
//! spaced review, interview mode, the glossary and the progress page) and `iamplay-build` (the
//! trainers' scenario builder and the page its links open).
//!
//! The learner's first download is the main app (the lessons with their scenario panels), which
//! must stay under its size budget; these pages carry the drill generator, the share links, the
//! course checker and their own views, so they load only when one of them opens. The main app
//! routes their paths to [`crate::components::tool_host::ToolHost`], which loads the module and
//! mounts the page into its element. All modules read and write the same saved progress; the
//! host reloads it when the page goes.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

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
    /// Loading a trainer's course bundle to run instead of the built-in course.
    OwnCourse,
}

/// A wasm module that draws tools, named as Trunk builds it (`app/src/bin/<name>.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    Playground,
    Tools,
    Build,
}

impl Module {
    /// The binary's name, which is also the name of index.html's meta tag holding its URL.
    pub fn name(self) -> &'static str {
        match self {
            Module::Playground => "iamplay-playground",
            Module::Tools => "iamplay-tools",
            Module::Build => "iamplay-build",
        }
    }
}

impl Tool {
    /// Every tool with its path, for the main app's routes.
    pub const ALL: [(Tool, &'static str); 9] = [
        (Tool::Playground, "/playground"),
        (Tool::Glossary, "/glossary"),
        (Tool::Drill, "/drill"),
        (Tool::Review, "/review"),
        (Tool::Interview, "/interview"),
        (Tool::Progress, "/progress"),
        (Tool::Build, "/build"),
        (Tool::TryScenario, crate::builder::link::LEARNER_PATH),
        (Tool::OwnCourse, "/course"),
    ];

    pub fn from_path(path: &str) -> Option<Tool> {
        let path = path.trim_end_matches('/');
        Tool::ALL
            .iter()
            .find(|(_, tool_path)| *tool_path == path)
            .map(|(tool, _)| *tool)
    }

    /// The module that draws this tool.
    pub fn module(self) -> Module {
        match self {
            Tool::Build | Tool::TryScenario | Tool::OwnCourse => Module::Build,
            Tool::Playground => Module::Playground,
            _ => Module::Tools,
        }
    }
}

/// The pages of `iamplay-tools`. Each module's binary passes its own list to [`mount`], so its
/// wasm carries only its own pages.
pub fn practice_page(tool: Tool) -> Option<AnyView> {
    Some(match tool {
        Tool::Drill => view! { <pages::drill::DrillPage /> }.into_any(),
        Tool::Review => view! { <pages::review::ReviewPage /> }.into_any(),
        Tool::Interview => view! { <pages::interview::Interview /> }.into_any(),
        Tool::Progress => view! { <pages::progress::ProgressPage /> }.into_any(),
        Tool::Glossary => view! { <pages::glossary::Glossary /> }.into_any(),
        Tool::Playground | Tool::Build | Tool::TryScenario | Tool::OwnCourse => return None,
    })
}

/// The page of `iamplay-playground`.
pub fn playground_page(tool: Tool) -> Option<AnyView> {
    (tool == Tool::Playground).then(|| view! { <pages::playground::Playground /> }.into_any())
}

/// The pages of `iamplay-build`.
pub fn build_page(tool: Tool) -> Option<AnyView> {
    match tool {
        Tool::Build => Some(view! { <pages::build::BuildPage /> }.into_any()),
        Tool::TryScenario => Some(view! { <pages::build_try::TryScenarioPage /> }.into_any()),
        Tool::OwnCourse => Some(view! { <pages::own_course::OwnCoursePage /> }.into_any()),
        _ => None,
    }
}

/// A page drawn by [`mount`]; JavaScript's `free()` takes it down.
#[wasm_bindgen]
pub struct MountedTool {
    _page: Box<dyn std::any::Any>,
}

impl std::fmt::Debug for MountedTool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MountedTool")
    }
}

/// Draws the page for `path` into `root`, with its own progress and course; `None` when
/// `module`, whose pages `pages` draws, has no page there. Dropping the handle takes the page
/// down.
pub fn mount(
    root: web_sys::HtmlElement,
    path: &str,
    module: Module,
    pages: fn(Tool) -> Option<AnyView>,
) -> Option<MountedTool> {
    let tool = Tool::from_path(path).filter(|tool| tool.module() == module)?;
    let handle = leptos::mount::mount_to(root, move || {
        progress::provide_progress();
        course::provide_course();
        pages(tool)
    });
    Some(MountedTool {
        _page: Box::new(handle),
    })
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

    #[test]
    fn each_page_belongs_to_its_module() {
        for (tool, path) in Tool::ALL {
            // The builder, its learner page and the own-course loader run the course checker.
            let expected = if path.starts_with("/build") || path == "/course" {
                Module::Build
            } else if path == "/playground" {
                Module::Playground
            } else {
                Module::Tools
            };
            assert_eq!(tool.module(), expected, "{path}");
        }
    }
}
