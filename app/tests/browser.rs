//! Tests that need a real DOM, run in headless Chromium by wasm-bindgen-test:
//! `make wasm-test`, or `cargo test -p iamplay-app --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use iamplay_app::components::course_gate::CourseGate;
use iamplay_app::components::policy_editor::PolicyEditor;
use iamplay_app::components::Markdown;
use iamplay_app::course::{provide_course, use_course, CourseState};
// The bundle step parses lesson Markdown at build time; the tests parse the same way.
use iamplay_course::markdown::parse;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh element of the test page and returns that element.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), view).forget();
    host
}

fn count(host: &HtmlElement, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
fn raw_html_in_a_lesson_reaches_the_dom_as_text() {
    let host = mount(|| {
        view! {
            <Markdown document=parse("<script>window.pwned = 1</script>\n\nHi <img src=x onerror=\"window.pwned = 2\"> <b>bold</b>") />
        }
    });
    assert_eq!(count(&host, "script, img, b, [onerror]"), 0);
    let text = host.text_content().unwrap();
    assert!(text.contains("<script>window.pwned = 1</script>"), "{text}");
    assert!(
        text.contains("<img src=x onerror=\"window.pwned = 2\">"),
        "{text}"
    );
    let window = web_sys::window().unwrap();
    assert!(js_sys::Reflect::get(&window, &"pwned".into())
        .unwrap()
        .is_undefined());
}

#[wasm_bindgen_test]
fn script_links_lose_their_target_but_keep_their_text() {
    let host = mount(
        || view! { <Markdown document=parse("[run](javascript:alert(1)) and [docs](https://docs.aws.amazon.com/IAM/)") /> },
    );
    assert_eq!(count(&host, "a"), 1);
    let link = host.query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://docs.aws.amazon.com/IAM/")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert!(host.text_content().unwrap().contains("run and docs"));
}

#[wasm_bindgen_test]
fn tables_code_and_callouts_render_as_markup() {
    let host = mount(|| {
        view! {
            <Markdown
                document=parse("# Title\n\n| Part | Example |\n|---|--:|\n| Action | `s3:GetObject` |\n\n> [!TIP]\n> Start small.\n\n```json\n{\"a\": 1}\n```")
                skip_title="Title"
            />
        }
    });
    assert_eq!(
        count(&host, "h1, h2"),
        0,
        "the title is the page's own heading"
    );
    assert_eq!(count(&host, "table thead th"), 2);
    assert_eq!(count(&host, "table tbody td.align-right code"), 1);
    assert_eq!(count(&host, "aside.callout-tip"), 1);
    let code = host
        .query_selector("pre code.language-json")
        .unwrap()
        .unwrap();
    assert_eq!(code.text_content().as_deref(), Some("{\"a\": 1}\n"));
}

/// Renders the effects and tasks queued so far (the course load finishes within a few ticks
/// when it fails before any request).
async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
    }
}

#[wasm_bindgen_test]
async fn the_course_gate_explains_a_page_without_its_course_and_offers_to_try_again() {
    // The test page has no `<link id="course-bundle">`, so the course cannot be found.
    let store = std::rc::Rc::new(std::cell::Cell::new(None));
    let kept = store.clone();
    let host = mount(move || {
        provide_course();
        kept.set(Some(use_course()));
        view! {
            <CourseGate let:course>
                <p class="loaded">{course.manifest.title.value.clone()}</p>
            </CourseGate>
        }
    });
    settle().await;
    assert_eq!(count(&host, ".loaded"), 0);
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    let text = alert.text_content().unwrap();
    assert!(text.contains("The course could not be loaded"), "{text}");
    assert!(text.contains("does not name its course file"), "{text}");
    assert!(text.contains("reload the page"), "{text}");

    let retry: HtmlElement = host
        .query_selector("[role=alert] button")
        .unwrap()
        .expect("a Try again button")
        .dyn_into()
        .unwrap();
    assert_eq!(retry.text_content().as_deref(), Some("Try again"));
    retry.click();
    // Trying again starts a new load at once (how soon the DOM shows it is the renderer's business).
    let store = store.get().expect("the course store");
    assert_eq!(store.state(), CourseState::Loading);
    settle().await;
    // ... which ends in the same clear error, shown once.
    assert!(matches!(store.state(), CourseState::Failed(_)));
    assert_eq!(count(&host, "[role=alert] button"), 1);
    assert_eq!(count(&host, ".loaded"), 0);
}

/// Waits until `done` holds, checking every 50 ms for at most `ms`.
async fn until(ms: i32, done: impl Fn() -> bool) -> bool {
    for _ in 0..ms / 50 {
        if done() {
            return true;
        }
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
        });
        wasm_bindgen_futures::JsFuture::from(pause).await.unwrap();
    }
    done()
}

#[wasm_bindgen_test]
async fn a_lazy_editor_shows_its_text_until_asked_and_then_says_why_monaco_failed() {
    let active = RwSignal::new(false);
    let text = "{\"Version\": \"2012-10-17\"}";
    let host = mount(move || {
        view! {
            <PolicyEditor
                text=text
                label="Policy"
                on_change=Callback::new(|_: String| {})
                markers=Signal::stored(Vec::new())
                active
            />
        }
    });
    let frame = host.query_selector(".editor-frame").unwrap().unwrap();
    let state = move || frame.get_attribute("data-state").unwrap_or_default();
    leptos::task::tick().await;
    assert_eq!(state(), "waiting");
    let preview = host.query_selector("pre.editor-preview").unwrap().unwrap();
    assert_eq!(preview.text_content().as_deref(), Some(text));
    assert_eq!(
        preview.get_attribute("aria-label").as_deref(),
        Some("Policy (loading the editor)")
    );

    // The test page has no `vs/` folder: the editor must fail with a reason, not hang.
    active.set(true);
    assert!(until(10_000, || state() == "failed").await, "{}", state());
    let alert = host.query_selector("[role=alert]").unwrap().unwrap();
    let said = alert.text_content().unwrap();
    assert!(said.contains("`vs/loader.js`"), "{said}");
    assert!(said.contains("reload the page"), "{said}");
}
