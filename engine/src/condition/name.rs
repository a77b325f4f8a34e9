//! A parsed operator seen as words, for the messages of lint and the English reading of a
//! condition.

use super::{BaseOperator, Family, Operator};

/// A parsed operator seen as words: its set prefix, base name and `IfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OperatorName {
    pub set: Option<&'static str>,
    pub base: &'static str,
    pub if_exists: bool,
    operator: BaseOperator,
}

impl OperatorName {
    pub fn of(operator: &Operator) -> OperatorName {
        OperatorName {
            set: operator.set.map(|s| s.name()),
            base: operator.base.name(),
            if_exists: operator.if_exists,
            operator: operator.base,
        }
    }

    pub fn family(self) -> Family {
        self.operator.family()
    }

    /// `StringNotEquals`, `NotIpAddress`, `ArnNotLike`, ...
    pub fn negated(self) -> bool {
        self.operator.negated()
    }

    pub fn is_like(self) -> bool {
        self.base.ends_with("Like")
    }

    /// The whole name: `ForAllValues:StringLikeIfExists`.
    pub fn full(self) -> String {
        format!(
            "{}{}{}",
            self.set.map(|s| format!("{s}:")).unwrap_or_default(),
            self.base,
            if self.if_exists { "IfExists" } else { "" }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::condition::parse_operator;

    #[test]
    fn operator_parts_come_from_the_parsed_operator() {
        let op = OperatorName::of(&parse_operator("ForAllValues:StringNotLikeIfExists").unwrap());
        assert_eq!(op.set, Some("ForAllValues"));
        assert_eq!(op.base, "StringNotLike");
        assert!(op.if_exists && op.negated() && op.is_like());
        assert_eq!(op.family(), Family::String);
        assert_eq!(op.full(), "ForAllValues:StringNotLikeIfExists");
        let ip = OperatorName::of(&parse_operator("NotIpAddress").unwrap());
        assert!(ip.negated() && ip.family() == Family::IpAddress);
        assert_eq!(ip.full(), "NotIpAddress");
    }
}
