//! Bool: `true` / `false`, compared without regard to case.
//!
//! IAM User Guide, Condition operators > Boolean condition operators. The guide writes the
//! values in lowercase and does not say whether case matters; we ignore it (a JSON `true`
//! arrives as the text `true` either way) and pin that choice in the table below. Anything
//! other than true/false never matches.

use crate::matching::Pattern;

pub(super) fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

pub(super) fn compare(policy: &Pattern, request: &str) -> Result<bool, String> {
    let policy_text = policy.text();
    let policy_bool = parse_bool(policy_text)
        .ok_or_else(|| format!("policy value `{policy_text}` is not true or false"))?;
    let request_bool = parse_bool(request)
        .ok_or_else(|| format!("request value `{request}` is not true or false"))?;
    Ok(policy_bool == request_bool)
}

#[cfg(test)]
mod tests {
    use super::super::table::{check, Req::*};

    #[rustfmt::skip]
    #[test]
    fn bool_table() {
        check(&[
            ("Bool", &["true"], One("true"), true, "Boolean condition operators"),
            ("Bool", &["false"], One("true"), false, "Boolean condition operators"),
            ("Bool", &["TRUE"], One("true"), true, "case of true/false is ignored"),
            ("Bool", &["true"], One("True"), true, "case of true/false is ignored"),
            ("Bool", &["yes"], One("true"), false, "only true/false are booleans"),
            ("Bool", &["true"], One("1"), false, "only true/false are booleans"),
            ("Bool", &["false"], Absent, false, "Condition operators: absent key, positive operator is false"),
            ("BoolIfExists", &["false"], Absent, true, "...IfExists: absent key matches"),
            ("BoolIfExists", &["false"], One("true"), false, "...IfExists: present key compared"),
        ]);
    }
}
