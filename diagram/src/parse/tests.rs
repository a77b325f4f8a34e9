use super::*;

fn errors(source: &str) -> Vec<ParseError> {
    parse(source).expect_err("the diagram has a problem")
}

/// The one error's position and message.
fn only_error(source: &str) -> (usize, usize, String) {
    let errors = errors(source);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    (errors[0].line, errors[0].column, errors[0].message.clone())
}

const ASSUME: &str = r#"title Alice assumes a role
account prod "Production" {
  user alice "Alice"
  role reader "Role data-reader"
}
resource bucket "S3 bucket raw-data"
alice assumes reader "sts:AssumeRole"
reader trusts alice
reader allows bucket "s3:GetObject"
"#;

#[test]
fn a_diagram_reads_into_nodes_boxes_and_edges() {
    let spec = parse(ASSUME).expect("parses");
    assert_eq!(spec.title, "Alice assumes a role");
    assert_eq!(spec.boxes.len(), 1);
    assert_eq!(spec.boxes[0].kind, BoxKind::Account);
    let ids: Vec<&str> = spec.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["alice", "reader", "bucket"]);
    assert_eq!(spec.nodes[0].parent, Some(0));
    assert_eq!(spec.nodes[2].parent, None);
    assert_eq!(spec.edges.len(), 3);
    assert_eq!(spec.edges[0].kind, EdgeKind::Assumes);
    assert_eq!(spec.edges[0].detail.as_deref(), Some("sts:AssumeRole"));
    assert_eq!(spec.edges[1].kind, EdgeKind::Trusts);
    assert_eq!((spec.edges[1].from, spec.edges[1].to), (1, 0));
}

#[test]
fn two_word_verbs_take_a_space_or_a_hyphen_and_edges_may_come_first() {
    let spec = parse(
        "title t\nalice member of devs\nbob member-of devs\nuser alice \"A\"\nuser bob \"B\"\ngroup devs \"D\"\n",
    )
    .expect("parses");
    assert!(spec.edges.iter().all(|e| e.kind == EdgeKind::MemberOf));
}

#[test]
fn labels_keep_escaped_quotes_and_markup_as_text() {
    let spec = parse("title t\nuser a \"say \\\"hi\\\" <b>\"\n").expect("parses");
    assert_eq!(spec.nodes[0].label, "say \"hi\" <b>");
}

#[test]
fn an_unknown_kind_is_named_with_its_position() {
    let (line, column, message) = only_error("title t\n  lambda fn \"Function\"\n");
    assert_eq!((line, column), (2, 3));
    assert_eq!(message, "unknown kind `lambda`");
    let help = errors("title t\nlambda fn \"F\"\n")[0]
        .help
        .clone()
        .unwrap_or_default();
    assert!(help.contains("`role`"), "{help}");
}

#[test]
fn a_dangling_edge_points_at_the_missing_end_and_suggests_a_near_id() {
    let (line, column, message) =
        only_error("title t\nuser alice \"A\"\nrole reader \"R\"\nalice assumes reeder\n");
    assert_eq!((line, column), (4, 15));
    assert_eq!(message, "`reeder` is not a node of this diagram");
    let error = &errors("title t\nuser alice \"A\"\nrole reader \"R\"\nalice assumes reeder\n")[0];
    assert_eq!(error.help.as_deref(), Some("did you mean `reader`?"));
}

#[test]
fn a_duplicate_id_names_the_first_declaration() {
    let (line, column, message) = only_error("title t\nuser a \"A\"\nrole a \"R\"\n");
    assert_eq!((line, column), (3, 6));
    assert_eq!(message, "`a` is already declared on line 2");
}

#[test]
fn an_unknown_relationship_lists_the_known_ones() {
    let errors = errors("title t\nuser a \"A\"\nrole b \"B\"\na reads b\n");
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].line, errors[0].column), (4, 3));
    assert_eq!(errors[0].message, "unknown relationship `reads`");
    assert!(errors[0]
        .help
        .as_deref()
        .unwrap_or_default()
        .contains("`member-of`"));
}

#[test]
fn boxes_must_close_and_edges_join_nodes_not_boxes() {
    let (line, _, message) = only_error("title t\naccount a \"A\" {\nuser u \"U\"\n");
    assert_eq!((line, message.as_str()), (2, "the box `a` is never closed"));
    let (line, _, message) = only_error("title t\n}\nuser u \"U\"\n");
    assert_eq!((line, message.as_str()), (2, "`}` closes no box"));
    let (line, column, message) =
        only_error("title t\naccount a \"A\" {\nuser u \"U\"\n}\nu member of a\n");
    assert_eq!((line, column), (5, 13));
    assert!(message.starts_with("`a` is a box"), "{message}");
}

#[test]
fn an_empty_box_is_an_error() {
    let (line, _, message) = only_error("title t\nuser u \"U\"\naccount a \"A\" {\n}\n");
    assert_eq!((line, message.as_str()), (3, "the box `a` holds no nodes"));
}

#[test]
fn only_accounts_ous_and_organizations_are_boxes() {
    let (line, column, message) = only_error("title t\nrole r \"R\" {\n");
    assert_eq!(
        (line, column, message.as_str()),
        (2, 1, "a `role` cannot be a box")
    );
}

#[test]
fn a_missing_title_an_empty_label_and_a_self_edge_are_errors() {
    let all = errors("user a \"\"\nrole r \"R\"\nr trusts r\n");
    let messages: Vec<&str> = all.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the diagram has no `title`",
            "the label is empty",
            "`r` trusts itself"
        ]
    );
}

#[test]
fn an_unclosed_quote_and_a_keyword_as_id_are_errors() {
    let (_, column, message) = only_error("title t\nuser a \"Alice\n");
    assert_eq!(
        (column, message.as_str()),
        (8, "the quoted label is never closed")
    );
    let (_, column, message) = only_error("title t\nuser role \"R\"\n");
    assert_eq!(
        (column, message.as_str()),
        (6, "`role` is a keyword, not an id")
    );
}

#[test]
fn every_problem_is_reported_in_order() {
    let all = errors("title t\nuser a \"A\"\nuser a \"A\"\nfoo bar\na likes b\n");
    let lines: Vec<usize> = all.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 4, 5]);
}
