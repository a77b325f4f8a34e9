//! How much of an explanation is kept, so that any input gets an answer of bounded size.
//!
//! A case may list 20,000 request values or 100,000 policy values; an explanation that showed
//! every comparison would be larger than anyone can read (gigabytes for such a case). Lists are
//! cut to their first entries and say how many more there were; long texts keep their start.

/// Values, comparisons and statements kept per list of an explanation; the rest are counted.
pub const SHOWN_VALUES: usize = 20;

/// Characters kept of one text in an explanation (a policy value, an ARN, a note).
pub const SHOWN_CHARS: usize = 300;

/// The largest explanation, serialised as JSON, in bytes.
pub const EXPLANATION_BYTES: usize = 1024 * 1024;

/// `text` cut to [`SHOWN_CHARS`] characters, saying how many were left out.
pub fn shorten(text: &str) -> std::borrow::Cow<'_, str> {
    // No more bytes than the limit means no more characters: nothing to count.
    if text.len() <= SHOWN_CHARS {
        return text.into();
    }
    match text.char_indices().nth(SHOWN_CHARS) {
        None => text.into(),
        Some((end, _)) => {
            let rest = text[end..].chars().count();
            format!("{}… ({rest} more characters)", &text[..end]).into()
        }
    }
}
