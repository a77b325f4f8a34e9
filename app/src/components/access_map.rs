//! The live access map beside a scenario's editor: its setup drawn once, its request edges
//! marked allowed or denied as the checks change. Choosing an edge (a click on the drawing,
//! or a button in the list under it) selects that check, whose explanation the check list
//! then shows.

use iamplay_diagram::{relationships, render, EdgeState};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::diagram::{fresh_id, Words};
use crate::interop::scroll::bring_into_view;
use crate::interop::svg::redraw;
use crate::map::AccessMap;

/// One request of the map, for the list of buttons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapRequest {
    /// The check (or request) the edge stands for.
    pub id: String,
    /// A CSS selector for what a choice brings into view: the check's row.
    pub target: String,
}

pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[component]
pub fn AccessMapView(
    map: AccessMap,
    requests: Vec<MapRequest>,
    /// The edge states, in edge order; recomputed per keystroke, equal most of the time.
    states: Memo<Vec<EdgeState>>,
    selected: RwSignal<Option<String>>,
    /// How long laying the map out took (ms), once for the scenario.
    layout_ms: f64,
) -> impl IntoView {
    let id = fresh_id("map");
    let host = NodeRef::<html::Div>::new();
    let map = StoredValue::new(map);
    let requests = StoredValue::new(requests);
    let words = Memo::new(move |_| {
        let states = states.get();
        map.with_value(|m| relationships(&m.diagram, &states))
    });
    // How often the drawing was redrawn, and how long the last redraw took (ms): what
    // `make bench-browser` reads to give the map's share of a keystroke.
    let redraws = RwSignal::new(0u32);
    let redraw_ms = RwSignal::new(0.0f64);
    {
        let id = id.clone();
        // The drawing on screen, for the next redraw to change only what differs.
        let shown = StoredValue::new_local(None);
        Effect::new(move |_| {
            let states = states.get();
            if let Some(host) = host.get() {
                let started = now();
                let figure = map.with_value(|m| render(&m.diagram, &id, &states));
                let drawn = shown
                    .with_value(|shown: &Option<_>| redraw(&host, shown.as_ref(), &figure.svg));
                // A failure leaves the list below, which says the same; the next redraw starts afresh.
                shown.set_value(drawn.is_ok().then_some(figure.svg));
                redraw_ms.set(now() - started);
                redraws.update(|n| *n += 1);
            }
        });
    }
    let choose = move |request: usize| {
        if let Some(chosen) = requests.with_value(|r| r.get(request).cloned()) {
            selected.set(Some(chosen.id));
            bring_into_view(chosen.target);
        }
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        let edge = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-edge]").ok().flatten())
            .and_then(|e| e.get_attribute("data-edge"))
            .and_then(|e| e.parse::<usize>().ok());
        if let Some(request) = edge.and_then(|e| map.with_value(|m| m.request_of_edge(e))) {
            choose(request);
        }
    };
    let title = map.with_value(|m| m.diagram.title.clone());
    // The requests are the map's own: built once, each following its edge's state.
    let buttons = map.with_value(|m| {
        m.request_edges
            .iter()
            .enumerate()
            .map(|(request, &edge)| {
                let placed = &m.diagram.edges[edge];
                let from = &m.diagram.nodes[placed.from].label;
                let to = &m.diagram.nodes[placed.to].label;
                let what = placed.detail.as_deref().unwrap_or_default();
                let state = move || states.with(|s| s.get(edge).cloned());
                let class = move || match state() {
                    Some(EdgeState::Allowed) => "map-request allowed",
                    Some(EdgeState::Denied { .. }) => "map-request denied",
                    _ => "map-request",
                };
                let verdict = move || {
                    state()
                        .and_then(|s| s.verdict())
                        .map(|v| view! { <span class="map-verdict">{format!(" — {v}")}</span> })
                };
                let id = requests.with_value(|r| r.get(request).map(|r| r.id.clone()));
                let check = id.clone();
                let pressed = move || (selected.get() == id).to_string();
                view! {
                    <li class=class data-check=check data-edge=edge.to_string()>
                        <button type="button" aria-pressed=pressed
                            on:click=move |_| choose(request)>
                            {format!("{from} → {to}: {what}")}
                            {verdict}
                        </button>
                    </li>
                }
            })
            .collect_view()
    });
    view! {
        <section class="access-map" aria-label="Access map"
            data-redraws=move || redraws.get().to_string()
            data-redraw-ms=move || format!("{:.3}", redraw_ms.get())
            data-layout-ms=format!("{layout_ms:.3}")>
            <h4>"Access map"</h4>
            <figure class="diagram">
                <div class="diagram-canvas" node_ref=host tabindex="0" role="group"
                    aria-label=format!("Diagram: {title}") on:click=on_click></div>
                <figcaption>
                    <p class="map-help">"Choose a request to see why it is allowed or denied."</p>
                    <ul class="map-requests">{buttons}</ul>
                    <Words words />
                </figcaption>
            </figure>
        </section>
    }
}
