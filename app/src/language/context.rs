//! Where in a policy's JSON the cursor is: inside which key or value, under which path. A
//! forgiving scan, because the text being typed is almost never valid JSON.

use super::scan::{Frame, Scan, Token};

/// What the cursor is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CursorContext {
    /// Member keys from the document root to the object holding the cursor, e.g.
    /// `["Statement", "Condition", "StringEquals"]` (array levels are skipped).
    pub path: Vec<String>,
    pub slot: Slot,
    /// The text typed inside the string before the cursor.
    pub typed: String,
    /// Byte offset where the string's content starts (after the opening quote).
    pub start: usize,
    /// Byte offset where the string's content ends (before the closing quote, if any).
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A member key of the object at `path`.
    Key,
    /// The value (or an array element of the value) of this member of the object at `path`.
    Value(String),
}

/// The context of the cursor at byte `offset`, when it is inside a string.
pub fn context_at(text: &str, offset: usize) -> Option<CursorContext> {
    let offset = offset.min(text.len());
    let mut scan = Scan::new(text);
    while let Some(token) = scan.next_token() {
        if token.at() >= offset {
            break;
        }
        if let Token::Text {
            start, end, is_key, ..
        } = token
        {
            if (start..=end).contains(&offset) {
                return Some(located(text, scan.stack(), is_key, start, end, offset));
            }
        }
    }
    None
}

/// The values of `Action` in the statement object around byte `offset`, read from any text,
/// valid JSON or not (the statement being typed rarely parses).
pub fn statement_actions_at(text: &str, offset: usize) -> Vec<String> {
    // (depth of the statement object, its start, its action values)
    let mut statements: Vec<(usize, usize, Vec<String>)> = Vec::new();
    let mut found = Vec::new();
    let mut scan = Scan::new(text);
    while let Some(token) = scan.next_token() {
        let stack = scan.stack();
        match token {
            Token::Text {
                content,
                is_key: false,
                ..
            } => {
                if let Some(statement) = statements.last_mut() {
                    let member = match stack.last() {
                        Some(f) if f.object && stack.len() == statement.0 => f.member.as_deref(),
                        Some(f) if !f.object && stack.len() == statement.0 + 1 => f.key.as_deref(),
                        _ => None,
                    };
                    if member == Some("Action") {
                        statement.2.push(content.to_owned());
                    }
                }
            }
            Token::Open {
                at,
                object: true,
                key,
            } if key.as_deref() == Some("Statement") && stack.len() <= 2 => {
                statements.push((stack.len() + 1, at, Vec::new()));
            }
            Token::Close { at } if statements.last().is_some_and(|s| s.0 == stack.len()) => {
                if let Some((_, start, actions)) = statements.pop() {
                    if start <= offset && offset <= at {
                        found = actions;
                    }
                }
            }
            Token::Text { .. } | Token::Open { .. } | Token::Close { .. } => {}
        }
    }
    // An unclosed statement that holds the cursor (the usual case while typing).
    if let Some((_, start, actions)) = statements.pop() {
        if start <= offset {
            found = actions;
        }
    }
    found
}

