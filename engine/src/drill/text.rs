//! The JSON a drill is written in: a tiny tree that keeps members in the order an author writes
//! them (`Sid`, `Effect`, `Action`, ...), printed compactly for the case and indented for people.

use std::ops::Range;

#[derive(Debug, Clone)]
pub(super) enum J {
    Str(String),
    List(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    pub fn str(text: impl Into<String>) -> J {
        J::Str(text.into())
    }

    /// One value as a string, several as a list: how policies are usually written.
    pub fn one_or_list(values: &[String]) -> J {
        match values {
            [one] => J::str(one.clone()),
            many => J::List(many.iter().cloned().map(J::Str).collect()),
        }
    }

    pub fn write(&self, out: &mut String, indent: Option<usize>) {
        match self {
            J::Str(text) => quote(text, out),
            J::List(items) => {
                // Lists of strings stay on one line: `"Action": ["s3:GetObject", "s3:PutObject"]`.
                let flat = items.iter().all(|item| matches!(item, J::Str(_)));
                let inner = if flat { None } else { indent.map(|n| n + 1) };
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    separate(out, i, inner, indent.is_some() && flat);
                    item.write(out, inner);
                }
                close(out, inner, indent, ']');
            }
            J::Obj(members) => {
                let inner = indent.map(|n| n + 1);
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    separate(out, i, inner, false);
                    quote(key, out);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    value.write(out, inner);
                }
                close(out, inner, indent, '}');
            }
        }
    }
}

fn separate(out: &mut String, i: usize, inner: Option<usize>, spaced: bool) {
    if i > 0 {
        out.push(',');
        if spaced {
            out.push(' ');
        }
    }
    if let Some(depth) = inner {
        newline(out, depth);
    }
}

fn close(out: &mut String, inner: Option<usize>, outer: Option<usize>, bracket: char) {
    if let (Some(_), Some(depth)) = (inner, outer) {
        newline(out, depth);
    }
    out.push(bracket);
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n("  ", depth));
}

fn quote(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A policy document indented for reading, with the byte range of each statement in it.
pub(super) fn policy_text(statements: &[J]) -> (String, Vec<Range<usize>>) {
    let mut out = String::from("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [");
    let mut ranges = Vec::with_capacity(statements.len());
    for (i, statement) in statements.iter().enumerate() {
        separate(&mut out, i, Some(2), false);
        let start = out.len();
        statement.write(&mut out, Some(2));
        ranges.push(start..out.len());
    }
    out.push_str("\n  ]\n}");
    (out, ranges)
}

pub(super) fn document(statements: Vec<J>) -> J {
    J::Obj(vec![
        ("Version".into(), J::str("2012-10-17")),
        ("Statement".into(), J::List(statements)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement() -> J {
        J::Obj(vec![
            ("Effect".into(), J::str("Allow")),
            (
                "Action".into(),
                J::List(vec![J::str("s3:Get*"), J::str("s3:List*")]),
            ),
            ("Resource".into(), J::str("arn:aws:s3:::raw-data/\"q\"")),
        ])
    }

    #[test]
    fn compact_text_is_valid_json_with_members_in_order() {
        let mut out = String::new();
        document(vec![statement()]).write(&mut out, None);
        assert_eq!(
            out,
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"arn:aws:s3:::raw-data/\"q\""}]}"#
        );
        assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
    }

    #[test]
    fn readable_text_marks_each_statement() {
        let (text, ranges) = policy_text(&[statement(), statement()]);
        assert!(
            serde_json::from_str::<serde_json::Value>(&text).is_ok(),
            "{text}"
        );
        assert_eq!(ranges.len(), 2);
        let first = &text[ranges[0].clone()];
        assert!(
            first.starts_with(
                "{\n      \"Effect\": \"Allow\",\n      \"Action\": [\"s3:Get*\", \"s3:List*\"]"
            ),
            "{first}"
        );
        assert!(first.ends_with("\n    }"), "{first}");
    }
}
