//! Which resource types an ARN (or an ARN pattern from a `Resource` element) can name.
//!
//! An ARN template such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}` is read part by
//! part (partition, service, region, account, resource), and each `${...}` stands for a
//! non-empty run of characters within its part. Placeholders are first read strictly: no `/` or
//! `:` inside an identifier, except a final path placeholder after a `/` (`${ObjectName}`,
//! `${RoleNameWithPath}`), so that `arn:aws:s3:::bucket/key` is an `object` and not also a
//! `bucket`. Only when no template matches strictly are placeholders read loosely (any
//! characters), because some identifiers do contain `/` (`log-group:/aws/lambda/app`).
//!
//! The input may itself be a pattern: its `*` and `?` are wildcards (confined to their part, as
//! in IAM's ARN matching) and `${...}` policy variables stand for any text. The question is then
//! whether some ARN matches both.

use super::{Catalog, ResourceTypeRef};

impl Catalog {
    /// The resource types `arn` can name. `*` names every resource type.
    pub fn resource_types_for_arn(&self, arn: &str) -> Vec<ResourceTypeRef<'_>> {
        if arn == "*" {
            return self
                .services()
                .iter()
                .flat_map(|s| s.resource_types())
                .collect();
        }
        let remembered = self
            .arn_types
            .lock()
            .ok()
            .and_then(|known| known.get(arn).cloned());
        let indexes = remembered.unwrap_or_else(|| {
            let found = self.find_resource_types(arn);
            if let Ok(mut known) = self.arn_types.lock() {
                // Learners type ARNs one character at a time: forget them all now and then
                // rather than grow without bound.
                if known.len() >= REMEMBERED_ARNS {
                    known.clear();
                }
                known.insert(arn.to_owned(), found.clone());
            }
            found
        });
        indexes
            .into_iter()
            .filter_map(|(service, resource_type)| {
                self.services()
                    .get(service)?
                    .resource_types()
                    .nth(resource_type)
            })
            .collect()
    }

    /// [`Catalog::resource_types_for_arn`] worked out, as (service, resource type) indexes.
    fn find_resource_types(&self, arn: &str) -> Vec<(usize, usize)> {
        let Some(input) = split_arn(arn) else {
            return Vec::new();
        };
        let input: Vec<Vec<Token>> = input.iter().map(|part| pattern_tokens(part)).collect();
        let candidates: Vec<((usize, usize), ResourceTypeRef<'_>)> = self
            .services()
            .iter()
            .enumerate()
            .filter(|(_, s)| could_match(&input[2], s.prefix()))
            .flat_map(|(index, s)| {
                s.resource_types()
                    .enumerate()
                    .map(move |(type_index, t)| ((index, type_index), t))
            })
            .collect();
        for mode in [Mode::Strict, Mode::Loose] {
            let matching: Vec<(usize, usize)> = candidates
                .iter()
                .filter(|(_, t)| template_matches(t.arn_template(), &input, mode))
                .map(|(indexes, _)| *indexes)
                .collect();
            if !matching.is_empty() {
                return matching;
            }
        }
        Vec::new()
    }
}

/// How many ARNs [`Catalog::resource_types_for_arn`] remembers before it starts again.
pub(super) const REMEMBERED_ARNS: usize = 512;

impl Catalog {
    /// Whether `arn` names `resource_type` with every placeholder read strictly: when true, the
    /// type is among [`Catalog::resource_types_for_arn`]'s answer. A quick test for the usual
    /// case (added for lint, which asks it for every action and resource of a policy).
    pub fn arn_matches_type_strictly(
        &self,
        arn: &str,
        resource_type: &ResourceTypeRef<'_>,
    ) -> bool {
        if arn == "*" {
            return true;
        }
        let Some(input) = split_arn(arn) else {
            return false;
        };
        let input: Vec<Vec<Token>> = input.iter().map(|part| pattern_tokens(part)).collect();
        template_matches(resource_type.arn_template(), &input, Mode::Strict)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Strict,
    Loose,
}

/// One position of a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Char(char),
    /// Any one character (`?`).
    One,
    /// Any run of characters, possibly empty (`*`, a policy variable).
    Run,
    /// Any one character except `/` and `:` (part of a strict placeholder).
    OneNoSeparator,
    /// Any run except `/` and `:` (part of a strict placeholder).
    RunNoSeparator,
}

