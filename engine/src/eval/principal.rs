//! Does a statement's Principal / NotPrincipal name the caller, and how?

use super::explain::{ElementMatch, ValueMatch};
use crate::case::{is_account_id, Caller};
use crate::policy::{Effect, Node, Principal, PrincipalElement, PrincipalKind};

/// How a resource policy statement named the caller. It matters for the decision: naming the
/// account delegates to the caller's identity policies, and naming a role (rather than the
/// session) leaves the grant subject to the session's boundary and session policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalMatch {
    /// `*`, or everyone but those listed in NotPrincipal.
    Everyone,
    User,
    /// The role ARN of an assumed-role session.
    Role,
    Session,
    FederatedUser,
    Service,
    IdentityProvider,
    /// The caller's account (`123456789012` or `arn:aws:iam::123456789012:root`).
    Account,
}

impl PrincipalMatch {
    /// The caller itself was named, rather than its account.
    pub fn is_direct(self) -> bool {
        self != PrincipalMatch::Account
    }
}

/// The outcome for a statement's principal element.
pub struct PrincipalOutcome {
    pub explanation: ElementMatch,
    /// How the caller was named (for Principal), empty when it was not.
    pub matches: Vec<PrincipalMatch>,
}

/// What one policy principal value says about the caller.
fn value_match(kind: PrincipalKind, value: &str, caller: &Caller) -> Option<PrincipalMatch> {
    if value == "*" && kind == PrincipalKind::Aws {
        return Some(PrincipalMatch::Everyone);
    }
    match kind {
        PrincipalKind::Aws => aws_value_match(value, caller),
        PrincipalKind::Service => match caller {
            Caller::Service { name } if name.eq_ignore_ascii_case(value) => {
                Some(PrincipalMatch::Service)
            }
            _ => None,
        },
        PrincipalKind::Federated => match caller {
            Caller::Federated { provider } if provider == value => {
                Some(PrincipalMatch::IdentityProvider)
            }
            Caller::Service { name } if name == value => Some(PrincipalMatch::IdentityProvider),
            _ => None,
        },
        // Canonical user ids identify S3 accounts; no caller of a case carries one.
        PrincipalKind::CanonicalUser => None,
    }
}

fn aws_value_match(value: &str, caller: &Caller) -> Option<PrincipalMatch> {
    if is_account_id(value) {
        return (caller.account() == Some(value)).then_some(PrincipalMatch::Account);
    }
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    let [_, _, service, _, account, resource] = parts[..] else {
        return None;
    };
    if caller.account() != Some(account) {
        return None;
    }
    match (service, caller) {
        ("iam", _) if resource == "root" => Some(PrincipalMatch::Account),
        ("iam", Caller::User { arn, .. }) if arn == value => Some(PrincipalMatch::User),
        ("iam", Caller::AssumedRole { role_name, .. })
            if resource.starts_with("role/")
                && resource.rsplit('/').next() == Some(role_name.as_str()) =>
        {
            Some(PrincipalMatch::Role)
        }
        ("sts", Caller::AssumedRole { arn, .. }) if arn == value => Some(PrincipalMatch::Session),
        ("sts", Caller::FederatedUser { arn, .. }) if arn == value => {
            Some(PrincipalMatch::FederatedUser)
        }
        _ => None,
    }
}

/// Whether NotPrincipal's list excludes the caller. AWS checks the account, then the role,
/// then the session, so the account must be listed as well as the caller (or, for a session,
/// its role) (IAM User Guide, IAM JSON policy elements: NotPrincipal).
fn is_excluded(caller: &Caller, listed: &[PrincipalMatch]) -> bool {
    let has = |m: PrincipalMatch| listed.contains(&m);
    match caller {
        Caller::User { .. } => has(PrincipalMatch::User) && has(PrincipalMatch::Account),
        Caller::AssumedRole { .. } => {
            (has(PrincipalMatch::Role) || has(PrincipalMatch::Session))
                && has(PrincipalMatch::Account)
        }
        Caller::FederatedUser { .. } => {
            has(PrincipalMatch::FederatedUser) && has(PrincipalMatch::Account)
        }
        Caller::Root { .. } => has(PrincipalMatch::Account),
        Caller::Service { .. } => has(PrincipalMatch::Service),
        Caller::Federated { .. } => has(PrincipalMatch::IdentityProvider),
        Caller::Anonymous => false,
    }
}

pub fn match_principal(
    element: &Node<PrincipalElement>,
    caller: &Caller,
    effect: Effect,
    has_boundary: bool,
    request_value: &str,
) -> PrincipalOutcome {
    let mut values = Vec::new();
    let mut found: Vec<PrincipalMatch> = Vec::new();
    match &element.principal {
        Principal::Any => {
            found.push(PrincipalMatch::Everyone);
            values.push(ValueMatch {
                value: "*".into(),
                span: element.span,
                matched: true,
                resolved: None,
                variables: Vec::new(),
                note: None,
            });
        }
        Principal::Entries(entries) => {
            for entry in entries {
                for value in &entry.values {
                    let matched = value_match(entry.kind.node, &value.node, caller);
                    found.extend(matched);
                    values.push(ValueMatch {
                        value: format!("{}: {}", entry.kind.as_str(), value.node),
                        span: value.span,
                        matched: matched.is_some(),
                        resolved: None,
                        variables: Vec::new(),
                        note: None,
                    });
                }
            }
        }
    }
    let (element_name, matched, matches, note) = if element.negated {
        let everyone_listed = found.contains(&PrincipalMatch::Everyone);
        let excluded = everyone_listed || is_excluded(caller, &found);
        if effect == Effect::Deny && has_boundary && caller.has_identity_policies() {
            let note = "a Deny with NotPrincipal always applies to a principal that has a permissions boundary (IAM User Guide, Permissions boundaries for IAM entities)";
            (
                "NotPrincipal",
                true,
                vec![PrincipalMatch::Everyone],
                Some(note.to_owned()),
            )
        } else if excluded {
            (
                "NotPrincipal",
                false,
                Vec::new(),
                Some("the caller (and its account) are listed, so excluded".to_owned()),
            )
        } else {
            let mut note = (!found.is_empty()).then(|| "not every identity of the caller is listed (the caller, its role, its account), so it is not excluded".to_owned());
            if effect == Effect::Allow {
                // IAM User Guide, IAM JSON policy elements: NotPrincipal: "must be used with
                // Deny"; services that still accept it grant everyone not listed.
                let warning = "AWS does not support NotPrincipal with Allow: where a service still accepts it, it grants everyone not listed, anonymous callers included";
                note = Some(match note {
                    Some(first) => format!("{first}; {warning}"),
                    None => warning.to_owned(),
                });
            }
            ("NotPrincipal", true, vec![PrincipalMatch::Everyone], note)
        }
    } else {
        ("Principal", !found.is_empty(), found, None)
    };
    PrincipalOutcome {
        explanation: ElementMatch {
            element: element_name,
            matched,
            request_value: request_value.to_owned(),
            values,
            values_omitted: 0,
            note,
        },
        matches,
    }
}
