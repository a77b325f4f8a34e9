//! Topics about the layers around the identity policy: resource and trust policies, boundaries,
//! organization policies, session policies and passing a role.

use super::super::names::{
    any_role, any_user, anyone, job_arn, objects, role_arn, s3_action, Caller, Object, PARTNER,
    PLATFORM,
};
use super::super::rng::Rng;
use super::super::setup::{named, strings, Setup, Stmt};

/// An S3 request on the platform's lake, from the platform or (when `cross`) the partner.
fn lake_request(r: &mut Rng, cross: bool) -> (Setup, Object, Caller) {
    let object = Object::pick(r);
    let caller = anyone(r, if cross { PARTNER } else { PLATFORM });
    let (action, verb) = s3_action(r);
    let mut setup = Setup::new(
        caller.arn.clone(),
        action,
        object.arn(),
        format!(
            "{} {verb} {} (a bucket of the data platform).",
            caller.who,
            object.url()
        ),
    );
    if cross {
        setup.resource_account = Some(PLATFORM.into());
    }
    (setup, object, caller)
}

pub(super) fn resource_policies(r: &mut Rng, level: u8) -> Setup {
    let cross = level >= 2 && r.chance(60);
    let (mut setup, object, caller) = lake_request(r, cross);
    let grantee = match r.below(4) {
        0 => format!("arn:aws:iam::{}:root", caller.account),
        1 if !cross => format!("arn:aws:iam::{PLATFORM}:role/analytics-reader"),
        _ => caller.named_as.clone(),
    };
    let actions = if r.chance(50) {
        strings!["s3:GetObject"]
    } else {
        strings!["s3:GetObject", "s3:PutObject"]
    };
    let mut bucket = vec![Stmt::allow(actions)
        .sid("ShareWithConsumers")
        .principal("AWS", strings![grantee])
        .on(strings![objects(object.bucket, "")])];
    if r.chance(30) {
        bucket.push(
            Stmt::deny(strings!["s3:DeleteObject"])
                .sid("NoDeletes")
                .principal("*", Vec::new())
                .on(strings![objects(object.bucket, "")]),
        );
    }
    setup.resource_policy = Some(named(format!("{}-bucket-policy", object.bucket), bucket));
    if r.chance(55) {
        let granted = if r.chance(50) { "s3:*" } else { "s3:GetObject" };
        setup = setup.identity(named(
            "lake-consumer",
            vec![Stmt::allow(strings![granted])
                .sid("Lake")
                .on(strings![objects(object.bucket, "")])],
        ));
    }
    setup
}

pub(super) fn trust(r: &mut Rng, level: u8) -> Setup {
    let cross = level >= 2 && r.chance(50);
    let caller = anyone(r, if cross { PARTNER } else { PLATFORM });
    let target = r.pick(&["warehouse-loader", "lake-admin", "glue-etl"]);
    let target_arn = role_arn(PLATFORM, target);
    let trusted = match r.below(4) {
        0 => format!("arn:aws:iam::{}:root", caller.account),
        1 => role_arn(caller.account, "airflow-scheduler"),
        _ => caller.named_as.clone(),
    };
    let external_id = r.chance(35);
    let mut statement = Stmt::allow(strings!["sts:AssumeRole"])
        .sid("TrustedCallers")
        .principal("AWS", strings![trusted]);
    if external_id {
        statement = statement.when("StringEquals", "sts:ExternalId", strings!["lake-7f3a"]);
    }
    let mut setup = Setup::new(
        caller.arn,
        "sts:AssumeRole",
        target_arn.clone(),
        format!(
            "{} assumes the role {target} of the data platform.",
            caller.who
        ),
    );
    if external_id {
        let given = r.pick(&["lake-7f3a", "lake-0000"]);
        setup.story = format!(
            "{} assumes the role {target} with external ID {given}.",
            caller.who
        );
        setup = setup.with("sts:ExternalId", given);
    }
    setup.resource_policy = Some(named(format!("{target}-trust"), vec![statement]));
    if r.chance(65) {
        let resource = if r.chance(70) {
            target_arn
        } else {
            role_arn(PLATFORM, "glue-*")
        };
        setup = setup.identity(named(
            "assume-platform-roles",
            vec![Stmt::allow(strings!["sts:AssumeRole"])
                .sid("Assume")
                .on(strings![resource])],
        ));
    }
    setup
}

