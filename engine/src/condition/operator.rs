//! Condition operator names: `[ForAllValues:|ForAnyValue:]Base[IfExists]`.
//!
//! Names are case-sensitive: IAM rejects `stringEquals` with `MalformedPolicyDocument: Invalid
//! Condition type` (observed in ministryofjustice/modernisation-platform-environments#8893),
//! so a wrongly cased name is unknown and the did-you-mean offers the right spelling.

use super::{Operator, UnknownOperator};

/// The operator families of the IAM User Guide, "IAM JSON policy elements: Condition operators".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    String,
    Numeric,
    Date,
    Bool,
    Binary,
    IpAddress,
    Arn,
    Null,
}

macro_rules! base_operators {
    ($($variant:ident => $family:ident, $negated:expr;)*) => {
        /// A condition operator without set prefix and `IfExists` suffix.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum BaseOperator { $($variant),* }

        impl BaseOperator {
            pub const ALL: &'static [BaseOperator] = &[$(BaseOperator::$variant),*];

            pub fn name(self) -> &'static str {
                match self { $(BaseOperator::$variant => stringify!($variant)),* }
            }

            pub fn family(self) -> Family {
                match self { $(BaseOperator::$variant => Family::$family),* }
            }

            /// A negated operator (`StringNotEquals`, `NotIpAddress`, ...) holds when no policy
            /// value matches: its values combine with NOR, not OR (IAM User Guide, "Conditions
            /// with multiple context keys or values").
            pub fn negated(self) -> bool {
                match self { $(BaseOperator::$variant => $negated),* }
            }
        }
    };
}

base_operators! {
    StringEquals => String, false;
    StringNotEquals => String, true;
    StringEqualsIgnoreCase => String, false;
    StringNotEqualsIgnoreCase => String, true;
    StringLike => String, false;
    StringNotLike => String, true;
    NumericEquals => Numeric, false;
    NumericNotEquals => Numeric, true;
    NumericLessThan => Numeric, false;
    NumericLessThanEquals => Numeric, false;
    NumericGreaterThan => Numeric, false;
    NumericGreaterThanEquals => Numeric, false;
    DateEquals => Date, false;
    DateNotEquals => Date, true;
    DateLessThan => Date, false;
    DateLessThanEquals => Date, false;
    DateGreaterThan => Date, false;
    DateGreaterThanEquals => Date, false;
    Bool => Bool, false;
    BinaryEquals => Binary, false;
    IpAddress => IpAddress, false;
    NotIpAddress => IpAddress, true;
    ArnEquals => Arn, false;
    ArnLike => Arn, false;
    ArnNotEquals => Arn, true;
    ArnNotLike => Arn, true;
    Null => Null, false;
}

impl BaseOperator {
    /// Whether `${...}` in policy values is substituted. IAM User Guide, "IAM JSON policy
    /// elements: Condition operators": "You can use a policy variable with" the String, Boolean
    /// and ARN operators, and "can not" with Numeric, Date, Binary, IpAddress and Null. (The
    /// Variables and tags page lists Boolean among the exclusions; the operator page, which
    /// documents each family, wins, as it is the more specific.)
    pub fn supports_variables(self) -> bool {
        matches!(self.family(), Family::String | Family::Bool | Family::Arn)
    }

    /// Whether `*` and `?` in policy values are wildcards: StringLike/StringNotLike and the ARN
    /// operators ("ArnEquals, ArnLike: ... each can include multi-character match wildcards").
    pub fn wildcards(self) -> bool {
        matches!(self, BaseOperator::StringLike | BaseOperator::StringNotLike)
            || self.family() == Family::Arn
    }
}

/// Set operators for multivalued context keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOperator {
    ForAllValues,
    ForAnyValue,
}

impl SetOperator {
    /// `ForAllValues` or `ForAnyValue`.
    pub fn name(self) -> &'static str {
        match self {
            SetOperator::ForAllValues => "ForAllValues",
            SetOperator::ForAnyValue => "ForAnyValue",
        }
    }

    pub fn prefix(self) -> &'static str {
        match self {
            SetOperator::ForAllValues => "ForAllValues:",
            SetOperator::ForAnyValue => "ForAnyValue:",
        }
    }
}

const IF_EXISTS: &str = "IfExists";
const SETS: [SetOperator; 2] = [SetOperator::ForAllValues, SetOperator::ForAnyValue];

