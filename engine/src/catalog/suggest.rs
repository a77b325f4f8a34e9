//! "Did you mean": near misses of a service prefix, an action or a condition key.
//!
//! A candidate is close when its edit distance (ignoring case; a swap of two neighbours counts
//! as one edit) is small for its length, or when it extends what was typed (`DescribeInstance`
//! → `DescribeInstanceStatus`). Close by distance ranks before extensions; ties go to the
//! shorter, then alphabetical, name.

use super::{ActionRef, Catalog, ConditionKeyRef, Service};

impl Catalog {
    /// Services whose prefix is close to `prefix`: `s4` → `s3`.
    pub fn suggest_services(&self, prefix: &str, limit: usize) -> Vec<&Service> {
        rank(prefix, self.services().iter(), |s| s.prefix(), limit)
    }

    /// Actions close to `full_name` (`s3:GetObjects` → `s3:GetObject`). When the service is
    /// unknown, looks in the services closest to it; when nothing there is close, offers the
    /// same name in other services (`s3:DescribeInstances` → `ec2:DescribeInstances`).
    pub fn suggest_actions(&self, full_name: &str, limit: usize) -> Vec<ActionRef<'_>> {
        let (prefix, name) = full_name.split_once(':').unwrap_or(("", full_name));
        let services: Vec<&Service> = match self.service(prefix) {
            Some(service) => vec![service],
            None => self.suggest_services(prefix, 3),
        };
        let mut found = Vec::new();
        for service in services {
            let close = rank(name, service.actions(), |a| a.name(), limit);
            if let Some(exact) = close.iter().find(|a| a.name().eq_ignore_ascii_case(name)) {
                // The service was misspelt but the name is right: that is the answer.
                return vec![*exact];
            }
            found.extend(close);
        }
        if found.is_empty() {
            found.extend(
                self.actions()
                    .filter(|a| a.name().eq_ignore_ascii_case(name))
                    .take(limit),
            );
        }
        found.truncate(limit);
        found
    }

    /// Condition keys close to `name`: global keys, and the keys of the service it names (or of
    /// every service when the prefix is unknown).
    pub fn suggest_condition_keys<'a>(
        &'a self,
        name: &str,
        limit: usize,
    ) -> Vec<ConditionKeyRef<'a>> {
        let prefix = name.split_once(':').map_or("", |(p, _)| p);
        let globals = self.global_keys().iter().map(ConditionKeyRef::of_global);
        let services: Vec<&Service> = match self.service(prefix) {
            Some(service) => vec![service],
            None => self.services().iter().collect(),
        };
        let service_keys = services.into_iter().flat_map(Service::specific_key_refs);
        // A template is compared as if instantiated with what was typed after the `/`, so
        // `aws:PrincipalTags/team` is one edit from `aws:PrincipalTag/${TagKey}`.
        let typed_tail = name.split_once('/').map(|(_, tail)| tail);
        let comparable = |key: ConditionKeyRef<'a>| -> (String, ConditionKeyRef<'a>) {
            let instantiated = typed_tail.and_then(|tail| {
                let head = key.name.split_once('/')?.0;
                (key.name.contains("${") || key.name.contains('<'))
                    .then(|| format!("{head}/{tail}"))
            });
            (instantiated.unwrap_or_else(|| key.name.to_string()), key)
        };
        let candidates = globals.chain(service_keys).map(comparable);
        rank(name, candidates, |(text, _)| text, limit)
            .into_iter()
            .map(|(_, key)| key)
            .collect()
    }
}

/// The `limit` candidates closest to `typed`, best first; none that are not close.
fn rank<'a, T: 'a>(
    typed: &str,
    candidates: impl Iterator<Item = T>,
    name: impl Fn(&T) -> &str,
    limit: usize,
) -> Vec<T> {
    let typed = typed.to_ascii_lowercase().into_bytes();
    if typed.is_empty() {
        return Vec::new();
    }
    let budget = edit_budget(typed.len());
    let mut scored: Vec<((u8, usize, String), T)> = candidates
        .filter_map(|candidate| {
            let lower = name(&candidate).to_ascii_lowercase();
            let score = closeness(&typed, lower.as_bytes(), budget)?;
            Some(((score.0, score.1, lower), candidate))
        })
        .collect();
    iamplay_sort::sort_by(&mut scored, |a, b| a.0.cmp(&b.0));
    scored.dedup_by(|a, b| a.0 .2 == b.0 .2);
    scored.into_iter().take(limit).map(|(_, c)| c).collect()
}

/// Edits allowed for a word of `len` characters: a third of it, at least one, at most four.
fn edit_budget(len: usize) -> usize {
    (len / 3).clamp(1, 4)
}

/// (class, rank within class): class 0 by edit distance, class 1 extensions of the typed text.
fn closeness(typed: &[u8], candidate: &[u8], budget: usize) -> Option<(u8, usize)> {
    if let Some(distance) = bounded_distance(typed, candidate, budget) {
        return Some((0, distance));
    }
    (typed.len() >= 3 && candidate.starts_with(typed)).then(|| (1, candidate.len() - typed.len()))
}

/// Optimal string alignment distance between `a` and `b`, or `None` when above `budget`.
/// Rows stop early once every entry is over budget, so distant words cost little.
fn bounded_distance(a: &[u8], b: &[u8], budget: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > budget {
        return None;
    }
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(before[j - 2] + 1);
            }
            current[j] = value;
            row_min = row_min.min(value);
        }
        if row_min > budget {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[b.len()];
    (distance <= budget).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::{bounded_distance, rank};

    #[test]
    fn distance_counts_edits_and_swaps() {
        assert_eq!(bounded_distance(b"getobject", b"getobject", 2), Some(0));
        assert_eq!(bounded_distance(b"getobjects", b"getobject", 2), Some(1));
        assert_eq!(bounded_distance(b"gteobject", b"getobject", 2), Some(1));
        assert_eq!(bounded_distance(b"putobject", b"getobject", 2), Some(2));
        assert_eq!(bounded_distance(b"listbuckets", b"getobject", 4), None);
        assert_eq!(bounded_distance(b"", b"ab", 2), Some(2));
    }

    #[test]
    fn ranks_distance_before_extension() {
        let names = [
            "DescribeInstanceStatus",
            "DescribeInstances",
            "DescribeImages",
        ];
        let found = rank("DescribeInstance", names.iter(), |n| n, 3);
        // `DescribeImages` is five edits away: too far for a 16-letter word.
        assert_eq!(found, [&"DescribeInstances", &"DescribeInstanceStatus"]);
        assert!(rank("", names.iter(), |n| n, 3).is_empty());
    }
}
