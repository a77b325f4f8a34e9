//! The decision procedure of the IAM User Guide's "Policy evaluation logic", over policies
//! already matched.

use super::explain::{AwsKey, Blocker, Evaluation, RequestFacts, StatementRef};
use super::layers::EvaluatedPolicy;
use super::principal::PrincipalMatch;
use super::{Decision, Layer};
use crate::case::{Caller, Case, Request};
use crate::context::KeySource;
use crate::sink::Sink;

/// A sentence of the explanation, written only when the explanation is kept (by the sink `S`
/// of the function it is used in).
macro_rules! say {
    ($($arg:tt)*) => {
        S::text(|| format!($($arg)*))
    };
}

/// How the trust policy is named in explanations, and how `decide` recognises it.
pub const TRUST_POLICY: &str = "the role's trust policy";

/// Actions whose resource's own policy must allow even within one account: a role's trust
/// policy (IAM User Guide, "Policy evaluation logic > Evaluating identity-based policies with
/// resource-based policies": role trust policies and KMS key policies are the exceptions that
/// must explicitly allow the principal) and a KMS key's key policy (AWS KMS Developer Guide,
/// "Key policies": no principal can use a key unless the key policy allows it).
pub fn required_resource_policy(request: &Request) -> Option<&'static str> {
    let action = request.action.as_str();
    const TRUST_ACTIONS: [&str; 5] = [
        "sts:assumerole",
        "sts:assumerolewithwebidentity",
        "sts:assumerolewithsaml",
        "sts:tagsession",
        "sts:setsourceidentity",
    ];
    if TRUST_ACTIONS.iter().any(|a| a.eq_ignore_ascii_case(action)) {
        return Some(TRUST_POLICY);
    }
    // The action's prefix first: it settles nearly every request without reading the ARN.
    let kms = action
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("kms:"));
    let is_key =
        || request.resource.split(':').nth(2) == Some("kms") && request.resource.contains(":key/");
    (kms && is_key()).then_some("the KMS key policy")
}

/// What the policies of each layer say, gathered once.
struct Layers<'p> {
    policies: &'p [EvaluatedPolicy],
}

impl<'p> Layers<'p> {
    fn of(&self, layer: Layer) -> impl Iterator<Item = &'p EvaluatedPolicy> {
        self.policies
            .iter()
            .filter(move |p| p.layer() == layer && p.explanation.applies)
    }

    fn allows(&self, layer: Layer) -> Vec<StatementRef> {
        self.of(layer)
            .flat_map(|p| p.allows.iter().map(|(r, _)| r.clone()))
            .collect()
    }

    /// A boundary or session policy limits only when there is one: no policy, no limit.
    fn permits(&self, layer: Layer) -> bool {
        self.of(layer).next().is_none() || self.of(layer).any(|p| !p.allows.is_empty())
    }

    /// For RCPs and SCPs: the first organization level where no policy allows.
    fn failing_level(&self, layer: Layer, levels: usize) -> Option<usize> {
        (0..levels).find(|level| {
            !self
                .of(layer)
                .any(|p| p.explanation.level == Some(*level) && !p.allows.is_empty())
        })
    }
}

pub fn decide<S: Sink>(case: &Case, policies: Vec<EvaluatedPolicy>) -> Evaluation {
    let request = &case.request;
    let required = required_resource_policy(request);
    let facts = RequestFacts {
        caller: request.caller.kind(),
        principal_account: S::keep(|| request.caller.account().map(str::to_owned)).flatten(),
        resource_account: S::keep(|| request.resource_account().map(str::to_owned)).flatten(),
        // Read only by the explanation, like the two accounts above.
        cross_account: S::RECORDS && request.is_cross_account(),
        required_resource_policy: required,
        set_by_aws: S::keep(|| set_by_aws(&request.context)).unwrap_or_default(),
    };
    let layers = Layers {
        policies: &policies,
    };
    let verdict = verdict::<S>(case, &layers, required);
    let (decision, blocked_by, deciding, summary) = verdict;
    let mut notes = Vec::new();
    if rcps_apply(case) && !layers.of(Layer::Rcp).any(|p| !p.denies.is_empty()) {
        S::push(&mut notes, || PASSES_RCPS.to_owned());
    }
    Evaluation {
        decision,
        blocked_by,
        deciding,
        deciding_omitted: 0,
        summary,
        notes,
        request: facts,
        policies: S::keep(|| policies.into_iter().map(|p| p.explanation).collect())
            .unwrap_or_default(),
        policies_omitted: 0,
        expected: None,
        matches_expected: None,
    }
}

