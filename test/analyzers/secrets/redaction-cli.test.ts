import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';
import { base62Crc32 } from '../../../src/analyzers/secrets/base62-checksum.js';

const PAT_BODY = 'REDACTq7Lm2Vx9Rb4Nc8Wd1Fh6Zt3K';
/** Raw secrets planted in the tree; none of them may appear in any output or store. */
const SECRETS = {
  githubToken: `ghp_${PAT_BODY}${base62Crc32(PAT_BODY)}`,
  awsKeyId: 'AKIAQ4REDACTTEST7X2M',
  awsSecret: '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',
  dbPassword: 'Wh3reH0use!Pw',
  airflowPassword: 'A1rfl0wC0nnPw',
  genericToken: 'mT4kQ9zR2xV7bN5cW8yL3pH6',
};

const FILES: Record<string, string> = {
  // A Python file where other analyzers report on the same lines (plain-HTTP URL, no timeout).
  'jobs/extract.py':
    'import requests\nimport boto3\n' +
    `s3 = boto3.client("s3", aws_access_key_id="${SECRETS.awsKeyId}", aws_secret_access_key="${SECRETS.awsSecret}")\n` +
    `rows = requests.get("http://etl:${SECRETS.dbPassword}@api.internal/export")\n` +
    `VENDOR_TOKEN = "${SECRETS.genericToken}"\n`,
  '.env': `GITHUB_TOKEN=${SECRETS.githubToken}\nAIRFLOW_CONN_DW=postgres://etl:${SECRETS.airflowPassword}@dw:5432/db\n`,
};

function leaksIn(bytes: Buffer): string[] {
  return Object.entries(SECRETS)
    .filter(([, raw]) => bytes.includes(Buffer.from(raw)))
    .map(([name]) => name);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('secrets never reach an output or a store', () => {
  let root: string;
  let out: string;

  beforeAll(() => {
    root = tempTree(FILES);
    out = tempTree();
  });
  afterAll(() => {
    removeTree(root);
    removeTree(out);
  });

  it.each(['json', 'sarif', 'text', 'markdown', 'junit'])('the %s report shows secrets redacted, twice over (cold and from the cache)', async (format) => {
    for (const run of ['cold', 'cached']) {
      const file = path.join(out, `${format}-${run}.out`);
      const result = await runCli(['assess', root, '--format', format, '--output', file, '--fail-on', 'none', '--jobs', '1']);
      expect(result.stderr).not.toMatch(/Error/);
      expect(result.code).toBe(0);
      const report = fs.readFileSync(file);
      expect(leaksIn(report)).toEqual([]);
      expect(leaksIn(Buffer.from(result.stdout + result.stderr))).toEqual([]);
      if (format === 'json') {
        const findings = (JSON.parse(report.toString('utf8')) as { findings: Array<{ ruleId: string; message: string }> }).findings;
        const ids = findings.map((f) => f.ruleId);
        for (const id of ['secret.aws-access-key', 'secret.aws-secret-access-key', 'secret.basic-auth-url', 'secret.generic-secret', 'secret.github-personal-access-token', 'secret.airflow-connection-uri']) {
          expect(ids).toContain(id);
        }
        expect(findings.find((f) => f.ruleId === 'secret.github-personal-access-token')!.message).toContain('ghp_…');
      }
    }
  });

  it('keeps secrets out of the result cache and the history database (SQLite files and their journals)', () => {
    const store = path.join(root, '.pipewarden');
    const files = filesUnder(store);
    expect(files.some((f) => f.endsWith('history.db'))).toBe(true);
    expect(files.some((f) => f.endsWith('cache.db'))).toBe(true);
    for (const file of files) expect({ file, leaks: leaksIn(fs.readFileSync(file)) }).toEqual({ file, leaks: [] });
  });
});
