//! Evaluates every request of the playground against its enabled policies. A [`ParsedPolicies`]
//! kept between edits parses only the policy whose text changed.

use std::collections::{BTreeMap, HashMap};

use iamplay_engine::case::{Case, NamedPolicy, PolicySet, Request};
use iamplay_engine::context::RequestContext;
use iamplay_engine::eval::{decide_open, evaluate, Evaluation, Layer, OpenDecision};
use iamplay_engine::policy::{parse_policy, Policy};

use super::state::{Playground, PolicyDoc, RequestRow, ValueType, LEVELS};

use iamplay_engine::policy_kind::PolicyKind;

/// The outcome of one request row.
#[derive(Debug, Clone, PartialEq)]
pub struct RowOutcome {
    pub id: u32,
    pub result: Result<Evaluation, RowProblem>,
    /// Condition keys the enabled policies test that this request does not carry.
    pub missing_keys: Vec<String>,
    /// `Some(passed)` when the row has an expectation and could be evaluated (and, in open
    /// context, does not depend on unknown keys).
    pub passed: Option<bool>,
    /// The decision with unknown keys, when the playground asks for open context.
    pub open: Option<OpenDecision>,
    /// Which playground policy each policy of the case came from.
    pub sources: Vec<Source>,
}

/// Why a row could not be evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub message: String,
    pub help: String,
}

/// Maps the evaluator's (layer, level, index) of a policy to the playground policy id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub layer: Layer,
    pub level: Option<usize>,
    pub index: usize,
    pub policy_id: u32,
    /// For SCPs and RCPs: the playground's level (index into [`LEVELS`]).
    pub org_level: Option<usize>,
}

/// Everything the playground shows after an edit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Parse errors of enabled policies, by policy id: such policies are left out.
    pub policy_errors: BTreeMap<u32, String>,
    pub rows: Vec<RowOutcome>,
}

impl Report {
    pub fn row(&self, id: u32) -> Option<&RowOutcome> {
        self.rows.iter().find(|r| r.id == id)
    }

    pub fn passed(&self) -> usize {
        self.rows.iter().filter(|r| r.passed == Some(true)).count()
    }

    pub fn failed(&self) -> usize {
        self.rows.iter().filter(|r| r.passed == Some(false)).count()
    }
}

impl RowOutcome {
    /// The playground policy an evaluator reference points at.
    pub fn policy_id(&self, layer: Layer, level: Option<usize>, index: usize) -> Option<u32> {
        self.sources
            .iter()
            .find(|s| s.layer == layer && s.level == level && s.index == index)
            .map(|s| s.policy_id)
    }

    /// The organization level name (`Root`, `OU`, `Account`) of an evaluator level.
    pub fn level_name(&self, layer: Layer, level: usize) -> Option<&'static str> {
        self.sources
            .iter()
            .find(|s| s.layer == layer && s.level == Some(level))
            .and_then(|s| s.org_level)
            .and_then(|l| LEVELS.get(l).copied())
    }
}

struct Parsed<'p> {
    doc: &'p PolicyDoc,
    policy: &'p Policy,
}

/// The enabled policies' parses, by policy text, kept between edits: an edit to one policy
/// leaves the others' parses standing. Keyed by text, not id, because a parse depends on the
/// text alone (and a share link may repeat an id).
#[derive(Debug, Default)]
pub struct ParsedPolicies {
    by_text: HashMap<String, Result<Policy, String>>,
}

impl ParsedPolicies {
    /// Parses the enabled policies not parsed yet, and forgets texts no enabled policy holds.
    fn refresh(&mut self, playground: &Playground) {
        let enabled = || playground.policies.iter().filter(|p| p.enabled);
        self.by_text
            .retain(|text, _| enabled().any(|doc| doc.text == *text));
        for doc in enabled() {
            if !self.by_text.contains_key(&doc.text) {
                let parsed = parse_policy(&doc.text).map_err(|err| err.to_string());
                self.by_text.insert(doc.text.clone(), parsed);
            }
        }
    }
}

