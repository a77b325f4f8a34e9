//! The report as Markdown: the class in one table, then each learner: flagged claims, lessons,
//! and the scenarios they touched.

use std::fmt::Write as _;

use super::regrade::LearnerReport;
use super::report::ClassReport;
use super::table::{self, Kind, Table};

/// Text from a file or the course made safe for one table cell or list item.
fn inline(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn code(text: &str) -> String {
    // Ids are kebab-case; a backtick inside would end the span early, so it goes.
    format!("`{}`", text.replace(['`', '\n', '\r'], " "))
}

fn write_table(out: &mut String, table: &Table) {
    let _ = writeln!(out, "| {} |", table.head.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(table.head.len()));
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| match cell.kind {
                Kind::Code => code(&cell.text),
                Kind::Flagged => format!("**{}**", inline(&cell.text)),
                Kind::Text | Kind::Prose | Kind::Number | Kind::Done => inline(&cell.text),
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

pub fn render(report: &ClassReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Progress report: {}\n\n{}\n",
        inline(&report.course.manifest.title),
        table::preamble(report)
    );
    if !report.learners.is_empty() {
        write_table(&mut out, &table::class(report));
    }
    if !report.unread.is_empty() {
        out.push_str("## Files not read\n\n");
        for (_, why) in &report.unread {
            let _ = writeln!(out, "- {}", inline(why));
        }
        out.push('\n');
    }
    for learner in &report.learners {
        learner_section(&mut out, learner);
    }
    out
}

fn learner_section(out: &mut String, learner: &LearnerReport) {
    let _ = writeln!(out, "## {}\n", inline(&learner.name));
    if !learner.flags.is_empty() {
        out.push_str("**Flagged**\n\n");
        for flag in &learner.flags {
            let _ = writeln!(out, "- {}: {}", code(&flag.item), inline(&flag.message));
        }
        out.push('\n');
    }
    write_table(out, &table::lessons(learner));
    if let Some(scenarios) = table::scenarios(learner) {
        write_table(out, &scenarios);
    }
    let _ = writeln!(out, "{}\n", table::not_started(learner));
    if !learner.unknown.is_empty() {
        let items: Vec<String> = learner.unknown.iter().map(|item| code(item)).collect();
        let _ = writeln!(out, "Not in this course (ignored): {}.\n", items.join(", "));
    }
}
