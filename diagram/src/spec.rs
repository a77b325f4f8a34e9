//! A diagram before layout: what the text format says, or what a program builds.

use crate::kind::{BoxKind, EdgeKind, NodeKind};

/// Nodes, the boxes around them and the edges between them. Indexes refer into the vectors;
/// [`Spec::check`] confirms they do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spec {
    /// What the diagram shows, in one line: the SVG's `<title>`.
    pub title: String,
    pub nodes: Vec<NodeSpec>,
    pub boxes: Vec<BoxSpec>,
    pub edges: Vec<EdgeSpec>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeSpec {
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
    /// The innermost box it is in.
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxSpec {
    pub id: String,
    pub kind: BoxKind,
    pub label: String,
    /// The box it is in; always an earlier box, so boxes nest without cycles.
    pub parent: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeSpec {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// Words after the verb: `sts:AssumeRole`, `only s3:GetObject`.
    pub detail: Option<String>,
}

impl Spec {
    /// Adds a node and returns its index.
    pub fn node(
        &mut self,
        id: impl Into<String>,
        kind: NodeKind,
        label: impl Into<String>,
        parent: Option<usize>,
    ) -> usize {
        self.nodes.push(NodeSpec {
            id: id.into(),
            kind,
            label: label.into(),
            parent,
        });
        self.nodes.len() - 1
    }

    /// Adds a box and returns its index.
    pub fn group(
        &mut self,
        id: impl Into<String>,
        kind: BoxKind,
        label: impl Into<String>,
        parent: Option<usize>,
    ) -> usize {
        self.boxes.push(BoxSpec {
            id: id.into(),
            kind,
            label: label.into(),
            parent,
        });
        self.boxes.len() - 1
    }

    /// Adds an edge and returns its index.
    pub fn edge(
        &mut self,
        from: usize,
        kind: EdgeKind,
        to: usize,
        detail: Option<String>,
    ) -> usize {
        self.edges.push(EdgeSpec {
            from,
            to,
            kind,
            detail,
        });
        self.edges.len() - 1
    }

    /// Whether every index points at something and boxes nest outward only. A spec from
    /// [`crate::parse`] always passes; the layout refuses one that does not.
    pub fn check(&self) -> Result<(), String> {
        for (i, node) in self.nodes.iter().enumerate() {
            if node.parent.is_some_and(|b| b >= self.boxes.len()) {
                return Err(format!("node {i} is in a box that does not exist"));
            }
        }
        for (i, group) in self.boxes.iter().enumerate() {
            if group.parent.is_some_and(|b| b >= i) {
                return Err(format!("box {i} must be inside an earlier box"));
            }
        }
        for (i, edge) in self.edges.iter().enumerate() {
            if edge.from >= self.nodes.len() || edge.to >= self.nodes.len() {
                return Err(format!("edge {i} has an end that does not exist"));
            }
            if edge.from == edge.to {
                return Err(format!("edge {i} goes from a node to itself"));
            }
        }
        Ok(())
    }

    /// The boxes around a node or box, outermost first.
    pub(crate) fn box_path(&self, mut parent: Option<usize>) -> Vec<usize> {
        let mut path = Vec::new();
        while let Some(b) = parent {
            path.push(b);
            parent = self.boxes[b].parent;
        }
        path.reverse();
        path
    }
}
