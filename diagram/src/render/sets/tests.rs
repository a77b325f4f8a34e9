use super::*;
use crate::{layout_sets, parse_block, Block};

fn figure(source: &str) -> Figure {
    let Ok(Block::Sets(spec)) = parse_block(source) else {
        panic!("a sets diagram")
    };
    render_sets(&layout_sets(&spec).expect("lays out"), "d2")
}

const BOUNDARY: &str = r#"title A boundary caps the identity policy
set identity "Identity policy"
set boundary "Permissions boundary"
region "allowed." in identity boundary
region "denied: the boundary does not allow it" in identity
region "denied: no identity policy grants it" in boundary
item "s3:GetObject" in identity boundary
item "iam:CreateUser" in identity
item "ec2:RunInstances" outside
"#;

#[test]
fn the_svg_holds_every_set_every_item_and_the_text_alternative() {
    let figure = figure(BOUNDARY);
    let svg = &figure.svg;
    assert_eq!(svg.attribute("role"), Some("img"));
    assert_eq!(svg.attribute("aria-labelledby"), Some("d2-title d2-desc"));
    let elements = svg.descendants();
    let text_of = |class: &str| -> Vec<String> {
        elements
            .iter()
            .filter(|e| e.attribute("class") == Some(class))
            .map(|e| e.text_content())
            .collect()
    };
    let title = elements
        .iter()
        .find(|e| e.name == "title")
        .expect("a title");
    assert_eq!(title.text_content(), "A boundary caps the identity policy");
    assert_eq!(
        text_of("dg-set-label"),
        ["Identity policy", "Permissions boundary"]
    );
    assert_eq!(
        text_of("dg-item-label"),
        ["iam:CreateUser", "s3:GetObject", "ec2:RunInstances"]
    );
    // A heading's lines are its tspans.
    let headings: Vec<String> = elements
        .iter()
        .filter(|e| e.attribute("class") == Some("dg-region-label"))
        .map(|e| {
            let lines: Vec<String> = e.descendants()[1..]
                .iter()
                .map(|t| t.text_content())
                .collect();
            lines.join(" ")
        })
        .collect();
    assert_eq!(
        headings,
        [
            "denied: the boundary does not allow it",
            "allowed.",
            "denied: no identity policy grants it",
            "In neither set"
        ]
    );
    let regions: Vec<&str> = elements
        .iter()
        .filter_map(|e| e.attribute("data-region"))
        .collect();
    assert_eq!(regions, ["1", "1 2", "2", "outside"]);
    assert_eq!(
        elements
            .iter()
            .filter(|e| e.attribute("class") == Some("dg-overlap"))
            .count(),
        1
    );

    assert_eq!(
        figure.words,
        [
            "The sets Identity policy and Permissions boundary overlap.",
            "iam:CreateUser is only in Identity policy: denied: the boundary does not allow it.",
            "s3:GetObject is in both Identity policy and Permissions boundary: allowed.",
            "Nothing is only in Permissions boundary: denied: no identity policy grants it.",
            "ec2:RunInstances is in neither Identity policy nor Permissions boundary.",
        ]
    );
    let desc = elements.iter().find(|e| e.name == "desc").expect("a desc");
    assert_eq!(desc.text_content(), figure.words.join(" "));
}

#[test]
fn the_sets_differ_by_outline_as_well_as_colour() {
    let figure = figure(BOUNDARY);
    let shapes: Vec<Option<&str>> = figure
        .svg
        .descendants()
        .into_iter()
        .filter(|e| {
            e.attribute("class")
                .is_some_and(|c| c.starts_with("dg-set dg-set-"))
        })
        .map(|set| set.descendants()[1].attribute("stroke-dasharray"))
        .collect();
    assert_eq!(shapes, [None, Some("8 4")]);
}

#[test]
fn lesson_text_in_sets_never_becomes_markup() {
    let figure = figure(
        "title <b>t</b>\nset a \"<script>alert(1)</script>\"\nset b \"B & C\"\nitem \"<img src=x onerror=alert(1)>\" in a b\n",
    );
    let markup = figure.svg.to_markup();
    assert!(!markup.contains("<script"), "{markup}");
    assert!(!markup.contains("<img"), "{markup}");
    assert!(markup.contains("B &amp; C"));
    let names: Vec<&str> = figure.svg.descendants().iter().map(|e| e.name).collect();
    assert!(names
        .iter()
        .all(|n| ["svg", "title", "desc", "g", "rect", "text", "tspan"].contains(n)));
}
