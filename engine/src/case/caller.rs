//! The caller of a request, parsed from the case's `principal`, and the context keys AWS derives
//! from it.

use crate::context::{KeySource, RequestContext};
use serde::Serialize;
use std::borrow::Cow;

/// Who makes the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// `arn:aws:iam::ACCT:user/path/name`
    User {
        arn: String,
        account: String,
        name: String,
    },
    /// `arn:aws:sts::ACCT:assumed-role/ROLE/SESSION`; a role ARN given as the principal is read
    /// as a session of that role.
    AssumedRole {
        arn: String,
        account: String,
        role_arn: String,
        role_name: String,
        session: String,
    },
    /// `arn:aws:sts::ACCT:federated-user/NAME` (a `GetFederationToken` session).
    FederatedUser {
        arn: String,
        account: String,
        name: String,
    },
    /// `arn:aws:iam::ACCT:root` or a bare 12-digit account id.
    Root { arn: String, account: String },
    /// `lambda.amazonaws.com`: an AWS service acting itself.
    Service { name: String },
    /// A web identity or SAML provider, for `sts:AssumeRoleWith*`.
    Federated { provider: String },
    /// `*`: an unsigned request.
    Anonymous,
}

/// How the caller is described in explanations and `aws:PrincipalType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CallerKind {
    User,
    AssumedRole,
    FederatedUser,
    Root,
    Service,
    Federated,
    Anonymous,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a principal this playground understands")]
pub struct InvalidPrincipal {
    pub text: String,
}

impl InvalidPrincipal {
    pub fn help(&self) -> &'static str {
        "use an IAM user or role ARN, `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`, `arn:aws:iam::ACCOUNT:root`, a service such as `lambda.amazonaws.com`, or `*` for anonymous"
    }
}

const WEB_IDENTITY_PROVIDERS: [&str; 4] = [
    "accounts.google.com",
    "graph.facebook.com",
    "www.amazon.com",
    "cognito-identity.amazonaws.com",
];

impl Caller {
    pub fn parse(text: &str) -> Result<Caller, InvalidPrincipal> {
        let invalid = || InvalidPrincipal {
            text: text.to_owned(),
        };
        if text == "*" {
            return Ok(Caller::Anonymous);
        }
        if is_account_id(text) {
            return Ok(Caller::Root {
                arn: format!("arn:aws:iam::{text}:root"),
                account: text.to_owned(),
            });
        }
        if WEB_IDENTITY_PROVIDERS.contains(&text) {
            return Ok(Caller::Federated {
                provider: text.to_owned(),
            });
        }
        if !text.starts_with("arn:") {
            let is_service =
                text.ends_with(".amazonaws.com") || text.ends_with(".amazonaws.com.cn");
            return if is_service && !text.contains(['/', ':', ' ']) {
                Ok(Caller::Service {
                    name: text.to_owned(),
                })
            } else {
                Err(invalid())
            };
        }
        // The six fields of an ARN, read without collecting them into a list.
        let mut parts = text.splitn(6, ':');
        let mut next = || parts.next();
        let (Some(_), Some(partition), Some(service), Some(_), Some(account), Some(resource)) =
            (next(), next(), next(), next(), next(), next())
        else {
            return Err(invalid());
        };
        if !is_account_id(account) {
            return Err(invalid());
        }
        let (account, arn) = (account.to_owned(), text.to_owned());
        // The resource's first `/`-separated segment, the rest, and the last segment, read
        // without collecting the segments into a list (this runs for every case read).
        let (first, rest) = match resource.split_once('/') {
            Some((first, rest)) => (first, Some(rest)),
            None => (resource, None),
        };
        let last = rest.map_or(resource, |rest| {
            rest.rsplit_once('/').map_or(rest, |(_, last)| last)
        });
        match (service, first, rest) {
            ("iam", "root", None) => Ok(Caller::Root { arn, account }),
            ("iam", "user", Some(_)) if !last.is_empty() => Ok(Caller::User {
                arn,
                account,
                name: last.to_owned(),
            }),
            ("iam", "role", Some(_)) if !last.is_empty() => Ok(Caller::AssumedRole {
                session: last.to_owned(),
                role_arn: arn.clone(),
                role_name: last.to_owned(),
                arn,
                account,
            }),
            ("iam", "saml-provider" | "oidc-provider", _) => {
                Ok(Caller::Federated { provider: arn })
            }
            ("sts", "assumed-role", Some(rest)) => match rest.split_once('/') {
                Some((role_name, session))
                    if !role_name.is_empty() && !session.is_empty() && !session.contains('/') =>
                {
                    let role_arn = format!("arn:{partition}:iam::{account}:role/{role_name}");
                    Ok(Caller::AssumedRole {
                        arn,
                        account,
                        role_arn,
                        role_name: role_name.to_owned(),
                        session: session.to_owned(),
                    })
                }
                _ => Err(invalid()),
            },
            ("sts", "federated-user", Some(name)) if !name.is_empty() && !name.contains('/') => {
                Ok(Caller::FederatedUser {
                    arn,
                    account,
                    name: name.to_owned(),
                })
            }
            _ => Err(invalid()),
        }
    }

