//! `Condition` in words: every operator and key, with what happens when a key is absent.

use super::words::{and_list, code, or_list};
use crate::condition::OperatorName;
use crate::policy::{ConditionBlock, ConditionEntry};

pub(super) fn read(blocks: &[ConditionBlock], variables: bool) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .flat_map(|block| {
            let op = OperatorName::of(&block.operator);
            block
                .entries
                .iter()
                .map(move |entry| one(op, entry, variables))
        })
        .collect();
    if parts.is_empty() {
        return "the (empty) condition holds".to_owned();
    }
    and_list(&parts)
}

fn one(op: OperatorName, entry: &ConditionEntry, variables: bool) -> String {
    let key = code(&entry.key.node);
    let values: Vec<String> = entry.values.iter().map(|v| code(&v.node)).collect();
    let mut text = if op.base == "Null" {
        null(
            &key,
            &entry
                .values
                .iter()
                .map(|v| v.node.as_str())
                .collect::<Vec<_>>(),
        )
    } else {
        let comparison = comparison(op, &values);
        match op.set {
            Some("ForAllValues") => format!(
                "every value of {key} {comparison} (also true when the request has no {key} or it is empty)"
            ),
            Some("ForAnyValue") => format!(
                "at least one value of {key} {comparison} (false when the request has no {key})"
            ),
            _ if op.if_exists => format!("{key} {comparison}, or the request has no {key}"),
            _ => {
                let absent = if op.negated() {
                    format!(" (also true when the request has no {key})")
                } else {
                    String::new()
                };
                format!("{key} {comparison}{absent}")
            }
        }
    };
    if entry.values.iter().any(|v| v.node.contains("${")) {
        text.push_str(if variables {
            " (`${...}` in the values is replaced by the request's value)"
        } else {
            " (`${...}` in the values is plain text, because the policy is not Version 2012-10-17)"
        });
    }
    text
}

/// `Null: true` = the key is absent; `false` = present (IAM User Guide, Condition operators >
/// Condition operator to check existence of condition keys).
fn null(key: &str, values: &[&str]) -> String {
    let absent = values.iter().any(|v| v.eq_ignore_ascii_case("true"));
    let present = values.iter().any(|v| v.eq_ignore_ascii_case("false"));
    match (absent, present) {
        (true, true) => format!("{key} is present or absent (always true)"),
        (true, false) => format!("the request has no {key}"),
        (false, true) => format!("the request has {key}"),
        (false, false) => {
            format!("{key} is checked with `Null` against values that are not `true` or `false`")
        }
    }
}

/// "is `a`", "is one of `a` or `b`", "matches none of ...", "is less than `10`" ...
fn comparison(op: OperatorName, values: &[String]) -> String {
    let many = values.len() > 1;
    let any = |verb: &str| {
        if many {
            format!("{verb} {}", or_list(values))
        } else {
            format!("{verb} {}", values.first().cloned().unwrap_or_default())
        }
    };
    let none = |verb: &str| {
        if many {
            format!("{verb} none of {}", or_list(values))
        } else {
            format!("{verb} not {}", values.first().cloned().unwrap_or_default())
        }
    };
    let base = op.base;
    let ignore_case = if base.contains("IgnoreCase") {
        " (ignoring case)"
    } else {
        ""
    };
    let text = match base {
        "StringEquals"
        | "StringEqualsIgnoreCase"
        | "ArnEquals"
        | "BinaryEquals"
        | "NumericEquals"
        | "DateEquals"
        | "Bool" => any("is"),
        "StringNotEquals"
        | "StringNotEqualsIgnoreCase"
        | "ArnNotEquals"
        | "NumericNotEquals"
        | "DateNotEquals" => {
            if many {
                format!("is none of {}", or_list(values))
            } else {
                none("is")
            }
        }
        "StringLike" | "ArnLike" => any("matches"),
        "StringNotLike" | "ArnNotLike" => {
            if many {
                format!("matches none of {}", or_list(values))
            } else {
                format!(
                    "does not match {}",
                    values.first().cloned().unwrap_or_default()
                )
            }
        }
        "NumericLessThan" => any("is less than"),
        "NumericLessThanEquals" => any("is at most"),
        "NumericGreaterThan" => any("is greater than"),
        "NumericGreaterThanEquals" => any("is at least"),
        "DateLessThan" => any("is before"),
        "DateLessThanEquals" => any("is at or before"),
        "DateGreaterThan" => any("is after"),
        "DateGreaterThanEquals" => any("is at or after"),
        "IpAddress" => any("is in the range"),
        "NotIpAddress" => {
            if many {
                format!("is in none of the ranges {}", or_list(values))
            } else {
                format!(
                    "is not in the range {}",
                    values.first().cloned().unwrap_or_default()
                )
            }
        }
        other => format!("satisfies {} with {}", code(other), or_list(values)),
    };
    format!("{text}{ignore_case}")
}
