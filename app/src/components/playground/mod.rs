//! The playground's views: policy editors, the request table, the flow and the explanation.

pub mod denial;
pub mod explain;
pub mod map;
pub mod policies;
pub mod requests;

use leptos::prelude::*;

use crate::playground::evaluate::Report;
use crate::playground::state::Playground;

/// The playground's signals, handed to every view (all `Copy`).
#[derive(Debug, Clone, Copy)]
pub struct PlaygroundCx {
    pub state: RwSignal<Playground>,
    pub report: RwSignal<Report>,
    /// The request row whose explanation is open.
    pub selected: RwSignal<Option<u32>>,
    /// Bumped when the whole state is replaced, so editors are created afresh.
    pub generation: RwSignal<u32>,
    pub catalog_ready: RwSignal<bool>,
    /// The kind of policy an access-denied message blamed, highlighted in the editors.
    pub blamed: RwSignal<Option<iamplay_engine::policy_kind::PolicyKind>>,
}

impl PlaygroundCx {
    pub fn new(initial: Playground) -> PlaygroundCx {
        PlaygroundCx {
            state: RwSignal::new(initial),
            report: RwSignal::new(Report::default()),
            selected: RwSignal::new(None),
            generation: RwSignal::new(0),
            catalog_ready: RwSignal::new(false),
            blamed: RwSignal::new(None),
        }
    }

    /// Replaces the whole playground (an example, a link).
    pub fn replace(&self, playground: Playground) {
        self.selected.set(playground.requests.first().map(|r| r.id));
        self.state.set(playground);
        self.generation.update(|g| *g += 1);
    }
}