    pub fn kind(&self) -> CallerKind {
        match self {
            Caller::User { .. } => CallerKind::User,
            Caller::AssumedRole { .. } => CallerKind::AssumedRole,
            Caller::FederatedUser { .. } => CallerKind::FederatedUser,
            Caller::Root { .. } => CallerKind::Root,
            Caller::Service { .. } => CallerKind::Service,
            Caller::Federated { .. } => CallerKind::Federated,
            Caller::Anonymous => CallerKind::Anonymous,
        }
    }

    /// The AWS account the caller belongs to; services, providers and anonymous have none.
    pub fn account(&self) -> Option<&str> {
        match self {
            Caller::User { account, .. }
            | Caller::AssumedRole { account, .. }
            | Caller::FederatedUser { account, .. }
            | Caller::Root { account, .. } => Some(account),
            _ => None,
        }
    }

    /// The caller's own ARN, as requests carry it.
    pub fn arn(&self) -> Option<&str> {
        match self {
            Caller::User { arn, .. }
            | Caller::AssumedRole { arn, .. }
            | Caller::FederatedUser { arn, .. }
            | Caller::Root { arn, .. } => Some(arn),
            _ => None,
        }
    }

    /// A session of a service-linked role: its role ARN has the `aws-service-role/` path (IAM User
    /// Guide, Service-linked roles), or, for a session ARN, which carries no path, the role name
    /// has the `AWSServiceRoleFor` prefix AWS gives them. SCPs and RCPs do not restrict these
    /// roles (AWS Organizations User Guide, SCPs and RCPs > entities not restricted).
    pub fn is_service_linked_role(&self) -> bool {
        match self {
            Caller::AssumedRole {
                role_arn,
                role_name,
                ..
            } => {
                role_arn.contains(":role/aws-service-role/")
                    || role_name.starts_with("AWSServiceRoleFor")
            }
            _ => false,
        }
    }

    /// A principal of IAM with identity policies: a user, a role session or a federated user.
    pub fn has_identity_policies(&self) -> bool {
        matches!(
            self,
            Caller::User { .. } | Caller::AssumedRole { .. } | Caller::FederatedUser { .. }
        )
    }

