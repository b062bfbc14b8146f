import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTerraformJson } from '../../../../src/analyzers/iac/terraform/parse-tf-json.js';
import { cloudIamRules } from '../../../../src/analyzers/iam/cloud/index.js';
import type { AssessmentResult } from '../../../../src/core/assessment.js';
import type { Finding } from '../../../../src/core/finding.js';
import { assessTree } from '../../../helpers/assess-tree.js';
import { REPO } from '../../../helpers/cli.js';
import { terraformRules } from '../../../../src/analyzers/iac/terraform/rules/index.js';
import { readTree, scanOne, scanTerraform } from './scan.js';
import { toJsonSyntax } from './to-json-syntax.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'iac');

/** What a finding says, apart from where: the same configuration in either syntax must say the same. */
const gist = (f: Finding) => `${f.ruleId} ${f.location.file.replace(/\.json$/, '')} ${f.message}`;

describe('Terraform JSON syntax (.tf.json) twins of the native fixtures', () => {
  const native = scanTerraform(readTree(path.join(FIXTURES, 'terraform', 'vulnerable')));
  const json = scanTerraform(readTree(path.join(FIXTURES, 'terraform-json', 'vulnerable')));

  it('gives the same findings, messages included, through variables, locals and a local module', () => {
    expect(json.errors).toEqual([]);
    expect(json.findings.map(gist).sort()).toEqual(native.findings.map(gist).sort());
    expect(json.findings.length).toBe(9);
  });

  it('points every finding at the line of the .tf.json that declares it', () => {
    const tree = readTree(path.join(FIXTURES, 'terraform-json', 'vulnerable'));
    const at = json.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine} ${tree[f.location.file]!.split('\n')[f.location.startLine - 1]!.trim()}`).sort();
    expect(at).toEqual([
      'tf.db.publicly-accessible main.tf.json:19 "publicly_accessible": "${var.public_db}",',
      'tf.kms.no-rotation main.tf.json:37 "data": {',
      // The offending ingress rule: the object that opens on this line of the "ingress" array.
      'tf.network.open-database-port main.tf.json:27 {',
      'tf.s3.no-access-logging modules/bucket/main.tf.json:10 "this": {',
      'tf.s3.no-encryption modules/bucket/main.tf.json:10 "this": {',
      'tf.s3.no-public-access-block modules/bucket/main.tf.json:10 "this": {',
      'tf.s3.no-secure-transport modules/bucket/main.tf.json:10 "this": {',
      'tf.s3.no-versioning modules/bucket/main.tf.json:10 "this": {',
      'tf.s3.public-acl modules/bucket/main.tf.json:17 "acl": "${var.acl}"',
    ]);
    expect(json.findings.find((f) => f.ruleId === 'tf.kms.no-rotation')!.location.snippet).toBe('"data": {');
  });

  it('finds nothing in the clean twin: tfvars.json, locals maps, blocks as objects or arrays, jsonencode in strings', () => {
    const clean = scanTerraform(readTree(path.join(FIXTURES, 'terraform-json', 'clean')));
    expect(clean.errors).toEqual([]);
    expect(clean.findings.map(gist)).toEqual([]);
  });

  it('mixes with native files in one module directory', () => {
    const tree = readTree(path.join(FIXTURES, 'terraform-json', 'vulnerable'));
    const { 'variables.tf.json': _json, ...rest } = tree;
    const mixed = scanTerraform({ ...rest, 'variables.tf': fs.readFileSync(path.join(FIXTURES, 'terraform', 'vulnerable', 'variables.tf'), 'utf8') });
    expect(mixed.findings.map(gist).sort()).toEqual(native.findings.map(gist).sort());
  });
});

describe('every Terraform rule example, written in JSON syntax', () => {
  const examples = terraformRules.flatMap((rule) => [...rule.bad, ...rule.good].map((example, i) => [`${rule.id} #${i}`, example] as const));

  it.each(examples)('%s gives the same findings as its native form', (_name, example) => {
    const native = scanOne(example.code, example.file);
    const json = scanOne(toJsonSyntax(example.code), `${example.file}.json`);
    expect(json.errors).toEqual([]);
    expect(json.findings.map((f) => `${f.ruleId} ${f.message}`).sort()).toEqual(native.findings.map((f) => `${f.ruleId} ${f.message}`).sort());
  });
});

describe('reading Terraform JSON', () => {
  it('skips "//" comments, takes arrays of objects at any label level, and reads dynamic blocks', () => {
    const { blocks, problems } = parseTerraformJson(
      JSON.stringify({
        '//': 'generated',
        provider: { aws: [{ region: 'eu-west-1' }, { alias: 'us', region: 'us-east-1' }] },
        resource: [{ aws_s3_bucket: { a: { '//': 'note', bucket: 'a' } } }, { aws_s3_bucket: { b: { bucket: 'b' } } }],
        data: { aws_iam_policy_document: { p: { dynamic: { statement: { for_each: '${var.s}', content: {} } } } } },
      }),
    );
    expect(problems).toEqual([]);
    expect(blocks.map((b) => `${b.type} ${b.labels.join('.')} ${b.attributes.map((a) => a.name).join(',')} ${b.blocks.map((c) => `${c.type}:${c.labels}`).join(',')}`)).toEqual([
      'provider aws region ',
      'provider aws alias,region ',
      'resource aws_s3_bucket.a bucket ',
      'resource aws_s3_bucket.b bucket ',
      'data aws_iam_policy_document.p  dynamic:statement',
    ]);
  });

  it('reads strings as templates (escapes, nested quotes) but variable defaults and tfvars as literals', () => {
    const text = JSON.stringify(
      {
        variable: { v: { default: '${not.a.reference}' } },
        locals: { escaped: 'a $${b} %%{c}', spaced: 'x ${var.y} z', call: '${lower("A}")}' },
      },
      null,
      2,
    );
    const { blocks } = parseTerraformJson(text);
    expect(blocks[0]!.attributes[0]!.expr).toMatchObject({ t: 'literal', value: '${not.a.reference}' });
    const [escaped, spaced, call] = blocks[1]!.attributes.map((a) => a.expr);
    expect(escaped).toMatchObject({ t: 'literal', value: 'a ${b} %{c}' });
    expect(spaced).toMatchObject({ t: 'template', parts: ['x ', { t: 'traversal', root: 'var', steps: ['y'] }, ' z'] });
    expect(call).toMatchObject({ t: 'template', parts: [{ t: 'call', name: 'lower', args: [{ t: 'literal', value: 'A}' }] }] });
    // Every part of a string sits at the string's own line in the JSON.
    expect(spaced!.range.startLine).toBe(text.split('\n').findIndex((l) => l.includes('"spaced"')) + 1);
    expect(parseTerraformJson('{"env": "${x}", "n": 3}', true).attributes.map((a) => [a.name, a.expr])).toEqual([
      ['env', expect.objectContaining({ t: 'literal', value: '${x}' })],
      ['n', expect.objectContaining({ t: 'literal', value: 3 })],
    ]);
  });

  it('reports malformed JSON, a non-object file and broken interpolations with their line', () => {
    expect(parseTerraformJson('{\n  "resource": {\n    "aws_s3_bucket": { "a": { } },\n  }\n}').problems).toEqual([
      expect.stringMatching(/^invalid JSON at line 4, column 3: /),
    ]);
    expect(parseTerraformJson('[]').problems).toEqual(['a Terraform JSON file holds one object at its top level']);
    expect(parseTerraformJson('[[[[[['.repeat(100) + ']]]]]]'.repeat(100)).problems).toEqual(['Terraform JSON nests deeper than 256 levels']);
    expect(parseTerraformJson('{\n"locals": {\n"a": "${var.x",\n"b": "${var.(}"}}').problems).toEqual([
      'line 3: unterminated "${" in a Terraform JSON string',
      'line 4: invalid expression in "${var.(}"',
    ]);
  });
});

describe('.tf.json in an assessment', () => {
  const policy = (statement: string) => `{
  "resource": {
    "aws_iam_role_policy": {
      "etl": {
        "role": "\${aws_iam_role.etl.id}",
        "policy": ${statement}
      }
    }
  }
}
`;

  it('runs the IAM rules on policies given as a JSON string, a nested object or jsonencode, and reports a broken file', async () => {
    const wildcard = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    const result = await assessTree(
      {
        'string/iam.tf.json': policy(JSON.stringify(JSON.stringify(wildcard))),
        'object/iam.tf.json': policy(JSON.stringify(wildcard)),
        'encoded/iam.tf.json': policy(JSON.stringify('${jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })}')),
        'broken/main.tf.json': '{ "resource": ',
        'bucket/main.tf.json': '{ "resource": { "aws_s3_bucket_acl": { "raw": { "bucket": "raw", "acl": "public-read" } } } }\n',
      },
      { only: ['iam', 'iac'] },
    );
    expect(result.errors).toEqual([expect.objectContaining({ file: 'broken/main.tf.json', message: expect.stringMatching(/^invalid JSON/) })]);
    const found = result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine}`);
    for (const dir of ['string', 'object', 'encoded']) expect(found).toContain(`iam.wildcard-action ${dir}/iam.tf.json:6`);
    expect(found).toContain('tf.s3.public-acl bucket/main.tf.json:1');
  });

  it('reads aws_iam_policy_document statements given as an array, each at its own line', async () => {
    const document = {
      data: {
        aws_iam_policy_document: {
          etl: {
            statement: [
              { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::landing/*'] },
              { actions: ['iam:PassRole', 'glue:CreateJob'], resources: ['*'] },
            ],
          },
        },
      },
    };
    const text = JSON.stringify(document, null, 2);
    const result = await assessTree({ 'iam.tf.json': text }, { only: ['iam'] });
    expect(result.errors).toEqual([]);
    const lines = [...new Set(result.findings.map((f) => f.location.startLine))];
    expect(lines).toEqual([text.split('\n').findIndex((l) => l.includes('iam:PassRole')) - 1]);
    expect(result.findings.map((f) => f.ruleId)).toContain('iam.privilege-escalation');
  });

  it.each(cloudIamRules.flatMap((rule) => [...rule.bad, ...rule.good].map((example, i) => [`${rule.id} #${i}`, example] as const)))(
    '%s (a cloud IAM rule example) gives the same findings in JSON syntax',
    async (_name, example) => {
      const gist = (result: AssessmentResult) => result.findings.map((f) => `${f.ruleId} ${f.message}`).sort();
      const native = await assessTree({ [example.file]: example.code }, { only: ['iam'] });
      const json = await assessTree({ [`${example.file}.json`]: toJsonSyntax(example.code) }, { only: ['iam'] });
      expect(json.errors).toEqual([]);
      expect(gist(json)).toEqual(gist(native));
    },
  );
});
