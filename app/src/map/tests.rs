use super::*;

fn request(principal: &str, action: &str, resource: &str) -> Request {
    Request {
        principal: principal.into(),
        action: action.into(),
        resource: resource.into(),
        resource_account: None,
    }
}

const ALICE: &str = "arn:aws:iam::111122223333:user/alice";

#[test]
fn requests_share_nodes_and_each_gets_its_own_edge() {
    let requests = [
        request(ALICE, "s3:GetObject", "arn:aws:s3:::raw-data/a.csv"),
        request(ALICE, "s3:PutObject", "arn:aws:s3:::raw-data/b.csv"),
        request(
            "lambda.amazonaws.com",
            "sts:AssumeRole",
            "arn:aws:iam::111122223333:role/etl",
        ),
    ];
    let policies = [
        Policy {
            label: "Identity policy Reader".into(),
            target: Target::Principals,
        },
        Policy {
            label: "Trust policy of etl".into(),
            target: Target::Resources,
        },
        Policy {
            label: "SCPs at 2 levels".into(),
            target: Target::PrincipalAccounts,
        },
    ];
    let map = AccessMap::new("t", &requests, &policies).expect("a map");
    let d = &map.diagram;
    let labels: Vec<&str> = d.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "User alice",
            "S3 bucket raw-data",
            "Service lambda.amazonaws.com",
            "Role etl",
            "Identity policy Reader",
            "Trust policy of etl",
            "SCPs at 2 levels",
        ]
    );
    assert_eq!(map.request_edges, [0, 1, 2]);
    assert_eq!(d.edges[0].detail.as_deref(), Some("s3:GetObject a.csv"));
    // The identity policy is attached to both principals; the trust policy to both resources.
    let attached = |from: usize| d.edges.iter().filter(|e| e.from == from).count();
    assert_eq!(attached(4), 2);
    assert_eq!(attached(5), 2);
    // One account box: S3 and the role are alice's account's; the service is outside.
    assert_eq!(d.boxes.len(), 1);
    assert_eq!(d.nodes[2].parent, None);
    assert_eq!(d.nodes[6].parent, Some(0));
}

#[test]
fn verdicts_become_edge_states_and_edges_lead_back_to_requests() {
    let requests = [
        request(ALICE, "s3:GetObject", "arn:aws:s3:::raw-data/a.csv"),
        request(ALICE, "s3:PutObject", "arn:aws:s3:::raw-data/b.csv"),
    ];
    let policies = [Policy {
        label: "P".into(),
        target: Target::Principals,
    }];
    let map = AccessMap::new("t", &requests, &policies).expect("a map");
    let states = map.states(&[
        Verdict::Allowed,
        Verdict::Denied("the permissions boundary".into()),
    ]);
    assert_eq!(states.len(), map.diagram.edges.len());
    assert_eq!(states[0], EdgeState::Allowed);
    assert_eq!(
        states[1],
        EdgeState::Denied {
            by: "the permissions boundary".into()
        }
    );
    assert_eq!(states[2], EdgeState::Plain, "the attachment stays plain");
    assert_eq!(map.request_of_edge(1), Some(1));
    assert_eq!(map.request_of_edge(2), None);
}

#[test]
fn nothing_to_draw_is_no_map() {
    assert!(AccessMap::new("t", &[], &[]).is_none());
}
