use super::*;
use crate::diagram::{Diagram, Point};
use crate::parse;

fn laid(source: &str) -> Diagram {
    layout(&parse(source).expect("parses")).expect("lays out")
}

struct R {
    x: i32,
    y: i32,
    w: i32,
    h: i32,
}

fn overlap(a: &R, b: &R) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

fn node_rect(d: &Diagram, i: usize) -> R {
    let n = &d.nodes[i];
    R {
        x: n.x,
        y: n.y,
        w: n.width,
        h: n.height,
    }
}

fn box_rect(d: &Diagram, i: usize) -> R {
    let b = &d.boxes[i];
    R {
        x: b.x,
        y: b.y,
        w: b.width,
        h: b.height,
    }
}

fn inside(inner: &R, outer: &R) -> bool {
    inner.x >= outer.x
        && inner.y >= outer.y
        && inner.x + inner.w <= outer.x + outer.w
        && inner.y + inner.h <= outer.y + outer.h
}

const LAKE: &str = r#"title Cross-account
organization org "Org" {
  ou prod "Production OU" {
    account data "Data lake account" {
      role reader "Role lake-reader"
      resource lake "S3 bucket lake-raw"
      policy perms "Permissions policy"
    }
  }
  account analytics "Analytics account" {
    user ana "Ana"
    role job "Role analytics-job"
  }
}
service glue "AWS Glue"
policy trust "Trust policy of lake-reader"
ana assumes job
job assumes reader "sts:AssumeRole"
reader trusts job
trust attached to reader
perms attached to reader
reader allows lake "s3:GetObject"
glue assumes job
ana requests lake "s3:GetObject"
"#;

/// Every property a reader relies on, for one diagram.
fn assert_readable(d: &Diagram) {
    for i in 0..d.nodes.len() {
        for j in i + 1..d.nodes.len() {
            assert!(
                !overlap(&node_rect(d, i), &node_rect(d, j)),
                "nodes {i} and {j} overlap"
            );
        }
        // A node is inside its boxes and outside every other box.
        for b in 0..d.boxes.len() {
            let mut holder = d.nodes[i].parent;
            let mut holds = false;
            while let Some(p) = holder {
                holds |= p == b;
                holder = d.boxes[p].parent;
            }
            if holds {
                assert!(
                    inside(&node_rect(d, i), &box_rect(d, b)),
                    "node {i} outside its box {b}"
                );
            } else {
                assert!(
                    !overlap(&node_rect(d, i), &box_rect(d, b)),
                    "node {i} inside foreign box {b}"
                );
            }
        }
    }
    for edge in &d.edges {
        let (first, last) = (edge.points[0], edge.points[edge.points.len() - 1]);
        let from = &d.nodes[edge.from];
        let to = &d.nodes[edge.to];
        let on_border = |p: Point, n: &crate::PlacedNode| {
            (p.1 == n.y || p.1 == n.y + n.height) && p.0 >= n.x && p.0 <= n.x + n.width
        };
        assert!(on_border(first, from), "edge starts on its source");
        assert!(on_border(last, to), "edge ends on its target");
    }
    for group in &d.boxes {
        assert!(group.x >= 0 && group.y >= 0);
        assert!(group.x + group.width <= d.width && group.y + group.height <= d.height);
    }
}

#[test]
fn nested_boxes_hold_their_nodes_and_nothing_else_and_nodes_never_overlap() {
    let d = laid(LAKE);
    assert_readable(&d);
    // Boxes nest.
    assert!(inside(&box_rect(&d, 1), &box_rect(&d, 0)));
    assert!(inside(&box_rect(&d, 2), &box_rect(&d, 1)));
    assert!(!overlap(&box_rect(&d, 1), &box_rect(&d, 3)));
}

#[test]
fn an_assumption_flows_down_and_trust_runs_back_up_beside_it() {
    let d = laid(LAKE);
    let (ana, job, reader, lake) = (3, 4, 0, 1);
    assert!(d.nodes[ana].y < d.nodes[job].y);
    assert!(d.nodes[job].y < d.nodes[reader].y);
    assert!(d.nodes[reader].y < d.nodes[lake].y);
    // `job assumes reader` and `reader trusts job` join the same two nodes at different ports.
    let assumes = &d.edges[1];
    let trusts = &d.edges[2];
    assert_eq!(
        trusts.points[trusts.points.len() - 1].1,
        d.nodes[job].y + d.nodes[job].height
    );
    assert_ne!(
        assumes.points[0].0,
        trusts.points[trusts.points.len() - 1].0
    );
    // Their labels do not cover each other.
    assert_ne!(assumes.label_at, trusts.label_at);
}

#[test]
fn a_policy_sits_just_above_what_it_is_attached_to() {
    let d = laid("title t\nuser u \"U\"\nrole r \"R\"\nresource s \"S\"\npolicy p \"P\"\nu assumes r\nr allows s\np attached to s\n");
    let (r, s, p) = (1, 2, 3);
    assert!(
        d.nodes[p].y > d.nodes[r].y - 1,
        "pulled down beside the role's layer"
    );
    assert!(d.nodes[p].y < d.nodes[s].y);
}

#[test]
fn cycles_and_long_edges_lay_out_and_the_layout_is_deterministic() {
    let source = "title t\nrole a \"A\"\nrole b \"B\"\nrole c \"C\"\nrole d \"D\"\na assumes b\nb assumes c\nc assumes a\na assumes d\nc assumes d\nb passes d\n";
    let d = laid(source);
    assert_readable(&d);
    assert_eq!(d, laid(source));
    assert!(
        d.edges.iter().any(|e| e.points.len() > 2),
        "a long edge bends through a dummy"
    );
}

#[test]
fn a_bigger_diagram_stays_readable() {
    let mut source = String::from("title big\naccount a \"A\" {\n");
    for i in 0..8 {
        source.push_str(&format!("role r{i} \"Role number {i}\"\n"));
    }
    source.push_str("}\naccount b \"B\" {\n");
    for i in 0..8 {
        source.push_str(&format!("resource s{i} \"Bucket {i}\"\n"));
    }
    source.push_str("}\n");
    for i in 0..8 {
        source.push_str(&format!("r{i} allows s{} \"s3:GetObject\"\n", (i * 3) % 8));
        source.push_str(&format!("r{i} assumes r{}\n", (i + 1) % 8));
    }
    let d = laid(&source);
    assert_readable(&d);
}

#[test]
fn a_spec_with_bad_indexes_is_refused() {
    let mut spec = parse("title t\nuser a \"A\"\n").expect("parses");
    spec.edges.push(crate::EdgeSpec {
        from: 0,
        to: 5,
        kind: crate::EdgeKind::Assumes,
        detail: None,
    });
    assert!(layout(&spec).is_err());
}