/// `arn:partition:service:region:account:resource`, split at the first five colons.
fn split_arn(arn: &str) -> Option<[&str; 6]> {
    let mut parts = arn.splitn(6, ':');
    let mut out = [""; 6];
    for slot in &mut out {
        *slot = parts.next()?;
    }
    Some(out)
}

/// Tokens of an input ARN part: `*`, `?` and `${...}` are wildcards.
fn pattern_tokens(part: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(part.len());
    let mut rest = part;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("${") {
            if let Some(end) = rest.find('}') {
                tokens.push(Token::Run);
                rest = &rest[end + 1..];
                continue;
            }
        }
        tokens.push(match c {
            '*' => Token::Run,
            '?' => Token::One,
            c => Token::Char(c),
        });
        rest = &rest[c.len_utf8()..];
    }
    tokens
}

/// Tokens of a template part: each `${...}` is one or more characters.
fn template_tokens(part: &str, mode: Mode, is_resource: bool) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(part.len());
    let mut rest = part;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("${") {
            if let Some(end) = rest.find('}') {
                let after = &rest[end + 1..];
                let path_like = is_resource
                    && after.is_empty()
                    && tokens.last() == Some(&Token::Char('/'))
                    && names_a_path(&rest[2..end]);
                let (one, run) = if mode == Mode::Loose || path_like {
                    (Token::One, Token::Run)
                } else {
                    (Token::OneNoSeparator, Token::RunNoSeparator)
                };
                tokens.push(one);
                tokens.push(run);
                rest = after;
                continue;
            }
        }
        tokens.push(Token::Char(c));
        rest = &rest[c.len_utf8()..];
    }
    tokens
}

/// Placeholders whose values are paths (`${RoleNameWithPath}`, `${ObjectName}`, an S3 key).
fn names_a_path(placeholder: &str) -> bool {
    placeholder.contains("Path") || placeholder == "ObjectName"
}

/// Whether the input's service part can be `prefix`.
fn could_match(service: &[Token], prefix: &str) -> bool {
    let literal: Vec<Token> = prefix.chars().map(Token::Char).collect();
    intersects(service, &literal)
}

fn template_matches(template: &str, input: &[Vec<Token>], mode: Mode) -> bool {
    let Some(parts) = split_arn(template) else {
        return false;
    };
    parts
        .iter()
        .zip(input)
        .enumerate()
        .all(|(index, (part, tokens))| {
            let template = template_tokens(part, mode, index == 5);
            intersects(&template, tokens)
        })
}

/// Whether some text matches both token sequences.
fn intersects(a: &[Token], b: &[Token]) -> bool {
    // reachable[i * width + j]: a[..i] and b[..j] can produce the same text.
    let width = b.len() + 1;
    let mut reachable = vec![false; (a.len() + 1) * width];
    reachable[0] = true;
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            if !reachable[i * width + j] {
                continue;
            }
            let x = a.get(i).copied();
            let y = b.get(j).copied();
            if let Some(run) = x.filter(|t| is_run(*t)) {
                reachable[(i + 1) * width + j] = true; // a's run ends here
                if y.is_some_and(|c| !is_run(c) && run_accepts(run, c)) {
                    reachable[i * width + j + 1] = true; // a's run absorbs b's character
                }
            }
            if let Some(run) = y.filter(|t| is_run(*t)) {
                reachable[i * width + j + 1] = true;
                if x.is_some_and(|c| !is_run(c) && run_accepts(run, c)) {
                    reachable[(i + 1) * width + j] = true;
                }
            }
            if let (Some(x), Some(y)) = (x, y) {
                if !is_run(x) && !is_run(y) && same_char(x, y) {
                    reachable[(i + 1) * width + j + 1] = true;
                }
            }
        }
    }
    reachable[a.len() * width + b.len()]
}

