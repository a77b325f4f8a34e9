// The benchmarked cases, in the engine's case format (see engine/src/case). Each benchmarked
// case comes with variants whose decisions differ, so the agreement check between the engine and
// the peer covers allow, explicit deny and implicit deny, not just one path.

const ACCOUNT = '111122223333'
const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`
const V = '2012-10-17'

/** One identity policy with a few statements and a condition: what a learner writes. */
function typical() {
  return {
    id: 'typical',
    request: {
      principal: ALICE,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::team-reports/2026/q3.csv',
      context: { 'aws:SourceIp': '203.0.113.7' }
    },
    policies: {
      identity: [
        {
          name: 'ReportsReader',
          document: {
            Version: V,
            Statement: [
              {
                Sid: 'ReadReportsFromOffice',
                Effect: 'Allow',
                Action: ['s3:GetObject', 's3:ListBucket'],
                Resource: ['arn:aws:s3:::team-reports', 'arn:aws:s3:::team-reports/*'],
                Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.0/24'] } }
              },
              {
                Sid: 'DescribeTables',
                Effect: 'Allow',
                Action: 'dynamodb:Describe*',
                Resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/*`
              },
              {
                Sid: 'NeverDelete',
                Effect: 'Deny',
                Action: ['s3:DeleteObject', 's3:DeleteBucket'],
                Resource: '*'
              }
            ]
          }
        }
      ]
    }
  }
}

const SERVICES = [
  'ec2', 'dynamodb', 'sqs', 'sns', 'lambda', 'logs', 'cloudwatch',
  'kms', 'ssm', 'athena', 'glue', 'secretsmanager', 'states'
]
const REGIONS = ['eu-west-1', 'eu-central-1']

/** Read-only access per service, limited to the approved regions. */
function serviceStatements() {
  return SERVICES.flatMap((service) => [
    {
      Sid: `Read${service}`,
      Effect: 'Allow',
      Action: [`${service}:Describe*`, `${service}:Get*`, `${service}:List*`],
      Resource: `arn:aws:${service}:*:${ACCOUNT}:*`,
      Condition: { StringEquals: { 'aws:RequestedRegion': REGIONS } }
    },
    {
      Sid: `Write${service}ForTeam`,
      Effect: 'Allow',
      Action: [`${service}:Create*`, `${service}:Update*`, `${service}:Tag*`],
      Resource: `arn:aws:${service}:eu-west-1:${ACCOUNT}:*`,
      Condition: {
        StringEquals: { 'aws:PrincipalTag/team': 'analytics' },
        'ForAllValues:StringLike': { 'aws:TagKeys': ['team', 'env', 'cost-*'] }
      }
    }
  ])
}

