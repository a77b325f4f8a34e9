//! Grading a policy against a scenario: each check becomes an engine case (the fixed policies
//! plus the learner's policy in the slot `edit.kind` names), evaluated exactly as the app and
//! `iamplay check` show it.

use serde::Serialize;

use super::least_privilege::{over_grants, over_grants_with_catalog, OverGrant};
use super::manifest::{Check, Culprit, CulpritPolicy, ExpectedOutcome, FixedSlot, Scenario};
use iamplay_engine::case::{Case, CaseError, CaseErrorKind, NamedPolicy};
use iamplay_engine::catalog::Catalog;
use iamplay_engine::eval::{evaluate, Decision, Evaluation, Layer, StatementRef};
use iamplay_engine::policy::{parse_policy, Policy, PolicyError};
use iamplay_engine::policy_kind::PolicyKind;

/// Why a policy could not be graded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GradeError {
    /// The learner's policy is not a valid policy; the span points into their text.
    #[error("the policy is not valid: {0}")]
    Policy(Box<PolicyError>),
    /// The scenario itself is broken (a bad request or fixed policy): an authoring error.
    #[error("check `{check}` cannot be evaluated: {error}")]
    Scenario {
        check: String,
        error: Box<CaseError>,
    },
}

impl GradeError {
    pub fn help(&self) -> Option<String> {
        match self {
            GradeError::Policy(error) => error.help(),
            GradeError::Scenario { error, .. } => error.help(),
        }
    }
}

/// A learner's invalid policy keeps the policy's own code and span (in their text); a broken
/// scenario points into the case built from the check.
impl iamplay_engine::diagnostic::Diagnostic for GradeError {
    fn code(&self) -> &'static str {
        match self {
            GradeError::Policy(error) => error.code(),
            GradeError::Scenario { .. } => "broken-scenario",
        }
    }

    fn message(&self) -> String {
        self.to_string()
    }

    fn span(&self) -> iamplay_engine::json::Span {
        match self {
            GradeError::Policy(error) => error.span,
            GradeError::Scenario { error, .. } => error.span,
        }
    }

    fn help(&self) -> Option<String> {
        GradeError::help(self)
    }
}

impl ExpectedOutcome {
    /// Every expectation, in the order a form offers them.
    pub const ALL: [ExpectedOutcome; 4] = [
        ExpectedOutcome::Allowed,
        ExpectedOutcome::Denied,
        ExpectedOutcome::ExplicitDeny,
        ExpectedOutcome::ImplicitDeny,
    ];

    /// The expectation whose JSON name is `text` (`allowed`, `denied`, ...).
    pub fn parse(text: &str) -> Option<ExpectedOutcome> {
        ExpectedOutcome::ALL
            .into_iter()
            .find(|e| e.as_str() == text)
    }

    /// Whether the engine's decision satisfies this expectation.
    pub fn accepts(self, decision: Decision) -> bool {
        match self {
            ExpectedOutcome::Allowed => decision == Decision::Allowed,
            ExpectedOutcome::Denied => decision != Decision::Allowed,
            ExpectedOutcome::ExplicitDeny => decision == Decision::ExplicitDeny,
            ExpectedOutcome::ImplicitDeny => decision == Decision::ImplicitDeny,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ExpectedOutcome::Allowed => "allowed",
            ExpectedOutcome::Denied => "denied",
            ExpectedOutcome::ExplicitDeny => "explicitDeny",
            ExpectedOutcome::ImplicitDeny => "implicitDeny",
        }
    }
}

/// One check's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    pub id: String,
    pub title: String,
    pub expect: ExpectedOutcome,
    pub passed: bool,
    /// The check's hint, only when it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub evaluation: Evaluation,
}

/// The grade of a policy for a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Grade {
    pub checks: Vec<CheckResult>,
    /// Grants beyond the scenario's least-privilege bound (empty when it has none).
    pub over_grants: Vec<OverGrant>,
    /// Every check passed and nothing is over-granted.
    pub passed: bool,
}

/// Grades the learner's policy text without the action catalogue: the least-privilege bound
/// cannot expand wildcards (see [`over_grants`]); prefer [`grade_with_catalog`] once it is loaded.
pub fn grade<P>(scenario: &Scenario<P>, policy_text: &str) -> Result<Grade, GradeError> {
    grade_text(scenario, policy_text, None)
}

