//! Open context: keys the request does not give are unknown (absent, or any value) rather than
//! absent.
//!
//! The decision is `depends` only when it has a witness: two fillings of the unknown keys that
//! the ordinary (closed) evaluator decides differently. So a decision no unknown key can change
//! is never `depends`, by construction. The fillings tried are representatives of every way a
//! condition can go: the key absent, each value the policies compare it with (wildcards filled
//! in, numbers and dates on either side), a value no policy names, and for keys used with set
//! operators, empty, single and mixed sets. Every combination is decided, up to a work budget.
//!
//! Plain three-valued logic (an unknown key makes its condition unknown) would report
//! `depends` for `Allow if k = a` next to `Allow if k != a`, which allows whatever `k` is; the
//! witnesses avoid that.

use super::{decide, DependsOn, OpenDecision};
use crate::case::{Case, NamedPolicy};
use crate::condition::Family;
use crate::context::{KeySource, RequestContext};
use crate::matching::action_matches;
use crate::policy::Statement;
use std::collections::BTreeMap;

/// Keys AWS includes in every request ("This key is always included in the request context",
/// IAM User Guide, AWS global condition context keys): unknown, but never absent.
const ALWAYS_PRESENT: [&str; 4] = [
    "aws:currenttime",
    "aws:epochtime",
    "aws:securetransport",
    "aws:requestedregion",
];

/// A value no policy names: stands for "any other value".
const OTHER: &str = "iamplay-any-other-value";

/// The most combinations decided for one request, and the work budget they share: fewer
/// combinations for larger policies, so a big setup stays quick.
const MAX_FILLINGS: usize = 4096;
const WORK_BUDGET: usize = 400_000;

/// How an unknown key is used by the policies, gathered from their conditions and variables.
#[derive(Debug, Default)]
struct KeyUse {
    /// As first spelled.
    name: String,
    families: Vec<Family>,
    set_operator: bool,
    /// Values the policies compare the key with, as written.
    values: Vec<String>,
    /// Only used as `${key}` in a resource or condition value.
    as_variable: bool,
    can_be_absent: bool,
}

/// One filling of one key: absent, one value, or a set of values.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Filling {
    Absent,
    One(String),
    Many(Vec<String>),
}

impl Filling {
    fn shown(&self) -> Option<String> {
        match self {
            Filling::Absent => None,
            Filling::One(v) if v == OTHER => None,
            Filling::One(v) => Some(v.clone()),
            Filling::Many(values) if values.iter().any(|v| v == OTHER) || values.is_empty() => None,
            Filling::Many(values) => Some(values.join(", ")),
        }
    }

    fn apply(&self, key: &str, context: &mut RequestContext) {
        context.remove(key);
        match self {
            Filling::Absent => {}
            Filling::One(value) => context.insert_single(key, value.clone()),
            Filling::Many(values) => context.insert_multi(key, values.clone()),
        }
    }
}

/// Decides the case with every key it does not give treated as unknown.
pub fn decide_open(case: &Case) -> OpenDecision {
    let uses = unknown_keys(case);
    if uses.is_empty() {
        return OpenDecision::Known(decide(case));
    }
    let multivalued: Vec<String> = uses
        .values()
        .filter(|u| u.set_operator)
        .map(|u| u.name.clone())
        .collect();
    let keys: Vec<(String, Vec<Filling>)> = uses
        .into_values()
        .map(|usage| {
            let fillings = fillings(&usage, case);
            (usage.name, fillings)
        })
        .collect();
    let keys = within_budget(keys, work_size(case));
    let mut trial = case.clone();
    let sizes: Vec<usize> = keys.iter().map(|(_, f)| f.len()).collect();
    let total: usize = sizes.iter().product();
    let mut outcomes = Vec::with_capacity(total);
    for index in 0..total {
        for ((key, fillings), choice) in keys.iter().zip(digits(index, &sizes)) {
            fillings[choice].apply(key, &mut trial.request.context);
        }
        outcomes.push(decide(&trial));
    }
    let first = outcomes[0];
    if outcomes.iter().all(|d| *d == first) {
        return OpenDecision::Known(first);
    }
    let depends_on = keys
        .iter()
        .enumerate()
        .filter(|(position, _)| decides(*position, &sizes, &outcomes))
        .map(|(position, (key, fillings))| DependsOn {
            key: key.clone(),
            allowed_when: allowed_values(position, fillings, &sizes, &outcomes),
            multivalued: multivalued.contains(key),
        })
        .collect();
    OpenDecision::Depends(depends_on)
}

