//! The report as CSV (RFC 4180: CRLF line ends, a header, fields with a comma, quote or line
//! break quoted with doubled quotes): one row per learner and lesson, then one per learner and
//! scenario, so a spreadsheet filters either.

use super::report::ClassReport;

const HEADER: [&str; 12] = [
    "learner",
    "lesson",
    "scenario",
    "title",
    "status",
    "scenarios_done",
    "scenarios",
    "questions_correct",
    "questions",
    "hints_shown",
    "answer_shown",
    "detail",
];

/// One field, quoted when RFC 4180 requires it. A value a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@` first) is prefixed with `'`, so a hostile file name stays text.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn row(out: &mut String, fields: &[String]) {
    let fields: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

pub fn render(report: &ClassReport) -> String {
    let mut out = String::new();
    row(&mut out, &HEADER.map(str::to_owned));
    for learner in &report.learners {
        for lesson in &learner.lessons {
            row(
                &mut out,
                &[
                    learner.name.clone(),
                    lesson.id.clone(),
                    String::new(),
                    lesson.title.clone(),
                    lesson.status.label().to_owned(),
                    lesson.scenarios_done.to_string(),
                    lesson.scenarios.to_string(),
                    lesson.questions_correct.to_string(),
                    lesson.questions.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
            );
        }
    }
    for learner in &report.learners {
        for scenario in &learner.scenarios {
            let done = usize::from(scenario.status == super::regrade::Status::Done);
            row(
                &mut out,
                &[
                    learner.name.clone(),
                    scenario.lesson.clone(),
                    scenario.id.clone(),
                    scenario.title.clone(),
                    scenario.status.label().to_owned(),
                    done.to_string(),
                    "1".to_owned(),
                    String::new(),
                    String::new(),
                    scenario.hints_shown.to_string(),
                    scenario.answer_shown.to_string(),
                    scenario.detail.clone().unwrap_or_default(),
                ],
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(field("alice"), "alice");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn formulas_stay_text() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    }
}
