//! `/course`: run a trainer's course bundle (from a file or an https URL) instead of the
//! built-in course. It lives in the builder's module because it runs the course checker; the
//! choice is stored, and the page reloads into the lessons so every module picks it up.

use leptos::{html, prelude::*, task::spawn_local};

use crate::components::title::Title;
use crate::course::own::{self, check_bundle};
use crate::interop::{files, language::fetch_text, storage::unscoped};

/// What the last attempt found: the problems, or nothing yet.
type Outcome = Option<(String, Vec<String>)>;

#[component]
pub fn OwnCoursePage() -> impl IntoView {
    let outcome = RwSignal::new(None::<(String, Vec<String>)>);
    let busy = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    let url = RwSignal::new(String::new());
    let active = own::active(&unscoped()).is_some();

    let from_file = move |_| {
        let Some(element) = input.get() else { return };
        busy.set(true);
        spawn_local(async move {
            if let Some(file) = element.files().and_then(|files| files.get(0)) {
                if let Some(problem) = own::too_large(file.size()) {
                    outcome.set(refused(problem));
                } else {
                    match files::read_chosen(&element).await {
                        Ok(Some(text)) => outcome.set(run(&text)),
                        Ok(None) => {}
                        Err(err) => outcome.set(refused(err)),
                    }
                }
            }
            element.set_value("");
            busy.set(false);
        });
    };
    let from_url = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let address = url.get_untracked().trim().to_owned();
        if !address.starts_with("https://") {
            outcome.set(refused(
                "the address must start with `https://` (the course is fetched over an encrypted connection)".to_owned(),
            ));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match fetch_text(&address).await {
                Ok(text) => outcome.set(run(&text.as_string().unwrap_or_default())),
                Err(err) => outcome.set(refused(format!(
                    "the course did not download: {} (the host must allow other sites to read it, with CORS)",
                    err.as_string()
                        .unwrap_or_else(|| "the network request failed".to_owned())
                ))),
            }
            busy.set(false);
        });
    };
    let switch_back = move |_| {
        own::switch_back(&unscoped());
        open_lessons();
    };

    view! {
        <section class="page own-course">
            <Title text="Run your own course" />
            <h1>"Run your own course"</h1>
            <p>
                "Load a course bundle written by " <code>"iamplay lessons bundle"</code>
                " (see the lessons README). It is checked here as " <code>"iamplay lessons check"</code>
                " checks it, then runs in place of the built-in course, with its own progress: the built-in course's progress is kept as it is, and you can switch back at any time."
            </p>
            {active.then(|| view! {
                <p>
                    "Your own course is running now. "
                    <button type="button" on:click=switch_back>"Switch back to the built-in course"</button>
                </p>
            })}
            <h2>"From a file"</h2>
            <p>
                <label for="own-course-file">"Course file (JSON, at most 5 MB)"</label>
                " "
                <input id="own-course-file" type="file" accept=".json,application/json" node_ref=input on:change=from_file prop:disabled=busy />
            </p>
            <h2>"From a web address"</h2>
            <form on:submit=from_url>
                <label for="own-course-url">"Address of the course file (https)"</label>
                " "
                <input id="own-course-url" type="url" placeholder="https://example.com/course.json" bind:value=url />
                " "
                <button type="submit" class="primary" prop:disabled=busy>"Load"</button>
            </form>
            {move || busy.get().then(|| view! { <p role="status">"Checking the course…"</p> })}
            {move || outcome.get().map(|(title, problems)| view! {
                <div class="error-panel" role="alert">
                    <h2>{title}</h2>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            })}
        </section>
    }
}

/// Checks `text` and, when it passes, makes it the course and opens its lessons.
fn run(text: &str) -> Outcome {
    match check_bundle(text) {
        Ok(course) => match own::choose(&unscoped(), text, &course) {
            Ok(()) => {
                open_lessons();
                None
            }
            Err(err) => refused(err),
        },
        Err(refused) => Some(("The course was not loaded".to_owned(), refused.problems)),
    }
}

fn refused(problem: String) -> Outcome {
    Some(("The course was not loaded".to_owned(), vec![problem]))
}

/// A full load, so that every module opens the chosen course and its progress.
fn open_lessons() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign("/lessons");
    }
}