fn is_run(token: Token) -> bool {
    matches!(token, Token::Run | Token::RunNoSeparator)
}

fn is_separator(c: char) -> bool {
    c == '/' || c == ':'
}

/// Whether a run can contain the character `token` stands for.
fn run_accepts(run: Token, token: Token) -> bool {
    match (run, token) {
        (Token::RunNoSeparator, Token::Char(c)) => !is_separator(c),
        _ => true,
    }
}

/// Whether two single-character tokens can stand for the same character.
fn same_char(x: Token, y: Token) -> bool {
    match (x, y) {
        (Token::Char(a), Token::Char(b)) => a == b,
        (Token::OneNoSeparator, Token::Char(c)) | (Token::Char(c), Token::OneNoSeparator) => {
            !is_separator(c)
        }
        _ => true,
    }
}

#[cfg(all(test, feature = "embedded-catalog"))]
mod tests {
    use super::super::Catalog;

    fn types(arn: &str) -> Vec<String> {
        let mut found: Vec<String> = Catalog::embedded()
            .resource_types_for_arn(arn)
            .iter()
            .map(|t| format!("{}:{}", t.service().prefix(), t.name()))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn s3_buckets_and_objects_are_told_apart() {
        assert_eq!(types("arn:aws:s3:::my-bucket"), ["s3:bucket"]);
        assert_eq!(
            types("arn:aws:s3:::my-bucket/photos/cat.jpg"),
            ["s3:object"]
        );
        assert_eq!(types("arn:aws:s3:::my-bucket/*"), ["s3:object"]);
        assert_eq!(types("arn:aws:s3:::${aws:username}/*"), ["s3:object"]);
        let any_s3 = types("arn:aws:s3:::*");
        assert!(any_s3.contains(&"s3:bucket".to_string()));
        assert!(any_s3.contains(&"s3:object".to_string()));
    }

    #[test]
    fn iam_paths_and_identifiers_with_slashes() {
        assert_eq!(
            types("arn:aws:iam::123456789012:role/service/app"),
            ["iam:role"]
        );
        assert_eq!(types("arn:aws:iam::123456789012:user/alice"), ["iam:user"]);
        let log_group = types("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/app");
        assert_eq!(log_group, ["logs:log-group"]);
    }

    #[test]
    fn qualified_names_and_sub_resources() {
        let function = "arn:aws:lambda:us-east-1:123456789012:function:my-fn";
        assert_eq!(types(function), ["lambda:function"]);
        let qualified = types("arn:aws:lambda:us-east-1:123456789012:function:my-fn:1");
        assert!(
            qualified.contains(&"lambda:function version".to_string()),
            "{qualified:?}"
        );
        assert!(
            !qualified.contains(&"lambda:function".to_string()),
            "{qualified:?}"
        );
        let table = "arn:aws:dynamodb:us-east-1:123456789012:table/Books";
        assert_eq!(types(table), ["dynamodb:table"]);
        let index = types("arn:aws:dynamodb:us-east-1:123456789012:table/Books/index/ByAuthor");
        assert_eq!(index, ["dynamodb:index"]);
        // Identifiers with `/` that the templates do not call paths: read loosely.
        let secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";
        assert_eq!(types(secret), ["secretsmanager:Secret"]);
        let parameter = "arn:aws:ssm:us-east-1:123456789012:parameter/app/prod/url";
        assert_eq!(types(parameter), ["ssm:parameter"]);
    }

    #[test]
    fn parts_do_not_leak_into_each_other() {
        assert!(!types("arn:aws:s3:us-east-1::bucket").contains(&"s3:bucket".to_string()));
        assert!(types("arn:aws:ec2:us-east-1:123456789012:instance/i-0abc")
            .contains(&"ec2:instance".to_string()));
        assert!(types("arn:aws:nosuch:::x").is_empty());
        assert!(types("not an arn").is_empty());
        assert!(types("*").len() > 2000);
    }
}