/// Grades the learner's policy text with the exact least-privilege bound: every action the
/// policy's patterns expand to on the bound's resources, decided by the evaluator.
pub fn grade_with_catalog<P>(
    scenario: &Scenario<P>,
    policy_text: &str,
    catalog: &Catalog,
) -> Result<Grade, GradeError> {
    grade_text(scenario, policy_text, Some(catalog))
}

/// Grades an already parsed policy without the action catalogue.
pub fn grade_policy<P>(scenario: &Scenario<P>, policy: &Policy) -> Result<Grade, GradeError> {
    grade_parsed(scenario, policy, None)
}

/// Grades an already parsed policy with the exact least-privilege bound.
pub fn grade_policy_with_catalog<P>(
    scenario: &Scenario<P>,
    policy: &Policy,
    catalog: &Catalog,
) -> Result<Grade, GradeError> {
    grade_parsed(scenario, policy, Some(catalog))
}

fn grade_text<P>(
    scenario: &Scenario<P>,
    policy_text: &str,
    catalog: Option<&Catalog>,
) -> Result<Grade, GradeError> {
    Prepared::new(scenario).grade_text(scenario, policy_text, catalog)
}

/// The grading loop every entry point shares; `catalog` decides which bound is measured.
pub(crate) fn grade_parsed<P>(
    scenario: &Scenario<P>,
    policy: &Policy,
    catalog: Option<&Catalog>,
) -> Result<Grade, GradeError> {
    Prepared::new(scenario).grade_policy(scenario, policy, catalog)
}

/// A scenario's checks as engine cases, built once with the edited slot still empty: grading
/// a keystroke then parses only the learner's text, never the requests and fixed policies.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// One case per check, in order; or why the scenario's own data cannot be evaluated.
    cases: Result<Vec<Case>, GradeError>,
}

impl Prepared {
    pub fn new<P>(scenario: &Scenario<P>) -> Prepared {
        let cases = scenario
            .checks
            .iter()
            .map(|check| base_case(scenario, check))
            .collect();
        Prepared { cases }
    }

    /// Grades the learner's text; `catalog` makes the least-privilege bound exact.
    pub fn grade_text<P>(
        &self,
        scenario: &Scenario<P>,
        policy_text: &str,
        catalog: Option<&Catalog>,
    ) -> Result<Grade, GradeError> {
        let policy = parse_policy(policy_text).map_err(|e| GradeError::Policy(Box::new(e)))?;
        self.grade_policy(scenario, &policy, catalog)
    }

    /// Grades a parsed policy. `scenario` must be the one this was prepared from.
    pub fn grade_policy<P>(
        &self,
        scenario: &Scenario<P>,
        policy: &Policy,
        catalog: Option<&Catalog>,
    ) -> Result<Grade, GradeError> {
        self.grade(scenario, policy, catalog, Bound::Always)
    }

    /// Grades a parsed policy as [`Prepared::grade_policy`] does, but measures the
    /// least-privilege bound only when every check passes: an editor shows the bound only
    /// then, and a failing check already means not solved. `over_grants` is empty otherwise.
    pub fn grade_policy_for_editor<P>(
        &self,
        scenario: &Scenario<P>,
        policy: &Policy,
        catalog: Option<&Catalog>,
    ) -> Result<Grade, GradeError> {
        self.grade(scenario, policy, catalog, Bound::WhenChecksPass)
    }

    fn grade<P>(
        &self,
        scenario: &Scenario<P>,
        policy: &Policy,
        catalog: Option<&Catalog>,
        bound: Bound,
    ) -> Result<Grade, GradeError> {
        let cases = self.cases.as_ref().map_err(Clone::clone)?;
        debug_assert_eq!(cases.len(), scenario.checks.len());
        let mut checks = Vec::with_capacity(scenario.checks.len());
        let mut must_allow = Vec::new();
        for (check, base) in scenario.checks.iter().zip(cases) {
            let mut case = base.clone();
            put_edited(scenario, &mut case, policy);
            let evaluation = evaluate(&case);
            let passed = check.expect.accepts(evaluation.decision);
            checks.push(CheckResult {
                id: check.id.value.clone(),
                title: check.title.value.clone(),
                expect: *check.expect,
                passed,
                hint: (!passed).then(|| check.hint.value.clone()),
                evaluation,
            });
            if *check.expect == ExpectedOutcome::Allowed {
                must_allow.push(case);
            }
        }
        let checks_pass = checks.iter().all(|c| c.passed);
        let least_privilege = scenario
            .least_privilege
            .as_ref()
            .filter(|_| checks_pass || bound == Bound::Always);
        let over_grants = match (least_privilege, catalog) {
            (Some(least), Some(catalog)) => {
                over_grants_with_catalog(policy, least, &scenario.checks, &must_allow, catalog)
            }
            (Some(least), None) => over_grants(policy, least, &scenario.checks),
            (None, _) => Vec::new(),
        };
        let passed = checks_pass && over_grants.is_empty();
        Ok(Grade {
            checks,
            over_grants,
            passed,
        })
    }
}

