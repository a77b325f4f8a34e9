//! Numeric operators: NumericEquals, NumericNotEquals, NumericLessThan(Equals),
//! NumericGreaterThan(Equals).
//!
//! IAM User Guide, Condition operators > Numeric condition operators: the key is compared to an
//! integer or decimal value, so `1.0` equals `1`. Policy variables and wildcards are not
//! supported. Text that is not a decimal number never compares.

use super::operator::BaseOperator;
use super::ordering_holds;
use std::cmp::Ordering;

/// An optional sign, digits, and an optional fraction: what the guide calls integer or decimal.
pub(super) fn parse_number(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits_only(whole) || !digits_only(fraction) {
        return None;
    }
    text.parse().ok()
}

pub(super) fn compare(base: BaseOperator, policy: &str, request: &str) -> Result<bool, String> {
    let policy_number =
        parse_number(policy).ok_or_else(|| format!("policy value `{policy}` is not a number"))?;
    let request_number = parse_number(request)
        .ok_or_else(|| format!("request value `{request}` is not a number"))?;
    let ordering = request_number
        .partial_cmp(&policy_number)
        .unwrap_or(Ordering::Less);
    Ok(ordering_holds(base, ordering))
}

#[cfg(test)]
mod tests {
    use super::super::table::{check, Req::*};
    use super::parse_number;

    #[test]
    fn number_grammar() {
        for good in [
            "0",
            "1",
            "-1",
            "+2",
            "1.0",
            "1.",
            ".5",
            "007",
            "12345678901",
        ] {
            assert!(parse_number(good).is_some(), "{good}");
        }
        for bad in [
            "", "-", ".", "1e3", "inf", "NaN", "0x10", " 1", "1,0", "1.2.3",
        ] {
            assert!(parse_number(bad).is_none(), "{bad}");
        }
    }

    #[rustfmt::skip]
    #[test]
    fn numeric_table() {
        check(&[
            ("NumericEquals", &["1"], One("1.0"), true, "Numeric: decimal values compare as numbers"),
            ("NumericEquals", &["10"], One("010"), true, "leading zeros do not change the number"),
            ("NumericNotEquals", &["1"], One("2"), true, "Numeric: not equal"),
            ("NumericNotEquals", &["1", "2"], One("2"), false, "NOR across values"),
            ("NumericLessThan", &["10"], One("9.5"), true, "request value < policy value"),
            ("NumericLessThan", &["10"], One("10"), false, "strictly less"),
            ("NumericLessThanEquals", &["10"], One("10"), true, "less or equal"),
            ("NumericGreaterThan", &["10"], One("-11"), false, "negative numbers"),
            ("NumericGreaterThan", &["10"], One("11"), true, "greater"),
            ("NumericGreaterThanEquals", &["10"], One("10.0"), true, "greater or equal"),
            ("NumericLessThan", &["1", "100"], One("50"), true, "OR across values"),
            ("NumericEquals", &["abc"], One("1"), false, "a policy value that is not a number never matches"),
            ("NumericLessThan", &["10"], One("ten"), false, "a request value that is not a number never matches"),
            ("NumericNotEquals", &["10"], One("ten"), true, "negated: no value compared equal"),
            ("NumericEquals", &["1*"], One("10"), false, "Numeric: no wildcards"),
        ]);
    }
}