fn located(
    text: &str,
    stack: &[Frame],
    is_key: bool,
    start: usize,
    end: usize,
    offset: usize,
) -> CursorContext {
    let mut path: Vec<String> = Vec::new();
    for frame in stack.iter().skip(1) {
        if let Some(key) = &frame.key {
            path.push(key.clone());
        }
    }
    // Arrays repeat their key on the object inside them; keep each member name once.
    path.dedup();
    let slot = match (is_key, stack.last()) {
        (true, _) => Slot::Key,
        (false, Some(frame)) if frame.object => {
            Slot::Value(frame.member.clone().unwrap_or_default())
        }
        (false, Some(frame)) => {
            // An array element: the value of the array's member.
            let key = frame.key.clone().unwrap_or_default();
            if path.last() == Some(&key) {
                path.pop();
            }
            Slot::Value(key)
        }
        (false, None) => Slot::Value(String::new()),
    };
    CursorContext {
        path,
        slot,
        typed: text.get(start..offset).unwrap_or("").to_owned(),
        start,
        end: end.min(text.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The context at the `|` in `marked`, which is removed from the text.
    fn at(marked: &str) -> Option<CursorContext> {
        let offset = marked.find('|').expect("a cursor mark");
        let text = marked.replacen('|', "", 1);
        context_at(&text, offset)
    }

    fn path(context: &CursorContext) -> Vec<&str> {
        context.path.iter().map(String::as_str).collect()
    }

    #[test]
    fn a_top_level_key() {
        let c = at(r#"{"Ver|"#).expect("in a string");
        assert_eq!(
            (&c.slot, c.typed.as_str(), c.path.len()),
            (&Slot::Key, "Ver", 0)
        );
    }

    #[test]
    fn a_statement_key_inside_the_statement_array() {
        let c = at(r#"{"Statement": [{"Effect": "Allow", "Ac|"}]}"#).expect("in a string");
        assert_eq!(c.slot, Slot::Key);
        assert_eq!(path(&c), ["Statement"]);
        assert_eq!(c.typed, "Ac");
    }

    #[test]
    fn an_action_value_single_or_in_a_list() {
        let single = at(r#"{"Statement": {"Action": "s3:Get|"#).expect("in a string");
        assert_eq!(single.slot, Slot::Value("Action".into()));
        assert_eq!(path(&single), ["Statement"]);
        assert_eq!(single.typed, "s3:Get");
        let listed =
            at(r#"{"Statement": [{"Action": ["s3:GetObject", "s3:Put|"]}]}"#).expect("in a string");
        assert_eq!(listed.slot, Slot::Value("Action".into()));
        assert_eq!(path(&listed), ["Statement"]);
        assert_eq!(listed.typed, "s3:Put");
    }

    #[test]
    fn a_condition_key_under_its_operator() {
        let c = at("{\"Statement\": [{\"Condition\": {\"StringEquals\": {\"aws:Pr|\": \"x\"}}}]}")
            .expect("in a string");
        assert_eq!(c.slot, Slot::Key);
        assert_eq!(path(&c), ["Statement", "Condition", "StringEquals"]);
        assert_eq!(c.typed, "aws:Pr");
    }

    #[test]
    fn a_principal_service_value_and_an_effect_value() {
        let c = at(r#"{"Statement": [{"Principal": {"Service": "lam|"}}]}"#).expect("in a string");
        assert_eq!(c.slot, Slot::Value("Service".into()));
        assert_eq!(path(&c), ["Statement", "Principal"]);
        let effect = at(r#"{"Statement": [{"Sid": "a,b{", "Effect": "|"}]}"#).expect("string");
        assert_eq!(effect.slot, Slot::Value("Effect".into()));
    }

    #[test]
    fn outside_strings_there_is_no_context_and_escapes_are_skipped() {
        assert_eq!(at(r#"{"Version": |"#), None);
        let c = at(r#"{"Sid": "a\"b", "Act|"#).expect("in a string");
        assert_eq!(c.slot, Slot::Key);
        assert_eq!(c.typed, "Act");
    }

    #[test]
    fn the_actions_of_the_statement_around_the_cursor_even_unfinished() {
        let text = r#"{"Statement": [{"Action": "s3:PutObject"}, {"Action": ["s3:GetObject", "s3:List*"], "Condition": {"StringEquals": {"#;
        assert_eq!(
            statement_actions_at(text, text.len()),
            ["s3:GetObject", "s3:List*"]
        );
        assert_eq!(statement_actions_at(text, 20), ["s3:PutObject"]);
        let single = r#"{"Statement": {"Action": "iam:PassRole", "Resource": ""}}"#;
        assert_eq!(
            statement_actions_at(single, single.len() - 4),
            ["iam:PassRole"]
        );
    }

    #[test]
    fn the_range_covers_the_whole_string_content() {
        let text = r#"{"Action": "s3:GetObject"}"#;
        let c = context_at(text, 15).expect("in a string");
        assert_eq!(&text[c.start..c.end], "s3:GetObject");
        assert_eq!(c.typed, "s3:");
    }
}
