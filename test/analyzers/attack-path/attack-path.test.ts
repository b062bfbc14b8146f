import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicIngestCodeExecution as rule } from '../../../src/analyzers/attack-path/rule.js';
import type { Finding } from '../../../src/core/finding.js';
import { assessTree } from '../../helpers/assess-tree.js';

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/attack-path/public-ingest');
const JOB = 'jobs/ingest_partner_batches.py';

function fixture(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(FIXTURE, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(FIXTURE, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

/** The fixture with `file`'s text changed by `edit`. */
function changed(file: string, edit: (text: string) => string): Record<string, string> {
  const files = fixture();
  files[file] = edit(files[file]!);
  return files;
}

const lineOf = (files: Record<string, string>, file: string, text: string) => files[file]!.split('\n').findIndex((l) => l.includes(text)) + 1;

async function paths(files: Record<string, string>): Promise<{ paths: Finding[]; all: Finding[] }> {
  const result = await assessTree(files, { only: ['sast', 'iac', 'iam'] });
  expect(result.errors).toEqual([]);
  return { paths: result.findings.filter((f) => f.ruleId === rule.id), all: result.findings };
}

describe('attack path: public ingest to code execution (through the assessment)', () => {
  it('reports one critical finding naming the bucket, the job and the role, file and line', async () => {
    const files = fixture();
    const { paths: found } = await paths(files);
    expect(found).toHaveLength(1);
    const [finding] = found;
    const acl = lineOf(files, 'infra/buckets.tf', '"public-read-write"');
    const read = lineOf(files, JOB, 's3.get_object(');
    const sink = lineOf(files, JOB, 'pickle.loads(');
    const grant = lineOf(files, 'infra/iam.tf', 'Sid      = "Data"') - 1;
    expect(finding!.severity).toBe('critical');
    expect(finding!.confidence).toBe('high');
    expect(finding!.location).toMatchObject({ file: JOB, startLine: sink });
    expect(finding!.trace!.map((s) => `${s.file}:${s.line}`)).toEqual([`infra/buckets.tf:${acl}`, `${JOB}:${read}`, `${JOB}:${sink}`, `infra/iam.tf:${grant}`]);
    for (const at of [`infra/buckets.tf:${acl}`, `${JOB}:${read}`, `${JOB}:${sink}`, `infra/iam.tf:${grant}`]) expect(finding!.message).toContain(at);
    expect(finding!.message).toContain('s3://acme-prod-landing/partners/batch.pkl');
    expect(finding!.message).toContain('statement "Data" allows s3:* on *');
  });

  it('ranks above each of its parts', async () => {
    const { all } = await paths(fixture());
    const rank = (id: string) => all.findIndex((f) => f.ruleId === id);
    const parts = ['py.taint.deserialization', 'tf.s3.public-acl', 'iam.wildcard-action', 'iam.excess-grant'];
    for (const part of parts) expect(rank(part), part).toBeGreaterThan(-1);
    for (const part of parts) expect(rank(rule.id), part).toBeLessThan(rank(part));
  });

  it('reports the job and the public bucket without a broad role at high', async () => {
    const files = fixture();
    delete files['infra/iam.tf'];
    const { paths: found } = await paths(files);
    expect(found.map((f) => f.severity)).toEqual(['high']);
    expect(found[0]!.trace).toHaveLength(3);
    // A role that may write only elsewhere does not complete the path either.
    const scoped = changed('infra/iam.tf', (t) => t.replace('Resource = "*"', 'Resource = "arn:aws:s3:::acme-prod-curated/*"'));
    expect((await paths(scoped)).paths.map((f) => f.severity)).toEqual(['high']);
  });

  it('completes the path with a write grant on the ingested bucket itself', async () => {
    const files = changed('infra/iam.tf', (t) => t.replace('Action   = "s3:*"', 'Action   = ["s3:PutObject"]').replace('Resource = "*"', 'Resource = "arn:aws:s3:::acme-prod-landing/partners/*"'));
    expect((await paths(files)).paths.map((f) => f.severity)).toEqual(['critical']);
  });

  it('finds no path when the bucket is only publicly readable, blocked, or not the one the job reads', async () => {
    const readOnly = changed('infra/buckets.tf', (t) => t.replace('"public-read-write"', '"public-read"'));
    const blocked = changed('infra/buckets.tf', (t) => `${t}\nresource "aws_s3_bucket_public_access_block" "landing" {\n  bucket             = aws_s3_bucket.landing.id\n  ignore_public_acls = true\n}\n`);
    const other = changed(JOB, (t) => t.replace('Bucket="acme-prod-landing"', 'Bucket="acme-prod-curated"'));
    for (const files of [readOnly, blocked, other]) expect((await paths(files)).paths).toEqual([]);
  });

  it('finds no path when the job parses what it reads instead of running it', async () => {
    const files = changed(JOB, (t) => t.replace('import pickle', 'import json').replace('pickle.loads(', 'json.loads('));
    expect((await paths(files)).paths).toEqual([]);
  });

  it('reads a public-write bucket policy and the template of a CloudFormation stack', async () => {
    const template = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  Landing:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: acme-prod-landing',
      '  LandingPolicy:',
      '    Type: AWS::S3::BucketPolicy',
      '    Properties:',
      '      Bucket: !Ref Landing',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Principal: "*"',
      '            Action: ["s3:GetObject", "s3:PutObject"]',
      '            Resource: arn:aws:s3:::acme-prod-landing/*',
      '',
    ].join('\n');
    const files = fixture();
    delete files['infra/buckets.tf'];
    files['infra/stack.yaml'] = template;
    const { paths: found } = await paths(files);
    expect(found.map((f) => f.severity)).toEqual(['critical']);
    expect(found[0]!.trace![0]).toMatchObject({ file: 'infra/stack.yaml', line: 13 });
  });
});

describe(`${rule.id} examples`, () => {
  const tree = (examples: typeof rule.bad) => Object.fromEntries(examples.map((e) => [e.file, e.code]));

  it('reports the bad examples, read together as one repository', async () => {
    expect((await paths(tree(rule.bad))).paths.map((f) => f.severity)).toEqual(['critical']);
  });

  it('does not report the good examples', async () => {
    expect((await paths(tree(rule.good))).paths).toEqual([]);
  });

  it('has complete docs', () => {
    expect(rule.cwe.every((c) => /^CWE-\d+$/.test(c))).toBe(true);
    expect(rule.references.every((r) => r.startsWith('https://'))).toBe(true);
    for (const text of [rule.title, rule.what, rule.why, rule.remediation]) expect(text.trim()).not.toBe('');
  });
});
