//! Why a check came out as it did, in the terms the panel shows: the deciding statements
//! (highlighted in the editor when they are the learner's), the layer that blocked the
//! request, and for statements that did not apply, the element that did not match with the
//! values compared.

use crate::course::Scenario;
use iamplay_engine::eval::{ConditionMatch, ElementMatch, Evaluation, Layer, PolicyExplanation};
use iamplay_engine::json::LineIndex;
use iamplay_engine::policy::Effect;
use iamplay_engine::policy_kind::PolicyKind;

use crate::interop::markers::Range;

/// At most this many non-matching statements are listed per check.
const MAX_MISMATCHES: usize = 6;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Explanation {
    pub summary: String,
    /// "the permissions boundary" when a layer stopped the request.
    pub blocked_by: Option<String>,
    pub deciding: Vec<StatementView>,
    pub mismatches: Vec<Mismatch>,
}

/// A statement, named for the learner; `range` is set when it is in the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementView {
    pub label: String,
    pub effect: Effect,
    pub range: Option<Range>,
}

/// A statement that did not apply, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub statement: StatementView,
    /// `Action`, `Resource`, `Condition StringEquals aws:PrincipalTag/team`.
    pub element: String,
    /// What the request had.
    pub request: String,
    /// What the statement compared it with.
    pub compared: Vec<String>,
    pub note: Option<String>,
}

fn edited_layer(kind: PolicyKind) -> Layer {
    match kind {
        PolicyKind::Identity => Layer::Identity,
        PolicyKind::Resource | PolicyKind::Trust => Layer::Resource,
        PolicyKind::Boundary => Layer::Boundary,
        PolicyKind::Session => Layer::Session,
        PolicyKind::Scp => Layer::Scp,
        PolicyKind::Rcp => Layer::Rcp,
    }
}

struct Namer<'a> {
    scenario: &'a Scenario,
    index: &'a LineIndex<'a>,
}

impl Namer<'_> {
    fn is_edited(&self, layer: Layer, name: Option<&str>) -> bool {
        layer == edited_layer(self.scenario.edit.kind)
            && name == Some(self.scenario.edit.name.as_str())
    }

    fn statement(
        &self,
        layer: Layer,
        policy: Option<&str>,
        index: usize,
        sid: Option<&str>,
        effect: Effect,
        span: iamplay_engine::json::Span,
    ) -> StatementView {
        let edited = self.is_edited(layer, policy);
        let sid = sid.map(|s| format!(" “{s}”")).unwrap_or_default();
        let place = if edited {
            "your policy".to_owned()
        } else {
            policy.map_or_else(|| layer.describe().to_owned(), str::to_owned)
        };
        StatementView {
            label: format!("Statement {}{sid} in {place}", index + 1),
            effect,
            range: edited.then(|| Range::of_span(self.index, span)),
        }
    }
}

/// The explanation of one check's evaluation.
pub fn explain_check(
    scenario: &Scenario,
    evaluation: &Evaluation,
    index: &LineIndex<'_>,
) -> Explanation {
    let namer = Namer { scenario, index };
    let deciding = evaluation
        .deciding
        .iter()
        .map(|s| {
            namer.statement(
                s.layer,
                s.policy_name.as_deref(),
                s.statement_index,
                s.sid.as_deref(),
                s.effect,
                s.span,
            )
        })
        .collect();
    let mismatches = evaluation
        .policies
        .iter()
        .filter(|p| p.applies)
        .flat_map(|policy| mismatches_in(&namer, policy))
        .take(MAX_MISMATCHES)
        .collect();
    Explanation {
        summary: evaluation.summary.clone(),
        blocked_by: evaluation
            .blocked_by
            .as_ref()
            .map(|b| b.layer.describe().to_owned()),
        deciding,
        mismatches,
    }
}

fn mismatches_in(namer: &Namer<'_>, policy: &PolicyExplanation) -> Vec<Mismatch> {
    policy
        .statements
        .iter()
        .filter(|s| !s.applies)
        .filter_map(|s| {
            let (element, request, compared, note) = first_failure(
                s.principal.as_ref(),
                &s.action,
                s.resource.as_ref(),
                &s.conditions,
            )?;
            Some(Mismatch {
                statement: namer.statement(
                    policy.layer,
                    policy.name.as_deref(),
                    s.index,
                    s.sid.as_deref(),
                    s.effect,
                    s.span,
                ),
                element,
                request,
                compared,
                note,
            })
        })
        .collect()
}

type Failure = (String, String, Vec<String>, Option<String>);

fn first_failure(
    principal: Option<&ElementMatch>,
    action: &ElementMatch,
    resource: Option<&ElementMatch>,
    conditions: &[ConditionMatch],
) -> Option<Failure> {
    let element = |e: &ElementMatch| -> Failure {
        (
            e.element.to_owned(),
            e.request_value.clone(),
            e.values
                .iter()
                .map(|v| match &v.resolved {
                    Some(resolved) if resolved != &v.value => format!("{} (= {resolved})", v.value),
                    _ => v.value.clone(),
                })
                .collect(),
            e.note.clone(),
        )
    };
    if let Some(p) = principal.filter(|p| !p.matched) {
        return Some(element(p));
    }
    if !action.matched {
        return Some(element(action));
    }
    if let Some(r) = resource.filter(|r| !r.matched) {
        return Some(element(r));
    }
    conditions.iter().find(|c| !c.matched).map(|c| {
        (
            format!("Condition {} {}", c.operator, c.key),
            c.request_values.as_ref().map_or_else(
                || "no value (the key is absent)".to_owned(),
                |v| v.join(", "),
            ),
            c.comparisons
                .iter()
                .map(|x| x.policy_value.clone())
                .collect(),
            c.note.clone(),
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::scenario::report::report;
    use crate::scenario::report::tests::scenario;
    use iamplay_engine::eval::Decision;
    use iamplay_engine::policy::Effect;

    #[test]
    fn a_denied_request_names_the_element_that_did_not_match() {
        let s = scenario("policy-anatomy", "fix-bucket-vs-object");
        let text = s.starter.as_str().to_owned();
        let report = report(&s, &text, None);
        let failing = report.checks.iter().find(|c| !c.passed).unwrap();
        let mismatch = failing
            .explanation
            .mismatches
            .iter()
            .find(|m| m.statement.label.contains("your policy"))
            .unwrap_or_else(|| panic!("{:#?}", failing.explanation));
        assert!(mismatch.statement.range.is_some());
        assert!(!mismatch.compared.is_empty(), "{mismatch:?}");
        assert!(!mismatch.request.is_empty());
    }

    #[test]
    fn an_allowed_request_highlights_the_deciding_statement_in_the_editor() {
        let s = scenario("policy-anatomy", "write-two-statements");
        let text = s.answer.as_str().to_owned();
        let report = report(&s, &text, None);
        let allowed = report
            .checks
            .iter()
            .find(|c| c.decision == Decision::Allowed)
            .unwrap();
        let deciding = &allowed.explanation.deciding[0];
        assert_eq!(deciding.effect, Effect::Allow);
        assert!(deciding.label.contains("your policy"), "{deciding:?}");
        let range = deciding.range.expect("in the editor");
        assert!(range.start_line > 1);
    }
}
