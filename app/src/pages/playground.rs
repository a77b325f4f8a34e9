//! The open playground: policies of every kind, a table of requests evaluated live, share links.

use crate::components::title::Title;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::playground::denial::DenialPanel;
use crate::components::playground::map::PlaygroundMap;
use crate::components::playground::policies::PolicyList;
use crate::components::playground::requests::RequestTable;
use crate::components::playground::PlaygroundCx;
use crate::interop::frame::PerFrame;
use crate::interop::{language, page};
use crate::playground::evaluate::{evaluate_with, ParsedPolicies};
use crate::playground::examples::{find, EXAMPLES};
use crate::playground::state::Playground as PlaygroundState;
use crate::share::{self, Shared, SharedContent, FRAGMENT_KEY};

use crate::share::APP_VERSION as ENGINE_VERSION;

/// What opening the page found in the URL fragment.
enum Opened {
    Fresh,
    Link(PlaygroundState, Vec<String>),
    Refused {
        message: String,
        help: &'static str,
    },
    /// A scenario attempt: it belongs on its lesson page, at this address.
    Attempt {
        lesson: String,
        href: String,
    },
}

fn open_from_hash() -> Opened {
    let hash = page::read_hash();
    if !hash.starts_with(&format!("#{FRAGMENT_KEY}")) {
        return Opened::Fresh;
    }
    let catalog = language::catalog().map(|c| c.info().version);
    match share::decode(&hash, ENGINE_VERSION, catalog.as_deref()) {
        Ok(decoded) => match decoded.shared.content {
            SharedContent::Playground(playground) => Opened::Link(
                playground,
                decoded.notes.iter().map(ToString::to_string).collect(),
            ),
            SharedContent::Attempt {
                lesson, scenario, ..
            } => {
                let fragment = hash.trim_start_matches('#');
                Opened::Attempt {
                    href: format!("/lessons/{lesson}/{scenario}#{fragment}"),
                    lesson,
                }
            }
        },
        Err(err) => Opened::Refused {
            help: err.help(),
            message: err.to_string(),
        },
    }
}

#[component]
pub fn Playground() -> impl IntoView {
    page::install_panic_report();
    let opened = open_from_hash();
    let mut attempt = None;
    let (initial, notes, refused) = match opened {
        Opened::Fresh => (
            find("cross-account-data-lake")
                .map(|e| e.playground())
                .unwrap_or_default(),
            Vec::new(),
            None,
        ),
        Opened::Link(playground, notes) => (playground, notes, None),
        Opened::Refused { message, help } => (
            PlaygroundState::default(),
            Vec::new(),
            Some((message, help)),
        ),
        Opened::Attempt { lesson, href } => {
            attempt = Some((lesson, href));
            (PlaygroundState::default(), Vec::new(), None)
        }
    };
    let cx = PlaygroundCx::new(initial);
    cx.selected.set(
        cx.state
            .with_untracked(|p| p.requests.first().map(|r| r.id)),
    );
    let eval_ms = RwSignal::new(0.0_f64);
    let (link, set_link) = signal(None::<(String, bool)>);

    // Re-evaluate on every change, in time for the frame that shows the edit; only the edited
    // policy is parsed again.
    let parses = std::cell::RefCell::new(ParsedPolicies::default());
    let reevaluate = PerFrame::new(move || {
        let start = page::now_millis();
        let Some(report) = cx
            .state
            .try_with_untracked(|state| evaluate_with(state, &mut parses.borrow_mut()))
        else {
            return;
        };
        eval_ms.try_set(page::now_millis() - start);
        cx.report.try_set(report);
    });
    Effect::new(move |_| {
        cx.state.track();
        reevaluate.request();
    });

    spawn_local(async move {
        if language::load_catalog().await.is_ok() {
            cx.catalog_ready.try_set(true);
        }
    });

    let copy_link = move |_| {
        let shared = Shared {
            engine: ENGINE_VERSION.to_owned(),
            catalog: language::catalog().map(|c| c.info().version),
            content: SharedContent::Playground(cx.state.get_untracked()),
        };
        let url = page::replace_hash(&format!("{FRAGMENT_KEY}{}", share::encode(&shared)));
        spawn_local(async move {
            let copied = page::copy_text(&url).await;
            set_link.set(Some((url, copied)));
        });
    };
    let load_example = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if let Some(example) = find(&id) {
            cx.replace(example.playground());
        } else if id == "empty" {
            cx.replace(PlaygroundState::default());
        }
    };

    view! {
        <Title text="Playground" />
        <section class="page playground-page">
            <h1>"Playground"</h1>
            <p class="lead">
                "Every kind of policy for one account setup, and a table of requests evaluated as AWS would on every keystroke."
            </p>
            {refused.map(|(message, help)| view! {
                <div class="error-panel" role="alert" data-testid="share-error">
                    <p><strong>"This share link could not be opened: "</strong>{message}</p>
                    <p class="help">{help}</p>
                    <p>"The playground below starts empty."</p>
                </div>
            })}
            {attempt.map(|(lesson, href)| view! {
                <div class="callout" role="status" data-testid="attempt-elsewhere">
                    <p>{format!("This link holds an attempt at a scenario of the lesson `{lesson}`. ")}
                        // A full load, so the scenario reads the link as it opens.
                        <a href=href rel="external">"Open it in the lesson"</a>
                    </p>
                </div>
            })}
            {(!notes.is_empty()).then(|| view! {
                <div class="callout" role="status">{notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}</div>
            })}
            <div class="toolbar">
                <label for="example-picker">"Start from"</label>
                <select id="example-picker" on:change=load_example>
                    <option value="">"an example…"</option>
                    {EXAMPLES.iter().map(|e| view! { <option value=e.id title=e.summary>{e.title}</option> }).collect_view()}
                    <option value="empty">"an empty playground"</option>
                </select>
                <button type="button" class="button" on:click=copy_link>"Copy link"</button>
                <span class="meta" data-testid="eval-time" data-ms=move || format!("{:.3}", eval_ms.get())>
                    {move || format!("evaluated in {:.1} ms", eval_ms.get())}
                </span>
            </div>
            {move || link.get().map(|(url, copied)| view! {
                <div class="share-link" role="status">
                    <label for="share-url">{if copied { "Link copied. It holds the whole playground:" } else { "Copy this link; it holds the whole playground:" }}</label>
                    <input id="share-url" readonly prop:value=url.clone() on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    } />
                    <span class="meta">{format!("{} characters", url.len())}</span>
                </div>
            })}
            <DenialPanel cx />
            <div class="playground-grid">
                <PolicyList cx />
                <RequestTable cx />
            </div>
            <PlaygroundMap cx />
        </section>
    }
}
