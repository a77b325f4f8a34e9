//! A case: one request and the policies that apply to it (the format of `iamplay eval`, of the
//! test corpus and of quiz checks).

mod caller;
mod direct;
mod parse;

pub use caller::{is_account_id, Caller, CallerKind, InvalidPrincipal};
pub use parse::{CaseError, CaseErrorKind};

use crate::context::RequestContext;
use crate::decision::Decision;
use crate::policy::Policy;

#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub id: Option<String>,
    pub request: Request,
    pub policies: PolicySet,
    /// The decision the author expects, checked when present.
    pub expect: Option<Decision>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The principal as the case wrote it.
    pub principal: String,
    pub caller: Caller,
    pub action: String,
    pub resource: String,
    /// Given by the case; see [`Request::resource_account`] for the account actually used.
    pub resource_account: Option<String>,
    /// The context as given plus the keys derived from the caller (given keys win).
    pub context: RequestContext,
}

impl Request {
    /// A request with no context beyond what AWS derives from the principal.
    pub fn new(principal: &str, action: &str, resource: &str) -> Result<Request, InvalidPrincipal> {
        Request::with_context(principal, action, resource, None, RequestContext::new())
    }

    /// Takes owned texts where the caller has them (a parsed case), so they are not copied.
    pub fn with_context(
        principal: impl Into<String>,
        action: impl Into<String>,
        resource: impl Into<String>,
        resource_account: Option<String>,
        mut context: RequestContext,
    ) -> Result<Request, InvalidPrincipal> {
        let principal = principal.into();
        let caller = Caller::parse(&principal)?;
        let mut request = Request {
            principal,
            caller,
            action: action.into(),
            resource: resource.into(),
            resource_account,
            context: RequestContext::new(),
        };
        // Built beside the request, which tells the resource's account.
        let account = request.resource_account();
        request.caller.derive_context(&mut context, account);
        request.context = context;
        Ok(request)
    }

    /// The account owning the resource: as given, else the account of the resource ARN, else
    /// (ARNs without an account, such as S3 buckets) the caller's account.
    pub fn resource_account(&self) -> Option<&str> {
        if let Some(account) = &self.resource_account {
            return Some(account);
        }
        arn_account(&self.resource).or_else(|| self.caller.account())
    }

    /// Whether the caller's account differs from the resource's (never for callers without an
    /// account: services, identity providers, anonymous).
    pub fn is_cross_account(&self) -> bool {
        match (self.caller.account(), self.resource_account()) {
            (Some(principal), Some(resource)) => principal != resource,
            _ => false,
        }
    }
}

/// The account field of an ARN (the fifth, between the fourth and fifth colons), when `text`
/// is an ARN and the field is not empty. One pass over the bytes: this runs several times per
/// decision, and both `split(':').nth(4)` and `find(':')` were a visible part of it.
fn arn_account(text: &str) -> Option<&str> {
    if !text.starts_with("arn:") {
        return None;
    }
    let (mut colons, mut start) = (0, 0);
    let mut end = text.len();
    for (at, byte) in text.bytes().enumerate() {
        if byte == b':' {
            colons += 1;
            if colons == 4 {
                start = at + 1;
            } else if colons == 5 {
                end = at;
                break;
            }
        }
    }
    let account = text.get(start..end).filter(|_| colons >= 4)?;
    Some(account).filter(|account| !account.is_empty())
}

/// A policy with an optional name for explanations.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedPolicy {
    pub name: Option<String>,
    pub policy: Policy,
}

impl NamedPolicy {
    pub fn new(name: Option<String>, policy: Policy) -> NamedPolicy {
        NamedPolicy { name, policy }
    }
}

/// Every policy that may apply to the request, by kind. An empty list or `None` means none of
/// that kind; `scps`/`rcps` of `None` mean no organization.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PolicySet {
    pub identity: Vec<NamedPolicy>,
    pub resource: Option<NamedPolicy>,
    pub permission_boundary: Option<NamedPolicy>,
    pub session: Option<NamedPolicy>,
    /// One list per level of the organization: root, OUs, account.
    pub scps: Option<Vec<Vec<NamedPolicy>>>,
    pub rcps: Option<Vec<Vec<NamedPolicy>>>,
}

impl Case {
    pub fn new(request: Request, policies: PolicySet) -> Case {
        Case {
            id: None,
            request,
            policies,
            expect: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::arn_account;

    #[test]
    fn the_account_of_an_arn_is_its_fifth_field_as_split_finds_it() {
        let texts = [
            "arn:aws:iam::111122223333:user/alice",
            "arn:aws:s3:::bucket/key:with:colons",
            "arn:aws:dynamodb:eu-west-1:111122223333:table/t",
            "arn:aws:sqs:eu-west-1:444455556666",
            "arn:aws:sqs:eu-west-1:",
            "arn:aws:sqs",
            "arn:",
            "ARN:aws:iam::111122223333:root",
            "bucket/key",
            "",
        ];
        for text in texts {
            let by_split = text
                .split(':')
                .nth(4)
                .filter(|a| text.starts_with("arn:") && !a.is_empty());
            assert_eq!(arn_account(text), by_split, "{text}");
        }
    }
}
