import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessTree } from '../../helpers/assess-tree.js';

/** IAM findings of an assessment of `files` (only the iam category), as `ruleId file:line`. */
async function iamFindings(files: Record<string, string>): Promise<string[]> {
  const result = await assessTree(files, { only: ['iam'] });
  expect(result.errors).toEqual([]);
  return result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine}`);
}

const ROLE_POLICY = [
  'resource "aws_iam_role_policy" "etl" {', // 1
  '  role = aws_iam_role.etl.id',
  '  policy = jsonencode({',
  '    Version = "2012-10-17"',
  '    Statement = [', // 5
  '      { Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::landing/orders/*" },',
  '      { Effect = "Allow", Action = "s3:*", Resource = "*" },',
  '    ]',
  '  })',
  '}', // 10
  '',
].join('\n');

describe('IAM rules on Terraform policies', () => {
  it('reports a jsonencode statement at its own line', async () => {
    const found = await iamFindings({ 'infra/iam.tf': ROLE_POLICY });
    expect(found).toEqual(expect.arrayContaining(['iam.wildcard-action infra/iam.tf:7', 'iam.read-all-data infra/iam.tf:7', 'iam.wildcard-resource infra/iam.tf:7']));
    expect(found.filter((f) => f.endsWith(':6'))).toEqual([]);
  });

  it('reads heredoc JSON line by line, its interpolations unknown rather than guessed', async () => {
    const tf = [
      'resource "aws_iam_policy" "etl" {', // 1
      '  policy = <<-EOF',
      '    {',
      '      "Statement": [',
      '        {"Effect": "Allow", "Action": "s3:*", "Resource": "${aws_s3_bucket.raw.arn}/*"},', // 5
      '        {"Effect": "Allow", "Action": "${var.action}", "Resource": "*"},',
      '        {"Effect": "${var.effect}", "NotAction": "iam:*", "Resource": "*"}',
      '      ]',
      '    }',
      '  EOF', // 10
      '}',
      '',
    ].join('\n');
    // Line 5's resource and line 6's action are unknown: only the known "s3:*" is judged; line 7's Effect is unknown.
    expect(await iamFindings({ 'iam.tf': tf })).toEqual(['iam.wildcard-action iam.tf:5']);
  });

  it('checks a policy document data source once, where its statements are written', async () => {
    const tf = [
      'data "aws_iam_policy_document" "etl" {', // 1
      '  statement {',
      '    actions   = ["iam:PassRole", "glue:CreateJob"]',
      '    resources = ["*"]',
      '  }', // 5
      '}',
      'resource "aws_iam_policy" "etl" {',
      '  policy = data.aws_iam_policy_document.etl.json',
      '}',
      'resource "aws_iam_role_policy" "etl" {', // 10
      '  role   = "etl"',
      '  policy = data.aws_iam_policy_document.etl.json',
      '}',
      '',
    ].join('\n');
    const found = await iamFindings({ 'iam.tf': tf });
    expect(found).toContain('iam.privilege-escalation iam.tf:2');
    expect(found).toContain('iam.passrole-any-role iam.tf:2');
    expect(new Set(found).size).toBe(found.length);
    expect(found.every((f) => f.endsWith(':2'))).toBe(true);
  });

  it('reads a role\'s trust policy as a trust policy and its inline policies as identity policies', async () => {
    const tf = [
      'variable "trusted" {', // 1
      '  default = "*"',
      '}',
      'resource "aws_iam_role" "etl" {',
      '  assume_role_policy = jsonencode({', // 5
      '    Statement = [{ Effect = "Allow", Principal = { AWS = var.trusted }, Action = "sts:AssumeRole" }]',
      '  })',
      '  inline_policy {',
      '    name   = "all"',
      '    policy = jsonencode({ Statement = [{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }] })', // 10
      '  }',
      '}',
      '',
    ].join('\n');
    const found = await iamFindings({ 'iam.tf': tf });
    expect(found).toContain('iam.trust-any-principal iam.tf:6');
    expect(found).toContain('iam.not-action-allow iam.tf:10');
  });

  it('leaves a statement whose values are unknown alone', async () => {
    const tf = 'variable "actions" {}\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = var.actions, Resource = "*" }] })\n}\n';
    expect(await iamFindings({ 'iam.tf': tf })).toEqual([]);
  });

  it('makes malformed policy JSON a scan error for its file, and checks the rest', async () => {
    const broken = 'resource "aws_iam_policy" "broken" {\n  policy = <<EOF\n{"Statement": [{"Effect": "Allow", "Action": "s3:*",\nEOF\n}\n';
    const result = await assessTree({ 'broken.tf': broken, 'iam.tf': ROLE_POLICY }, { only: ['iam'] });
    expect(result.errors).toEqual([expect.objectContaining({ file: 'broken.tf', message: expect.stringMatching(/^aws_iam_policy\.broken: policy at line 2 is not valid JSON/) })]);
    expect(result.findings.map((f) => f.ruleId)).toContain('iam.wildcard-action');
  });

  it('reads statements a dynamic block makes from a known list, and each policy a for_each makes', async () => {
    const tf = [
      'locals {', // 1
      '  grants = [',
      '    { actions = ["s3:GetObject"], resources = ["arn:aws:s3:::landing/*"] },',
      '    { actions = ["*"], resources = ["*"] },',
      '  ]', // 5
      '}',
      'data "aws_iam_policy_document" "etl" {',
      '  dynamic "statement" {',
      '    for_each = local.grants',
      '    content {', // 10
      '      actions   = statement.value.actions',
      '      resources = statement.value.resources',
      '    }',
      '  }',
      '}', // 15
      'resource "aws_iam_role_policy" "per_team" {',
      '  for_each = { analysts = "s3:GetObject", admins = "iam:*" }',
      '  role     = each.key',
      '  policy   = jsonencode({ Statement = [{ Effect = "Allow", Action = each.value, Resource = "*" }] })',
      '}', // 20
      '',
    ].join('\n');
    const found = await iamFindings({ 'iam.tf': tf });
    // The local list is placed where the dynamic block reads it; each for_each policy at its statement.
    expect(found).toContain('iam.wildcard-action iam.tf:10');
    expect(found).toContain('iam.wildcard-action iam.tf:19');
    expect(found.filter((f) => f.startsWith('iam.wildcard-action'))).toHaveLength(2);
  });

  it('reports a module called twice once, at the module\'s line', async () => {
    const found = await iamFindings({
      'main.tf': 'module "a" {\n  source = "./modules/role"\n}\nmodule "b" {\n  source = "./modules/role"\n}\n',
      'modules/role/main.tf': ROLE_POLICY,
    });
    expect(found.filter((f) => f.startsWith('iam.wildcard-action'))).toEqual(['iam.wildcard-action modules/role/main.tf:7']);
  });
});

describe('IAM rules on CloudFormation policies', () => {
  it('checks role trust and inline policies, managed policies and bucket policies', async () => {
    const template = [
      'AWSTemplateFormatVersion: "2010-09-09"', // 1
      'Resources:',
      '  EtlRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:', // 5
      '      AssumeRolePolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: { AWS: "*" }',
      '            Action: sts:AssumeRole', // 10
      '      Policies:',
      '        - PolicyName: all',
      '          PolicyDocument:',
      '            Statement:',
      '              - Effect: Allow', // 15
      '                Action: "*"',
      '                Resource: "*"',
      '  Escalate:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:', // 20
      '      PolicyDocument: \'{"Statement": [{"Effect": "Allow", "Action": ["iam:CreatePolicyVersion"], "Resource": "*"}]}\'',
      '  LandingPolicy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: !Ref Landing', // 25
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: "*"',
      '            Action: s3:PutObject', // 30
      '            Resource: arn:aws:s3:::landing/*',
      '',
    ].join('\n');
    const found = await iamFindings({ 'stack.yaml': template });
    expect(found).toEqual(
      expect.arrayContaining([
        'iam.trust-any-principal stack.yaml:8',
        'iam.wildcard-action stack.yaml:15',
        'iam.privilege-escalation stack.yaml:21',
        'iam.trust-any-principal stack.yaml:28',
      ]),
    );
  });
});

describe('least privilege over Terraform policies', () => {
  it('reports a Terraform role policy granting s3:* on * to a job that reads one bucket', async () => {
    const result = await assessTree(
      { 'infra/iam.tf': ROLE_POLICY, 'jobs/orders.py': 'import pandas as pd\n\norders = pd.read_csv("s3://landing/orders/2024-06-01.csv")\n' },
      { only: ['iam'] },
    );
    const excess = result.findings.filter((f) => f.ruleId === 'iam.excess-grant');
    expect(excess.map((f) => `${f.location.file}:${f.location.startLine}`)).toEqual(['infra/iam.tf:7']);
    expect(excess[0]!.message).toContain('* covers every bucket, while the code touches only landing');
  });
});

describe('a well-configured Terraform and CloudFormation IAM setup', () => {
  it('yields no IAM findings', async () => {
    const dir = path.join(import.meta.dirname, '../../fixtures/iam/terraform-clean');
    const files = Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    expect(await iamFindings(files)).toEqual([]);
  });
});

describe('Azure role assignments', () => {
  it('reports Owner, Contributor and User Access Administrator by name or definition id, with their scope, and not a data-plane role', async () => {
    const tf = [
      'resource "azurerm_role_assignment" "adf" {', // 1
      '  scope                = "/subscriptions/0000/resourceGroups/data"',
      '  role_definition_name = "Contributor"',
      '  principal_id         = azurerm_data_factory.etl.identity[0].principal_id',
      '}', // 5
      'resource "azurerm_role_assignment" "grantor" {',
      '  scope              = "/subscriptions/0000"',
      '  role_definition_id = "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c6a72d9d"',
      '  principal_id       = var.pipeline_principal',
      '}', // 10
      'resource "azurerm_role_assignment" "reader" {',
      '  scope                = azurerm_storage_account.landing.id',
      '  role_definition_name = "Storage Blob Data Reader"',
      '  principal_id         = var.pipeline_principal',
      '}', // 15
      '',
    ].join('\n');
    const result = await assessTree({ 'identity.tf': tf }, { only: ['iam'] });
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.startLine} ${f.message}`)).toEqual([
      'iam.azure-broad-role 3 azurerm_role_assignment.adf grants the built-in role Contributor on /subscriptions/0000/resourceGroups/data',
      'iam.azure-broad-role 8 azurerm_role_assignment.grantor grants the built-in role User Access Administrator on /subscriptions/0000',
    ]);
  });
});