/// Evaluates every row of `playground`, parsing every enabled policy.
pub fn evaluate_all(playground: &Playground) -> Report {
    evaluate_with(playground, &mut ParsedPolicies::default())
}

/// Evaluates every row of `playground`, parsing only the policies `parses` does not hold yet.
pub fn evaluate_with(playground: &Playground, parses: &mut ParsedPolicies) -> Report {
    parses.refresh(playground);
    let mut report = Report::default();
    let mut parsed = Vec::new();
    for doc in playground.policies.iter().filter(|p| p.enabled) {
        match parses.by_text.get(&doc.text) {
            Some(Ok(policy)) => parsed.push(Parsed { doc, policy }),
            Some(Err(message)) => {
                report.policy_errors.insert(doc.id, message.clone());
            }
            None => {}
        }
    }
    let used_keys = condition_keys(&parsed);
    let (with_resource, resource_sources) = policy_set(&parsed, PolicyKind::Resource);
    let (with_trust, trust_sources) = policy_set(&parsed, PolicyKind::Trust);
    let mut case = Case::new(placeholder_request(), with_resource);
    let mut trust_case = Case::new(placeholder_request(), with_trust);
    for row in &playground.requests {
        let request = match build_request(row) {
            Ok(request) => request,
            Err(problem) => {
                report.rows.push(RowOutcome {
                    id: row.id,
                    result: Err(problem),
                    missing_keys: Vec::new(),
                    passed: None,
                    open: None,
                    sources: Vec::new(),
                });
                continue;
            }
        };
        let missing_keys = used_keys
            .iter()
            .filter(|key| !request.context.contains(key))
            .cloned()
            .collect();
        let assumes_role = is_assume_role(&request.action);
        let (case, sources) = if assumes_role {
            (&mut trust_case, &trust_sources)
        } else {
            (&mut case, &resource_sources)
        };
        case.request = request;
        let evaluation = evaluate(case);
        // Open context tries many fillings of the unknown keys: only when asked, so the
        // keystroke path stays one evaluation per row.
        let open = playground.open_context.then(|| decide_open(case));
        let decided = match &open {
            Some(OpenDecision::Known(decision)) => Some(*decision),
            Some(OpenDecision::Depends(_)) => None,
            None => Some(evaluation.decision),
        };
        let passed = row
            .expect
            .zip(decided)
            .map(|(expect, decision)| expect.accepts(decision));
        report.rows.push(RowOutcome {
            id: row.id,
            result: Ok(evaluation),
            missing_keys,
            passed,
            open,
            sources: sources.clone(),
        });
    }
    report
}

/// `sts:AssumeRole`, `sts:AssumeRoleWithSAML`, `sts:AssumeRoleWithWebIdentity`: the role's
/// trust policy is the resource policy.
pub fn is_assume_role(action: &str) -> bool {
    action
        .get(..14)
        .is_some_and(|start| start.eq_ignore_ascii_case("sts:AssumeRole"))
}

fn placeholder_request() -> Request {
    Request {
        principal: String::new(),
        caller: iamplay_engine::case::Caller::Anonymous,
        action: String::new(),
        resource: String::new(),
        resource_account: None,
        context: RequestContext::new(),
    }
}

fn named(parsed: &Parsed<'_>) -> NamedPolicy {
    NamedPolicy::new(Some(parsed.doc.name.clone()), parsed.policy.clone())
}

