use super::*;
use crate::{layout, parse};

const LAKE: &str = r#"title A role in the data account trusted by the analytics account
organization org "Example organization" {
  account data "Data lake 111122223333" {
    role reader "Role lake-reader"
    resource lake "S3 bucket lake-raw"
  }
  account analytics "Analytics 444455556666" {
    user ana "Ana <analyst>"
  }
}
policy trust "Trust policy of lake-reader"
ana assumes reader "sts:AssumeRole"
reader trusts ana
trust attached to reader
reader allows lake "s3:GetObject"
"#;

fn figure(source: &str, states: &[EdgeState]) -> Figure {
    let spec = parse(source).expect("parses");
    let diagram = layout(&spec).expect("lays out");
    render(&diagram, "d1", states)
}

#[test]
fn the_svg_holds_every_node_every_edge_label_and_the_text_alternative() {
    let figure = figure(LAKE, &[]);
    let svg = &figure.svg;
    assert_eq!(svg.attribute("role"), Some("img"));
    assert_eq!(svg.attribute("aria-labelledby"), Some("d1-title d1-desc"));
    let elements = svg.descendants();
    let by_class = |class: &str| {
        elements
            .iter()
            .filter(|e| {
                e.attribute("class")
                    .is_some_and(|c| c.split(' ').any(|c| c == class))
            })
            .count()
    };
    assert_eq!(by_class("dg-node"), 4);
    assert_eq!(by_class("dg-edge"), 4);
    assert_eq!(by_class("dg-box"), 3);
    let title = elements
        .iter()
        .find(|e| e.name == "title")
        .expect("a title");
    assert_eq!(
        title.text_content(),
        "A role in the data account trusted by the analytics account"
    );

    let text = svg.text_content();
    for label in [
        "Role lake-reader",
        "S3 bucket lake-raw",
        "Ana <analyst>",
        "Trust policy of",
    ] {
        assert!(text.contains(label), "{label} in {text}");
    }
    for edge_label in [
        "assumes sts:AssumeRole",
        "trusts",
        "attached to",
        "allows s3:GetObject",
    ] {
        assert!(
            elements
                .iter()
                .any(|e| e.attribute("class") == Some("dg-edge-label")
                    && e.text_content() == edge_label),
            "edge label {edge_label}"
        );
    }

    assert_eq!(
        figure.words,
        [
            "The account Data lake 111122223333 is in the organization Example organization.",
            "The account Analytics 444455556666 is in the organization Example organization.",
            "Role lake-reader (IAM role) is in the account Data lake 111122223333.",
            "S3 bucket lake-raw (resource) is in the account Data lake 111122223333.",
            "Ana <analyst> (IAM user) is in the account Analytics 444455556666.",
            "Ana <analyst> (IAM user) assumes Role lake-reader (IAM role): sts:AssumeRole.",
            "Role lake-reader (IAM role) trusts Ana <analyst> (IAM user).",
            "Trust policy of lake-reader (policy) is attached to Role lake-reader (IAM role).",
            "Role lake-reader (IAM role) allows S3 bucket lake-raw (resource): s3:GetObject.",
        ]
    );
    let desc = elements.iter().find(|e| e.name == "desc").expect("a desc");
    assert_eq!(desc.text_content(), figure.words.join(" "));
}

#[test]
fn lesson_text_never_becomes_markup() {
    let figure = figure(
        "title <script>alert(1)</script>\nuser a \"<img src=x onerror=alert(1)>\"\nrole b \"B & C\"\na assumes b \"</text><script>\"\n",
        &[],
    );
    let markup = figure.svg.to_markup();
    assert!(!markup.contains("<script"), "{markup}");
    assert!(!markup.contains("<img"), "{markup}");
    assert!(markup.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(markup.contains("B &amp; C"));
    let names: Vec<&str> = figure.svg.descendants().iter().map(|e| e.name).collect();
    assert!(names.iter().all(|n| [
        "svg", "title", "desc", "defs", "marker", "path", "g", "rect", "text", "tspan"
    ]
    .contains(n)));
}

#[test]
fn a_live_check_shows_its_verdict_by_icon_words_class_and_dashes() {
    let source = "title Checks\nuser a \"Alice\"\nresource b \"Bucket\"\na requests b \"s3:GetObject\"\na requests b \"s3:PutObject\"\n";
    let states = [
        EdgeState::Allowed,
        EdgeState::Denied {
            by: "the permissions boundary".into(),
        },
    ];
    let figure = figure(source, &states);
    let edges: Vec<&Element> = figure
        .svg
        .descendants()
        .into_iter()
        .filter(|e| e.attribute("data-edge").is_some())
        .collect();
    assert_eq!(
        edges[0].attribute("class"),
        Some("dg-edge dg-edge-requests dg-allowed")
    );
    assert_eq!(edges[0].text_content(), "s3:GetObject ✓ allowed");
    assert_eq!(
        edges[1].attribute("class"),
        Some("dg-edge dg-edge-requests dg-denied")
    );
    assert_eq!(
        edges[1].text_content(),
        "s3:PutObject ✗ denied by the permissions boundary"
    );
    let path = edges[1].descendants()[1];
    assert_eq!(path.attribute("stroke-dasharray"), Some("5 4"));
    assert_eq!(path.attribute("marker-end"), Some("url(#d1-arrow-denied)"));
    assert_eq!(
        figure.words[1],
        "Alice (IAM user) requests Bucket (resource): s3:PutObject, ✗ denied by the permissions boundary."
    );
}
