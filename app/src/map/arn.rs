//! Naming the parties of a request for the map: what kind of thing an ARN or a service
//! principal is, its account, and a short label.

use iamplay_diagram::NodeKind;

/// A principal or a resource as the map draws it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// What makes two requests' parties the same node.
    pub key: String,
    pub kind: NodeKind,
    pub label: String,
    pub account: Option<String>,
    /// For a resource drawn as its container (an S3 object as its bucket): the rest, for the
    /// request's edge.
    pub detail: Option<String>,
}

/// The longest label part kept whole; longer ones keep their start and end.
const MAX_NAME: usize = 36;

/// `arn:partition:service:region:account:resource`, split; `None` for anything else.
fn split_arn(arn: &str) -> Option<(&str, &str, &str)> {
    let mut parts = arn.splitn(6, ':');
    let (Some("arn"), Some(_), Some(service), Some(_), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return None;
    };
    Some((service, account, resource))
}

fn shorten(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max / 2).collect();
    let tail: String = text.chars().skip(count - (max - max / 2 - 1)).collect();
    format!("{head}…{tail}")
}

fn account_of(account: &str) -> Option<String> {
    (!account.is_empty()).then(|| account.to_owned())
}

/// The principal of a request: an IAM user or role, a role session, an AWS service, an
/// account, or anyone (`*`).
pub fn principal_of(principal: &str) -> Party {
    let key = principal.to_owned();
    let Some((service, account, resource)) = split_arn(principal) else {
        let (kind, label) = if principal.ends_with(".amazonaws.com") {
            (NodeKind::Service, format!("Service {principal}"))
        } else if principal.len() == 12 && principal.bytes().all(|b| b.is_ascii_digit()) {
            (NodeKind::Account, format!("Account {principal}"))
        } else {
            (NodeKind::User, shorten(principal, MAX_NAME))
        };
        return Party {
            key,
            kind,
            label,
            account: None,
            detail: None,
        };
    };
    let (kind, label) = match (service, resource.split_once('/')) {
        ("sts", Some(("assumed-role", session))) => (
            NodeKind::Session,
            format!("Session {}", shorten(session, MAX_NAME)),
        ),
        ("sts", Some(("federated-user", name))) => (
            NodeKind::Session,
            format!("Federated user {}", shorten(name, MAX_NAME)),
        ),
        ("iam", Some(("user", name))) => (NodeKind::User, format!("User {}", last(name))),
        ("iam", Some(("role", name))) => (NodeKind::Role, format!("Role {}", last(name))),
        ("iam", _) if resource == "root" => (NodeKind::Account, format!("Account {account}")),
        _ => (NodeKind::User, shorten(resource, MAX_NAME)),
    };
    Party {
        key,
        kind,
        label,
        account: account_of(account),
        detail: None,
    }
}

/// The last part of a path-qualified IAM name: `service-role/etl` is `etl`.
fn last(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// The resource of a request. An S3 object is drawn as its bucket, the key kept as detail;
/// `default_account` is the account of a resource whose ARN has none.
pub fn resource_of(resource: &str, default_account: Option<&str>) -> Party {
    let Some((service, account, name)) = split_arn(resource) else {
        return Party {
            key: resource.to_owned(),
            kind: NodeKind::Resource,
            label: shorten(resource, MAX_NAME),
            account: default_account.map(str::to_owned),
            detail: None,
        };
    };
    let account = account_of(account).or_else(|| default_account.map(str::to_owned));
    if service == "s3" {
        let (bucket, key) = match name.split_once('/') {
            Some((bucket, key)) => (bucket, Some(key)),
            None => (name, None),
        };
        return Party {
            key: format!("s3:::{bucket}"),
            kind: NodeKind::Resource,
            label: format!("S3 bucket {}", shorten(bucket, MAX_NAME)),
            account,
            detail: key.map(|key| shorten(key, 24)),
        };
    }
    let (kind, label) = match (service, name.split_once('/')) {
        ("iam", Some(("role", role))) => (NodeKind::Role, format!("Role {}", last(role))),
        ("iam", Some(("user", user))) => (NodeKind::User, format!("User {}", last(user))),
        _ => (
            NodeKind::Resource,
            format!("{service} {}", shorten(name, MAX_NAME)),
        ),
    };
    Party {
        key: resource.to_owned(),
        kind,
        label,
        account,
        detail: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn principals_are_named_by_kind_and_keep_their_account() {
        let session = principal_of("arn:aws:sts::111122223333:assumed-role/analyst/priya");
        assert_eq!(session.kind, NodeKind::Session);
        assert_eq!(session.label, "Session analyst/priya");
        assert_eq!(session.account.as_deref(), Some("111122223333"));
        let role = principal_of("arn:aws:iam::111122223333:role/service-role/etl");
        assert_eq!(
            (role.kind, role.label.as_str()),
            (NodeKind::Role, "Role etl")
        );
        let service = principal_of("lambda.amazonaws.com");
        assert_eq!(service.kind, NodeKind::Service);
        assert_eq!(service.account, None);
        let root = principal_of("arn:aws:iam::444455556666:root");
        assert_eq!(root.kind, NodeKind::Account);
    }

    #[test]
    fn an_s3_object_is_its_bucket_with_the_key_as_detail() {
        let object = resource_of(
            "arn:aws:s3:::company-data-lake/curated/sales/2026/11/part-0000.parquet",
            Some("444455556666"),
        );
        assert_eq!(object.label, "S3 bucket company-data-lake");
        assert_eq!(object.key, "s3:::company-data-lake");
        assert_eq!(object.account.as_deref(), Some("444455556666"));
        assert_eq!(object.detail.as_deref(), Some("curated/sale…000.parquet"));
        let bucket = resource_of("arn:aws:s3:::raw-data", None);
        assert_eq!(
            (bucket.key.as_str(), bucket.detail),
            ("s3:::raw-data", None)
        );
    }

    #[test]
    fn other_resources_keep_their_account_and_a_short_name() {
        let table = resource_of(
            "arn:aws:glue:eu-west-1:111122223333:table/hr_db/salaries",
            None,
        );
        assert_eq!(table.label, "glue table/hr_db/salaries");
        assert_eq!(table.account.as_deref(), Some("111122223333"));
        let role = resource_of("arn:aws:iam::111122223333:role/etl-lambda", None);
        assert_eq!(role.kind, NodeKind::Role);
        let long = resource_of(
            "arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/csv-to-parquet:log-stream:2026/11/23/[$LATEST]0a1b",
            None,
        );
        assert!(
            long.label.chars().count() <= "logs ".len() + MAX_NAME,
            "{}",
            long.label
        );
    }
}
