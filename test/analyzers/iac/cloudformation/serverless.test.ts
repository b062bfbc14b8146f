import { describe, expect, it } from 'vitest';
import { assessTree } from '../../../helpers/assess-tree.js';

const SERVERLESS = [
  'service: orders-ingest', // 1
  'custom:',
  '  landing: acme-landing-${self:custom.env}',
  '  env: prod',
  'provider:', // 5
  '  name: aws',
  '  runtime: python3.12',
  '  iam:',
  '    role:',
  '      statements:', // 10
  '        - Effect: Allow',
  '          Action: s3:*',
  '          Resource: arn:aws:s3:::${self:custom.landing}/*',
  '        - Effect: Allow',
  '          Action: [s3:PutObject]', // 15
  '          Resource: arn:aws:s3:::${opt:stage}-exports/*',
  '      managedPolicies:',
  '        - arn:aws:iam::aws:policy/AdministratorAccess',
  'functions:',
  '  ingest:', // 20
  '    handler: handler.ingest',
  '    iamRoleStatements:',
  '      - Effect: Allow',
  '        Action: secretsmanager:GetSecretValue',
  '        Resource: "*"', // 25
  'resources:',
  '  Resources:',
  '    Landing:',
  '      Type: AWS::S3::Bucket',
  '      Properties:', // 30
  '        BucketName: ${self:custom.landing}',
  '',
].join('\n');

describe('Serverless Framework files', () => {
  it('checks the roles the framework makes and the CloudFormation under resources:, its own ${self:…} variables filled in', async () => {
    const result = await assessTree({ 'serverless.yml': SERVERLESS, 'handler.py': 'def ingest(event, context):\n    return event\n' }, { only: ['iam', 'iac'] });
    expect(result.errors).toEqual([]);
    const found = result.findings.map((f) => `${f.ruleId} ${f.location.startLine} ${f.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'iam.wildcard-action 11 statement 1 allows every action of s3:*',
        'iam.wildcard-action 18 AWS managed policy AdministratorAccess allows every action ("*")',
        'iam.read-all-data 23 statement 1 allows secretsmanager:GetSecretValue on every resource',
        'cfn.s3.no-public-access-block 28 S3 bucket has no public access block configuration',
      ]),
    );
  });

  it('compares the role’s S3 grants with the buckets the code uses, ${self:…} resolved and ${opt:…} left unknown', async () => {
    const code = 'import boto3\n\ns3 = boto3.client("s3")\nbody = s3.get_object(Bucket="acme-landing-prod", Key="orders/today.json")["Body"].read()\n';
    const result = await assessTree({ 'serverless.yml': SERVERLESS, 'handler.py': code }, { only: ['iam'] });
    const excess = result.findings.filter((f) => f.ruleId === 'iam.excess-grant').map((f) => `${f.location.startLine} ${f.message.split('. What')[0]}`);
    expect(excess).toEqual(['11 statement 1: arn:aws:s3:::acme-landing-prod/* allows s3:PutObject, s3:DeleteObject in acme-landing-prod, which the code only reads', '18 AWS managed policy AdministratorAccess: * covers every bucket, while the code touches only acme-landing-prod']);
  });

  it('reads the provider role of Serverless v1/v2 (iamRoleStatements, iamManagedPolicies), and no role given by ARN', async () => {
    const legacy = [
      'service: legacy',
      'provider:',
      '  name: aws',
      '  iamRoleStatements:',
      '    - Effect: Allow', // 5
      '      Action: [dynamodb:*]',
      '      Resource: "*"',
      '  iamManagedPolicies: [arn:aws:iam::aws:policy/AmazonSQSFullAccess]',
      '',
    ].join('\n');
    const shared = 'service: shared\nprovider:\n  name: aws\n  iam:\n    role: arn:aws:iam::123456789012:role/etl\n';
    const result = await assessTree({ 'serverless.yml': legacy, 'shared/serverless.yml': shared }, { only: ['iam'] });
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'iam.wildcard-action').map((f) => `${f.location.file}:${f.location.startLine} ${f.message}`)).toEqual([
      'serverless.yml:5 statement 1 allows every action of dynamodb:*',
      'serverless.yml:8 AWS managed policy AmazonSQSFullAccess allows every action of sqs:*',
    ]);
  });

  it('reads resources: given as a list of template parts, each with its own Resources, and skips ${file(…)} parts', async () => {
    const parts = [
      'service: parts',
      'provider: { name: aws }',
      'resources:',
      '  - ${file(resources/firehose.yml)}',
      '  - Resources:', // 5
      '      Raw:',
      '        Type: AWS::S3::Bucket',
      '  - Mappings:',
      '      Stage: { prod: { Shards: 2 } }',
      '    Resources:', // 10
      '      Events:',
      '        Type: AWS::Kinesis::Stream',
      '        Properties:',
      '          ShardCount: !FindInMap [Stage, prod, Shards]',
      '',
    ].join('\n');
    const result = await assessTree({ 'serverless.yml': parts }, { only: ['iac'] });
    expect(result.errors).toEqual([]);
    const found = result.findings.map((f) => `${f.ruleId} ${f.location.startLine}`);
    expect(found).toEqual(expect.arrayContaining(['cfn.s3.no-public-access-block 6', 'cfn.kinesis.no-encryption 11']));
  });
});
