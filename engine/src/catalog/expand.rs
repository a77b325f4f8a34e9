//! Expanding an action pattern (`s3:Get*`, `*:List*`, `*`) to the actions it matches.

use super::{ActionRef, Catalog};
use crate::matching::Pattern;

impl Catalog {
    /// Every action that the `Action` element `pattern` matches, ordered by service then name.
    ///
    /// IAM matches the pattern against the whole `service:Action` text, ignoring case. Service
    /// prefixes and action names never contain `:`, so a pattern with one `:` splits into a
    /// service part and a name part; one with none (`*`, `s3*`) is matched whole; one with more
    /// matches nothing.
    pub fn expand(&self, pattern: &str) -> Vec<ActionRef<'_>> {
        let mut found = Vec::new();
        self.for_each_match(pattern, |action| found.push(action));
        found
    }

    /// How many actions `pattern` matches, without collecting them.
    pub fn count_matches(&self, pattern: &str) -> usize {
        let mut count = 0;
        self.for_each_match(pattern, |_| count += 1);
        count
    }

    fn for_each_match<'a>(&'a self, pattern: &str, mut found: impl FnMut(ActionRef<'a>)) {
        match pattern.split_once(':') {
            Some((_, rest)) if rest.contains(':') => {}
            Some((service_part, name_part)) => {
                let all_names = name_part.bytes().all(|b| b == b'*') && !name_part.is_empty();
                let name_pattern = Pattern::wildcard(name_part);
                let services: Vec<_> = if service_part.contains(['*', '?']) {
                    let service_pattern = Pattern::wildcard(service_part);
                    self.services()
                        .iter()
                        .filter(|s| service_pattern.matches(s.prefix(), true))
                        .collect()
                } else {
                    self.service(service_part).into_iter().collect()
                };
                for service in services {
                    for action in service.actions() {
                        if all_names || name_pattern.matches(action.name(), true) {
                            found(action);
                        }
                    }
                }
            }
            None if pattern.bytes().all(|b| b == b'*') && !pattern.is_empty() => {
                self.actions().for_each(found);
            }
            None => {
                // Rare (`s3*`): match the joined name, reusing one buffer.
                let pattern = Pattern::wildcard(pattern);
                let mut full = String::new();
                for action in self.actions() {
                    full.clear();
                    full.push_str(action.service().prefix());
                    full.push(':');
                    full.push_str(action.name());
                    if pattern.matches(&full, true) {
                        found(action);
                    }
                }
            }
        }
    }
}

#[cfg(all(test, feature = "embedded-catalog"))]
mod tests {
    use super::super::{AccessLevel, Catalog};

    fn names(pattern: &str) -> Vec<String> {
        Catalog::embedded()
            .expand(pattern)
            .iter()
            .map(|a| a.full_name())
            .collect()
    }

    #[test]
    fn star_and_star_colon_star_are_every_action() {
        let catalog = Catalog::embedded();
        assert_eq!(catalog.expand("*").len(), catalog.action_count());
        assert_eq!(catalog.count_matches("*:*"), catalog.action_count());
        assert_eq!(catalog.count_matches("**"), catalog.action_count());
    }

    #[test]
    fn service_pattern_matches_what_the_data_lists() {
        let catalog = Catalog::embedded();
        let s3 = catalog.service("s3").map(|s| s.action_count());
        assert_eq!(Some(catalog.count_matches("s3:*")), s3);
        assert_eq!(
            Some(catalog.count_matches("S3:*")),
            s3,
            "the service part ignores case"
        );

        // Counted independently from the service's list by name prefix.
        let get_count = catalog
            .service("s3")
            .map(|s| {
                s.actions()
                    .filter(|a| a.name().to_ascii_lowercase().starts_with("get"))
                    .count()
            })
            .unwrap_or(0);
        // Counted with Node in the package's data/actions/s3.json at 0.21.202609261 (180 actions,
        // 63 named Get...); the freshness test ties the committed file to that version.
        assert_eq!(get_count, 63);
        assert_eq!(s3, Some(180));
        assert_eq!(catalog.count_matches("s3:Get*"), get_count);
        assert_eq!(catalog.count_matches("s3:get*"), get_count);
        assert!(names("s3:Get*").iter().all(|n| n.starts_with("s3:Get")));
    }

    #[test]
    fn question_mark_is_one_character() {
        let found = names("s3:*Object???");
        assert!(found.contains(&"s3:GetObjectAcl".to_string()), "{found:?}");
        assert!(found.contains(&"s3:PutObjectAcl".to_string()), "{found:?}");
        for name in &found {
            let without_last = &name[..name.len() - 3];
            assert!(
                without_last.to_ascii_lowercase().ends_with("object"),
                "{name}"
            );
        }
        assert!(!found.contains(&"s3:GetObject".to_string()));
        assert!(!found.contains(&"s3:GetObjectTagging".to_string()));
    }

    #[test]
    fn wildcard_services_and_list_actions() {
        let catalog = Catalog::embedded();
        let lists = catalog.expand("*:List*");
        assert!(lists.len() > 1000);
        assert!(lists.iter().all(|a| a.name().starts_with("List")));
        assert!(lists.iter().any(|a| a.full_name() == "s3:ListBucket"));
        // Most are List-level; the count by level is data, not a rule, so only sanity-check it.
        let list_level = lists
            .iter()
            .filter(|a| a.access_level() == AccessLevel::List);
        assert!(list_level.count() * 2 > lists.len());
        assert_eq!(names("iam:PassRole"), vec!["iam:PassRole".to_string()]);
        assert_eq!(names("iam:passrole"), vec!["iam:PassRole".to_string()]);
    }

    #[test]
    fn malformed_patterns_match_nothing() {
        assert!(names("s3:Get:Object").is_empty());
        assert!(names("nosuchservice:*").is_empty());
        assert!(names("").is_empty());
        assert!(names("s3:").is_empty());
        // No colon: the pattern is matched against the whole name.
        assert!(names("s3*").contains(&"s3:GetObject".to_string()));
        assert!(names("iam").is_empty());
    }
}
