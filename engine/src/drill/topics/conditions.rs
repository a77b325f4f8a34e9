//! Topics about conditions. Every key a condition reads is given in the request (an empty list
//! stands for "no values"), so the answer never hangs on a key the drill leaves unsaid.

use super::super::names::{any_role, anyone, job_arn, objects, s3_action, Object, JOBS, PLATFORM};
use super::super::rng::Rng;
use super::super::setup::{named, strings, Setup, Stmt};

fn s3_request(r: &mut Rng) -> (Setup, Object) {
    let object = Object::pick(r);
    let caller = anyone(r, PLATFORM);
    let (action, verb) = s3_action(r);
    let setup = Setup::new(
        caller.arn,
        action,
        object.arn(),
        format!("{} {verb} {}", caller.who, object.url()),
    );
    (setup, object)
}

fn lake_allow(object: &Object) -> Stmt {
    Stmt::allow(strings!["s3:GetObject", "s3:PutObject"])
        .sid("LakeReadWrite")
        .on(strings![objects(object.bucket, "")])
}

pub(super) fn if_exists(r: &mut Rng) -> Setup {
    let (setup, object) = s3_request(r);
    if r.chance(50) {
        let region = r.pick(&["eu-west-1", "eu-central-1", "us-east-1"]);
        let statements = vec![
            lake_allow(&object),
            Stmt::deny(strings!["s3:*"])
                .sid("StayInEurope")
                .on(strings!["*"])
                .when(
                    "StringNotEqualsIfExists",
                    "aws:RequestedRegion",
                    strings!["eu-west-1", "eu-central-1"],
                ),
        ];
        let story = format!("{} through the {region} endpoint.", setup.story);
        Setup { story, ..setup }
            .with("aws:RequestedRegion", region)
            .identity(named("lake-in-europe", statements))
    } else {
        let encryption = r.pick(&["aws:kms", "AES256", "AWS:KMS"]);
        let statements = vec![
            lake_allow(&object),
            Stmt::deny(strings!["s3:PutObject"])
                .sid("RequireKms")
                .on(strings![objects(object.bucket, "")])
                .when(
                    "StringNotEqualsIfExists",
                    "s3:x-amz-server-side-encryption",
                    strings!["aws:kms"],
                ),
        ];
        let story = format!(
            "{}, asking for {encryption} server-side encryption.",
            setup.story
        );
        Setup { story, ..setup }
            .with("s3:x-amz-server-side-encryption", encryption)
            .identity(named("encrypted-writes", statements))
    }
}

pub(super) fn set_operators(r: &mut Rng) -> Setup {
    let caller = any_role(r, PLATFORM);
    let job = r.pick(&JOBS);
    let tags: Vec<String> = match r.below(5) {
        0 => strings!["team"],
        1 => strings!["team", "cost-center"],
        2 => strings!["team", "owner"],
        3 => strings!["Team"],
        _ => Vec::new(),
    };
    let allowed = strings!["team", "cost-center"];
    let statement = match r.below(3) {
        0 => Stmt::allow(strings!["glue:TagResource"])
            .sid("OnlyKnownTags")
            .on(strings![job_arn("*")])
            .when("ForAllValues:StringEquals", "aws:TagKeys", allowed),
        1 => Stmt::allow(strings!["glue:TagResource"])
            .sid("NeedsATeamTag")
            .on(strings![job_arn("*")])
            .when("ForAnyValue:StringEquals", "aws:TagKeys", strings!["team"]),
        _ => Stmt::allow(strings!["glue:TagResource"])
            .sid("KnownTagsOnly")
            .on(strings![job_arn("*")])
            .when("ForAllValues:StringEquals", "aws:TagKeys", allowed)
            .when("ForAnyValue:StringEquals", "aws:TagKeys", strings!["team"]),
    };
    let mut statements = vec![statement];
    if r.chance(30) {
        statements.push(
            Stmt::deny(strings!["glue:TagResource"])
                .sid("NoOwnerTag")
                .on(strings!["*"])
                .when("ForAnyValue:StringLike", "aws:TagKeys", strings!["owner*"]),
        );
    }
    let listed = if tags.is_empty() {
        "no tag keys (an empty list)".to_owned()
    } else {
        format!("the tag keys {}", tags.join(", "))
    };
    Setup::new(
        caller.arn,
        "glue:TagResource",
        job_arn(job),
        format!("{} tags the Glue job {job} with {listed}.", caller.who),
    )
    .with_list("aws:TagKeys", tags)
    .identity(named("job-tagging", statements))
}

pub(super) fn source_ip(r: &mut Rng) -> Setup {
    let (setup, object) = s3_request(r);
    let ip = r.pick(&["10.20.4.17", "10.21.0.5", "203.0.113.200", "198.51.100.7"]);
    let office = strings!["10.20.0.0/16", "203.0.113.0/24"];
    let statements = if r.chance(50) {
        vec![
            lake_allow(&object),
            Stmt::deny(strings!["s3:*"])
                .sid("OnlyFromTheNetwork")
                .on(strings!["*"])
                .when("NotIpAddress", "aws:SourceIp", office),
        ]
    } else {
        vec![Stmt::allow(strings!["s3:GetObject", "s3:PutObject"])
            .sid("FromTheNetwork")
            .on(strings![objects(object.bucket, "")])
            .when("IpAddress", "aws:SourceIp", office)]
    };
    let story = format!("{} from {ip}.", setup.story);
    Setup { story, ..setup }
        .with("aws:SourceIp", ip)
        .identity(named("network-guard", statements))
}

