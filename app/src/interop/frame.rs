//! Scheduling work around the browser's frames: `next_frame` for work that needs layout, and
//! [`PerFrame`] for recomputing after edits without falling a frame behind the keystroke.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Runs `work` before the browser paints the next frame.
pub fn next_frame(work: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(work);
    if let Some(window) = web_sys::window() {
        // Failing to schedule leaves the last result on screen; the next edit tries again.
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}

/// Runs `work` in a task after the next frame is painted: for work nobody waits to see.
#[cfg(target_arch = "wasm32")]
pub fn after_paint(work: impl FnOnce() + 'static) {
    next_frame(move || {
        let callback = Closure::once_into_js(work);
        if let Some(window) = web_sys::window() {
            // As with frames: a failure leaves the work to the next request.
            let _ = window.set_timeout_with_callback(callback.unchecked_ref());
        }
    });
}

/// On the host (native tests) there are no frames: the work runs at once.
#[cfg(not(target_arch = "wasm32"))]
pub fn after_paint(work: impl FnOnce() + 'static) {
    work();
}

/// Runs `work` right after the current task, before the browser paints.
fn after_this_task(work: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move { work() });
}

/// Recomputes after edits: the first edit since the last frame is handled as soon as the edit's
/// own event is done, so the result is painted in the same frame as the keystroke; further
/// edits before that frame are folded into one run at the frame. However fast the edits come
/// (key repeat, paste, many changes from one command), work runs at most twice per frame.
#[derive(Clone)]
pub struct PerFrame {
    phase: Rc<Cell<Phase>>,
    work: Rc<dyn Fn()>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Nothing has run since the last frame: the next edit runs right away.
    Idle,
    /// A run is queued right after the current task; edits until then are part of it.
    Soon,
    /// An edit was handled right away in this frame; later ones wait for the frame.
    Ran,
    /// An edit is waiting for the frame.
    Waiting,
}

impl std::fmt::Debug for PerFrame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PerFrame")
            .field("phase", &self.phase.get())
            .finish_non_exhaustive()
    }
}

impl PerFrame {
    pub fn new(work: impl Fn() + 'static) -> Self {
        Self {
            phase: Rc::new(Cell::new(Phase::Idle)),
            work: Rc::new(work),
        }
    }

    /// Something changed: run the work soon, as described on the type.
    pub fn request(&self) {
        match self.phase.get() {
            Phase::Soon | Phase::Waiting => {}
            Phase::Ran => self.phase.set(Phase::Waiting),
            Phase::Idle => {
                self.phase.set(Phase::Soon);
                let now = self.clone();
                // A microtask, not a direct call: one command's several change events (typing
                // a quote that Monaco closes, a paste) still cost one run.
                after_this_task(move || {
                    now.phase.set(Phase::Ran);
                    (now.work)();
                });
                let at_frame = self.clone();
                next_frame(move || {
                    if at_frame.phase.replace(Phase::Idle) == Phase::Waiting {
                        (at_frame.work)();
                    }
                });
            }
        }
    }
}
