//! Turning a problem's field path (`scenarios[fix-star].checks[0].expect`) into a line and
//! column in the file, so every problem points at the text to change.

use iamplay_engine::json::{self, Json, LineIndex};

/// The 1-based line and column of the deepest part of `field` present in `text`: a missing
/// field points at the object that should hold it. `[n]` is a list index, `[id]` the list item
/// whose `id` is `id`.
pub(crate) fn locate(text: &str, field: &str) -> Option<(usize, usize)> {
    let root = json::parse(text).ok()?;
    let mut current: &Json = &root;
    let mut offset = root.span.start;
    for segment in segments(field) {
        let next = match segment {
            Segment::Key(key) => current
                .as_object()
                .and_then(|members| members.iter().find(|m| m.key == key))
                .map(|member| (member.key_span.start, &member.value)),
            Segment::Item(item) => current.as_array().and_then(|items| {
                let found = match item.parse::<usize>() {
                    Ok(index) => items.get(index),
                    Err(_) => items
                        .iter()
                        .find(|i| i.get("id").and_then(Json::as_str) == Some(item)),
                };
                found.map(|json| (json.span.start, json))
            }),
        };
        let Some((at, json)) = next else {
            break;
        };
        offset = at;
        current = json;
    }
    let position = LineIndex::new(text).position(offset);
    Some((position.line, position.column))
}

enum Segment<'a> {
    Key(&'a str),
    Item(&'a str),
}

fn segments(field: &str) -> Vec<Segment<'_>> {
    let mut found = Vec::new();
    for part in field.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            found.push(Segment::Key(key));
        }
        while let Some((item, after)) = rest.split_once(']') {
            found.push(Segment::Item(item));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::locate;

    const TEXT: &str = "{\n  \"id\": \"a\",\n  \"scenarios\": [\n    {\"id\": \"one\", \"checks\": [{\"id\": \"c\", \"expect\": \"x\"}]}\n  ]\n}";

    #[test]
    fn paths_by_key_index_and_id() {
        assert_eq!(locate(TEXT, "id"), Some((2, 3)));
        assert_eq!(locate(TEXT, "scenarios[0]"), Some((4, 5)));
        assert_eq!(
            locate(TEXT, "scenarios[one].checks[c].expect"),
            Some((4, 42))
        );
        assert_eq!(
            locate(TEXT, "scenarios[one].checks[0].expect"),
            Some((4, 42))
        );
    }

    #[test]
    fn a_missing_field_points_at_its_parent() {
        assert_eq!(locate(TEXT, "scenarios[one].hints"), Some((4, 5)));
        assert_eq!(locate("not json", "id"), None);
    }
}
