//! The live access map: a setup (who requests what, and which policies sit where) drawn as a
//! diagram, with each request an edge whose verdict follows the checks as the learner types.
//!
//! The structure never changes while the learner types, only the verdicts, so the layout runs
//! once per setup ([`AccessMap::new`]) and each keystroke only recolours edges
//! ([`AccessMap::states`]).

mod arn;

use std::collections::BTreeMap;

use iamplay_diagram::{layout, BoxKind, Diagram, EdgeKind, EdgeState, NodeKind, Spec};

pub use arn::{principal_of, resource_of, Party};

/// One request of the setup: a check of a scenario, a request of the playground.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub principal: String,
    pub action: String,
    pub resource: String,
    /// The resource's account when its ARN does not say (S3).
    pub resource_account: Option<String>,
}

/// Where a policy applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Identity policies, boundaries, session policies: the principals making the requests.
    Principals,
    /// Resource policies and trust policies: the resources requested.
    Resources,
    /// SCPs: the principals' accounts.
    PrincipalAccounts,
    /// RCPs: the resources' accounts.
    ResourceAccounts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub label: String,
    pub target: Target,
}

/// The verdict of one request, as the checks give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Not known yet (a prediction not made, a policy that does not parse).
    Unknown,
    Allowed,
    /// Denied, with the layer that stopped it in words ("the permissions boundary").
    Denied(String),
}

impl Verdict {
    /// A decided request's verdict; `blocked_by` is the stopping layer in words.
    pub fn of(allowed: bool, explicit_deny: bool, blocked_by: Option<&str>) -> Verdict {
        if allowed {
            return Verdict::Allowed;
        }
        let layer = blocked_by.unwrap_or("no policy allowing it");
        if explicit_deny {
            Verdict::Denied(format!("an explicit deny in {layer}"))
        } else {
            Verdict::Denied(layer.to_owned())
        }
    }
}

/// A setup laid out, with the edge of each request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessMap {
    pub diagram: Diagram,
    /// Per request, the index of its edge in [`Diagram::edges`].
    pub request_edges: Vec<usize>,
}

impl AccessMap {
    /// Lays the setup out. `None` when there is nothing to draw.
    pub fn new(title: &str, requests: &[Request], policies: &[Policy]) -> Option<Self> {
        let (spec, request_edges) = spec(title, requests, policies);
        if spec.nodes.is_empty() {
            return None;
        }
        let diagram = layout(&spec).ok()?;
        Some(Self {
            diagram,
            request_edges,
        })
    }

    /// Edge states for the requests' verdicts, in request order; other edges stay plain.
    pub fn states(&self, verdicts: &[Verdict]) -> Vec<EdgeState> {
        let mut states = vec![EdgeState::Plain; self.diagram.edges.len()];
        for (&edge, verdict) in self.request_edges.iter().zip(verdicts) {
            states[edge] = match verdict {
                Verdict::Unknown => EdgeState::Plain,
                Verdict::Allowed => EdgeState::Allowed,
                Verdict::Denied(by) => EdgeState::Denied { by: by.clone() },
            };
        }
        states
    }

    /// The request an edge stands for, if it is one.
    pub fn request_of_edge(&self, edge: usize) -> Option<usize> {
        self.request_edges.iter().position(|&e| e == edge)
    }
}

/// Nodes for the parties, boxes for their accounts, edges for the requests and attachments.
fn spec(title: &str, requests: &[Request], policies: &[Policy]) -> (Spec, Vec<usize>) {
    let mut spec = Spec {
        title: title.to_owned(),
        ..Spec::default()
    };
    let mut accounts: BTreeMap<String, usize> = BTreeMap::new();
    let mut parties: BTreeMap<String, usize> = BTreeMap::new();
    let mut principals: Vec<usize> = Vec::new();
    let mut resources: Vec<usize> = Vec::new();
    let mut principal_accounts: Vec<String> = Vec::new();
    let mut resource_accounts: Vec<String> = Vec::new();

    let mut account_box = |spec: &mut Spec, account: &str| -> usize {
        *accounts.entry(account.to_owned()).or_insert_with(|| {
            spec.group(
                format!("account-{account}"),
                BoxKind::Account,
                format!("Account {account}"),
                None,
            )
        })
    };
    let mut party =
        |spec: &mut Spec, party: Party, seen: &mut Vec<usize>| -> (usize, Option<String>) {
            let account = party.account.clone();
            let index = *parties.entry(party.key.clone()).or_insert_with(|| {
                let parent = party.account.as_deref().map(|a| account_box(spec, a));
                spec.node(party.key.clone(), party.kind, party.label, parent)
            });
            if !seen.contains(&index) {
                seen.push(index);
            }
            (index, account)
        };

    let mut request_edges = Vec::with_capacity(requests.len());
    for request in requests {
        let (from, principal_account) =
            party(&mut spec, principal_of(&request.principal), &mut principals);
        let target = resource_of(
            &request.resource,
            request
                .resource_account
                .as_deref()
                .or(principal_account.as_deref()),
        );
        let object = target.detail.clone();
        let (to, resource_account) = party(&mut spec, target, &mut resources);
        principal_accounts.extend(principal_account);
        resource_accounts.extend(resource_account);
        let detail = match object {
            Some(object) => format!("{} {object}", request.action),
            None => request.action.clone(),
        };
        request_edges.push(spec.edge(from, EdgeKind::Requests, to, Some(detail)));
    }
    principal_accounts.dedup();
    resource_accounts.dedup();

    for (i, policy) in policies.iter().enumerate() {
        let id = format!("policy-{i}");
        match policy.target {
            Target::Principals | Target::Resources => {
                let targets = if policy.target == Target::Principals {
                    &principals
                } else {
                    &resources
                };
                // Inside the targets' account when they share one.
                let parents: Vec<Option<usize>> =
                    targets.iter().map(|&t| spec.nodes[t].parent).collect();
                let parent = match parents.split_first() {
                    Some((first, rest)) if rest.iter().all(|p| p == first) => *first,
                    _ => None,
                };
                let node = spec.node(id, NodeKind::Policy, policy.label.clone(), parent);
                for &target in targets {
                    spec.edge(node, EdgeKind::AttachedTo, target, None);
                }
            }
            Target::PrincipalAccounts | Target::ResourceAccounts => {
                let scope = if policy.target == Target::PrincipalAccounts {
                    &principal_accounts
                } else {
                    &resource_accounts
                };
                // An organization policy sits in the account it governs; with several, once
                // in each.
                if scope.is_empty() {
                    spec.node(id.clone(), NodeKind::Policy, policy.label.clone(), None);
                }
                for (k, account) in scope.iter().enumerate() {
                    let parent = accounts.get(account).copied();
                    spec.node(
                        format!("{id}-{k}"),
                        NodeKind::Policy,
                        policy.label.clone(),
                        parent,
                    );
                }
            }
        }
    }
    (spec, request_edges)
}

#[cfg(test)]
mod tests;