pub(super) fn mfa(r: &mut Rng) -> Setup {
    let (mut setup, object) = s3_request(r);
    let present = r.chance(55);
    let age = r.pick(&["300", "2400", "7200"]);
    let statements = match r.below(3) {
        0 => vec![
            lake_allow(&object),
            Stmt::allow(strings!["s3:DeleteObject"])
                .sid("DeleteWithMfa")
                .on(strings![objects(object.bucket, "")])
                .when("Bool", "aws:MultiFactorAuthPresent", strings!["true"]),
        ],
        1 => vec![
            Stmt::allow(strings!["s3:*"])
                .sid("Lake")
                .on(strings![objects(object.bucket, "")]),
            Stmt::deny(strings!["s3:DeleteObject", "s3:PutObject"])
                .sid("WritesNeedMfa")
                .on(strings!["*"])
                .when(
                    "BoolIfExists",
                    "aws:MultiFactorAuthPresent",
                    strings!["false"],
                ),
        ],
        _ => {
            setup = setup.with("aws:MultiFactorAuthAge", age);
            vec![
                Stmt::allow(strings!["s3:*"])
                    .sid("Lake")
                    .on(strings![objects(object.bucket, "")]),
                Stmt::deny(strings!["s3:DeleteObject"])
                    .sid("RecentMfaForDeletes")
                    .on(strings!["*"])
                    .when(
                        "NumericGreaterThan",
                        "aws:MultiFactorAuthAge",
                        strings!["3600"],
                    ),
            ]
        }
    };
    let signed_in = if setup
        .context
        .iter()
        .any(|(k, _)| k == "aws:MultiFactorAuthAge")
    {
        format!(", authenticated with MFA {age} seconds ago")
    } else if present {
        ", authenticated with MFA".to_owned()
    } else {
        ", authenticated without MFA".to_owned()
    };
    let present = present
        || setup
            .context
            .iter()
            .any(|(k, _)| k == "aws:MultiFactorAuthAge");
    let story = format!("{}{signed_in}.", setup.story);
    Setup { story, ..setup }
        .with(
            "aws:MultiFactorAuthPresent",
            if present { "true" } else { "false" },
        )
        .identity(named("mfa-for-writes", statements))
}

pub(super) fn dates(r: &mut Rng) -> Setup {
    let (setup, object) = s3_request(r);
    let now = r.pick(&[
        "2026-01-15T09:30:00Z",
        "2026-03-31T23:59:59Z",
        "2026-04-01T00:00:01Z",
        "2025-12-31T23:00:00Z",
    ]);
    let statements = if r.chance(50) {
        vec![Stmt::allow(strings!["s3:GetObject", "s3:PutObject"])
            .sid("ContractorQ1")
            .on(strings![objects(object.bucket, "")])
            .when(
                "DateGreaterThan",
                "aws:CurrentTime",
                strings!["2026-01-01T00:00:00Z"],
            )
            .when(
                "DateLessThan",
                "aws:CurrentTime",
                strings!["2026-04-01T00:00:00Z"],
            )]
    } else {
        vec![
            lake_allow(&object),
            Stmt::deny(strings!["s3:*"])
                .sid("AccessEnds")
                .on(strings!["*"])
                .when(
                    "DateGreaterThanEquals",
                    "aws:CurrentTime",
                    strings!["2026-04-01T00:00:00Z"],
                ),
        ]
    };
    let story = format!("{} at {now}.", setup.story);
    Setup { story, ..setup }
        .with("aws:CurrentTime", now)
        .identity(named("contractor-window", statements))
}

pub(super) fn tags_abac(r: &mut Rng) -> Setup {
    let caller = any_role(r, PLATFORM);
    let job = r.pick(&JOBS);
    let principal_team = r.pick(&["sales-analytics", "ml-platform"]);
    let job_team = r.pick(&["sales-analytics", "ml-platform", "Sales-Analytics"]);
    let statements = if r.chance(50) {
        vec![Stmt::allow(strings!["glue:StartJobRun", "glue:GetJobRun"])
            .sid("OwnTeamsJobs")
            .on(strings![job_arn("*")])
            .when(
                "StringEquals",
                "aws:ResourceTag/team",
                strings!["${aws:PrincipalTag/team}"],
            )]
    } else {
        vec![
            Stmt::allow(strings!["glue:*"])
                .sid("Glue")
                .on(strings!["*"]),
            Stmt::deny(strings!["glue:StartJobRun", "glue:DeleteJob"])
                .sid("OtherTeamsJobs")
                .on(strings!["*"])
                .when(
                    "StringNotEqualsIgnoreCase",
                    "aws:ResourceTag/team",
                    strings!["${aws:PrincipalTag/team}"],
                ),
        ]
    };
    Setup::new(
        caller.arn,
        "glue:StartJobRun",
        job_arn(job),
        format!(
            "{} (tagged team={principal_team}) starts the Glue job {job} (tagged team={job_team}).",
            caller.who
        ),
    )
    .with("aws:PrincipalTag/team", principal_team)
    .with("aws:ResourceTag/team", job_team)
    .identity(named("team-jobs", statements))
}
