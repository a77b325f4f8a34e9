//! Layers: which row each node is drawn in.

use crate::spec::Spec;

/// The layer of every node, and for every edge whether the layout runs it upward (its drawn
/// target sits above its source).
#[derive(Debug)]
pub struct Ranked {
    pub layer: Vec<usize>,
    /// Per spec edge: (upper node, lower node).
    pub ends: Vec<(usize, usize)>,
}

pub fn rank(spec: &Spec) -> Ranked {
    let n = spec.nodes.len();
    // Edges in the direction the drawing should run.
    let mut ends: Vec<(usize, usize)> = spec
        .edges
        .iter()
        .map(|e| {
            if e.kind.points_up() {
                (e.to, e.from)
            } else {
                (e.from, e.to)
            }
        })
        .collect();
    break_cycles(n, &mut ends);

    let mut preds = vec![Vec::new(); n];
    let mut succs = vec![Vec::new(); n];
    for &(a, b) in &ends {
        succs[a].push(b);
        preds[b].push(a);
    }
    let order = topological(n, &succs, &preds);
    let mut layer = vec![0usize; n];
    for &v in &order {
        for &w in &succs[v] {
            layer[w] = layer[w].max(layer[v] + 1);
        }
    }
    // A source sits just above the nearest thing it points at, not at the very top.
    for &v in order.iter().rev() {
        if preds[v].is_empty() {
            if let Some(nearest) = succs[v].iter().map(|&w| layer[w]).min() {
                layer[v] = nearest.saturating_sub(1);
            }
        }
    }
    Ranked { layer, ends }
}

/// Turns around every edge that a depth-first search meets as a back edge, so the rest is a
/// DAG. Two edges between the same pair in opposite directions stay parallel this way.
fn break_cycles(n: usize, ends: &mut [(usize, usize)]) {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, &(a, _)) in ends.iter().enumerate() {
        out[a].push(i);
    }
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state = vec![State::New; n];
    let mut flip = vec![false; ends.len()];
    for root in 0..n {
        if state[root] != State::New {
            continue;
        }
        // An explicit stack of (node, next outgoing edge to look at).
        let mut stack = vec![(root, 0usize)];
        state[root] = State::Open;
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&edge) = out[v].get(*next) {
                *next += 1;
                let w = ends[edge].1;
                match state[w] {
                    State::Open => flip[edge] = true,
                    State::New => {
                        state[w] = State::Open;
                        stack.push((w, 0));
                    }
                    State::Done => {}
                }
            } else {
                state[v] = State::Done;
                stack.pop();
            }
        }
    }
    for (edge, flip) in ends.iter_mut().zip(flip) {
        if flip {
            *edge = (edge.1, edge.0);
        }
    }
}

/// Kahn's algorithm; ties keep declaration order.
fn topological(n: usize, succs: &[Vec<usize>], preds: &[Vec<usize>]) -> Vec<usize> {
    let mut waiting: Vec<usize> = preds.iter().map(Vec::len).collect();
    let mut ready: std::collections::VecDeque<usize> =
        (0..n).filter(|&v| waiting[v] == 0).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(v) = ready.pop_front() {
        order.push(v);
        for &w in &succs[v] {
            waiting[w] -= 1;
            if waiting[w] == 0 {
                ready.push_back(w);
            }
        }
    }
    order
}
