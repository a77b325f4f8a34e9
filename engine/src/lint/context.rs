//! The collector the checks report into.

use super::check::Check;
use super::finding::{Finding, Range, StatementId};
use super::LintOptions;
use crate::json::{LineIndex, Span};
use crate::policy::Statement;

pub(super) struct Context<'a> {
    pub text: &'a str,
    pub options: &'a LintOptions<'a>,
    pending: Vec<Pending>,
}

struct Pending {
    check: Check,
    span: Span,
    statement: Option<StatementId>,
    message: String,
    help: String,
    suggestion: Option<String>,
}

/// A finding being built: add a did-you-mean before it is kept.
pub(super) struct Report<'c> {
    pending: &'c mut Pending,
}

impl Report<'_> {
    pub fn suggest(self, suggestion: Option<String>) {
        self.pending.suggestion = suggestion;
    }
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, options: &'a LintOptions<'a>) -> Context<'a> {
        Context {
            text,
            options,
            pending: Vec::new(),
        }
    }

    pub fn kind(&self) -> crate::policy_kind::PolicyKind {
        self.options.kind
    }

    /// Records a finding about `statement` (or the whole policy) at `span`.
    pub fn report(
        &mut self,
        check: Check,
        span: Span,
        statement: Option<&Statement>,
        message: String,
        help: impl Into<String>,
    ) -> Report<'_> {
        self.pending.push(Pending {
            check,
            span,
            statement: statement.map(|s| StatementId {
                index: s.index,
                sid: s.sid.as_ref().map(|sid| sid.node.clone()),
            }),
            message,
            help: help.into(),
            suggestion: None,
        });
        let last = self.pending.len() - 1;
        Report {
            pending: &mut self.pending[last],
        }
    }

    /// The span of a statement's member key, such as `"Principal"`, when it was written.
    pub fn key_span(statement: &Statement, name: &str) -> Option<Span> {
        statement
            .keys
            .iter()
            .find(|k| k.node == name)
            .map(|k| k.span)
    }

    /// Findings reported without a statement (parse errors) get the statement whose text
    /// contains them, when there is one.
    pub fn attribute(&mut self, statements: &[Statement]) {
        for pending in self.pending.iter_mut().filter(|p| p.statement.is_none()) {
            let inside = statements
                .iter()
                .find(|s| s.span.start <= pending.span.start && pending.span.end <= s.span.end);
            if let Some(s) = inside {
                pending.statement = Some(StatementId {
                    index: s.index,
                    sid: s.sid.as_ref().map(|sid| sid.node.clone()),
                });
            }
        }
    }

    pub fn finish(self, index: &LineIndex<'_>) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self
            .pending
            .into_iter()
            .map(|p| Finding {
                code: p.check.code(),
                severity: p.check.severity(),
                message: p.message,
                help: p.help,
                range: Range::new(p.span, index),
                statement: p.statement,
                suggestion: p.suggestion,
                check: p.check,
            })
            .collect();
        iamplay_sort::sort_by(&mut findings, |a, b| {
            (a.range.start, a.severity, a.range.end, a.code).cmp(&(
                b.range.start,
                b.severity,
                b.range.end,
                b.code,
            ))
        });
        findings.dedup_by(|a, b| a.code == b.code && a.range == b.range);
        findings
    }
}