    /// Adds the global keys AWS derives from the caller, and `aws:ResourceAccount` when the
    /// resource's account is known, unless the case gave them (IAM User Guide, AWS global
    /// condition context keys: aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType,
    /// aws:username, aws:userid, aws:PrincipalServiceName, aws:PrincipalIsAWSService,
    /// aws:ResourceAccount).
    pub fn derive_context(&self, ctx: &mut RequestContext, resource_account: Option<&str>) {
        use KeySource::{Aws, StandIn};
        let principal_type = match self {
            Caller::User { .. } => Some("User"),
            Caller::AssumedRole { .. } => Some("AssumedRole"),
            Caller::FederatedUser { .. } => Some("FederatedUser"),
            Caller::Root { .. } => Some("Account"),
            Caller::Anonymous => Some("Anonymous"),
            Caller::Service { .. } | Caller::Federated { .. } => None,
        };
        let principal_arn = match self {
            Caller::AssumedRole { role_arn, .. } => Some(role_arn.as_str()),
            other => other.arn(),
        };
        let is_aws_service = match self {
            Caller::Anonymous => None,
            Caller::Service { .. } => Some("true"),
            _ => Some("false"),
        };
        let (mut username, mut service_name) = (None, None);
        let (userid, userid_source): (Option<Cow<str>>, _) = match self {
            Caller::User { name, arn, .. } => {
                username = Some(name.as_str());
                (Some(pseudo_unique_id("AIDA", arn, None).into()), StandIn)
            }
            Caller::AssumedRole {
                role_arn, session, ..
            } => (
                Some(pseudo_unique_id("AROA", role_arn, Some(session)).into()),
                StandIn,
            ),
            Caller::FederatedUser { account, name, .. } => {
                (Some(format!("{account}:{name}").into()), Aws)
            }
            Caller::Root { account, .. } => (Some(account.as_str().into()), Aws),
            Caller::Anonymous => (Some("anonymous".into()), Aws),
            Caller::Service { name } => {
                service_name = Some(name.as_str());
                (None, Aws)
            }
            Caller::Federated { .. } => (None, Aws),
        };
        fn text(value: Option<&str>) -> Option<Cow<'_, str>> {
            value.map(Cow::Borrowed)
        }
        // In the context's order (keys compared case-insensitively), which a test checks.
        ctx.add_defaults([
            ("aws:PrincipalAccount", text(self.account()), Aws),
            ("aws:PrincipalArn", text(principal_arn), Aws),
            ("aws:PrincipalIsAWSService", text(is_aws_service), Aws),
            ("aws:PrincipalServiceName", text(service_name), Aws),
            ("aws:PrincipalType", text(principal_type), Aws),
            ("aws:ResourceAccount", text(resource_account), Aws),
            ("aws:userid", userid, userid_source),
            ("aws:username", text(username), Aws),
        ]);
    }
}

pub fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

