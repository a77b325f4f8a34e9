//! A value with the span of policy text it came from; equality ignores the span.

use crate::json::Span;
use std::fmt;

/// `node` as parsed, with where it was written. Two nodes are equal when their values are,
/// wherever they were written: moving a statement does not change what it means.
#[derive(Clone, Copy, Default)]
pub struct Node<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Node<T> {
    pub fn new(node: T, span: Span) -> Node<T> {
        Node { node, span }
    }

    /// A node built in code rather than parsed: it points nowhere.
    pub fn unspanned(node: T) -> Node<T> {
        Node {
            node,
            span: Span::default(),
        }
    }
}

impl<T: PartialEq> PartialEq for Node<T> {
    fn eq(&self, other: &Self) -> bool {
        self.node == other.node
    }
}

impl<T: Eq> Eq for Node<T> {}

impl<T: fmt::Debug> fmt::Debug for Node<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} @{}..{}", self.node, self.span.start, self.span.end)
    }
}

impl<T> std::ops::Deref for Node<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.node
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equality_ignores_where_a_value_was_written() {
        assert_eq!(
            Node::new("Allow", Span::new(1, 8)),
            Node::new("Allow", Span::new(40, 47))
        );
        assert_ne!(
            Node::new("Allow", Span::new(1, 8)),
            Node::new("Deny", Span::new(1, 8))
        );
    }
}
