//! Principal values, and who a statement opens access to.

use super::check::Check;
use super::context::Context;
use super::kind_rules::is_everyone;
use crate::policy::{Effect, Principal, PrincipalKind, Statement};
use crate::policy_kind::PolicyKind;

pub(super) fn check(cx: &mut Context<'_>, statement: &Statement) {
    let Some(principal) = &statement.principal else {
        return;
    };
    if let Principal::Entries(entries) = &principal.principal {
        for entry in entries {
            for value in &entry.values {
                match entry.kind.node {
                    PrincipalKind::Aws if !valid_aws_principal(&value.node) => {
                        cx.report(
                            Check::InvalidPrincipal,
                            value.span,
                            Some(statement),
                            format!("`{}` is not an AWS principal", value.node),
                            "write a 12-digit account ID, `arn:aws:iam::ACCOUNT:root`, a user or role ARN such as `arn:aws:iam::111122223333:role/reader`, or `\"*\"`; wildcards are not allowed inside an ARN here",
                        );
                    }
                    PrincipalKind::Service if !valid_service_principal(&value.node) => {
                        let fixed = value
                            .node
                            .split('.')
                            .next()
                            .filter(|s| !s.is_empty() && *s != "*")
                            .map(|s| format!("{s}.amazonaws.com"));
                        cx.report(
                            Check::InvalidServicePrincipal,
                            value.span,
                            Some(statement),
                            format!("`{}` does not look like a service principal", value.node),
                            "service principals end in `.amazonaws.com`, e.g. `lambda.amazonaws.com`",
                        )
                        .suggest(fixed);
                    }
                    _ => {}
                }
            }
        }
    }
    if statement.effect.node != Effect::Allow
        || principal.negated
        || !statement.condition.is_empty()
    {
        return;
    }
    if !is_everyone(&principal.principal) {
        if cx.kind() == PolicyKind::Trust {
            trust_without_external_id(cx, statement);
        }
        return;
    }
    match cx.kind() {
        PolicyKind::Trust => {
            cx.report(
                Check::PublicTrust,
                principal.span,
                Some(statement),
                "anyone in any AWS account can assume this role".to_owned(),
                "name the accounts, roles or services that may assume it, or add a condition such as `aws:PrincipalOrgID` or `sts:ExternalId`",
            );
        }
        PolicyKind::Resource => {
            cx.report(
                Check::PublicResource,
                principal.span,
                Some(statement),
                "the statement allows everyone, including anonymous callers".to_owned(),
                "name the accounts or roles that need access, or add a condition such as `aws:PrincipalOrgID` or `aws:SourceVpce`",
            );
        }
        _ => {}
    }
}

/// A role another account can assume, without `sts:ExternalId`: fine for your own accounts,
/// but for a third party the external ID prevents the confused-deputy problem (IAM User
/// Guide, "Access to AWS accounts owned by third parties").
fn trust_without_external_id(cx: &mut Context<'_>, statement: &Statement) {
    let Some(principal) = &statement.principal else {
        return;
    };
    let Principal::Entries(entries) = &principal.principal else {
        return;
    };
    for entry in entries.iter().filter(|e| e.kind.node == PrincipalKind::Aws) {
        for value in &entry.values {
            if account_of(&value.node).is_some() && value.node.ends_with(":root")
                || value.node.len() == 12 && value.node.bytes().all(|b| b.is_ascii_digit())
            {
                cx.report(
                    Check::CrossAccountTrustWithoutExternalId,
                    value.span,
                    Some(statement),
                    "every principal of this account may assume the role, with no condition".to_owned(),
                    "if the account belongs to a third party, require `\"Condition\": {\"StringEquals\": {\"sts:ExternalId\": \"...\"}}`",
                );
            }
        }
    }
}

fn account_of(arn: &str) -> Option<&str> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    (parts.len() == 6 && parts[0] == "arn").then(|| parts[4])
}

