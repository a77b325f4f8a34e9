//! Topics about the statements themselves: deny and allow, the negated elements, wildcards and
//! policy variables.

use super::super::names::{
    any_role, any_user, anyone, bucket_arn, objects, other_user, s3_action, Object, PLATFORM,
};
use super::super::rng::Rng;
use super::super::setup::{named, strings, Setup, Stmt};

/// An S3 request by someone of the platform on an object of `prefix` (or another prefix).
fn s3_request(r: &mut Rng, object: &Object) -> Setup {
    let caller = anyone(r, PLATFORM);
    let (action, verb) = s3_action(r);
    Setup::new(
        caller.arn,
        action,
        object.arn(),
        format!("{} {verb} {}.", caller.who, object.url()),
    )
}

/// Someone of the platform lists a bucket.
fn list_request(r: &mut Rng, bucket: &str) -> Setup {
    let caller = anyone(r, PLATFORM);
    Setup::new(
        caller.arn,
        "s3:ListBucket",
        bucket_arn(bucket),
        format!("{} lists the bucket {bucket}.", caller.who),
    )
}

pub(super) fn explicit_deny(r: &mut Rng) -> Setup {
    let (protected, open) = Object::prefixes(r);
    let mut object = Object::pick(r);
    object.prefix = if r.chance(55) { protected } else { open };
    let setup = s3_request(r, &object);
    let granted = if r.chance(50) {
        strings!["s3:*"]
    } else {
        strings!["s3:GetObject", "s3:PutObject"]
    };
    let denied = if r.chance(50) {
        strings!["s3:DeleteObject"]
    } else {
        strings!["s3:PutObject", "s3:DeleteObject"]
    };
    let statements = vec![
        Stmt::allow(granted)
            .sid("LakeAccess")
            .on(strings![objects(object.bucket, "")]),
        Stmt::deny(denied)
            .sid("ProtectPublished")
            .on(strings![objects(object.bucket, protected)]),
    ];
    setup.identity(named("lake-access", statements))
}

pub(super) fn implicit_deny(r: &mut Rng) -> Setup {
    let (granted, other) = Object::prefixes(r);
    let mut object = Object::pick(r);
    object.prefix = if r.chance(50) { granted } else { other };
    let mut setup = if r.chance(30) {
        list_request(r, object.bucket)
    } else {
        s3_request(r, &object)
    };
    // A classic slip: ListBucket granted on the objects instead of the bucket.
    let list_on = if r.chance(50) {
        bucket_arn(object.bucket)
    } else {
        objects(object.bucket, "")
    };
    let mut statements = vec![Stmt::allow(strings!["s3:GetObject"])
        .sid("ReadPrefix")
        .on(strings![objects(object.bucket, granted)])];
    if r.chance(60) {
        statements.push(
            Stmt::allow(strings!["s3:ListBucket"])
                .sid("List")
                .on(strings![list_on]),
        );
    }
    if r.chance(40) {
        statements.push(
            Stmt::allow(strings!["s3:PutObject"])
                .sid("WriteStaging")
                .on(strings![objects(object.bucket, "staging/")]),
        );
    }
    setup = setup.identity(named("read-one-prefix", statements));
    setup
}

pub(super) fn not_elements(r: &mut Rng) -> Setup {
    let object = Object::pick(r);
    let mut requested = object.clone();
    if r.chance(40) {
        requested.bucket = object.other_bucket(r);
    }
    let setup = if r.chance(25) {
        list_request(r, requested.bucket)
    } else {
        s3_request(r, &requested)
    };
    let statements = if r.chance(50) {
        // Read-only on one bucket, written as "deny everything but reading".
        vec![
            Stmt::allow(strings!["s3:*"]).sid("S3").on(strings!["*"]),
            Stmt::deny(strings!["s3:GetObject", "s3:ListBucket"])
                .not_action()
                .sid("ReadOnlyLake")
                .on(strings![
                    bucket_arn(object.bucket),
                    objects(object.bucket, "")
                ]),
        ]
    } else {
        // Everything outside one bucket is off limits, and IAM is never granted.
        vec![
            Stmt::allow(strings!["iam:*", "organizations:*"])
                .not_action()
                .sid("AllButIam")
                .on(strings!["*"]),
            Stmt::deny(strings!["s3:*"])
                .sid("OnlyThisBucket")
                .not_on(strings![
                    bucket_arn(object.bucket),
                    objects(object.bucket, "")
                ]),
        ]
    };
    setup.identity(named("data-engineer", statements))
}

