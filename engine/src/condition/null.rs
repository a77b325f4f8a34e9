//! Null: whether a key is in the request at all.
//!
//! IAM User Guide, Condition operators > "Condition operator to check existence of condition
//! keys": use `true` ("the key doesn't exist — it is null") or `false` ("the key exists and its
//! value is not null"). Policy variables are not supported, and `IfExists` does not apply. An
//! empty list counts as null; an empty string is a present value.

use super::boolean::parse_bool;
use super::evaluate::Outcome;
use super::ValueComparison;
use crate::context::ContextEntry;
use crate::sink::Sink;

/// Null: `true` holds when the key is absent, `false` when it is present. IAM User Guide,
/// Condition operators > Condition operator to check existence of condition keys. An empty
/// list counts as absent.
pub(super) fn evaluate<S: Sink, V: AsRef<str>>(
    key: &str,
    entry: Option<&ContextEntry>,
    policy_values: &[V],
    outcome: &mut Outcome<S>,
) -> bool {
    let absent = entry.is_none_or(|e| e.values.is_empty());
    let mut any = false;
    for (policy_index, raw) in policy_values.iter().enumerate() {
        let raw = raw.as_ref();
        let (matched, problem) = match parse_bool(raw) {
            Some(wanted_absent) => (wanted_absent == absent, None),
            None => (
                false,
                Some(format!("policy value `{raw}` is not true or false")),
            ),
        };
        any |= matched;
        outcome.compared(|| ValueComparison {
            policy_index,
            policy_value: raw.to_owned(),
            request_value: None,
            matched,
            problem,
        });
    }
    let state = if absent {
        "is not in the request (null)"
    } else {
        "is in the request (not null)"
    };
    let verdict = if any { "matches" } else { "does not match" };
    outcome.note(|| format!("`{key}` {state}, so Null {verdict}."));
    any
}

#[cfg(test)]
mod tests {
    use super::super::table::{check, Req::*};

    #[rustfmt::skip]
    #[test]
    fn null_table() {
        check(&[
            ("Null", &["true"], Absent, true, "Null true: the key is absent"),
            ("Null", &["true"], One("x"), false, "Null true: the key is present"),
            ("Null", &["false"], One("x"), true, "Null false: the key is present"),
            ("Null", &["false"], One(""), true, "an empty string is still a present value"),
            ("Null", &["false"], Absent, false, "Null false: the key is absent"),
            ("Null", &["TRUE"], Absent, true, "Null takes true/false in any case"),
            ("Null", &["maybe"], Absent, false, "Null with a value that is not true/false"),
            ("Null", &["true"], Many(&[]), true, "an empty list is null"),
        ]);
    }
}
