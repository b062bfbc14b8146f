import { describe, expect, it } from 'vitest';
import { assessTree } from '../../helpers/assess-tree.js';

/** IAM findings of an assessment of `files`, as `ruleId file:line message`. */
async function iamFindings(files: Record<string, string>): Promise<string[]> {
  const result = await assessTree(files, { only: ['iam'] });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine} ${f.message}`).sort();
}

const TERRAFORM = [
  'resource "aws_iam_role" "etl" {', // 1
  '  name               = "etl"',
  '  assume_role_policy = data.aws_iam_policy_document.assume.json',
  '  managed_policy_arns = [',
  '    "arn:aws:iam::aws:policy/AmazonS3FullAccess",', // 5
  '    "arn:aws:iam::123456789012:policy/etl-extra",',
  '  ]',
  '}',
  'resource "aws_iam_role_policy_attachment" "admin" {',
  '  role       = aws_iam_role.etl.name', // 10
  '  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"',
  '}',
  'data "aws_iam_policy" "iam_full" {',
  '  name = "IAMFullAccess"',
  '}', // 15
  'resource "aws_iam_user_policy_attachment" "ops" {',
  '  user       = "ops"',
  '  policy_arn = data.aws_iam_policy.iam_full.arn',
  '}',
  'resource "aws_iam_role_policy_attachment" "logs" {', // 20
  '  role       = aws_iam_role.etl.name',
  '  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"',
  '}',
  '',
].join('\n');

describe('AWS managed policies attached in Terraform', () => {
  it('judges each attached AWS managed policy by the statements AWS publishes for it, on the line that attaches it', async () => {
    expect(await iamFindings({ 'infra/iam.tf': TERRAFORM })).toEqual([
      'iam.passrole-any-role infra/iam.tf:18 AWS managed policy IAMFullAccess lets the holder pass any role to any service',
      expect.stringMatching(/^iam\.privilege-escalation infra\/iam\.tf:18 AWS managed policy IAMFullAccess allows iam:CreatePolicyVersion: /),
      'iam.read-all-data infra/iam.tf:11 AWS managed policy AdministratorAccess allows s3:GetObject, secretsmanager:GetSecretValue, ssm:GetParameter, kms:Decrypt, dynamodb:Scan, athena:GetQueryResults on every resource',
      'iam.read-all-data infra/iam.tf:5 AWS managed policy AmazonS3FullAccess allows s3:GetObject on every resource',
      'iam.wildcard-action infra/iam.tf:11 AWS managed policy AdministratorAccess allows every action ("*")',
      'iam.wildcard-action infra/iam.tf:18 AWS managed policy IAMFullAccess allows every action of iam:*',
      'iam.wildcard-action infra/iam.tf:5 AWS managed policy AmazonS3FullAccess allows every action of s3:*, s3-object-lambda:*',
      'iam.wildcard-resource infra/iam.tf:18 AWS managed policy IAMFullAccess allows iam:* on every resource',
      'iam.wildcard-resource infra/iam.tf:5 AWS managed policy AmazonS3FullAccess allows s3:*, s3-object-lambda:* on every resource',
    ]);
  });

  it('compares an attached managed policy’s S3 grants with what the code reads', async () => {
    const result = await assessTree(
      { 'infra/iam.tf': TERRAFORM, 'jobs/orders.py': 'import pandas as pd\n\norders = pd.read_csv("s3://landing/orders/2024-06-01.csv")\n' },
      { only: ['iam'] },
    );
    const excess = result.findings.filter((f) => f.ruleId === 'iam.excess-grant').map((f) => `${f.location.startLine} ${f.message.split('. What')[0]}`);
    expect(excess).toEqual([
      '5 AWS managed policy AmazonS3FullAccess: * covers every bucket, while the code touches only landing',
      '11 AWS managed policy AdministratorAccess: * covers every bucket, while the code touches only landing',
    ]);
  });
});

describe('AWS managed policies attached in CloudFormation and SAM', () => {
  it('reads ManagedPolicyArns, !Sub ARNs, and a SAM function’s Policies by name beside inline documents and policy templates', async () => {
    const template = [
      'AWSTemplateFormatVersion: "2010-09-09"', // 1
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  OpsRole:',
      '    Type: AWS::IAM::Role', // 5
      '    Properties:',
      '      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] }',
      '      ManagedPolicyArns:',
      '        - !Sub arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess',
      '        - arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceforEC2Role', // 10
      '  Ingest:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Handler: app.handler',
      '      Runtime: python3.12', // 15
      '      Policies:',
      '        - AWSLambdaBasicExecutionRole',
      '        - AmazonSQSFullAccess',
      '        - S3ReadPolicy: { BucketName: landing }',
      '        - Statement:', // 20
      '            - Effect: Allow',
      '              Action: dynamodb:*',
      '              Resource: "*"',
      '',
    ].join('\n');
    const found = (await iamFindings({ 'template.yaml': template })).filter((f) => /^iam\.(wildcard-action|not-action-allow) /.test(f));
    // The Lambda logging baseline (line 17) and the SAM policy template (line 19) are no finding.
    expect(found).toEqual([
      'iam.not-action-allow template.yaml:9 AWS managed policy PowerUserAccess allows every action except iam:*, organizations:*, account:*',
      'iam.wildcard-action template.yaml:10 AWS managed policy service-role/AmazonElasticMapReduceforEC2Role allows every action of cloudwatch:*, dynamodb:*, s3:*, sdb:*, sns:*, sqs:*',
      'iam.wildcard-action template.yaml:18 AWS managed policy AmazonSQSFullAccess allows every action of sqs:*',
      'iam.wildcard-action template.yaml:21 statement 1 allows every action of dynamodb:*',
    ]);
    expect((await iamFindings({ 'template.yaml': template })).filter((f) => / template\.yaml:(17|19) /.test(f))).toEqual([]);
  });
});

describe('an attachment made for each ARN of a set', () => {
  it('attaches every managed policy for_each holds, each reported at the for_each (toset() keeps no line per item)', async () => {
    const tf = [
      'resource "aws_iam_role_policy_attachment" "lambda" {', // 1
      '  for_each = toset([',
      '    "arn:aws:iam::aws:policy/AmazonS3FullAccess",',
      '    "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",',
      '  ])', // 5
      '  role       = aws_iam_role.lambda.name',
      '  policy_arn = each.key',
      '}',
      'resource "aws_iam_role_policy_attachment" "by_name" {',
      '  for_each   = { queue = "arn:aws:iam::aws:policy/AmazonSQSFullAccess" }', // 10
      '  role       = aws_iam_role.lambda.name',
      '  policy_arn = each.value',
      '}',
      '',
    ].join('\n');
    expect((await iamFindings({ 'iam.tf': tf })).filter((f) => f.startsWith('iam.wildcard-action'))).toEqual([
      'iam.wildcard-action iam.tf:10 AWS managed policy AmazonSQSFullAccess allows every action of sqs:*',
      'iam.wildcard-action iam.tf:2 AWS managed policy AmazonS3FullAccess allows every action of s3:*, s3-object-lambda:*',
    ]);
  });
});

describe('SAM policy templates', () => {
  const template = [
    'Transform: AWS::Serverless-2016-10-31', // 1
    'Resources:',
    '  Ingest:',
    '    Type: AWS::Serverless::Function',
    '    Properties:', // 5
    '      Handler: app.handler',
    '      Policies:',
    '        - S3CrudPolicy:',
    '            BucketName: landing',
    '        - S3ReadPolicy: { BucketName: "*" }', // 10
    '        - DynamoDBCrudPolicy: { TableName: !Ref Orders }',
    '',
  ].join('\n');

  it('expands each template into its statements (a table named by !Ref stays unknown): grants on every bucket and writes the code never makes are reported where the template is named', async () => {
    const code = 'import boto3\n\nbody = boto3.client("s3").get_object(Bucket="landing", Key="orders/today.json")["Body"].read()\n';
    const result = await assessTree({ 'template.yaml': template, 'app.py': code }, { only: ['iam'] });
    expect(result.errors).toEqual([]);
    const found = result.findings.map((f) => `${f.ruleId} ${f.location.startLine} ${f.message.split('. What')[0]}`).sort();
    expect(found).toEqual([
      'iam.excess-grant 10 SAM policy template S3ReadPolicy: arn:aws:s3:::* covers every bucket, while the code touches only landing',
      'iam.excess-grant 10 SAM policy template S3ReadPolicy: arn:aws:s3:::*/* covers every bucket, while the code touches only landing',
      'iam.excess-grant 8 SAM policy template S3CrudPolicy: arn:aws:s3:::landing allows s3:PutObject, s3:DeleteObject in landing, which the code only reads',
      'iam.excess-grant 8 SAM policy template S3CrudPolicy: arn:aws:s3:::landing/* allows s3:PutObject, s3:DeleteObject in landing, which the code only reads',
      'iam.read-all-data 10 SAM policy template S3ReadPolicy allows s3:GetObject on every resource',
    ]);
  });
});