pub fn parse_operator(name: &str) -> Result<Operator, UnknownOperator> {
    parse_exact(name).ok_or_else(|| UnknownOperator {
        name: name.to_owned(),
        suggestion: suggest(name),
    })
}

fn parse_exact(name: &str) -> Option<Operator> {
    let (set, rest) = match SETS
        .iter()
        .find_map(|s| name.strip_prefix(s.prefix()).map(|r| (*s, r)))
    {
        Some((set, rest)) => (Some(set), rest),
        None => (None, name),
    };
    let (if_exists, base_name) = match rest.strip_suffix(IF_EXISTS) {
        Some(base) => (true, base),
        None => (false, rest),
    };
    let base = BaseOperator::ALL
        .iter()
        .copied()
        .find(|b| b.name() == base_name)?;
    // IAM User Guide, Condition operators > ...IfExists: "You can add IfExists to the end of
    // any condition operator name except the Null condition". Set operators on Null are not
    // documented either.
    if base == BaseOperator::Null && (if_exists || set.is_some()) {
        return None;
    }
    Some(Operator {
        name: name.to_owned(),
        base,
        set,
        if_exists,
    })
}

/// The closest valid operator name, ignoring case, over every prefix/base/suffix combination.
fn suggest(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let (distance, best) = valid_names()
        .map(|candidate| {
            (
                edit_distance(&lower, &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .min_by_key(|(d, _)| *d)?;
    (distance <= (best.len() / 5).max(2) && best != name).then_some(best)
}

fn valid_names() -> impl Iterator<Item = String> {
    let prefixes = [
        None,
        Some(SetOperator::ForAllValues),
        Some(SetOperator::ForAnyValue),
    ];
    prefixes.into_iter().flat_map(|set| {
        BaseOperator::ALL.iter().flat_map(move |base| {
            [false, true].into_iter().filter_map(move |if_exists| {
                if *base == BaseOperator::Null && (set.is_some() || if_exists) {
                    return None;
                }
                let mut name = set.map(|s| s.prefix().to_owned()).unwrap_or_default();
                name.push_str(base.name());
                if if_exists {
                    name.push_str(IF_EXISTS);
                }
                Some(name)
            })
        })
    })
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_prefix_base_and_suffix() {
        let op = parse_operator("ForAnyValue:StringLikeIfExists").expect("valid");
        assert_eq!(op.base, BaseOperator::StringLike);
        assert_eq!(op.set, Some(SetOperator::ForAnyValue));
        assert!(op.if_exists);
        let op = parse_operator("NotIpAddress").expect("valid");
        assert!(op.base.negated() && op.set.is_none() && !op.if_exists);
        for base in BaseOperator::ALL {
            assert_eq!(parse_operator(base.name()).map(|o| o.base), Ok(*base));
        }
    }

    #[test]
    fn null_takes_no_suffix_or_prefix() {
        assert!(parse_operator("Null").is_ok());
        assert!(parse_operator("NullIfExists").is_err());
        assert!(parse_operator("ForAllValues:Null").is_err());
    }

    #[test]
    fn names_are_case_sensitive_with_a_suggestion() {
        let err = parse_operator("stringEquals").expect_err("wrong case");
        assert_eq!(err.suggestion.as_deref(), Some("StringEquals"));
        assert_eq!(err.to_string(), "unknown condition operator `stringEquals`");
        assert_eq!(
            err.help(),
            "did you mean `StringEquals`? operator names are case-sensitive"
        );
        let err = parse_operator("StringEqual").expect_err("typo");
        assert_eq!(err.help(), "did you mean `StringEquals`?");
        let err = parse_operator("forallvalues:stringlikeifexists").expect_err("wrong case");
        assert_eq!(
            err.suggestion.as_deref(),
            Some("ForAllValues:StringLikeIfExists")
        );
    }

    #[test]
    fn typos_get_the_nearest_operator() {
        let rows = [
            ("StringEqual", Some("StringEquals")),
            ("StringEqualsIgnorCase", Some("StringEqualsIgnoreCase")),
            ("IPAddress", Some("IpAddress")),
            ("DateGreaterThen", Some("DateGreaterThan")),
            ("ArnLikeIfExist", Some("ArnLikeIfExists")),
            ("ForAnyValues:StringLike", Some("ForAnyValue:StringLike")),
            ("Bananas", None),
        ];
        for (name, expected) in rows {
            let err = parse_operator(name).expect_err("unknown");
            assert_eq!(err.suggestion.as_deref(), expected, "{name}");
        }
    }
}
