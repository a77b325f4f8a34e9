use super::*;
use crate::parse::{parse_block, Block};
use crate::venn::spec::{ItemSpec, SetSpec};

fn laid(source: &str) -> Venn {
    match parse_block(source).expect("parses") {
        Block::Sets(spec) => layout_sets(&spec).expect("lays out"),
        Block::Graph(_) => panic!("not sets"),
    }
}

#[derive(Debug, Clone, Copy)]
struct R {
    x: i32,
    y: i32,
    w: i32,
    h: i32,
}

impl R {
    fn of(text: &TextBlock) -> Self {
        Self {
            x: text.x,
            y: text.y,
            w: text.width,
            h: text.height,
        }
    }

    fn set(set: &PlacedSet) -> Self {
        Self {
            x: set.x,
            y: set.y,
            w: set.width,
            h: set.height,
        }
    }

    fn overlaps(&self, other: &R) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    fn inside(&self, outer: &R) -> bool {
        self.x >= outer.x
            && self.y >= outer.y
            && self.x + self.w <= outer.x + outer.w
            && self.y + self.h <= outer.y + outer.h
    }
}

/// Every text block of the drawing, named for messages.
fn texts(venn: &Venn) -> Vec<(String, R)> {
    let mut all: Vec<(String, R)> = venn
        .sets
        .iter()
        .map(|set| (format!("set {}", set.label), R::of(&set.text)))
        .collect();
    for region in &venn.regions {
        if let Some(heading) = &region.heading {
            all.push((format!("heading of {:?}", region.sets), R::of(heading)));
        }
        for item in &region.items {
            all.push((format!("item {}", item.label), R::of(&item.text)));
        }
    }
    all
}

/// What a reader relies on: each text is in exactly the shapes of its region (a set's label
/// in its own set only), no two texts overlap, and all of it is on the canvas.
fn assert_readable(venn: &Venn) {
    let shapes: Vec<R> = venn.sets.iter().map(R::set).collect();
    let in_exactly = |what: &str, rect: &R, sets: &[usize]| {
        for (i, shape) in shapes.iter().enumerate() {
            if sets.contains(&i) {
                assert!(
                    rect.inside(shape),
                    "{what} is not inside set {i}: {rect:?} {shape:?}"
                );
            } else {
                assert!(
                    !rect.overlaps(shape),
                    "{what} overlaps set {i}: {rect:?} {shape:?}"
                );
            }
        }
    };
    for (i, set) in venn.sets.iter().enumerate() {
        in_exactly(&format!("the label of set {i}"), &R::of(&set.text), &[i]);
    }
    for region in &venn.regions {
        for text in region
            .heading
            .iter()
            .chain(region.items.iter().map(|i| &i.text))
        {
            in_exactly(
                &format!("{:?} in {:?}", text.lines, region.sets),
                &R::of(text),
                &region.sets,
            );
        }
    }
    let all = texts(venn);
    for (k, (a, ra)) in all.iter().enumerate() {
        for (b, rb) in &all[k + 1..] {
            assert!(!ra.overlaps(rb), "{a} overlaps {b}");
        }
    }
    let canvas = R {
        x: 0,
        y: 0,
        w: venn.width,
        h: venn.height,
    };
    let drawn = all
        .iter()
        .map(|(what, rect)| (what.as_str(), *rect))
        .chain(shapes.iter().map(|shape| ("a set", *shape)));
    for (what, rect) in drawn {
        assert!(rect.inside(&canvas), "{what} is off the canvas");
    }
}

const BOUNDARY: &str = r#"title A boundary caps the identity policy
set identity "Identity policy (allows s3:*, iam:*)"
set boundary "Permissions boundary (allows S3, Glue)"
region "Allowed (the effective permissions)" in identity boundary
region "Denied by the boundary" in identity
region "Denied (a boundary never grants)" in boundary
region "Denied (nothing allows it)" outside
item "s3:GetObject" in identity boundary
item "s3:PutObject" in identity boundary
item "iam:CreateUser" in identity
item "iam:AttachRolePolicy" in identity
item "glue:StartJobRun" in boundary
item "ec2:RunInstances" outside
item "kms:Decrypt" outside
"#;

#[test]
fn every_item_is_in_exactly_its_sets_and_nothing_overlaps() {
    let venn = laid(BOUNDARY);
    assert_readable(&venn);
    let regions: Vec<&[usize]> = venn.regions.iter().map(|r| r.sets.as_slice()).collect();
    assert_eq!(regions, [&[0][..], &[0, 1], &[1], &[]]);
    assert_eq!(venn.regions[1].items.len(), 2);
    assert_eq!(venn.regions[3].items[1].label, "kms:Decrypt");
}

#[test]
fn the_drawing_fits_a_phone_without_shrinking_below_readable() {
    // The page shrinks a drawing to 70 % at most; a 360 px screen leaves 336 px for it.
    let venn = laid(BOUNDARY);
    assert!(venn.width * 7 / 10 <= 336, "{} px wide", venn.width);
}

#[test]
fn empty_regions_still_have_room_and_no_outside_region_is_drawn_without_cause() {
    let venn = laid("title t\nset a \"A\"\nset b \"B\"\nitem \"x\" in a b\n");
    assert_readable(&venn);
    assert_eq!(venn.regions.len(), 3, "no outside region");
    assert!(venn.regions.iter().all(|r| r.heading.is_none()));
    // The columns of the empty regions are as wide as a short label would make them.
    let [a, b] = &venn.sets[..] else {
        panic!("two sets")
    };
    assert!(b.x - a.x >= MIN_CONTENT && (a.x + a.width) - b.x >= MIN_CONTENT);
}

#[test]
fn long_labels_and_many_items_wrap_and_stack_without_losing_a_character() {
    let arn = "arn:aws:s3:::curated-lake-with-a-long-name/exports/*";
    let source = format!(
        "title t\nset a \"{long}\"\nset b \"B\"\nregion \"{long}\" in a\nitem \"{arn}\" in a\n{more}item \"x\" outside\nitem \"y\" outside\n",
        long = "An identity policy with a label long enough to wrap over several lines",
        more = (0..8).map(|k| format!("item \"s3:Action{k}\" in b a\n")).collect::<String>(),
    );
    let venn = laid(&source);
    assert_readable(&venn);
    let item = &venn.regions[0].items[0];
    assert!(item.text.lines.len() > 1);
    assert_eq!(item.text.lines.concat(), arn);
    assert!(venn.sets[0].text.lines.len() > 1);
    assert_eq!(venn.regions[1].items.len(), 8);
    assert_eq!(
        venn.regions[3].heading.as_ref().map(|h| h.lines.concat()),
        Some(OUTSIDE.to_owned())
    );
}

#[test]
fn a_spec_with_a_bad_set_index_is_refused() {
    let spec = VennSpec {
        title: "t".into(),
        sets: vec![
            SetSpec {
                id: "a".into(),
                label: "A".into(),
            },
            SetSpec {
                id: "b".into(),
                label: "B".into(),
            },
        ],
        regions: Vec::new(),
        items: vec![ItemSpec {
            label: "x".into(),
            sets: vec![2],
        }],
    };
    assert!(layout_sets(&spec).is_err());
    let one = VennSpec {
        sets: spec.sets[..1].to_vec(),
        items: Vec::new(),
        ..spec
    };
    assert!(layout_sets(&one).is_err());
}