/// The choice of filling for each key in combination `index` (mixed radix).
fn digits(mut index: usize, sizes: &[usize]) -> Vec<usize> {
    sizes
        .iter()
        .map(|size| {
            let digit = index % size;
            index /= size;
            digit
        })
        .collect()
}

fn stride(position: usize, sizes: &[usize]) -> usize {
    sizes[..position].iter().product()
}

/// Whether changing only the key at `position` changes the decision somewhere.
fn decides(position: usize, sizes: &[usize], outcomes: &[super::Decision]) -> bool {
    let step = stride(position, sizes);
    (0..outcomes.len()).any(|index| {
        let digit = (index / step) % sizes[position];
        let base = index - digit * step;
        (0..sizes[position]).any(|other| outcomes[base + other * step] != outcomes[index])
    })
}

/// The values of the key at `position` under which some filling of the others allows, when
/// that says something (not every filling of the key allows somewhere).
fn allowed_values(
    position: usize,
    fillings: &[Filling],
    sizes: &[usize],
    outcomes: &[super::Decision],
) -> Vec<String> {
    let step = stride(position, sizes);
    let allows = |choice: usize| {
        (0..outcomes.len()).any(|index| {
            (index / step) % sizes[position] == choice
                && outcomes[index] == super::Decision::Allowed
        })
    };
    let allowing: Vec<usize> = (0..fillings.len()).filter(|c| allows(*c)).collect();
    if allowing.len() == fillings.len() {
        return Vec::new();
    }
    let mut values: Vec<String> = Vec::new();
    for shown in allowing.iter().filter_map(|c| fillings[*c].shown()) {
        if !values.contains(&shown) {
            values.push(shown);
        }
    }
    values
}

/// Statements, condition values and request values: a rough measure of the work of one
/// decision, so that large setups get fewer combinations.
fn work_size(case: &Case) -> usize {
    let policies: usize = all_policies(case)
        .flat_map(|p| &p.policy.statements)
        .map(|s| {
            let values: usize = s
                .condition
                .iter()
                .flat_map(|b| &b.entries)
                .map(|e| 1 + e.values.len())
                .sum();
            1 + values
        })
        .sum();
    let request: usize = case.request.context.iter().map(|e| e.values.len()).sum();
    (policies + request).max(1)
}

/// Drops fillings (last ones first, from the key with the most) until the combinations fit the
/// budget. Absent and "any other value" come first, so they stay.
fn within_budget(
    mut keys: Vec<(String, Vec<Filling>)>,
    work: usize,
) -> Vec<(String, Vec<Filling>)> {
    let limit = (WORK_BUDGET / work).clamp(2, MAX_FILLINGS);
    loop {
        let total = keys
            .iter()
            .try_fold(1usize, |acc, (_, f)| acc.checked_mul(f.len()));
        if total.is_some_and(|t| t <= limit) {
            return keys;
        }
        let widest = keys
            .iter_mut()
            .max_by_key(|(_, f)| f.len())
            .filter(|(_, f)| f.len() > 1);
        match widest {
            Some((_, fillings)) => {
                fillings.pop();
            }
            // One filling per key: a single combination, always within budget.
            None => return keys,
        }
    }
}