/// AWS unique ids (`AIDA…`, `AROA…`) are random; a stable stand-in of the same shape lets
/// policies that match `${aws:userid}` patterns such as `AROA*:alice` behave as they would.
/// `prefix`, 17 characters from `seed`, then `:session` when there is one; written into one
/// string of its final size (this runs for every case read, and `format!` is slow at opt-level
/// "z").
fn pseudo_unique_id(prefix: &str, seed: &str, session: Option<&str>) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    // FNV-1a: tiny, deterministic, and good enough to tell ids apart.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in seed.bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    let session_len = session.map_or(0, |s| s.len() + 1);
    let mut id = String::with_capacity(prefix.len() + 17 + session_len);
    id.push_str(prefix);
    for i in 0..17 {
        id.push(char::from(
            ALPHABET[((hash >> ((i * 5) % 60)) & 31) as usize],
        ));
    }
    if let Some(session) = session {
        id.push(':');
        id.push_str(session);
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_in_unique_ids_keep_their_values() {
        // The values the ids had when they were written with `format!`: policies and saved
        // cases may compare `aws:userid` with them.
        assert_eq!(
            pseudo_unique_id("AIDA", "arn:aws:iam::111122223333:user/bob", None),
            "AIDAZ7DYBWPVRINPZ7DYB"
        );
        assert_eq!(
            pseudo_unique_id(
                "AROA",
                "arn:aws:iam::111122223333:role/Admin",
                Some("alice")
            ),
            "AROAGIQSASKX75CIGIQSA:alice"
        );
    }

    #[test]
    fn every_documented_principal_shape_parses() {
        let session = Caller::parse("arn:aws:sts::111122223333:assumed-role/Admin/alice").unwrap();
        assert_eq!(
            session,
            Caller::AssumedRole {
                arn: "arn:aws:sts::111122223333:assumed-role/Admin/alice".into(),
                account: "111122223333".into(),
                role_arn: "arn:aws:iam::111122223333:role/Admin".into(),
                role_name: "Admin".into(),
                session: "alice".into(),
            }
        );
        assert_eq!(
            Caller::parse("arn:aws:iam::111122223333:user/dev/bob")
                .unwrap()
                .kind(),
            CallerKind::User
        );
        assert_eq!(
            Caller::parse("arn:aws:iam::111122223333:root")
                .unwrap()
                .kind(),
            CallerKind::Root
        );
        assert_eq!(
            Caller::parse("111122223333").unwrap().kind(),
            CallerKind::Root
        );
        assert_eq!(
            Caller::parse("lambda.amazonaws.com").unwrap(),
            Caller::Service {
                name: "lambda.amazonaws.com".into()
            }
        );
        assert_eq!(Caller::parse("*").unwrap(), Caller::Anonymous);
        assert_eq!(
            Caller::parse("accounts.google.com").unwrap().kind(),
            CallerKind::Federated
        );
        assert_eq!(
            Caller::parse("arn:aws:sts::111122223333:federated-user/carol")
                .unwrap()
                .kind(),
            CallerKind::FederatedUser
        );
        assert_eq!(
            Caller::parse("arn:aws:iam::111122223333:role/service-role/Ops").unwrap(),
            Caller::AssumedRole {
                arn: "arn:aws:iam::111122223333:role/service-role/Ops".into(),
                account: "111122223333".into(),
                role_arn: "arn:aws:iam::111122223333:role/service-role/Ops".into(),
                role_name: "Ops".into(),
                session: "Ops".into(),
            }
        );
        assert_eq!(
            Caller::parse("arn:aws:iam::111122223333:saml-provider/Okta")
                .unwrap()
                .kind(),
            CallerKind::Federated
        );
        for bad in [
            "alice",
            "arn:aws:iam::111122223333:root/x",
            "arn:aws:iam::111122223333:user",
            "arn:aws:iam::111122223333:role/ops/",
            "arn:aws:sts::111122223333:assumed-role/Admin",
            "arn:aws:sts::111122223333:assumed-role//alice",
            "arn:aws:sts::111122223333:assumed-role/Admin/",
            "arn:aws:sts::111122223333:assumed-role/Admin/alice/x",
            "arn:aws:sts::111122223333:federated-user/",
            "arn:aws:sts::111122223333:federated-user/carol/x",
            "arn:aws:iam::12:user/a",
            "arn:aws:iam::111122223333:user/",
            "arn:aws:s3:::bucket",
        ] {
            assert!(Caller::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn derived_keys_follow_the_caller_and_never_override_given_ones() {
        let mut ctx = RequestContext::new();
        ctx.insert_single("aws:PrincipalType", "Custom");
        Caller::parse("arn:aws:sts::111122223333:assumed-role/Admin/alice")
            .unwrap()
            .derive_context(&mut ctx, None);
        assert_eq!(
            ctx.single("aws:PrincipalArn"),
            Some("arn:aws:iam::111122223333:role/Admin")
        );
        assert_eq!(ctx.single("aws:PrincipalAccount"), Some("111122223333"));
        assert_eq!(ctx.single("aws:PrincipalType"), Some("Custom"));
        assert!(ctx
            .single("aws:userid")
            .is_some_and(|id| id.starts_with("AROA") && id.ends_with(":alice")));
        assert!(ctx.get("aws:username").is_none());

        let mut ctx = RequestContext::new();
        Caller::parse("arn:aws:iam::111122223333:user/bob")
            .unwrap()
            .derive_context(&mut ctx, None);
        assert_eq!(ctx.single("aws:username"), Some("bob"));
        assert_eq!(ctx.single("aws:PrincipalType"), Some("User"));

        let mut ctx = RequestContext::new();
        Caller::parse("lambda.amazonaws.com")
            .unwrap()
            .derive_context(&mut ctx, None);
        assert_eq!(
            ctx.single("aws:PrincipalServiceName"),
            Some("lambda.amazonaws.com")
        );
        assert_eq!(ctx.single("aws:PrincipalIsAWSService"), Some("true"));
        assert!(ctx.get("aws:PrincipalArn").is_none());
    }

    #[test]
    fn every_caller_derives_its_keys_in_the_context_order() {
        // `add_defaults` checks the order in debug builds; every caller kind, with a resource
        // account, goes through it here.
        for principal in [
            "arn:aws:iam::111122223333:user/bob",
            "arn:aws:sts::111122223333:assumed-role/Admin/alice",
            "arn:aws:sts::111122223333:federated-user/carol",
            "111122223333",
            "lambda.amazonaws.com",
            "accounts.google.com",
            "*",
        ] {
            let mut ctx = RequestContext::new();
            Caller::parse(principal)
                .unwrap()
                .derive_context(&mut ctx, Some("444455556666"));
            assert_eq!(ctx.single("aws:ResourceAccount"), Some("444455556666"));
            let keys: Vec<&str> = ctx.iter().map(|e| &*e.key).collect();
            let mut sorted = keys.clone();
            sorted.sort_by_key(|k| k.to_ascii_lowercase());
            assert_eq!(keys, sorted, "{principal}");
        }
    }
}
