import { afterEach, describe, expect, it } from 'vitest';
import { examplePolicy } from '../../../src/analyzers/iam/iam-rule.js';
import { excessGrantRule as rule } from '../../../src/analyzers/iam/least-privilege-rule.js';
import { assessTree } from '../../helpers/assess-tree.js';
import { runCli } from '../../helpers/cli.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';

const JOB = [
  'import pandas as pd',
  '',
  'orders = pd.read_csv("s3://landing/orders/2024-06-01.csv")',
  'orders.to_parquet("s3://curated/orders/daily.parquet")',
  '',
].join('\n');

async function excess(policy: string, job = JOB): Promise<string[]> {
  const result = await assessTree({ 'jobs/orders.py': job, 'policies/etl.json': policy }, { only: ['iam'] });
  return result.findings.filter((f) => f.ruleId === rule.id).map((f) => f.message);
}

describe('least privilege from the code (iam.excess-grant)', () => {
  it('reports the bad example with the minimised statements, and not the good one', async () => {
    const [message, ...rest] = await excess(rule.bad[0]!.code);
    expect(rest).toEqual([]);
    expect(message).toContain('arn:aws:s3:::* covers every bucket, while the code touches only landing, curated');
    expect(message).toContain('"Resource":["arn:aws:s3:::landing/orders/*"]');
    expect(message).toContain('"Resource":["arn:aws:s3:::curated/orders/*"]');
    expect(await excess(rule.good[0]!.code)).toEqual([]);
  });

  it('reports buckets the code never touches, and writes where it only reads', async () => {
    const policy = examplePolicy(
      { Sid: 'Payroll', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::payroll/*' },
      { Sid: 'Landing', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::landing/*' },
    );
    const messages = await excess(policy);
    expect(messages.map((m) => m.split(':')[0])).toEqual(['statement "Payroll"', 'statement "Landing"']);
    expect(messages[0]).toContain('which the code never reads or writes');
    expect(messages[1]).toContain('allows s3:PutObject in landing, which the code only reads');
  });

  it('judges only the named buckets when the code also picks one at run time, which may be any', async () => {
    const job = `${JOB}extra = pd.read_csv(f"s3://{bucket}/exports/day.csv")\n`;
    const policy = examplePolicy(
      { Sid: 'Payroll', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::payroll/*' },
      { Sid: 'Landing', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::landing/*' },
      { Sid: 'Any', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::*' },
    );
    const messages = await excess(policy, job);
    expect(messages.map((m) => m.split(':')[0])).toEqual(['statement "Landing"']);
    expect(messages[0]).toContain('allows s3:PutObject in landing, which the code only reads');
    expect(messages[0]).not.toContain('{bucket}');
  });

  it('stays silent when the code names no S3 location to compare with', async () => {
    expect(await excess(rule.bad[0]!.code, 'import pandas as pd\n\nframe = pd.read_csv(input_path)\n')).toEqual([]);
  });
});

describe('pipewarden iam suggest', () => {
  let root: string | undefined;
  afterEach(() => root && removeTree(root));

  it('prints a minimal policy from the code, ListBucket confined to the prefixes read', async () => {
    root = tempTree({ 'jobs/orders.py': JOB });
    const result = await runCli(['iam', 'suggest', root]);
    expect(result.code).toBe(0);
    const policy = JSON.parse(result.stdout) as { Statement: Array<{ Sid: string; Action: string[]; Resource: unknown; Condition?: unknown }> };
    expect(policy.Statement.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      ['Writecurated', ['s3:PutObject'], ['arn:aws:s3:::curated/orders/*']],
      ['Readlanding', ['s3:GetObject'], ['arn:aws:s3:::landing/orders/*']],
      ['Listlanding', ['s3:ListBucket'], 'arn:aws:s3:::landing'],
    ]);
    expect(policy.Statement[2]!.Condition).toEqual({ StringLike: { 's3:prefix': ['orders/*'] } });
  });

  it('says so when the code names no S3 location', async () => {
    root = tempTree({ 'jobs/local.py': 'import pandas as pd\n\nframe = pd.read_csv("data/x.csv")\n' });
    const result = await runCli(['iam', 'suggest', root]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('names no s3:// location');
    expect(JSON.parse(result.stdout)).toEqual({ Version: '2012-10-17', Statement: [] });
  });
});
