//! Engine messages and lesson hints mark code with backticks (`s3:GetObject`); this shows those
//! runs as code. Every piece stays a text node, so nothing in a message is read as markup.

use leptos::prelude::*;

/// Splits `text` into runs, `true` for a run that stood between backticks. A backtick without
/// its partner stays in the text.
pub fn code_runs(text: &str) -> Vec<(bool, &str)> {
    let mut runs = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('`') else {
            break;
        };
        if open > 0 {
            runs.push((false, &rest[..open]));
        }
        runs.push((true, &after[..close]));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        runs.push((false, rest));
    }
    runs
}

/// `text` inline, with its backticked runs as `<code>`.
#[component]
pub fn WithCode(#[prop(into)] text: String) -> impl IntoView {
    code_runs(&text)
        .into_iter()
        .map(|(is_code, run)| {
            let run = run.to_owned();
            if is_code {
                view! { <code>{run}</code> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::code_runs;

    #[test]
    fn backticked_runs_are_code_and_the_rest_is_text() {
        assert_eq!(
            code_runs("allows `s3:GetObject` on `arn:aws:s3:::b/*`."),
            vec![
                (false, "allows "),
                (true, "s3:GetObject"),
                (false, " on "),
                (true, "arn:aws:s3:::b/*"),
                (false, "."),
            ]
        );
    }

    #[test]
    fn an_unpaired_backtick_and_markup_stay_text() {
        assert_eq!(code_runs("a ` b"), vec![(false, "a ` b")]);
        assert_eq!(code_runs("`<b>`"), vec![(true, "<b>")]);
        assert_eq!(code_runs(""), Vec::<(bool, &str)>::new());
    }
}