/// When grading measures the least-privilege bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Always,
    WhenChecksPass,
}

/// The engine case for one check: its request, the fixed policies, and `policy` in the edited slot.
pub fn check_case<P>(
    scenario: &Scenario<P>,
    check: &Check,
    policy: &Policy,
) -> Result<Case, GradeError> {
    let mut case = base_case(scenario, check)?;
    put_edited(scenario, &mut case, policy);
    Ok(case)
}

/// A check's request and the scenario's fixed policies, without the edited policy.
fn base_case<P>(scenario: &Scenario<P>, check: &Check) -> Result<Case, GradeError> {
    let broken = |error| GradeError::Scenario {
        check: check.id.value.clone(),
        error: Box::new(error),
    };
    let request = check.request.to_request().map_err(|error| {
        broken(CaseError {
            kind: CaseErrorKind::Principal(error),
            span: check.request.principal.span,
        })
    })?;
    let policies = match &scenario.fixed {
        Some(fixed) => fixed.to_policy_set().map_err(broken)?,
        None => Default::default(),
    };
    Ok(Case::new(request, policies))
}

/// Puts `policy` in the slot the scenario edits.
fn put_edited<P>(scenario: &Scenario<P>, case: &mut Case, policy: &Policy) {
    let edited = NamedPolicy::new(Some(scenario.edit.name.value.clone()), policy.clone());
    let policies = &mut case.policies;
    match scenario.edit.kind {
        PolicyKind::Identity => policies.identity.push(edited),
        PolicyKind::Resource | PolicyKind::Trust => policies.resource = Some(edited),
        PolicyKind::Boundary => policies.permission_boundary = Some(edited),
        PolicyKind::Session => policies.session = Some(edited),
        PolicyKind::Scp => push_to_account_level(&mut policies.scps, edited),
        PolicyKind::Rcp => push_to_account_level(&mut policies.rcps, edited),
    }
}

/// An edited SCP or RCP joins the last level (the account's), creating it if there is none.
fn push_to_account_level(levels: &mut Option<Vec<Vec<NamedPolicy>>>, policy: NamedPolicy) {
    let levels = levels.get_or_insert_with(Vec::new);
    match levels.last_mut() {
        Some(last) => last.push(policy),
        None => levels.push(vec![policy]),
    }
}

/// Whether a statement the engine reports (as deciding, or as clicked by a learner in a `spot`
/// scenario) is the scenario's culprit.
pub fn is_culprit<P>(scenario: &Scenario<P>, culprit: &Culprit, statement: &StatementRef) -> bool {
    if statement.sid.as_deref() != Some(culprit.sid.as_str()) {
        return false;
    }
    let slot = match &*culprit.policy {
        CulpritPolicy::Edited => {
            return statement.policy_name.as_deref() == Some(scenario.edit.name.as_str())
        }
        CulpritPolicy::Named(name) => return statement.policy_name.as_deref() == Some(name),
        CulpritPolicy::Slot(FixedSlot::Identity) => Layer::Identity,
        CulpritPolicy::Slot(FixedSlot::Resource) => Layer::Resource,
        CulpritPolicy::Slot(FixedSlot::PermissionBoundary) => Layer::Boundary,
        CulpritPolicy::Slot(FixedSlot::Session) => Layer::Session,
        CulpritPolicy::Slot(FixedSlot::Scps) => Layer::Scp,
        CulpritPolicy::Slot(FixedSlot::Rcps) => Layer::Rcp,
    };
    statement.layer == slot
}
