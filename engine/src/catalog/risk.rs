//! Actions that deserve a second look: privilege escalation, data exfiltration, resource
//! exposure, credentials exposure: what an action is, like the rest of the catalogue, so lint
//! and the least-privilege report read it from here.
//!
//! The lists follow the categories of IAM Access Analyzer's security warnings and the widely
//! documented IAM privilege-escalation paths (each action lets a principal give itself or
//! another principal more permissions than it was granted).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Risk {
    /// Lets the caller grant itself (or a role it controls) more permissions.
    PrivilegeEscalation,
    /// Reads data out in bulk.
    DataExfiltration,
    /// Changes who else can reach a resource (its resource policy or ACL).
    ResourceExposure,
    /// Creates or reveals credentials.
    CredentialsExposure,
}

impl Risk {
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::PrivilegeEscalation => "privilege escalation",
            Risk::DataExfiltration => "data exfiltration",
            Risk::ResourceExposure => "resource exposure",
            Risk::CredentialsExposure => "credentials exposure",
        }
    }
}

const PRIVILEGE_ESCALATION: &[&str] = &[
    "iam:PassRole",
    "iam:CreateAccessKey",
    "iam:CreateLoginProfile",
    "iam:UpdateLoginProfile",
    "iam:AttachUserPolicy",
    "iam:AttachGroupPolicy",
    "iam:AttachRolePolicy",
    "iam:PutUserPolicy",
    "iam:PutGroupPolicy",
    "iam:PutRolePolicy",
    "iam:CreatePolicyVersion",
    "iam:SetDefaultPolicyVersion",
    "iam:AddUserToGroup",
    "iam:UpdateAssumeRolePolicy",
    "iam:DeleteRolePermissionsBoundary",
    "iam:DeleteUserPermissionsBoundary",
    "iam:PutRolePermissionsBoundary",
    "iam:PutUserPermissionsBoundary",
    "sts:AssumeRole",
    "lambda:UpdateFunctionCode",
    "lambda:UpdateFunctionConfiguration",
    "glue:UpdateDevEndpoint",
    "cloudformation:CreateStack",
    "ec2:RunInstances",
    "ssm:SendCommand",
    "ssm:StartSession",
];

const DATA_EXFILTRATION: &[&str] = &[
    "s3:GetObject",
    "s3:GetObjectVersion",
    "dynamodb:Scan",
    "dynamodb:Query",
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:ExportTableToPointInTime",
    "rds:CreateDBSnapshot",
    "rds:ModifyDBSnapshotAttribute",
    "ec2:CreateSnapshot",
    "ec2:ModifySnapshotAttribute",
    "kms:Decrypt",
    "sqs:ReceiveMessage",
    "athena:GetQueryResults",
    "redshift:GetClusterCredentials",
];

const RESOURCE_EXPOSURE: &[&str] = &[
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
    "s3:PutBucketAcl",
    "s3:PutObjectAcl",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutAccountPublicAccessBlock",
    "kms:PutKeyPolicy",
    "kms:CreateGrant",
    "sqs:SetQueueAttributes",
    "sqs:AddPermission",
    "sns:SetTopicAttributes",
    "sns:AddPermission",
    "secretsmanager:PutResourcePolicy",
    "lambda:AddPermission",
    "ecr:SetRepositoryPolicy",
    "glacier:SetVaultAccessPolicy",
    "iam:UpdateAssumeRolePolicy",
    "ram:CreateResourceShare",
];

const CREDENTIALS_EXPOSURE: &[&str] = &[
    "iam:CreateAccessKey",
    "iam:CreateServiceSpecificCredential",
    "iam:ResetServiceSpecificCredential",
    "iam:UpdateAccessKey",
    "iam:CreateLoginProfile",
    "iam:UpdateLoginProfile",
    "secretsmanager:GetSecretValue",
    "ssm:GetParameter",
    "ssm:GetParameters",
    "ssm:GetParametersByPath",
    "sts:GetSessionToken",
    "sts:GetFederationToken",
    "ecr:GetAuthorizationToken",
    "redshift:GetClusterCredentials",
    "cognito-identity:GetCredentialsForIdentity",
    "lambda:GetFunctionConfiguration",
];

const TABLE: [(Risk, &[&str]); 4] = [
    (Risk::PrivilegeEscalation, PRIVILEGE_ESCALATION),
    (Risk::DataExfiltration, DATA_EXFILTRATION),
    (Risk::ResourceExposure, RESOURCE_EXPOSURE),
    (Risk::CredentialsExposure, CREDENTIALS_EXPOSURE),
];

/// The risks of one action (`service:Name`, any case).
pub fn risk_of(action: &str) -> Vec<Risk> {
    TABLE
        .iter()
        .filter(|(_, list)| list.iter().any(|a| a.eq_ignore_ascii_case(action)))
        .map(|(risk, _)| *risk)
        .collect()
}

/// The risky actions of one kind that `pattern` (an Action value) covers.
pub(crate) fn covered(pattern: &str, risk: Risk) -> Vec<&'static str> {
    TABLE
        .iter()
        .filter(|(r, _)| *r == risk)
        .flat_map(|(_, list)| list.iter())
        .copied()
        .filter(|a| crate::matching::action_matches(pattern, a))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_classified_ignoring_case() {
        assert_eq!(risk_of("iam:passrole"), vec![Risk::PrivilegeEscalation]);
        assert_eq!(
            risk_of("iam:CreateAccessKey"),
            vec![Risk::PrivilegeEscalation, Risk::CredentialsExposure]
        );
        assert!(risk_of("s3:ListBucket").is_empty());
        assert_eq!(
            covered("iam:Put*Policy", Risk::PrivilegeEscalation).len(),
            3
        );
    }
}
