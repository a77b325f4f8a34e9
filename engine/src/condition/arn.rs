//! ArnEquals, ArnLike, ArnNotEquals, ArnNotLike.
//!
//! IAM User Guide, Condition operators > Amazon Resource Name (ARN) condition operators:
//! case-sensitive matching; "each of the six colon-delimited components of the ARN is checked
//! separately and each can include multi-character match wildcards (*) or single-character
//! match wildcards (?)" — for ArnEquals as for ArnLike. Policy variables are supported. The
//! segment rules are those of the Resource element (`crate::matching`).

use crate::matching::Pattern;

pub(super) fn compare(policy: &Pattern, request: &str) -> Result<bool, String> {
    Ok(policy.matches_arn(request))
}

#[cfg(test)]
mod tests {
    use super::super::table::{check, Req::*};

    const ROLE: &str = "arn:aws:iam::111122223333:role/Admin";
    const ODD_PATTERN: &str = "arn:aws:someservice:*:111122223333:finance/*";
    const ODD_VALUE: &str =
        "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";

    #[rustfmt::skip]
    #[test]
    fn arn_table() {
        check(&[
            ("ArnEquals", &[ROLE], One(ROLE), true, "ARN: exact"),
            ("ArnEquals", &["arn:aws:iam::111122223333:role/*"], One(ROLE), true, "ARN: ArnEquals also takes wildcards"),
            ("ArnLike", &["arn:aws:iam::*:role/Admin"], One(ROLE), true, "ARN: wildcard in the account segment"),
            ("ArnLike", &["arn:aws:iam::111122223333:role/admin"], One(ROLE), false, "ARN: case-sensitive"),
            ("ArnLike", &["arn:aws:iam::*"], One(ROLE), true, "a trailing `*` expands over colons"),
            ("ArnLike", &["arn:aws:iam:*:role/Admin"], One(ROLE), false, "a wildcard inside a segment does not cross colons"),
            ("ArnLike", &["arn:aws:sns:*:*:topic"], One("arn:aws:sns:us-east-1:1:topic"), true, "segments compared one by one"),
            // The guide's own example: StringLike matches, ArnLike does not, because ArnLike
            // matches between colons.
            ("ArnLike", &[ODD_PATTERN], One(ODD_VALUE), false, "ARN operators: the first `*` matches only `us-east-2`"),
            ("StringLike", &[ODD_PATTERN], One(ODD_VALUE), true, "ARN operators: with StringLike the match succeeds"),
            ("ArnEquals", &[ODD_PATTERN], One(ODD_VALUE), false, "ARN operators: ArnEquals and ArnLike behave identically"),
            ("ArnNotEquals", &[ODD_PATTERN], One(ODD_VALUE), true, "ARN operators: ArnNotEquals and ArnNotLike behave identically"),
            ("ArnNotLike", &["arn:aws:iam::*:role/Dev*"], One(ROLE), true, "ARN: negated"),
            ("ArnNotEquals", &[ROLE], One(ROLE), false, "ARN: negated"),
            ("ArnNotLike", &["arn:aws:iam::*:role/*"], Absent, true, "Condition operators: absent key, ArnNotLike is true (the guide's own example)"),
            ("ArnLike", &["arn:aws:iam::*:role/*"], Absent, false, "Condition operators: absent key, positive operator is false"),
        ]);
    }
}