fn all_policies(case: &Case) -> impl Iterator<Item = &NamedPolicy> {
    let set = &case.policies;
    set.identity
        .iter()
        .chain(set.resource.iter())
        .chain(set.permission_boundary.iter())
        .chain(set.session.iter())
        .chain(set.scps.iter().flatten().flatten())
        .chain(set.rcps.iter().flatten().flatten())
}

fn action_applies(statement: &Statement, action: &str) -> bool {
    let any = statement
        .action
        .node
        .values
        .iter()
        .any(|p| action_matches(&p.node, action));
    any != statement.action.node.negated
}

/// Keys the policies test, for statements about this action, that the request does not give.
/// Invented stand-ins (a made-up unique ID) are unknown too: AWS's value is not known.
fn unknown_keys(case: &Case) -> BTreeMap<String, KeyUse> {
    let context = &case.request.context;
    let unknown = |key: &str| {
        context
            .get(key)
            .is_none_or(|entry| entry.source == KeySource::StandIn)
    };
    let mut uses: BTreeMap<String, KeyUse> = BTreeMap::new();
    for named in all_policies(case) {
        let variables = named.policy.variables_enabled();
        for statement in &named.policy.statements {
            if !action_applies(statement, &case.request.action) {
                continue;
            }
            let mut texts: Vec<&str> = Vec::new();
            if let Some(resource) = &statement.resource {
                texts.extend(resource.node.values.iter().map(|v| v.node.as_str()));
            }
            for block in &statement.condition {
                let operator = &block.operator.node;
                for entry in &block.entries {
                    texts.extend(entry.values.iter().map(|v| v.node.as_str()));
                    let key = entry.key.node.as_str();
                    if unknown(key) {
                        let usage = key_use(&mut uses, key);
                        usage.families.push(operator.base.family());
                        usage.set_operator |= operator.set.is_some();
                        usage
                            .values
                            .extend(entry.values.iter().map(|v| v.node.clone()));
                    }
                }
            }
            if variables {
                for name in texts.into_iter().flat_map(variable_names) {
                    if unknown(name) {
                        key_use(&mut uses, name).as_variable = true;
                    }
                }
            }
        }
    }
    uses
}

fn key_use<'a>(uses: &'a mut BTreeMap<String, KeyUse>, key: &str) -> &'a mut KeyUse {
    let lowered = key.to_ascii_lowercase();
    let can_be_absent = !ALWAYS_PRESENT.contains(&lowered.as_str());
    uses.entry(lowered).or_insert_with(|| KeyUse {
        name: key.to_owned(),
        can_be_absent,
        ..KeyUse::default()
    })
}

/// The keys named by `${...}` in a policy value; `${*}`, `${?}` and `${$}` are characters.
fn variable_names(text: &str) -> impl Iterator<Item = &str> {
    text.split("${").skip(1).filter_map(|rest| {
        let inside = &rest[..rest.find('}')?];
        let name = inside.split(',').next().unwrap_or_default().trim();
        (!matches!(name, "*" | "?" | "$") && !name.is_empty()).then_some(name)
    })
}

