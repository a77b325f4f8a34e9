//! Every diagnostic the CLI prints, rendered like a compiler message by `annotate-snippets`
//! (as rustc and ruff do): the code, the message, the file and line, the span underlined,
//! then help and notes.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use iamplay_engine::diagnostic::{Diagnostic, Severity};
use iamplay_engine::json::Span;

/// Whether to colour the output: only on a terminal, and never with `NO_COLOR` set.
pub fn colour_for(stream: &impl std::io::IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn renderer(colour: bool) -> Renderer {
    if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::SecurityWarning => Level::WARNING.with_name("security warning"),
        Severity::Warning => Level::WARNING,
        Severity::Suggestion => Level::HELP.with_name("suggestion"),
    }
}

/// Widens an empty span (a missing comma) to the character after it, so the caret shows,
/// and keeps it inside the text and on character boundaries.
fn visible(text: &str, span: Span) -> std::ops::Range<usize> {
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = floor(span.start);
    let mut end = floor(span.end.max(span.start));
    if end == start {
        end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    start..end
}

/// `diagnostic` about `text` (read from `path`), with `notes` (name, text) after its help.
pub fn render(
    path: &str,
    text: &str,
    diagnostic: &dyn Diagnostic,
    notes: &[(&str, String)],
    colour: bool,
) -> String {
    let message = diagnostic.message();
    let help = diagnostic.help();
    let snippet = Snippet::source(text)
        .path(path)
        .annotation(AnnotationKind::Primary.span(visible(text, diagnostic.span())));
    let mut group = level(diagnostic.severity())
        .primary_title(message.as_str())
        .id(diagnostic.code())
        .element(snippet);
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    for (name, note) in notes {
        group = group.element(Level::NOTE.with_name(*name).message(note.as_str()));
    }
    format!("{}\n", renderer(colour).render(&[group]))
}

/// The lines of `span` in `text` under a location header, with no message of their own: the
/// statement a decision came from, shown after the line that says so.
pub fn excerpt(path: &str, text: &str, span: Span, colour: bool) -> String {
    let snippet = Snippet::source(text)
        .path(path)
        .annotation(AnnotationKind::Primary.span(visible(text, span)));
    let group = Group::with_level(Level::NOTE).element(snippet);
    format!("{}\n", renderer(colour).render(&[group]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use iamplay_engine::json;

    #[test]
    fn an_empty_span_still_shows_a_caret() {
        let text = "{\"a\": 1 \"b\": 2}";
        let error = json::parse(text).unwrap_err();
        let out = render("x.json", text, &error, &[], false);
        assert!(out.starts_with("error[json-syntax]: "), "{out}");
        assert!(out.contains(" --> x.json:1:"), "{out}");
        assert!(out.contains('^'), "{out}");
        assert!(!out.contains('\x1b'), "{out}");
        assert_eq!(visible("ab", Span::new(2, 2)), 2..2);
        assert_eq!(visible("aé", Span::new(1, 1)), 1..3);
        assert_eq!(visible("aé", Span::new(2, 9)), 1..3);
    }

    #[test]
    fn help_and_notes_follow_the_snippet() {
        let text = "{\"Version\": 'x'}";
        let error = json::parse(text).unwrap_err();
        let out = render(
            "p.json",
            text,
            &error,
            &[("lesson", "policy-anatomy".into())],
            true,
        );
        assert!(out.contains("double quotes"), "{out}");
        assert!(out.contains("lesson"), "{out}");
        assert!(out.contains("policy-anatomy"), "{out}");
        assert!(out.contains('\x1b'), "{out}");
    }
}
