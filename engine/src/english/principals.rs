//! `Principal` / `NotPrincipal` in words.

use super::words::{and_list, code};
use crate::policy::{Principal, PrincipalElement, PrincipalKind};

pub(super) fn read(element: &PrincipalElement) -> String {
    let who = match &element.principal {
        Principal::Any => "everyone, including anonymous callers".to_owned(),
        Principal::Entries(entries) => {
            let items: Vec<String> = entries
                .iter()
                .flat_map(|e| e.values.iter().map(move |v| one(e.kind.node, &v.node)))
                .collect();
            if items.is_empty() {
                "no principal".to_owned()
            } else {
                and_list(&items)
            }
        }
    };
    if element.negated {
        format!("everyone except {who}")
    } else {
        who
    }
}

fn one(kind: PrincipalKind, value: &str) -> String {
    match kind {
        PrincipalKind::Aws => aws(value),
        PrincipalKind::Service => format!("the service {}", code(value)),
        PrincipalKind::Federated => format!("users federated through {}", code(value)),
        PrincipalKind::CanonicalUser => format!("the S3 canonical user {}", code(value)),
    }
}

fn aws(value: &str) -> String {
    if value == "*" {
        return "every AWS principal in any account".to_owned();
    }
    if value.len() == 12 && value.bytes().all(|b| b.is_ascii_digit()) {
        return format!(
            "account {} (its principals, as its own policies permit)",
            code(value)
        );
    }
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    if parts.len() == 6 && parts[0] == "arn" {
        let account = parts[4];
        let resource = parts[5];
        if resource == "root" {
            return format!(
                "account {} (its principals, as its own policies permit)",
                code(account)
            );
        }
        for (prefix, what) in [
            ("role/", "role"),
            ("user/", "user"),
            ("assumed-role/", "session of role"),
            ("federated-user/", "federated user"),
        ] {
            if let Some(name) = resource.strip_prefix(prefix) {
                return format!("{what} {} in account {}", code(name), code(account));
            }
        }
    }
    code(value)
}