pub(super) fn boundaries(r: &mut Rng) -> Setup {
    let (setup, object, _) = lake_request(r, false);
    let identity = if r.chance(50) {
        Stmt::allow(strings!["s3:*"])
            .sid("Lake")
            .on(strings![objects(object.bucket, "")])
    } else {
        Stmt::allow(strings!["s3:GetObject", "s3:DeleteObject"])
            .sid("ReadAndClean")
            .on(strings![objects(object.bucket, "")])
    };
    let boundary = match r.below(3) {
        0 => vec![
            Stmt::allow(strings!["s3:GetObject", "s3:ListBucket", "glue:*"])
                .sid("ReadOnlyData")
                .on(strings!["*"]),
        ],
        1 => vec![Stmt::allow(strings!["s3:*"])
            .sid("AnyS3")
            .on(strings![objects(object.bucket, "")])],
        _ => vec![
            Stmt::allow(strings!["s3:*", "glue:*"])
                .sid("DataServices")
                .on(strings!["*"]),
            Stmt::deny(strings!["s3:DeleteObject"])
                .sid("NeverDelete")
                .on(strings!["*"]),
        ],
    };
    let mut setup = setup.identity(named("pipeline-access", vec![identity]));
    setup.boundary = Some(named("data-team-boundary", boundary));
    setup
}

fn full_access(sid: &str, resource_side: bool) -> Stmt {
    let statement = Stmt::allow(strings!["*"]).sid(sid).on(strings!["*"]);
    if resource_side {
        statement.principal("*", Vec::new())
    } else {
        statement
    }
}

pub(super) fn scps_rcps(r: &mut Rng, level: u8) -> Setup {
    let rcp = level >= 2 && r.chance(50);
    let cross = rcp && r.chance(60);
    let (mut setup, object, caller) = lake_request(r, cross);
    if rcp {
        // RCPFullAWSAccess sits at every level; a customer RCP can only deny.
        let org = if caller.account == PLATFORM {
            "o-lake1234"
        } else {
            "o-partner99"
        };
        let full = || full_access("RCPFullAWSAccess", true);
        let mut account_level = vec![full()];
        account_level.push(
            Stmt::deny(strings!["s3:*"])
                .sid("OnlyOurOrganization")
                .principal("*", Vec::new())
                .on(strings!["*"])
                .when(
                    "StringNotEqualsIfExists",
                    "aws:PrincipalOrgID",
                    strings!["o-lake1234"],
                )
                .when(
                    "BoolIfExists",
                    "aws:PrincipalIsAWSService",
                    strings!["false"],
                ),
        );
        setup.rcps = vec![
            vec![named("RCPFullAWSAccess", vec![full()])],
            vec![named("data-perimeter", account_level)],
        ];
        setup = setup.with("aws:PrincipalOrgID", org);
        let bucket = vec![Stmt::allow(strings!["s3:GetObject", "s3:PutObject"])
            .sid("Partners")
            .principal("AWS", strings![format!("arn:aws:iam::{PARTNER}:root")])
            .on(strings![objects(object.bucket, "")])];
        setup.resource_policy = Some(named(format!("{}-bucket-policy", object.bucket), bucket));
    }
    let region = r.pick(&["eu-west-1", "us-east-1"]);
    let account_scp = match r.below(3) {
        0 => vec![Stmt::allow(strings!["s3:*", "glue:*", "athena:*"])
            .sid("DataServicesOnly")
            .on(strings!["*"])],
        1 => vec![
            full_access("FullAWSAccess", false),
            Stmt::deny(strings!["*"])
                .sid("DenyOutsideEurope")
                .on(strings!["*"])
                .when(
                    "StringNotEquals",
                    "aws:RequestedRegion",
                    strings!["eu-west-1", "eu-central-1"],
                ),
        ],
        _ => vec![
            full_access("FullAWSAccess", false),
            Stmt::deny(strings!["s3:DeleteObject", "s3:PutObject"])
                .sid("ReadOnlyArchive")
                .on(strings![objects(object.bucket, "")]),
        ],
    };
    setup.scps = vec![
        vec![named(
            "FullAWSAccess",
            vec![full_access("FullAWSAccess", false)],
        )],
        vec![named("data-accounts", account_scp)],
    ];
    setup = setup.with("aws:RequestedRegion", region);
    setup.story = format!("{} (in {region})", setup.story.trim_end_matches('.'));
    let granted = if r.chance(70) { "s3:*" } else { "s3:GetObject" };
    setup.identity(named(
        "lake-access",
        vec![Stmt::allow(strings![granted])
            .sid("Lake")
            .on(strings![objects(object.bucket, "")])],
    ))
}