fn set_by_aws(context: &crate::context::RequestContext) -> Vec<AwsKey> {
    context
        .iter()
        .filter(|entry| entry.source != KeySource::Request)
        .map(|entry| AwsKey {
            key: entry.key.to_string(),
            value: entry.values.join(", "),
            stand_in: entry.source == KeySource::StandIn,
        })
        .collect()
}

/// How an explanation says that RCPs let the request through: no written RCP denies it, and the
/// allow comes from the policy AWS attaches itself.
pub const PASSES_RCPS: &str = "passes RCPs: RCPFullAWSAccess, attached by AWS at every level";

/// Whether the case has RCPs and they restrict this request: RCPs cover only the services the
/// Organizations guide lists, and never service-linked roles.
fn rcps_apply(case: &Case) -> bool {
    case.policies.rcps.is_some()
        && super::layers::rcps_cover(&case.request.action)
        && !case.request.caller.is_service_linked_role()
}

type Verdict = (Decision, Option<Blocker>, Vec<StatementRef>, String);

fn deny(layer: Layer, level: Option<usize>, summary: String) -> Verdict {
    (
        Decision::ImplicitDeny,
        Some(Blocker { layer, level }),
        Vec::new(),
        summary,
    )
}

fn verdict<S: Sink>(case: &Case, layers: &Layers<'_>, required: Option<&'static str>) -> Verdict {
    let request = &case.request;
    let subject = say!("`{}` on `{}`", request.action, request.resource);

    // An explicit deny in any policy that applies wins over everything.
    let denies: Vec<StatementRef> = layers
        .policies
        .iter()
        .flat_map(|p| p.denies.iter().cloned())
        .collect();
    if let Some(first) = denies.first() {
        let blocker = Blocker {
            layer: first.layer,
            level: first.level,
        };
        let summary = say!("explicitly denied: {} denies {subject}", describe(first));
        return (Decision::ExplicitDeny, Some(blocker), denies, summary);
    }

    // Organization guardrails. RCPs can only deny: AWS attaches `RCPFullAWSAccess` to every
    // level and it cannot be detached (AWS Organizations User Guide, "RCP evaluation"), so an
    // RCP level never lacks an allow and passing the explicit-deny check above passes RCPs.
    // SCPs have no such default that stays: every level from the root to the account must
    // allow (AWS Organizations User Guide, "SCP evaluation").
    let scps_apply = !matches!(
        request.caller,
        Caller::Service { .. } | Caller::Federated { .. } | Caller::Anonymous
    ) && !request.caller.is_service_linked_role();
    if let (Some(levels), true) = (&case.policies.scps, scps_apply) {
        if let Some(level) = layers.failing_level(Layer::Scp, levels.len()) {
            let summary = say!("implicitly denied: no service control policy at organization level {level} allows {subject}");
            return deny(Layer::Scp, Some(level), summary);
        }
    }

    let resource_allows: Vec<&(StatementRef, Vec<PrincipalMatch>)> = layers
        .of(Layer::Resource)
        .flat_map(|p| p.allows.iter())
        .collect();
    let no_resource_allow = || {
        let what = required.unwrap_or("the resource-based policy");
        let why = if required.is_some() {
            say!("{what} must allow the caller, and it does not")
        } else if request.is_cross_account() {
            "a cross-account request needs the resource-based policy to allow it, and it does not"
                .to_owned()
        } else {
            say!("{what} does not allow this caller")
        };
        deny(
            Layer::Resource,
            None,
            say!("implicitly denied: {why} ({subject})"),
        )
    };
    let resource_refs =
        |pick: &dyn Fn(&[PrincipalMatch]) -> bool| refs_where(&resource_allows, pick);

    match &request.caller {
        // Callers without identity policies are allowed only by a resource policy naming them.
        Caller::Service { .. } | Caller::Federated { .. } | Caller::Anonymous => {
            let direct = resource_refs(&|m| m.iter().any(|m| m.is_direct()));
            match direct.first() {
                Some(first) => {
                    let summary = say!("allowed: {} allows {subject}", describe(first));
                    (Decision::Allowed, None, direct, summary)
                }
                None => no_resource_allow(),
            }
        }
        // The root user has every permission in its own account; elsewhere, and for trust and
        // key policies, the resource policy must allow it.
        Caller::Root { .. } => {
            // STS API Reference, AssumeRole: "You cannot use AWS account root user credentials to
            // call AssumeRole"; whatever the trust policy says, the call is refused.
            if request.action.eq_ignore_ascii_case("sts:AssumeRole") {
                let summary = say!("implicitly denied: the account root user cannot call AssumeRole; use an IAM user or role ({subject})");
                return deny(Layer::Identity, None, summary);
            }
            let all = resource_refs(&|m| !m.is_empty());
            if required.is_none() && !request.is_cross_account() {
                let summary = say!("allowed: the account root user has every permission in its own account ({subject})");
                return (Decision::Allowed, None, Vec::new(), summary);
            }
            match all.first() {
                Some(first) => {
                    let summary = say!("allowed: {} allows {subject}", describe(first));
                    (Decision::Allowed, None, all, summary)
                }
                None => no_resource_allow(),
            }
        }
        _ => iam_principal::<S>(
            request,
            layers,
            required,
            &resource_allows,
            &subject,
            no_resource_allow,
        ),
    }
}