pub(super) fn wildcards(r: &mut Rng) -> Setup {
    let object = Object {
        prefix: "landing/2026/01/",
        ..Object::pick(r)
    };
    let caller = anyone(r, PLATFORM);
    let (action, verb) = r.pick(&[
        ("s3:GetObject", "reads"),
        ("s3:GetObjectTagging", "reads the tags of"),
        ("s3:PutObject", "writes"),
        ("s3:GetObjectVersion", "reads a version of"),
    ]);
    let mut key = object.clone();
    if r.chance(35) {
        key.prefix = "landing/2025/12/";
    }
    let action_pattern = r.pick(&[
        "s3:Get*",
        "s3:*Object",
        "s3:Get?bject",
        "S3:getobject",
        "s3:GetObject*",
    ]);
    let bucket_pattern = match r.below(4) {
        0 => format!("arn:aws:s3:::{}/landing/2026/*", object.bucket),
        1 => format!("arn:aws:s3:::{}/*/2026/*", object.bucket),
        2 => format!("arn:aws:s3:::{}/landing/2026/??/*", object.bucket),
        // ARNs compare case-sensitively, unlike actions.
        _ => format!("arn:aws:s3:::{}/Landing/*", object.bucket),
    };
    let mut statements = vec![Stmt::allow(strings![action_pattern])
        .sid("ReadLanding")
        .on(strings![bucket_pattern])];
    if r.chance(40) {
        statements.push(
            Stmt::deny(strings!["s3:*Tagging", "s3:Delete*"])
                .sid("NoTagsNoDeletes")
                .on(strings!["*"]),
        );
    }
    Setup::new(
        caller.arn,
        action,
        key.arn(),
        format!("{} {verb} {}.", caller.who, key.url()),
    )
    .identity(named("landing-reader", statements))
}

pub(super) fn policy_variables(r: &mut Rng) -> Setup {
    match r.below(3) {
        0 => {
            let caller = any_user(r, PLATFORM);
            let owner = if r.chance(55) {
                caller.name
            } else {
                other_user(r, caller.name)
            };
            let (action, verb) = s3_action(r);
            let key = format!("arn:aws:s3:::team-workspaces/home/{owner}/notebook.ipynb");
            let statements = vec![Stmt::allow(strings!["s3:GetObject", "s3:PutObject"])
                .sid("OwnHome")
                .on(strings![
                    "arn:aws:s3:::team-workspaces/home/${aws:username}/*"
                ])];
            Setup::new(
                caller.arn,
                action,
                key,
                format!(
                    "{} {verb} s3://team-workspaces/home/{owner}/notebook.ipynb.",
                    caller.who
                ),
            )
            .identity(named("home-folders", statements))
        }
        1 => {
            let caller = any_user(r, PLATFORM);
            let prefix = match r.below(3) {
                0 => format!("home/{}/", caller.name),
                1 => format!("home/{}/", other_user(r, caller.name)),
                _ => "home/".to_owned(),
            };
            let statements = vec![Stmt::allow(strings!["s3:ListBucket"])
                .sid("ListOwnHome")
                .on(strings!["arn:aws:s3:::team-workspaces"])
                .when(
                    "StringLike",
                    "s3:prefix",
                    strings!["home/${aws:username}/*", "home/${aws:username}/"],
                )];
            Setup::new(
                caller.arn,
                "s3:ListBucket",
                "arn:aws:s3:::team-workspaces".into(),
                format!("{} lists s3://team-workspaces/{prefix}.", caller.who),
            )
            .with("s3:prefix", prefix)
            .identity(named("home-folders", statements))
        }
        _ => {
            let caller = any_role(r, PLATFORM);
            let team = r.pick(&["finance", "marketing", "Finance"]);
            let folder = r.pick(&["finance", "marketing"]);
            let (action, verb) = s3_action(r);
            let statements = vec![Stmt::allow(strings!["s3:GetObject", "s3:PutObject"])
                .sid("TeamFolder")
                .on(strings![
                    "arn:aws:s3:::curated-lake/${aws:PrincipalTag/team}/*"
                ])];
            Setup::new(
                caller.arn,
                action,
                format!("arn:aws:s3:::curated-lake/{folder}/report.parquet"),
                format!(
                    "{} (tagged team={team}) {verb} s3://curated-lake/{folder}/report.parquet.",
                    caller.who
                ),
            )
            .with("aws:PrincipalTag/team", team)
            .identity(named("team-folders", statements))
        }
    }
}