/// The policy set of a case, with the resource-side policy of `resource_kind` (the resource
/// policy, or the trust policy for role assumption).
fn policy_set(parsed: &[Parsed<'_>], resource_kind: PolicyKind) -> (PolicySet, Vec<Source>) {
    let mut set = PolicySet::default();
    let mut sources = Vec::new();
    let mut source = |layer, level: Option<usize>, index, doc: &PolicyDoc| {
        sources.push(Source {
            layer,
            level,
            index,
            policy_id: doc.id,
            org_level: level.map(|_| doc.level),
        });
    };
    for p in parsed.iter().filter(|p| p.doc.kind == PolicyKind::Identity) {
        source(Layer::Identity, None, set.identity.len(), p.doc);
        set.identity.push(named(p));
    }
    let single = |kind: PolicyKind| parsed.iter().find(|p| p.doc.kind == kind);
    if let Some(p) = single(resource_kind) {
        source(Layer::Resource, None, 0, p.doc);
        set.resource = Some(named(p));
    }
    if let Some(p) = single(PolicyKind::Boundary) {
        source(Layer::Boundary, None, 0, p.doc);
        set.permission_boundary = Some(named(p));
    }
    if let Some(p) = single(PolicyKind::Session) {
        source(Layer::Session, None, 0, p.doc);
        set.session = Some(named(p));
    }
    for (kind, layer) in [(PolicyKind::Scp, Layer::Scp), (PolicyKind::Rcp, Layer::Rcp)] {
        let levels = organization_levels(parsed, kind);
        if levels.is_empty() {
            continue;
        }
        let mut lists = Vec::new();
        for (position, level) in levels.iter().enumerate() {
            let at_level: Vec<&Parsed<'_>> = parsed
                .iter()
                .filter(|p| p.doc.kind == kind && p.doc.level == *level)
                .collect();
            for (index, p) in at_level.iter().enumerate() {
                source(layer, Some(position), index, p.doc);
            }
            lists.push(at_level.into_iter().map(named).collect());
        }
        match kind {
            PolicyKind::Scp => set.scps = Some(lists),
            _ => set.rcps = Some(lists),
        }
    }
    (set, sources)
}

/// The organization levels that hold at least one policy of `kind`, root first. A level with
/// none stands for AWS's default `FullAWSAccess` (SCP) or `RCPFullAWSAccess` (RCP), which
/// allows everything, so leaving it out decides the same.
fn organization_levels(parsed: &[Parsed<'_>], kind: PolicyKind) -> Vec<usize> {
    (0..LEVELS.len())
        .filter(|level| {
            parsed
                .iter()
                .any(|p| p.doc.kind == kind && p.doc.level == *level)
        })
        .collect()
}

fn build_request(row: &RequestRow) -> Result<Request, RowProblem> {
    let mut context = RequestContext::new();
    for value in row.context.iter().filter(|c| !c.key.trim().is_empty()) {
        let key = value.key.trim();
        match value.value_type {
            ValueType::List => context.insert_multi(
                key,
                value
                    .value
                    .split(',')
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned)
                    .collect(),
            ),
            _ => context.insert_single(key, value.value.trim()),
        }
    }
    if row.action.trim().is_empty() {
        return Err(RowProblem {
            message: "the request has no action".into(),
            help: "type an action such as `s3:GetObject`".into(),
        });
    }
    Request::with_context(
        row.principal.trim(),
        row.action.trim(),
        row.resource.trim(),
        Some(row.resource_account.trim())
            .filter(|a| !a.is_empty())
            .map(str::to_owned),
        context,
    )
    .map_err(|err| RowProblem {
        message: err.to_string(),
        help: err.help().to_owned(),
    })
}

/// Every condition key the policies test, once, in the spelling first met.
fn condition_keys(parsed: &[Parsed<'_>]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    let statements = parsed.iter().flat_map(|p| &p.policy.statements);
    for entry in statements
        .flat_map(|s| &s.condition)
        .flat_map(|block| &block.entries)
    {
        let key = &entry.key.node;
        if !keys.iter().any(|k| k.eq_ignore_ascii_case(key)) {
            keys.push(key.clone());
        }
    }
    keys
}

#[cfg(test)]
#[path = "evaluate_tests.rs"]
mod tests;
