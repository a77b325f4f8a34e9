//! The topics drills are drawn from, one per rule of IAM a learner must be able to apply.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    ExplicitDeny,
    ImplicitDeny,
    NotActionResource,
    WildcardsCase,
    IfExists,
    SetOperators,
    SourceIp,
    Mfa,
    Dates,
    TagsAbac,
    PolicyVariables,
    ResourcePolicies,
    TrustAssumeRole,
    PermissionBoundaries,
    ScpsRcps,
    SessionPolicies,
    PassRole,
}

impl Topic {
    pub const ALL: [Topic; 17] = [
        Topic::ExplicitDeny,
        Topic::ImplicitDeny,
        Topic::NotActionResource,
        Topic::WildcardsCase,
        Topic::IfExists,
        Topic::SetOperators,
        Topic::SourceIp,
        Topic::Mfa,
        Topic::Dates,
        Topic::TagsAbac,
        Topic::PolicyVariables,
        Topic::ResourcePolicies,
        Topic::TrustAssumeRole,
        Topic::PermissionBoundaries,
        Topic::ScpsRcps,
        Topic::SessionPolicies,
        Topic::PassRole,
    ];

    /// The name on the command line and in saved progress; never changes once released.
    pub fn slug(self) -> &'static str {
        self.names().0
    }

    pub fn title(self) -> &'static str {
        self.names().1
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            Topic::ExplicitDeny => ("explicit-deny", "Explicit deny wins"),
            Topic::ImplicitDeny => ("implicit-deny", "Implicit deny"),
            Topic::NotActionResource => ("not-action-resource", "NotAction and NotResource"),
            Topic::WildcardsCase => ("wildcards-case", "Wildcards and case"),
            Topic::IfExists => ("if-exists", "IfExists conditions"),
            Topic::SetOperators => ("set-operators", "Set operators"),
            Topic::SourceIp => ("source-ip", "IP address conditions"),
            Topic::Mfa => ("mfa", "MFA conditions"),
            Topic::Dates => ("dates", "Date conditions"),
            Topic::TagsAbac => ("tags-abac", "Tags and ABAC"),
            Topic::PolicyVariables => ("policy-variables", "Policy variables"),
            Topic::ResourcePolicies => ("resource-policies", "Resource policies"),
            Topic::TrustAssumeRole => ("trust-assume-role", "Trust policies and AssumeRole"),
            Topic::PermissionBoundaries => ("permission-boundaries", "Permission boundaries"),
            Topic::ScpsRcps => ("scps-rcps", "SCPs and RCPs"),
            Topic::SessionPolicies => ("session-policies", "Session policies"),
            Topic::PassRole => ("pass-role", "PassRole"),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|topic| topic.slug() == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_read_back() {
        for topic in Topic::ALL {
            assert_eq!(Topic::from_slug(topic.slug()), Some(topic));
            let json = serde_json::to_string(&topic).unwrap();
            assert_eq!(json, format!("\"{}\"", topic.slug()));
        }
        assert_eq!(Topic::from_slug("explicit deny"), None);
    }
}
