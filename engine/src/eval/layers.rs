//! Running every statement of every policy of a case, layer by layer.

use super::explain::{PolicyExplanation, StatementRef};
use super::principal::PrincipalMatch;
use super::statement::{match_statement, Scope};
use super::Layer;
use crate::case::{Caller, Case, NamedPolicy};
use crate::policy::Effect;
use crate::sink::Sink;

/// One policy after matching.
pub struct EvaluatedPolicy {
    pub explanation: PolicyExplanation,
    /// Allow statements that applied, with how they named the caller (resource policies).
    pub allows: Vec<(StatementRef, Vec<PrincipalMatch>)>,
    pub denies: Vec<StatementRef>,
}

impl EvaluatedPolicy {
    pub fn layer(&self) -> Layer {
        self.explanation.layer
    }
}

/// Every policy of the case, evaluated, in flowchart order.
pub fn evaluate_policies<S: Sink>(case: &Case) -> Vec<EvaluatedPolicy> {
    let policies = &case.policies;
    let caller = &case.request.caller;
    let mut out = Vec::new();
    let mut run =
        |layer: Layer, level: Option<usize>, list: &[NamedPolicy], not_applicable: Option<&str>| {
            for (index, named) in list.iter().enumerate() {
                out.push(evaluate_policy::<S>(
                    case,
                    layer,
                    level,
                    index,
                    named,
                    not_applicable,
                ));
            }
        };
    let org_exempt = match caller {
        Caller::Service { .. } => {
            Some("service control policies do not apply to service principals")
        }
        _ if caller.is_service_linked_role() => {
            Some("service control policies do not restrict service-linked roles")
        }
        Caller::Federated { .. } | Caller::Anonymous => Some(
            "service control policies apply only to principals of accounts in the organization",
        ),
        _ => None,
    };
    // Only read when the case has RCPs.
    let rcp_exempt = if policies.rcps.is_none() {
        None
    } else if !rcps_cover(&case.request.action) {
        Some("resource control policies apply only to the services that support them, and this action's service is not one")
    } else if caller.is_service_linked_role() {
        Some("resource control policies do not restrict service-linked roles")
    } else {
        None
    };
    for (level, list) in policies.rcps.iter().flatten().enumerate() {
        run(Layer::Rcp, Some(level), list, rcp_exempt);
    }
    for (level, list) in policies.scps.iter().flatten().enumerate() {
        run(Layer::Scp, Some(level), list, org_exempt);
    }
    run(Layer::Resource, None, policies.resource.as_slice(), None);
    let no_identity = match caller {
        Caller::Root { .. } => Some("the account root user has no identity-based policies: it has every permission in its own account"),
        Caller::Service { .. } => Some("a service principal has no identity-based policies"),
        Caller::Federated { .. } => Some("an identity-provider caller has no identity-based policies"),
        Caller::Anonymous => Some("an anonymous caller has no identity-based policies"),
        _ => None,
    };
    run(Layer::Identity, None, &policies.identity, no_identity);
    run(
        Layer::Boundary,
        None,
        policies.permission_boundary.as_slice(),
        no_identity,
    );
    run(
        Layer::Session,
        None,
        policies.session.as_slice(),
        no_identity,
    );
    out
}

