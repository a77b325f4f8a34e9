//! The playground's live access map: its requests as edges between principals and resources,
//! its policies where they apply, each edge following the evaluation as the learner types.
//! Choosing an edge opens that request's explanation in the table.

use leptos::prelude::*;

use super::PlaygroundCx;
use crate::components::access_map::{now, AccessMapView, MapRequest};
use crate::map::AccessMap;
use crate::playground::map::{setup, verdicts};

#[component]
pub fn PlaygroundMap(cx: PlaygroundCx) -> impl IntoView {
    let setup = Memo::new(move |_| cx.state.with(setup));
    // The map names requests by text; the table by row number.
    let chosen = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let row = cx.selected.get().map(|id| id.to_string());
        if chosen.get_untracked() != row {
            chosen.set(row);
        }
    });
    Effect::new(move |_| {
        if let Some(id) = chosen.get().and_then(|id| id.parse::<u32>().ok()) {
            if cx.selected.get_untracked() != Some(id) {
                cx.selected.set(Some(id));
            }
        }
    });
    move || {
        let drawn = setup.get();
        let started = now();
        let map = AccessMap::new(
            "Who requests what in the playground",
            &drawn.requests,
            &drawn.policies,
        )?;
        let layout_ms = now() - started;
        let requests = drawn
            .row_ids
            .iter()
            .map(|id| MapRequest {
                id: id.to_string(),
                target: format!("[data-request-id=\"{id}\"]"),
            })
            .collect();
        let laid_out = map.clone();
        let states = Memo::new(move |_| {
            setup.with(|drawn| {
                cx.report
                    .with(|report| laid_out.states(&verdicts(drawn, report)))
            })
        });
        Some(view! { <AccessMapView map requests states selected=chosen layout_ms /> })
    }
}
