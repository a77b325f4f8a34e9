//! Lesson references a learner cannot follow: a `lesson:` target printed as code or plain text
//! instead of a link, and "lesson 12"-style numbers, which silently go wrong whenever the course
//! is reordered. Links are checked by [`super::links`]; this finds the references that are not
//! links at all.

/// One reference: its byte offset in the text, the message and the help.
pub(crate) struct Unlinked {
    pub offset: usize,
    pub message: String,
    pub help: String,
}

/// Every unlinked reference in a Markdown text, outside fenced code blocks.
pub(crate) fn unlinked(markdown: &str) -> Vec<Unlinked> {
    let mut found = Vec::new();
    let mut fenced = false;
    let mut line_start = 0;
    for line in markdown.split_inclusive('\n') {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            scan_line(markdown, line_start, line, &mut found);
        }
        line_start += line.len();
    }
    found
}

fn scan_line(text: &str, start: usize, line: &str, found: &mut Vec<Unlinked>) {
    for (at, _) in line.match_indices("lesson:") {
        let offset = start + at;
        if text[..offset].ends_with("](") {
            continue;
        }
        let target: String = line[at + "lesson:".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '#'))
            .collect();
        if target.is_empty() {
            continue;
        }
        found.push(Unlinked {
            offset,
            message: format!("`lesson:{target}` is printed as text, not a link"),
            help: format!(
                "write it as a link, `[the lesson's title](lesson:{target})`, or name a later lesson in plain words"
            ),
        });
    }
    let lower = line.to_ascii_lowercase();
    for (at, _) in lower.match_indices("lesson") {
        let before = lower[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric()) {
            continue;
        }
        let rest = lower[at + "lesson".len()..]
            .strip_prefix('s')
            .unwrap_or(&lower[at + "lesson".len()..]);
        let digits = rest.trim_start_matches(' ');
        if digits.len() == rest.len() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let number: String = digits.chars().take_while(char::is_ascii_digit).collect();
        let written = &line[at..line.len() - digits.len() + number.len()];
        found.push(Unlinked {
            offset: start + at,
            message: format!("\"{written}\" refers to a lesson by its number, which changes when the course is reordered"),
            help: "link to it by id, `[Never hardcode credentials](lesson:no-hardcoded-credentials)`, or name a later lesson in plain words".into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::unlinked;

    fn found(text: &str) -> Vec<(usize, String)> {
        unlinked(text)
            .into_iter()
            .map(|u| (u.offset, u.message))
            .collect()
    }

    #[test]
    fn links_and_ordinary_words_pass() {
        assert!(
            found("See [anatomy](lesson:policy-anatomy#fix-star) and the lessons ahead.")
                .is_empty()
        );
        assert!(found("A lesson: short. Lessons learned. Relesson 5.").is_empty());
        assert!(found("```text\nlesson:policy-anatomy and lesson 3\n```\n").is_empty());
    }

    #[test]
    fn a_target_printed_as_code_is_found() {
        let text = "Read it (`lesson:data-engineering-patterns#lambda-rds-iam-auth`).";
        assert_eq!(
            found(text),
            [(10, "`lesson:data-engineering-patterns#lambda-rds-iam-auth` is printed as text, not a link".to_owned())]
        );
    }

    #[test]
    fn lesson_numbers_are_found_whatever_the_case() {
        let text = "As lesson 5 shows.\nLesson 12 and lessons 3 to 4.";
        let messages: Vec<String> = found(text).into_iter().map(|(_, m)| m).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].starts_with("\"lesson 5\" refers to a lesson by its number"));
        assert!(messages[1].starts_with("\"Lesson 12\""));
        assert!(messages[2].starts_with("\"lessons 3\""));
        assert_eq!(found(text)[1].0, 19);
    }
}
