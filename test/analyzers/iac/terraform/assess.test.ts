import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessTree } from '../../../helpers/assess-tree.js';
import { REPO, runCli } from '../../../helpers/cli.js';

const IAC = path.join(REPO, 'test', 'fixtures', 'iac');

function treeOf(dir: string, prefix: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[`${prefix}/${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`] = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('infrastructure as code through a whole assessment', () => {
  it('finds nothing in the clean Terraform and CloudFormation fixtures', async () => {
    const result = await assessTree(
      { ...treeOf(path.join(IAC, 'terraform', 'clean'), 'infra/tf'), 'infra/cfn/pipeline.yaml': fs.readFileSync(path.join(IAC, 'cloudformation', 'clean-pipeline.yaml'), 'utf8') },
      { only: ['iac'] },
    );
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine}`)).toEqual([]);
    expect(result.stats.filesByKind).toMatchObject({ terraform: 4, cloudformation: 1 });
  });

  it('reports the vulnerable fixtures with fingerprints, and honours inline ignores in module files', async () => {
    const files = treeOf(path.join(IAC, 'terraform', 'vulnerable'), 'infra');
    files['infra/main.tf'] = files['infra/main.tf']!.replace('resource "aws_kms_key" "data" {', 'resource "aws_kms_key" "data" { # pipewarden: ignore[tf.kms.no-rotation] throwaway test key');
    const result = await assessTree(files, { only: ['iac'] });
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).toContain('tf.s3.public-acl');
    expect(ids).toContain('tf.network.open-database-port');
    expect(ids).not.toContain('tf.kms.no-rotation');
    expect(result.suppressed.map((s) => s.finding.ruleId)).toContain('tf.kms.no-rotation');
    expect(result.findings.every((f) => /^[0-9a-f]{32}$/.test(f.fingerprint) && f.cwe.length > 0 && f.remediation !== '')).toBe(true);
    expect(result.findings.find((f) => f.ruleId === 'tf.s3.public-acl')?.location).toMatchObject({ file: 'infra/modules/bucket/main.tf', startLine: 12, snippet: 'acl    = var.acl' });
  });
});

describe('pipewarden assess on Terraform and CloudFormation', () => {
  it('exits 1 and prints the findings of the vulnerable fixtures', async () => {
    const res = await runCli(['assess', path.join(IAC), '--only', 'iac', '--format', 'json']);
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout) as { findings: Array<{ ruleId: string; location: { file: string } }> };
    const hits = report.findings.map((f) => `${f.ruleId} ${f.location.file}`);
    expect(hits).toContain('tf.db.publicly-accessible terraform/vulnerable/main.tf');
    expect(hits).toContain('cfn.msk.plaintext cloudformation/vulnerable-pipeline.json');
    expect(hits.filter((h) => h.includes('/clean'))).toEqual([]);
  });
});