/// Users, role sessions and federated users: identity side and resource side combined.
fn iam_principal<S: Sink>(
    request: &Request,
    layers: &Layers<'_>,
    required: Option<&'static str>,
    resource_allows: &[&(StatementRef, Vec<PrincipalMatch>)],
    subject: &str,
    no_resource_allow: impl Fn() -> Verdict,
) -> Verdict {
    let identity = layers.allows(Layer::Identity);
    let boundary_ok = layers.permits(Layer::Boundary);
    // GetFederationToken without a session policy gives a session with no permissions (STS API
    // Reference, GetFederationToken: "if you do not pass any session policies, then the
    // resulting federated user session has no permissions").
    let federated_without_policy = matches!(request.caller, Caller::FederatedUser { .. })
        && layers.of(Layer::Session).next().is_none();
    let session_ok = layers.permits(Layer::Session) && !federated_without_policy;
    let identity_path = !identity.is_empty() && boundary_ok && session_ok;
    let limits = || {
        [
            layers.allows(Layer::Boundary),
            layers.allows(Layer::Session),
        ]
        .concat()
    };
    let first_identity_failure = || {
        let (layer, why) = if identity.is_empty() {
            (
                Layer::Identity,
                say!("no identity-based policy allows {subject}"),
            )
        } else if !boundary_ok {
            (
                Layer::Boundary,
                say!("the permissions boundary does not allow {subject}"),
            )
        } else {
            (
                Layer::Session,
                if federated_without_policy {
                    say!("a federated user session without a session policy has no permissions ({subject})")
                } else {
                    say!("the session policy does not allow {subject}")
                },
            )
        };
        deny(layer, None, say!("implicitly denied: {why}"))
    };
    let resource_refs =
        |pick: &dyn Fn(&[PrincipalMatch]) -> bool| refs_where(resource_allows, pick);
    let any_resource = resource_refs(&|m| !m.is_empty());

    if request.is_cross_account() {
        // Cross-account: both the caller's side and the resource policy must allow.
        if any_resource.is_empty() {
            return no_resource_allow();
        }
        if !identity_path {
            return first_identity_failure();
        }
        let summary = say!(
            "allowed across accounts: {} and {} both allow {subject}",
            describe(&any_resource[0]),
            describe(&identity[0])
        );
        return (
            Decision::Allowed,
            None,
            if S::RECORDS {
                [any_resource, identity, limits()].concat()
            } else {
                Vec::new()
            },
            summary,
        );
    }

    // Same account. A resource policy naming the caller itself grants on its own; naming a role
    // (rather than the session) stays subject to the boundary and session policy; naming the
    // account only delegates to the identity policies (IAM User Guide, Policy evaluation logic >
    // Evaluating identity-based policies with resource-based policies; Permissions boundaries;
    // Session policies).
    let unlimited = resource_refs(&|m| {
        m.iter()
            .any(|m| m.is_direct() && *m != PrincipalMatch::Role)
    });
    let via_role = resource_refs(&|m| m.contains(&PrincipalMatch::Role));
    if let Some(first) = unlimited.first() {
        // IAM User Guide, Update a role trust policy > Notes: a user listed in a role's trust
        // policy still needs its permissions boundary, if it has one, to allow sts:AssumeRole.
        // This is more specific than the general rule that boundaries do not limit what a
        // resource-based policy grants to a user ARN.
        let trust_checks_boundary =
            required == Some(TRUST_POLICY) && matches!(request.caller, Caller::User { .. });
        if trust_checks_boundary && !boundary_ok {
            let why = say!(
                "{} names the caller, but a user's permissions boundary must also allow {subject}",
                describe(first)
            );
            return deny(Layer::Boundary, None, say!("implicitly denied: {why}"));
        }
        let summary = say!(
            "allowed: {} names the caller and allows {subject}",
            describe(first)
        );
        return (Decision::Allowed, None, unlimited, summary);
    }
    if let (Some(first), true) = (via_role.first(), boundary_ok && session_ok) {
        let summary = say!(
            "allowed: {} names the caller's role and allows {subject}",
            describe(first)
        );
        return (
            Decision::Allowed,
            None,
            if S::RECORDS {
                [via_role, limits()].concat()
            } else {
                Vec::new()
            },
            summary,
        );
    }
    if !via_role.is_empty() && identity.is_empty() {
        // The resource policy granted to the role; what stopped it is the session's limits.
        let (layer, what) = if boundary_ok {
            (Layer::Session, "the session policy")
        } else {
            (Layer::Boundary, "the permissions boundary")
        };
        let why = say!(
            "{} allows the caller's role, but {what} does not allow {subject}",
            describe(&via_role[0])
        );
        return deny(layer, None, say!("implicitly denied: {why}"));
    }
    if required.is_some() && any_resource.is_empty() {
        return no_resource_allow();
    }
    if !identity_path {
        return first_identity_failure();
    }
    let summary = match (required, any_resource.first()) {
        (Some(what), Some(first)) => say!(
            "allowed: {what} trusts the caller's account ({}) and {} allows {subject}",
            describe(first),
            describe(&identity[0])
        ),
        _ => say!("allowed: {} allows {subject}", describe(&identity[0])),
    };
    let account = if required.is_some() {
        any_resource
    } else {
        Vec::new()
    };
    (
        Decision::Allowed,
        None,
        if S::RECORDS {
            [account, identity, limits()].concat()
        } else {
            Vec::new()
        },
        summary,
    )
}

