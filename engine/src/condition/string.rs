//! String operators: StringEquals, StringNotEquals, StringEqualsIgnoreCase,
//! StringNotEqualsIgnoreCase, StringLike, StringNotLike.
//!
//! IAM User Guide, "IAM JSON policy elements: Condition operators" > String condition
//! operators: Equals is exact and case-sensitive, IgnoreCase ignores case, Like is
//! case-sensitive with `*` and `?` anywhere. The policy values were substituted with wildcards
//! only for the Like operators, so an `Equals` pattern compares literally.

use super::operator::BaseOperator;
use crate::matching::Pattern;

pub(super) fn compare(base: BaseOperator, policy: &Pattern, request: &str) -> Result<bool, String> {
    let ignore_case = matches!(
        base,
        BaseOperator::StringEqualsIgnoreCase | BaseOperator::StringNotEqualsIgnoreCase
    );
    Ok(policy.matches(request, ignore_case))
}

#[cfg(test)]
mod tests {
    use super::super::table::{check, Req::*};

    #[rustfmt::skip]
    #[test]
    fn string_table() {
        check(&[
            ("StringEquals", &["alice"], One("alice"), true, "exact match"),
            ("StringEquals", &["alice"], One("Alice"), false, "Condition operators > String: case-sensitive"),
            ("StringEquals", &["a*"], One("abc"), false, "StringEquals has no wildcards"),
            ("StringEquals", &["a*"], One("a*"), true, "a `*` in StringEquals is a literal character"),
            ("StringEquals", &["x", "alice"], One("alice"), true, "Multiple values: OR across the values"),
            ("StringEquals", &[""], One(""), true, "an empty string equals an empty string"),
            ("StringEquals", &[""], One("a"), false, "an empty policy value only matches empty text"),
            ("StringEquals", &[], One("a"), false, "no policy values: nothing can match"),
            ("StringNotEquals", &[], One("a"), true, "no policy values: NOR over nothing holds"),
            ("StringNotEquals", &["x", "y"], One("z"), true, "Multiple values: negated operators use NOR"),
            ("StringNotEquals", &["x", "y"], One("y"), false, "Multiple values: NOR fails on any match"),
            ("StringEqualsIgnoreCase", &["ALICE"], One("alice"), true, "String: IgnoreCase"),
            ("StringNotEqualsIgnoreCase", &["ALICE"], One("alice"), false, "String: negated IgnoreCase"),
            ("StringNotEqualsIgnoreCase", &["ALICE"], One("bob"), true, "String: negated IgnoreCase"),
            ("StringLike", &["home/*"], One("home/alice/x"), true, "String: `*` anywhere"),
            ("StringLike", &["home/?"], One("home/a"), true, "String: `?` is one character"),
            ("StringLike", &["home/?"], One("home/ab"), false, "String: `?` is exactly one character"),
            ("StringLike", &["home/?"], One("home/"), false, "String: `?` is exactly one character"),
            ("StringLike", &["Home/*"], One("home/a"), false, "String: StringLike is case-sensitive"),
            ("StringLike", &["*"], One(""), true, "`*` matches empty text"),
            ("StringNotLike", &["home/*"], One("tmp/x"), true, "String: negated Like"),
            ("StringNotLike", &["home/*", "tmp/*"], One("tmp/x"), false, "NOR across values"),
        ]);
    }
}