/** Identity + resource + SCP policies with 50 statements in all, decided only after all apply. */
function policySet50() {
  const identity = [
    {
      name: 'DataEngineer',
      document: {
        Version: V,
        Statement: [
          ...serviceStatements(),
          {
            Sid: 'ReadAnalyticsData',
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:GetObjectVersion'],
            Resource: 'arn:aws:s3:::analytics-data/${aws:PrincipalTag/team}/*',
            Condition: { Bool: { 'aws:SecureTransport': 'true' } }
          },
          {
            Sid: 'ListAnalyticsBucket',
            Effect: 'Allow',
            Action: 's3:ListBucket',
            Resource: 'arn:aws:s3:::analytics-data',
            Condition: { StringLike: { 's3:prefix': ['${aws:PrincipalTag/team}/*'] } }
          }
        ]
      }
    },
    {
      name: 'Guardrails',
      document: {
        Version: V,
        Statement: [
          { Sid: 'NoIam', Effect: 'Deny', Action: ['iam:*', 'organizations:*'], Resource: '*' },
          {
            Sid: 'NoDeleteWithoutMfa',
            Effect: 'Deny',
            Action: ['s3:Delete*', 'dynamodb:Delete*'],
            Resource: '*',
            Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }
          },
          {
            Sid: 'OnlyFromCorporateNetwork',
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: {
              NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.0.2.0/24'] },
              Bool: { 'aws:ViaAWSService': 'false' }
            }
          },
          {
            Sid: 'NotAfterContractEnd',
            Effect: 'Deny',
            Action: '*',
            Resource: '*',
            Condition: { DateGreaterThan: { 'aws:CurrentTime': '2027-06-30T23:59:59Z' } }
          },
          {
            Sid: 'KmsOnlyThroughS3',
            Effect: 'Deny',
            Action: 'kms:Decrypt',
            Resource: '*',
            Condition: { StringNotEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } }
          }
        ]
      }
    }
  ]
  const resource = {
    Version: V,
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::analytics-data', 'arn:aws:s3:::analytics-data/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } }
      },
      {
        Sid: 'DenyOutsideOrg',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::analytics-data/*',
        Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }
      },
      {
        Sid: 'PartnerRead',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::analytics-data/shared/*'
      },
      {
        Sid: 'EtlWrites',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/etl` },
        Action: ['s3:PutObject', 's3:AbortMultipartUpload'],
        Resource: 'arn:aws:s3:::analytics-data/landing/*'
      },
      {
        Sid: 'AuditorsList',
        Effect: 'Allow',
        Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:role/auditor`, '777788889999'] },
        Action: ['s3:ListBucket', 's3:GetBucketPolicy'],
        Resource: 'arn:aws:s3:::analytics-data'
      },
      {
        Sid: 'NoPublicAcl',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:PutObjectAcl',
        Resource: 'arn:aws:s3:::analytics-data/*',
        Condition: { StringEquals: { 's3:x-amz-acl': ['public-read', 'public-read-write'] } }
      },
      {
        Sid: 'OldTlsDenied',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::analytics-data/*',
        Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } }
      }
    ]
  }
  const fullAccess = { Version: V, Statement: [{ Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' }] }
  const ouGuardrails = {
    Version: V,
    Statement: [
      {
        Sid: 'ApprovedRegionsOnly',
        Effect: 'Deny',
        NotAction: ['iam:*', 'organizations:*', 'sts:*', 'support:*', 'cloudfront:*', 'route53:*'],
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': REGIONS } }
      },
      { Sid: 'StayInOrg', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' },
      {
        Sid: 'KeepCloudTrail',
        Effect: 'Deny',
        Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'cloudtrail:UpdateTrail'],
        Resource: '*'
      },
      {
        Sid: 'NoRootUser',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } }
      },
      {
        Sid: 'ProtectSecurityRoles',
        Effect: 'Deny',
        Action: ['iam:AttachRolePolicy', 'iam:DeleteRole', 'iam:PutRolePolicy'],
        Resource: 'arn:aws:iam::*:role/security-*',
        Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/security-admin' } }
      }
    ]
  }
  const accountScp = {
    Version: V,
    Statement: [
      { Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Sid: 'NoLargeInstances',
        Effect: 'Deny',
        Action: 'ec2:RunInstances',
        Resource: 'arn:aws:ec2:*:*:instance/*',
        Condition: { 'ForAnyValue:StringNotLike': { 'ec2:InstanceType': ['t3.*', 'm5.large'] } }
      },
      {
        Sid: 'TaggedResourcesOnly',
        Effect: 'Deny',
        Action: ['ec2:CreateVolume', 'rds:CreateDBInstance'],
        Resource: '*',
        Condition: { Null: { 'aws:RequestTag/cost-center': 'true' } }
      }
    ]
  }
  return {
    id: 'policy-set-50',
    request: {
      principal: ALICE,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::analytics-data/analytics/2026/q3.parquet',
      resourceAccount: ACCOUNT,
      context: {
        'aws:SourceIp': '10.1.2.3',
        'aws:SecureTransport': 'true',
        'aws:ViaAWSService': 'false',
        'aws:RequestedRegion': 'eu-west-1',
        'aws:PrincipalTag/team': 'analytics',
        'aws:PrincipalOrgID': 'o-a1b2c3d4e5',
        'aws:MultiFactorAuthPresent': 'true',
        'aws:CurrentTime': '2026-11-23T06:00:00Z',
        's3:TlsVersion': '1.3'
      }
    },
    policies: { identity, resource, scps: [[fullAccess], [fullAccess, ouGuardrails], [accountScp]] }
  }
}

/** A copy of `base` with another id and the request changed by `change`. */
function variant(base, id, change) {
  const copy = structuredClone(base)
  copy.id = id
  change(copy.request)
  return copy
}

/** The benchmarked cases. */
export function benchmarkCases() {
  return [typical(), policySet50()]
}

/** Every case whose decision the engine and the peer must agree on (the benchmarked ones first). */
export function agreementCases() {
  const [small, large] = benchmarkCases()
  return [
    small,
    large,
    variant(small, 'typical-outside-office', (r) => (r.context['aws:SourceIp'] = '192.0.2.9')),
    variant(small, 'typical-delete', (r) => (r.action = 's3:DeleteObject')),
    variant(small, 'typical-other-bucket', (r) => (r.resource = 'arn:aws:s3:::payroll/2026.csv')),
    variant(large, 'policy-set-50-other-region', (r) => (r.context['aws:RequestedRegion'] = 'us-east-1')),
    variant(large, 'policy-set-50-plain-http', (r) => (r.context['aws:SecureTransport'] = 'false')),
    variant(large, 'policy-set-50-other-team', (r) => (r.context['aws:PrincipalTag/team'] = 'finance')),
    variant(large, 'policy-set-50-home-network', (r) => (r.context['aws:SourceIp'] = '203.0.113.50')),
    variant(large, 'policy-set-50-partner', (r) => {
      r.principal = 'arn:aws:iam::444455556666:user/bob'
      r.resource = 'arn:aws:s3:::analytics-data/shared/summary.csv'
    }),
    variant(large, 'policy-set-50-etl-role', (r) => {
      r.principal = `arn:aws:iam::${ACCOUNT}:role/etl`
      r.action = 's3:PutObject'
      r.resource = 'arn:aws:s3:::analytics-data/landing/batch-7.json'
    }),
    variant(large, 'policy-set-50-describe-tables', (r) => {
      r.action = 'dynamodb:DescribeTable'
      r.resource = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/events`
    })
  ]
}

/** How many statements a case carries, over every policy. */
export function statementCount(testCase) {
  const p = testCase.policies
  const documents = [
    ...(p.identity ?? []).map((entry) => entry.document ?? entry),
    ...(p.resource ? [p.resource] : []),
    ...(p.scps ?? []).flat(),
    ...(p.rcps ?? []).flat()
  ]
  return documents.reduce((sum, doc) => sum + [doc.Statement].flat().length, 0)
}