/// The fillings to try for one key: absent (when it can be), any other value, then the values
/// that make each comparison go either way.
fn fillings(usage: &KeyUse, case: &Case) -> Vec<Filling> {
    let mut singles: Vec<String> = vec![OTHER.to_owned()];
    let mut add = |value: String| {
        if !singles.contains(&value) {
            singles.push(value);
        }
    };
    for value in &usage.values {
        // A value with a variable is compared after substitution: try what it becomes.
        let value = match crate::matching::substitute(value, &case.request.context, false) {
            Ok(substituted) => substituted.pattern.text().to_owned(),
            Err(_) => value.clone(),
        };
        for family in &usage.families {
            for candidate in around(*family, &value) {
                add(candidate);
            }
        }
    }
    for family in &usage.families {
        for candidate in family_extremes(*family) {
            add((*candidate).to_owned());
        }
    }
    if usage.as_variable {
        // A variable in a resource or condition value: the parts of the resource, and the
        // values the request gives for other keys, are what it could be compared with.
        let resource = &case.request.resource;
        for part in resource.split(['/', ':']).filter(|p| !p.is_empty()) {
            add(part.to_owned());
        }
        for entry in case.request.context.iter() {
            for value in &entry.values {
                add(value.clone());
            }
        }
    }
    let mut out = Vec::new();
    if usage.can_be_absent {
        out.push(Filling::Absent);
    }
    let plain = usage.families.is_empty() || !usage.set_operator || usage.as_variable;
    if plain {
        out.extend(singles.iter().cloned().map(Filling::One));
    }
    if usage.set_operator {
        out.push(Filling::Many(Vec::new()));
        out.extend(singles.iter().map(|v| Filling::Many(vec![v.clone()])));
        let named: Vec<String> = singles.iter().skip(1).cloned().collect();
        if let Some(first) = named.first() {
            out.push(Filling::Many(vec![first.clone(), OTHER.to_owned()]));
        }
        if named.len() > 1 {
            out.push(Filling::Many(named));
        }
    }
    out
}

/// Values on every side of a policy value: equal to it (wildcards filled in), and for ordered
/// families just below and above.
fn around(family: Family, value: &str) -> Vec<String> {
    match family {
        Family::Numeric => match value.trim().parse::<i64>() {
            Ok(n) => vec![
                n.to_string(),
                n.saturating_sub(1).to_string(),
                n.saturating_add(1).to_string(),
            ],
            Err(_) => match value.trim().parse::<f64>() {
                Ok(x) => vec![
                    value.to_owned(),
                    (x - 0.5).to_string(),
                    (x + 0.5).to_string(),
                ],
                Err(_) => vec![value.to_owned()],
            },
        },
        Family::Date => match value.trim().parse::<i64>() {
            Ok(n) => vec![n.to_string(), (n - 1).to_string(), (n + 1).to_string()],
            Err(_) => vec![value.to_owned()],
        },
        Family::Bool => vec!["true".to_owned(), "false".to_owned()],
        Family::IpAddress => vec![value.split('/').next().unwrap_or(value).to_owned()],
        Family::Null | Family::Binary => vec![value.to_owned()],
        Family::String | Family::Arn => {
            let filled = value.replace('*', "").replace('?', "x");
            if filled == value {
                vec![value.to_owned()]
            } else {
                vec![filled, value.replace(['*', '?'], "x")]
            }
        }
    }
}

/// Values outside every policy value of a family: the earliest and latest dates, an address no
/// policy names.
fn family_extremes(family: Family) -> &'static [&'static str] {
    match family {
        Family::Date => &["1970-01-01T00:00:00Z", "2999-12-31T23:59:59Z"],
        Family::Numeric => &["-1000000000", "1000000000"],
        Family::Bool => &["true", "false"],
        Family::IpAddress => &["192.0.2.254"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variable_names_skip_the_character_variables_and_keep_defaults_apart() {
        let names: Vec<&str> =
            variable_names("a/${aws:username}/${*}/${aws:PrincipalTag/team, 'none'}/${$}")
                .collect();
        assert_eq!(names, ["aws:username", "aws:PrincipalTag/team"]);
    }

    #[test]
    fn combinations_stay_within_the_budget_however_many_keys() {
        let many = |n: usize| {
            (0..n)
                .map(|k| {
                    let fillings = (0..12).map(|v| Filling::One(format!("{k}-{v}"))).collect();
                    (format!("k{k}"), fillings)
                })
                .collect::<Vec<(String, Vec<Filling>)>>()
        };
        for (keys, work) in [(3, 1), (12, 1), (40, 1), (5, 10_000), (5, usize::MAX)] {
            let kept = within_budget(many(keys), work);
            let total: usize = kept.iter().map(|(_, f)| f.len()).product();
            assert!(total <= MAX_FILLINGS, "{keys} keys, work {work}: {total}");
            assert!(kept.iter().all(|(_, f)| !f.is_empty()));
        }
    }
}
