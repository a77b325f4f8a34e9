//! The learner's page for a scenario shared from the builder (`/build/try#scenario=…`): the
//! link is checked as it opens, and a broken or crafted one gets a clear message instead.

use leptos::prelude::*;

use crate::builder::link::{open_link, LinkError};
use crate::components::scenario_panel::ScenarioPanel;
use crate::components::title::Title;
use crate::course::Scenario;
use crate::interop::page;

/// Progress for a shared scenario is kept under `shared-<hash of its link>`, so that two
/// scenarios with the same id do not share a draft.
fn lesson_key(fragment: &str) -> String {
    // FNV-1a: stable across releases, which a saved draft's key must be.
    let hash = fragment.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    format!("shared-{hash:08x}")
}

#[component]
pub fn TryScenarioPage() -> impl IntoView {
    // A link pasted into this tab changes only the fragment: open that one.
    let fragment = RwSignal::new(page::read_hash());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        fragment.set(page::read_hash());
    });
    on_cleanup(move || listener.remove());
    move || {
        let fragment = fragment.get();
        match open_link(&fragment) {
            Ok(scenario) => {
                // The panel holds its scenario for the page's life, as lesson pages hold the course.
                let scenario: &'static Scenario = Box::leak(Box::new(scenario));
                view! { <Opened scenario lesson=lesson_key(&fragment) /> }.into_any()
            }
            Err(error) => view! { <Refused error /> }.into_any(),
        }
    }
}

#[component]
fn Opened(scenario: &'static Scenario, lesson: String) -> impl IntoView {
    view! {
        <Title text=scenario.title.value.clone() />
        <article class="page build-try-page">
            <h1>"A scenario shared with you"</h1>
            <p class="lead">
                "Someone built this exercise with IAM Playground's scenario builder. Solve it here: "
                "every check is evaluated as you type, and your work is saved in this browser."
            </p>
            <ScenarioPanel lesson scenario standalone=true />
            <p><a href="/lessons">"The course's lessons"</a>" · "<a href="/build">"Build a scenario of your own"</a></p>
        </article>
    }
}

#[component]
fn Refused(error: LinkError) -> impl IntoView {
    view! {
        <Title text="This scenario link does not open" />
        <section class="page build-try-page">
            <h1>"This scenario link does not open"</h1>
            <div class="notice error" role="alert" data-testid="link-error">
                <p>{format!("{}{}.", error.to_string()[..1].to_uppercase(), &error.to_string()[1..])}</p>
                <p>{error.help()}</p>
            </div>
            <p><a href="/lessons">"The course's lessons"</a>" · "<a href="/build">"Build a scenario"</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_link_keeps_its_own_progress_under_a_valid_key() {
        let one = lesson_key("#scenario=1.abc");
        assert_ne!(one, lesson_key("#scenario=1.abd"));
        assert_eq!(one, lesson_key("#scenario=1.abc"));
        let key = crate::progress::scenario_key(&one, "read-raw-data");
        assert!(crate::progress::exchange::is_scenario_key(&key), "{key}");
    }
}