/// IAM User Guide, "AWS JSON policy elements: Principal" > AWS account principals, IAM role,
/// user and session principals: account IDs, their ARNs, or `*`. Wildcards inside an ARN are
/// not accepted ("you can't use a wildcard to match part of a principal name or ARN").
pub(super) fn valid_aws_principal(text: &str) -> bool {
    if text == "*" || text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let parts: Vec<&str> = text.splitn(6, ':').collect();
    if parts.len() != 6 || parts[0] != "arn" || text.contains(['*', '?']) {
        return false;
    }
    let account_ok = parts[4].len() == 12 && parts[4].bytes().all(|b| b.is_ascii_digit());
    let resource = parts[5];
    account_ok
        && match parts[2] {
            "iam" => {
                resource == "root"
                    || ["user/", "role/", "federated-user/", "group/"]
                        .iter()
                        .any(|p| resource.starts_with(p) && resource.len() > p.len())
            }
            "sts" => {
                resource.starts_with("assumed-role/") || resource.starts_with("federated-user/")
            }
            _ => false,
        }
}

fn valid_service_principal(text: &str) -> bool {
    let (name, domain) = match text.split_once('.') {
        Some(parts) => parts,
        None => return false,
    };
    // AWS services are `<name>.amazonaws.com` (`.amazonaws.com.cn` in China); the only
    // principals under `amazon.com` are Alexa's (`alexa-appkit.amazon.com`), so
    // `lambda.amazon.com`, a classic slip, is flagged rather than taken for one of them.
    !name.is_empty()
        && !text.contains(['*', ' '])
        && (domain.ends_with("amazonaws.com")
            || domain.ends_with("amazonaws.com.cn")
            || (domain == "amazon.com" && name.starts_with("alexa-")))
}

/// What each check reported here finds and why it matters, for `iamplay lint --explain`.
pub(super) const DOCS: &[(Check, &str)] = &[
    (
        Check::InvalidPrincipal,
        r#"A principal value that is not an AWS principal.

An `AWS` principal is a 12-digit account ID, an account root ARN, a user or role ARN, or
`"*"`; wildcards inside an ARN are not allowed here."#,
    ),
    (
        Check::InvalidServicePrincipal,
        r#"A `Service` principal that does not look like a service principal.

Service principals name an AWS service, such as `lambda.amazonaws.com`; anything else never
matches a caller."#,
    ),
    (
        Check::PublicTrust,
        r#"A trust policy that lets anyone assume the role.

`"Principal": {"AWS": "*"}` without a limiting condition lets any principal in any AWS
account assume the role and use its permissions."#,
    ),
    (
        Check::PublicResource,
        r#"A resource-based policy that allows everyone.

`"Principal": "*"` without a limiting condition allows every caller, including anonymous
ones; for S3 this makes the data public."#,
    ),
    (
        Check::CrossAccountTrustWithoutExternalId,
        r#"A role that another account may assume with no condition.

When the other account belongs to a third party acting for several customers, require an
`sts:ExternalId` so that it cannot be tricked into using your role for someone else (the
confused deputy problem)."#,
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_principal_shapes() {
        for ok in [
            "*",
            "111122223333",
            "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:role/reader",
            "arn:aws:sts::111122223333:assumed-role/reader/alice",
        ] {
            assert!(valid_aws_principal(ok), "{ok}");
        }
        for bad in [
            "alice",
            "11112222333",
            "arn:aws:iam::111122223333:role/*",
            "arn:aws:s3:::bucket",
            "arn:aws:iam::abc:root",
        ] {
            assert!(!valid_aws_principal(bad), "{bad}");
        }
    }

    #[test]
    fn service_principal_shapes() {
        assert!(valid_service_principal("lambda.amazonaws.com"));
        assert!(!valid_service_principal("lambda"));
        assert!(!valid_service_principal("lambda.amazon.co"));
        assert!(!valid_service_principal("lambda.amazon.com"));
        assert!(valid_service_principal("alexa-appkit.amazon.com"));
        assert!(valid_service_principal("glue.amazonaws.com.cn"));
    }
}
