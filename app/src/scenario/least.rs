//! The least-privilege result shown once every check passes: what the policy grants beyond
//! the task, counted in actions when the catalogue is loaded.

use std::collections::BTreeSet;

use iamplay_course::OverGrant;
use iamplay_engine::catalog::{AccessLevel, Catalog};
use iamplay_engine::json::LineIndex;

use super::report::editor_range;
use crate::interop::markers::Range;

/// At most this many extra actions are listed by name.
const MAX_LISTED: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeastPrivilege {
    /// The patterns beyond the task, where they are in the editor.
    pub grants: Vec<ExtraGrant>,
    /// With the catalogue: every extra action, sorted, at most [`MAX_LISTED`].
    pub actions: Vec<String>,
    pub action_count: Option<usize>,
    pub permissions_management: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraGrant {
    pub action: String,
    pub message: String,
    pub range: Range,
}

impl LeastPrivilege {
    pub fn new(over: &[OverGrant], catalog: Option<&Catalog>, index: &LineIndex<'_>) -> Self {
        let grants = over
            .iter()
            .map(|g| ExtraGrant {
                action: g.action.clone(),
                message: g.message.clone(),
                range: editor_range(index, g.span),
            })
            .collect();
        let Some(catalog) = catalog else {
            return LeastPrivilege {
                grants,
                actions: Vec::new(),
                action_count: None,
                permissions_management: None,
            };
        };
        let mut extra = BTreeSet::new();
        let mut permissions = BTreeSet::new();
        for grant in over {
            // Graded with the catalogue, the engine lists what the statement really allows on
            // the task's resources; otherwise count every action the pattern names (`NotAction`
            // grants all but a few: the whole catalogue).
            let names: Vec<String> = if grant.grants.is_empty() {
                let pattern = if grant.action == "NotAction" {
                    "*"
                } else {
                    &grant.action
                };
                catalog
                    .expand(pattern)
                    .into_iter()
                    .map(|a| a.full_name())
                    .collect()
            } else {
                grant.grants.clone()
            };
            for name in names {
                if catalog.access_level(&name) == Some(AccessLevel::PermissionsManagement) {
                    permissions.insert(name.clone());
                }
                extra.insert(name);
            }
        }
        LeastPrivilege {
            grants,
            action_count: Some(extra.len()),
            permissions_management: Some(permissions.len()),
            actions: extra.into_iter().take(MAX_LISTED).collect(),
        }
    }

    pub fn is_tight(&self) -> bool {
        self.grants.is_empty()
    }

    /// The one-line verdict.
    pub fn summary(&self) -> String {
        if self.is_tight() {
            return "Least privilege: nothing extra.".to_owned();
        }
        match (self.action_count, self.permissions_management) {
            (Some(count), Some(pm)) => {
                let actions = if count == 1 { "action" } else { "actions" };
                let pm = match pm {
                    0 => String::new(),
                    n => format!(", {n} of them permissions management"),
                };
                format!("Passes, but also grants {count} more {actions}{pm}.")
            }
            _ => {
                let names: Vec<String> = self
                    .grants
                    .iter()
                    .map(|g| format!("`{}`", g.action))
                    .collect();
                format!(
                    "Passes, but also grants more than the task needs: {}.",
                    names.join(", ")
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamplay_engine::json::Span;

    fn over(action: &str) -> OverGrant {
        OverGrant {
            statement_index: 0,
            sid: None,
            action: action.to_owned(),
            span: Span::new(0, 3),
            message: "m".to_owned(),
            grants: Vec::new(),
        }
    }

    #[test]
    fn nothing_extra_is_said_plainly() {
        let index = LineIndex::new("{}");
        assert_eq!(
            LeastPrivilege::new(&[], None, &index).summary(),
            "Least privilege: nothing extra."
        );
    }

    #[test]
    fn without_the_catalogue_the_patterns_are_named() {
        let index = LineIndex::new("\"s3:*\"");
        let lp = LeastPrivilege::new(&[over("s3:*")], None, &index);
        assert_eq!(
            lp.summary(),
            "Passes, but also grants more than the task needs: `s3:*`."
        );
    }

    #[test]
    fn the_graders_own_list_is_counted_rather_than_the_pattern() {
        let catalog = Catalog::from_str(include_str!("../../../engine/data/catalog.json")).unwrap();
        let index = LineIndex::new("\"s3:*\"");
        let mut grant = over("s3:*");
        grant.grants = vec!["s3:PutObjectAcl".to_owned(), "s3:DeleteObject".to_owned()];
        let lp = LeastPrivilege::new(&[grant], Some(&catalog), &index);
        assert_eq!(
            (lp.action_count, lp.permissions_management),
            (Some(2), Some(1))
        );
        assert_eq!(lp.actions, ["s3:DeleteObject", "s3:PutObjectAcl"]);
    }

    #[test]
    fn with_the_catalogue_extra_actions_are_counted_with_permissions_management() {
        let catalog = Catalog::from_str(include_str!("../../../engine/data/catalog.json")).unwrap();
        let index = LineIndex::new("\"iam:*\"");
        let lp = LeastPrivilege::new(&[over("iam:*"), over("iam:Get*")], Some(&catalog), &index);
        let count = lp.action_count.unwrap();
        assert_eq!(count, catalog.count_matches("iam:*"));
        let pm = lp.permissions_management.unwrap();
        assert!(pm > 10 && pm < count, "{pm} of {count}");
        assert!(lp.actions.contains(&"iam:PassRole".to_owned()));
        assert_eq!(
            lp.summary(),
            format!("Passes, but also grants {count} more actions, {pm} of them permissions management.")
        );
    }
}