describe('GCP roles that reach every service account', () => {
  it('reports impersonation and IAM-editing roles granted on a project or through a whole policy, not on one service account', async () => {
    const tf = [
      'resource "google_project_iam_member" "composer" {', // 1
      '  project = "acme-data"',
      '  role    = "roles/iam.serviceAccountTokenCreator"',
      '  member  = "serviceAccount:composer@acme-data.iam.gserviceaccount.com"',
      '}', // 5
      'data "google_iam_policy" "folder" {',
      '  binding {',
      '    role    = "roles/resourcemanager.folderIamAdmin"',
      '    members = ["group:data-eng@acme.com"]',
      '  }', // 10
      '}',
      'resource "google_folder_iam_policy" "data" {',
      '  folder      = "folders/1234567"',
      '  policy_data = data.google_iam_policy.folder.policy_data',
      '}', // 15
      'resource "google_service_account_iam_member" "one" {',
      '  service_account_id = google_service_account.etl.name',
      '  role               = "roles/iam.serviceAccountTokenCreator"',
      '  member             = "serviceAccount:composer@acme-data.iam.gserviceaccount.com"',
      '}', // 20
      '',
    ].join('\n');
    const result = await assessTree({ 'iam.tf': tf }, { only: ['iam'] });
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.startLine} ${f.message}`)).toEqual([
      'iam.gcp-escalation-role 3 google_project_iam_member.composer grants roles/iam.serviceAccountTokenCreator to serviceAccount:composer@acme-data.iam.gserviceaccount.com, which can mint access tokens for any service account in the project',
      'iam.gcp-escalation-role 8 google_folder_iam_policy.data grants roles/resourcemanager.folderIamAdmin to group:data-eng@acme.com, which can change the folder\'s access policy',
    ]);
  });
});

describe('roles granted once for each item of for_each', () => {
  it('judges every role of the set a GCP member or an Azure assignment is made for', async () => {
    const tf = [
      'resource "google_project_iam_member" "composer" {', // 1
      '  for_each = toset(["roles/bigquery.dataEditor", "roles/iam.serviceAccountUser"])',
      '  project  = "acme-data"',
      '  role     = each.key',
      '  member   = "serviceAccount:composer@acme-data.iam.gserviceaccount.com"', // 5
      '}',
      'resource "azurerm_role_assignment" "adf" {',
      '  for_each             = { reader = "Storage Blob Data Reader", admin = "Owner" }',
      '  scope                = azurerm_resource_group.data.id',
      '  role_definition_name = each.value', // 10
      '  principal_id         = var.adf_principal',
      '}',
      '',
    ].join('\n');
    const result = await assessTree({ 'iam.tf': tf }, { only: ['iam'] });
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.startLine} ${f.message}`)).toEqual([
      'iam.gcp-escalation-role 2 google_project_iam_member.composer grants roles/iam.serviceAccountUser to serviceAccount:composer@acme-data.iam.gserviceaccount.com, which can run work as any service account in the project',
      'iam.azure-broad-role 8 azurerm_role_assignment.adf grants the built-in role Owner',
    ]);
  });
});
