use super::*;

fn venn(source: &str) -> VennSpec {
    match parse_block(source).expect("parses") {
        Block::Sets(venn) => venn,
        Block::Graph(spec) => panic!("a graph: {spec:?}"),
    }
}

/// Every error as `line:column: message`.
fn errors(source: &str) -> Vec<String> {
    parse_block(source)
        .expect_err("the diagram has a problem")
        .iter()
        .map(|e| format!("{}:{}: {}", e.line, e.column, e.message))
        .collect()
}

const BOUNDARY: &str = r#"title A boundary caps the identity policy
# Items may come before the sets they name.
item "s3:GetObject" in boundary identity
set identity "Identity policy"
set boundary "Permissions boundary"
region "Allowed: both allow it" in identity boundary
region "Denied: nothing grants it" outside
item "iam:CreateUser" in identity
item "glue:StartJobRun" in boundary
item "ec2:RunInstances" outside
"#;

#[test]
fn sets_regions_and_items_read_with_their_sets_in_order() {
    let venn = venn(BOUNDARY);
    assert_eq!(venn.title, "A boundary caps the identity policy");
    let sets: Vec<(&str, &str)> = venn
        .sets
        .iter()
        .map(|s| (s.id.as_str(), s.label.as_str()))
        .collect();
    assert_eq!(
        sets,
        [
            ("identity", "Identity policy"),
            ("boundary", "Permissions boundary")
        ]
    );
    let items: Vec<(&str, &[usize])> = venn
        .items
        .iter()
        .map(|i| (i.label.as_str(), i.sets.as_slice()))
        .collect();
    assert_eq!(
        items,
        [
            ("s3:GetObject", &[0, 1][..]),
            ("iam:CreateUser", &[0][..]),
            ("glue:StartJobRun", &[1][..]),
            ("ec2:RunInstances", &[][..]),
        ]
    );
    assert_eq!(venn.regions.len(), 2);
    assert_eq!(venn.regions[0].sets, [0, 1]);
    assert_eq!(venn.regions[1].sets, Vec::<usize>::new());
    assert_eq!(venn.regions[1].label, "Denied: nothing grants it");
    assert_eq!(venn.check(), Ok(()));
}

#[test]
fn an_unknown_set_is_named_at_its_column_with_a_near_id() {
    let source = "title t\nset identity \"I\"\nset boundary \"B\"\nitem \"s3:GetObject\" in identity bondary\nregion \"R\" in idenity\n";
    assert_eq!(
        errors(source),
        [
            "4:33: `bondary` is not a set of this diagram",
            "5:15: `idenity` is not a set of this diagram",
        ]
    );
    let all = parse_block(source).expect_err("unknown sets");
    assert_eq!(all[0].help.as_deref(), Some("did you mean `boundary`?"));
}

#[test]
fn a_duplicate_set_id_names_the_first_declaration() {
    assert_eq!(
        errors("title t\nset a \"A\"\nset a \"Again\"\nset b \"B\"\n"),
        ["3:5: `a` is already declared on line 2"]
    );
}

#[test]
fn a_third_set_is_refused_where_it_is_declared() {
    assert_eq!(
        errors("title t\nset a \"A\"\nset b \"B\"\n  set c \"C\"\n"),
        ["4:3: a third `set`: a diagram overlaps two sets"]
    );
}

#[test]
fn one_set_is_not_enough() {
    assert_eq!(
        errors("title t\nset a \"A\"\nitem \"x\" in a\n"),
        ["2:1: a diagram of sets needs two `set` lines; it has 1"]
    );
}

#[test]
fn sets_and_nodes_do_not_mix_either_way() {
    assert_eq!(
        errors("title t\nset a \"A\"\nset b \"B\"\nuser u \"U\"\nu assumes r\n}\n"),
        [
            "4:1: nodes and edges among sets; line 2 starts a diagram of sets",
            "5:1: nodes and edges among sets; line 2 starts a diagram of sets",
            "6:1: nodes and edges among sets; line 2 starts a diagram of sets",
        ]
    );
    assert_eq!(
        errors("title t\nuser u \"U\"\nrole r \"R\"\n  set a \"A\"\n"),
        ["4:3: a set among nodes and edges; line 2 starts a diagram of nodes"]
    );
}

#[test]
fn an_item_is_placed_once_a_region_labelled_once_and_a_set_named_once() {
    assert_eq!(
        errors(
            "title t\nset a \"A\"\nset b \"B\"\nitem \"x\" in a\nitem \"x\" in b\nregion \"R\" in a b\nregion \"S\" in b a\nitem \"y\" in a a\n"
        ),
        [
            "5:6: `x` is already placed on line 4",
            "7:1: this region already has a label, on line 6",
            "8:15: `a` is named twice",
        ]
    );
}

#[test]
fn an_item_or_region_says_where_it_is_in_one_way() {
    let shapes = [
        "item s3 in a",
        "item \"x\"",
        "item \"x\" in",
        "region \"x\" inside a",
        "item \"x\" in a \"b\"",
    ];
    for shape in shapes {
        let source = format!("title t\nset a \"A\"\nset b \"B\"\n{shape}\n");
        let all = errors(&source);
        assert_eq!(all.len(), 1, "{shape}: {all:?}");
        assert!(
            all[0].starts_with("4:1: a")
                && all[0].ends_with("line needs a quoted label, then where it is"),
            "{shape}: {all:?}"
        );
    }
}

#[test]
fn a_keyword_is_not_a_set_id_and_a_set_needs_a_label() {
    assert_eq!(
        errors("title t\nset in \"A\"\nset b B\nset c \"C\"\nset d \"D\"\n"),
        [
            "2:5: `in` is a keyword, not an id",
            "3:1: a `set` line needs an id and a quoted label",
        ]
    );
}

#[test]
fn the_graph_parser_refuses_sets() {
    let all = parse(BOUNDARY).expect_err("sets are not a graph");
    assert_eq!(
        all[0].message,
        "this diagram draws sets, not nodes and edges"
    );
}
