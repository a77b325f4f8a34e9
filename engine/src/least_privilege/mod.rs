//! Least privilege: what a policy grants, by service and access level (as the IAM console's
//! policy summary shows it), and what it grants beyond what a task needs.
//!
//! The over-grant report asks the evaluator ([`crate::eval`]) about every expanded action on
//! every resource of the task, so it always agrees with what evaluation says.

mod expand;
mod over_grant;
mod summary;

pub use over_grant::{over_grant, ExtraGrant, ExtraGroup, OverGrantReport, RequiredCheck, Task};
pub use summary::{
    summarize, Coverage, LevelSummary, PolicySummary, ResourceScope, ServiceSummary,
};

#[cfg(test)]
mod tests;