pub(super) fn session_policies(r: &mut Rng) -> Setup {
    let object = Object::pick(r);
    let caller = any_role(r, PLATFORM);
    let (action, verb) = s3_action(r);
    let mut setup = Setup::new(
        caller.arn,
        action,
        object.arn(),
        format!(
            "{} (a session started with a session policy) {verb} {}.",
            caller.who,
            object.url()
        ),
    );
    let identity = if r.chance(60) { "s3:*" } else { "s3:GetObject" };
    setup = setup.identity(named(
        "pipeline-role",
        vec![Stmt::allow(strings![identity])
            .sid("Lake")
            .on(strings![objects(object.bucket, "")])],
    ));
    let session = match r.below(3) {
        0 => vec![Stmt::allow(strings!["s3:GetObject"])
            .sid("ReadOnly")
            .on(strings!["*"])],
        1 => vec![Stmt::allow(strings!["s3:GetObject", "s3:PutObject"])
            .sid("ThisPrefix")
            .on(strings![objects(object.bucket, object.prefix)])],
        _ => vec![
            Stmt::allow(strings!["s3:*"])
                .sid("Everything")
                .on(strings!["*"]),
            Stmt::deny(strings!["s3:DeleteObject"])
                .sid("NoDeletes")
                .on(strings!["*"]),
        ],
    };
    setup.session = Some(named("session-scope", session));
    setup
}

pub(super) fn pass_role(r: &mut Rng) -> Setup {
    let caller = if r.chance(50) {
        any_user(r, PLATFORM)
    } else {
        any_role(r, PLATFORM)
    };
    let passed = r.pick(&["glue-etl-job", "glue-crawler", "lake-admin"]);
    let (service, to) = r.pick(&[
        ("glue.amazonaws.com", "a Glue job"),
        ("lambda.amazonaws.com", "a Lambda function"),
    ]);
    let pattern = if r.chance(50) {
        "glue-*"
    } else {
        "glue-etl-job"
    };
    let mut statements = vec![Stmt::allow(strings!["iam:PassRole"])
        .sid("PassGlueRoles")
        .on(strings![role_arn(PLATFORM, pattern)])
        .when(
            "StringEquals",
            "iam:PassedToService",
            strings!["glue.amazonaws.com"],
        )];
    if r.chance(40) {
        statements.push(
            Stmt::allow(strings!["glue:CreateJob", "glue:UpdateJob"])
                .sid("ManageJobs")
                .on(strings![job_arn("*")]),
        );
    }
    if r.chance(25) {
        statements.push(
            Stmt::allow(strings!["iam:*"])
                .sid("LakeRolesForLambda")
                .on(strings![role_arn(PLATFORM, "lake-*")])
                .when(
                    "StringEquals",
                    "iam:PassedToService",
                    strings!["lambda.amazonaws.com"],
                ),
        );
    }
    Setup::new(
        caller.arn,
        "iam:PassRole",
        role_arn(PLATFORM, passed),
        format!(
            "{} passes the role {passed} to {to} (iam:PassRole).",
            caller.who
        ),
    )
    .with("iam:PassedToService", service)
    .identity(named("glue-developer", statements))
}
