//! What a lesson says it teaches: lint finding codes that exist, each taught by one lesson, so
//! a finding links to exactly one place.

use std::collections::HashMap;

use iamplay_engine::lint::Check;
use iamplay_engine::policy::suggest::closest;

use crate::load::Lesson;
use crate::problem::Report;

/// Checks `lesson`'s `teaches`; `owners` remembers which lesson claimed each code first.
pub(crate) fn check<'c>(
    lesson: &'c Lesson,
    owners: &mut HashMap<&'c str, &'c str>,
    report: &mut Report<'_>,
) {
    let id = lesson.manifest.id.as_str();
    for (index, code) in lesson.manifest.teaches.iter().enumerate() {
        let field = format!("teaches[{index}]");
        if Check::from_code(code).is_none() {
            let codes: Vec<&str> = Check::ALL.iter().map(|c| c.code()).collect();
            let help = match closest(code, &codes) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "use the code a finding shows in brackets, e.g. `invalid-arn` (`iamplay lint --explain CODE` describes one)".to_owned(),
            };
            report.push(
                code.place,
                &field,
                format!("`{code}` is not the code of a lint finding"),
                help,
            );
            continue;
        }
        match owners.insert(code, id) {
            Some(first) if first == id => report.push(
                code.place,
                &field,
                format!("`{code}` is listed twice"),
                "list each code once",
            ),
            Some(first) => {
                // Keep the first lesson as the owner: it is the one findings link to.
                owners.insert(code, first);
                report.push(
                    code.place,
                    &field,
                    format!("`{code}` is also taught by lesson `{first}`"),
                    "a finding links to one lesson: keep the code in the lesson that explains it best and drop it from the other",
                );
            }
            None => {}
        }
    }
}
