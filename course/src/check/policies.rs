//! The shape of the policies and requests inside a scenario. The full grammar of a policy is the
//! engine parser's job; here we catch what would make a scenario unusable before evaluation.
//! Every problem points where the reader found the value.

use iamplay_engine::json::{self, Span, Spanned};

use crate::fixed::Fixed;
use crate::manifest::FixedSlot;
use crate::policy_text::PolicyText;
use crate::problem::Report;
use crate::request::CheckRequest;
use iamplay_engine::policy_kind::PolicyKind;

/// A policy document: an object with `Statement` (one statement object or a list of them).
/// A problem with the whole document points at `place`; a problem with one statement at the
/// statement, in the text the file holds re-indented at `within` (see
/// [`crate::Problem::reindented`]).
pub(crate) fn check_document(
    document: &PolicyText,
    place: Span,
    within: &[Span],
    field: &str,
    report: &mut Report<'_>,
) {
    let root = json::parse(document.as_str()).ok();
    let Some(members) = root.as_ref().and_then(|root| root.as_object()) else {
        report.push(
            place,
            field,
            "is not a policy document",
            "write a JSON object with `Version` and `Statement`",
        );
        return;
    };
    for member in members {
        let key = &member.key;
        if !["Version", "Id", "Statement"].contains(&&**key) {
            report.push(
                place,
                field,
                format!("a policy document has no field `{key}`"),
                "a policy document has `Version`, optionally `Id`, and `Statement`",
            );
        }
    }
    let statement = members.iter().find(|m| m.key == "Statement");
    match statement.map(|m| &m.value) {
        Some(list) if list.as_array().is_some() => {
            for (index, statement) in list.as_array().unwrap_or_default().iter().enumerate() {
                if statement.as_object().is_none() {
                    report.push_in_policy(
                        within.to_vec(),
                        statement.span.start,
                        &format!("{field}.Statement[{index}]"),
                        "a statement must be a JSON object",
                        "write `{\"Effect\": ..., \"Action\": ..., \"Resource\": ...}`",
                    );
                }
            }
        }
        Some(single) if single.as_object().is_some() => {}
        _ => report.push(
            place,
            field,
            "the policy has no `Statement` list",
            "add `\"Statement\": []` (empty is fine for a starter)",
        ),
    }
}

/// `fixed`: every slot holds documents; the edited policy's slot must be free (or a list).
pub(crate) fn check_fixed(fixed: &Fixed, edited: PolicyKind, field: &str, report: &mut Report<'_>) {
    for entry in fixed.entries() {
        let here = format!("{field}.{}", entry.path());
        let policy = entry.policy;
        // A named policy's document sits inside the entry's text.
        let within: Vec<Span> = [policy.span, policy.document.span]
            .into_iter()
            .filter(|span| *span != Span::default())
            .collect();
        check_document(&policy.document, policy.place, &within, &here, report);
    }
    for key in &fixed.unknown {
        report.push(
            key.place,
            &format!("{field}.{}", key.value),
            format!("`{}` is not a kind of policy", key.value),
            "use `identity`, `resource`, `permissionBoundary`, `session`, `scps` or `rcps`",
        );
    }
    let (slot, filled) = match edited {
        PolicyKind::Resource | PolicyKind::Trust => (FixedSlot::Resource, &fixed.resource),
        PolicyKind::Boundary => (FixedSlot::PermissionBoundary, &fixed.permission_boundary),
        PolicyKind::Session => (FixedSlot::Session, &fixed.session),
        PolicyKind::Identity | PolicyKind::Scp | PolicyKind::Rcp => return,
    };
    if let Some(policy) = filled {
        let slot = slot.key();
        report.push(
            policy.place,
            &format!("{field}.{slot}"),
            format!("the edited policy goes into `{slot}`, which `fixed` already fills"),
            format!("remove `{slot}` from `fixed`: the learner's policy takes its place"),
        );
    }
}

/// Every fixed policy with the name a culprit may use: an identity policy's `name`, or the
/// slot.
pub(crate) fn named_fixed(fixed: Option<&Fixed>) -> Vec<(String, &PolicyText)> {
    let Some(fixed) = fixed else {
        return Vec::new();
    };
    fixed
        .entries()
        .into_iter()
        .filter_map(|entry| {
            let name = match (entry.slot, &entry.policy.name) {
                (FixedSlot::Identity, Some(name)) => name.clone(),
                (FixedSlot::Identity, None) => return None,
                (slot, _) => slot.key().to_owned(),
            };
            Some((name, &entry.policy.value.document.value))
        })
        .collect()
}

/// A check's request: who, what and on which resource must be written out.
pub(crate) fn check_request(request: &CheckRequest, field: &str, report: &mut Report<'_>) {
    let parts: [(&str, &Spanned<String>); 3] = [
        ("principal", &request.principal),
        ("action", &request.action),
        ("resource", &request.resource),
    ];
    for (key, text) in parts {
        if text.trim().is_empty() {
            report.push(
                text.place,
                &format!("{field}.{key}"),
                format!("the request needs a non-empty `{key}` string"),
                "see the engine's case format in lessons/README.md",
            );
        }
    }
}
