//! The quality gates a drill passes before a learner sees it.

use crate::case::Case;
use crate::policy::{Policy, Statement};

/// The most statements a level-1 drill may show: enough for a rule and its exception.
pub const LEVEL_ONE_STATEMENTS: usize = 6;

/// Whether the answer is settled by what the request says: no condition key or policy variable
/// the policies read is missing from the request (given, or derived by AWS from the caller).
/// A request that sets every key it is asked about cannot have an answer that depends on an
/// unset key, which is the open-context evaluation's guarantee too.
pub fn settled(case: &Case) -> bool {
    let context = &case.request.context;
    let mut keys = Vec::new();
    for policy in all_policies(case) {
        for statement in &policy.statements {
            read_keys(statement, &mut keys);
        }
    }
    keys.iter().all(|key| context.contains(key))
}

fn all_policies(case: &Case) -> impl Iterator<Item = &Policy> {
    let set = &case.policies;
    let organization = set.scps.iter().chain(set.rcps.iter()).flatten().flatten();
    set.identity
        .iter()
        .chain(set.resource.iter())
        .chain(set.permission_boundary.iter())
        .chain(set.session.iter())
        .chain(organization)
        .map(|named| &named.policy)
}

/// The context keys a statement reads: condition keys and the variables in its values.
fn read_keys(statement: &Statement, keys: &mut Vec<String>) {
    let resources = statement.resource.iter().flat_map(|r| r.node.values.iter());
    for value in resources {
        variables(&value.node, keys);
    }
    for block in &statement.condition {
        for entry in &block.entries {
            keys.push(entry.key.node.clone());
            for value in &entry.values {
                variables(&value.node, keys);
            }
        }
    }
}

/// `${aws:username}` and `${aws:PrincipalTag/team, 'none'}` read a key; `${*}`, `${?}` and
/// `${$}` are escaped characters.
fn variables(text: &str, keys: &mut Vec<String>) {
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { return };
        let name = after[..end].split(',').next().unwrap_or_default().trim();
        if !matches!(name, "*" | "?" | "$") {
            keys.push(name.to_owned());
        }
        rest = &after[end + 1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(context: &str, condition: &str) -> Case {
        Case::parse(&format!(
            r#"{{"request": {{"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
                "resource": "arn:aws:s3:::raw-data/k", "context": {context}}},
              "policies": {{"identity": [{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow",
                "Action": "s3:GetObject", "Resource": "arn:aws:s3:::raw-data/${{aws:username}}/*",
                "Condition": {condition}}}}}]}}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn a_condition_key_the_request_leaves_out_unsettles_the_answer() {
        let ip = r#"{"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}"#;
        assert!(!settled(&case("{}", ip)));
        assert!(settled(&case(r#"{"aws:SourceIp": "10.1.2.3"}"#, ip)));
        // Keys derived from the caller count as given; an empty list is a given empty set.
        let tags = r#"{"ForAllValues:StringEquals": {"aws:TagKeys": "team"}, "StringEquals": {"aws:username": "alice"}}"#;
        assert!(settled(&case(r#"{"aws:TagKeys": []}"#, tags)));
    }

    #[test]
    fn variables_are_read_keys_and_escapes_are_not() {
        let mut keys = Vec::new();
        variables(
            "a/${aws:PrincipalTag/team, 'none'}/${*}/${aws:userid}",
            &mut keys,
        );
        assert_eq!(keys, ["aws:PrincipalTag/team", "aws:userid"]);
    }
}