fn evaluate_policy<S: Sink>(
    case: &Case,
    layer: Layer,
    level: Option<usize>,
    index: usize,
    named: &NamedPolicy,
    not_applicable: Option<&str>,
) -> EvaluatedPolicy {
    let policy = &named.policy;
    let scope = Scope {
        request: &case.request,
        layer,
        variables: policy.variables_enabled(),
        has_boundary: case.policies.permission_boundary.is_some(),
    };
    let mut allows = Vec::new();
    let mut denies = Vec::new();
    let mut statements = Vec::with_capacity(if S::RECORDS {
        policy.statements.len()
    } else {
        0
    });
    for statement in &policy.statements {
        let outcome = match_statement::<S>(statement, &scope);
        if outcome.explanation.applies && not_applicable.is_none() {
            let reference = StatementRef {
                layer,
                level,
                policy_index: index,
                policy_name: named.name.as_ref().and_then(|n| S::keep(|| n.clone())),
                statement_index: statement.index,
                sid: statement
                    .sid
                    .as_ref()
                    .and_then(|sid| S::keep(|| sid.node.clone())),
                effect: statement.effect.node,
                span: statement.span,
            };
            match statement.effect.node {
                // An RCP `Allow` grants nothing: only AWS's own `RCPFullAWSAccess` may allow,
                // and it is attached at every level anyway (Organizations User Guide, RCP syntax).
                Effect::Allow if layer == Layer::Rcp => {}
                Effect::Allow => allows.push((reference, outcome.principal_matches)),
                Effect::Deny => denies.push(reference),
            }
        }
        S::push(&mut statements, || outcome.explanation);
    }
    let note = S::keep(|| {
        let rcp_allow = layer == Layer::Rcp
            && policy
                .statements
                .iter()
                .any(|s| s.effect.node == Effect::Allow);
        let rcp_note = rcp_allow.then(|| RCP_ALLOW_NOTE.to_owned());
        not_applicable.map(str::to_owned).or(rcp_note).or_else(|| {
            (!policy.variables_enabled() && policy.statements.iter().any(uses_variables)).then(
                || {
                    "no `Version: 2012-10-17`, so `${...}` is literal text, not a policy variable"
                        .to_owned()
                },
            )
        })
    })
    .flatten();
    EvaluatedPolicy {
        explanation: PolicyExplanation {
            layer,
            level,
            index,
            name: named.name.as_ref().and_then(|n| S::keep(|| n.clone())),
            applies: not_applicable.is_none(),
            note,
            span: policy.span,
            statements,
            statements_omitted: 0,
        },
        allows,
        denies,
    }
}

/// Why an `Allow` written in an RCP changes nothing, whether it copies `RCPFullAWSAccess` or
/// not (AWS Organizations User Guide, "RCP syntax" and "RCP evaluation").
const RCP_ALLOW_NOTE: &str = "an `Allow` in an RCP grants nothing and changes nothing: AWS attaches `RCPFullAWSAccess` at every level, and supports `Allow` in no other RCP";

fn uses_variables(statement: &crate::policy::Statement) -> bool {
    let in_resource = statement
        .resource
        .iter()
        .flat_map(|r| r.values.iter())
        .any(|v| v.node.contains("${"));
    let in_condition = statement
        .condition
        .iter()
        .flat_map(|b| &b.entries)
        .flat_map(|e| &e.values)
        .any(|v| v.node.contains("${"));
    in_resource || in_condition
}

/// AWS Organizations User Guide, Resource control policies (RCPs) > List of AWS services that
/// support RCPs: RCPs restrict only the actions of these services (by IAM prefix, in the guide's
/// order). The list started with five services in 2024 and has grown since; keep it in step
/// with the guide.
const RCP_SERVICES: [&str; 62] = [
    "appstream",
    "dsql",
    "clouddirectory",
    "cloudfront",
    "cloudsearch",
    "logs",
    "networkmonitor",
    "cognito-identity",
    "cognito-idp",
    "comprehend",
    "comprehendmedical",
    "firehose",
    "dynamodb",
    "dax",
    "autoscaling",
    "ecr",
    "ecr-public",
    "gamelift",
    "inspector-scan",
    "kendra",
    "kinesisvideo",
    "memorydb",
    "aoss",
    "personalize",
    "polly",
    "s3",
    "swf",
    "sqs",
    "textract",
    "timestream-influxdb",
    "transcribe",
    "translate",
    "workspaces",
    "appconfig",
    "autoscaling-plans",
    "budgets",
    "servicediscovery",
    "cloudtrail-data",
    "codeartifact",
    "codebuild",
    "codecommit",
    "codepipeline",
    "compute-optimizer",
    "cost-optimization-hub",
    "events",
    "fms",
    "fis",
    "health",
    "rolesanywhere",
    "kms",
    "opensearch",
    "pricing",
    "pca-connector-ad",
    "resource-groups",
    "secretsmanager",
    "sts",
    "signin",
    "support",
    "transfer",
    "notifications",
    "wafv2",
    "xray",
];

pub fn rcps_cover(action: &str) -> bool {
    // Same page, "Resources and entities not restricted by RCPs": RCPs do not impact the
    // kms:RetireGrant permission.
    if action.eq_ignore_ascii_case("kms:RetireGrant") {
        return false;
    }
    rcp_supports_service(action.split(':').next().unwrap_or_default())
}

/// Whether RCPs restrict the actions of a service, by its IAM prefix (`s3`, `dynamodb`).
pub fn rcp_supports_service(service: &str) -> bool {
    RCP_SERVICES.iter().any(|s| s.eq_ignore_ascii_case(service))
}