/// "statement `Sid` of identity policy `name`" in words.
pub fn describe(statement: &StatementRef) -> String {
    let which = match &statement.sid {
        Some(sid) if !sid.is_empty() => format!("statement `{sid}`"),
        _ => format!("statement {}", statement.statement_index + 1),
    };
    let policy = match (&statement.policy_name, statement.layer) {
        (Some(name), _) => format!("`{name}`"),
        (None, Layer::Identity) => format!("identity policy {}", statement.policy_index + 1),
        (None, Layer::Scp | Layer::Rcp) => {
            let kind = if statement.layer == Layer::Scp {
                "SCP"
            } else {
                "RCP"
            };
            format!(
                "{kind} {} at level {}",
                statement.policy_index + 1,
                statement.level.unwrap_or(0)
            )
        }
        (None, layer) => layer.describe().to_owned(),
    };
    format!("{which} of {policy}")
}

/// The resource-policy allows whose principal matches satisfy `pick`.
fn refs_where(
    allows: &[&(StatementRef, Vec<PrincipalMatch>)],
    pick: &dyn Fn(&[PrincipalMatch]) -> bool,
) -> Vec<StatementRef> {
    allows
        .iter()
        .filter(|(_, m)| pick(m))
        .map(|(r, _)| r.clone())
        .collect()
}
