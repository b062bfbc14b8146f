import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sqlRules } from '../../../src/analyzers/sql/rules/index.js';
import { analyzeSqlText } from './scan.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/sql');
const EXPECT = /--\s*expect:\s*([\w.-]+)/;

function corpus(kind: 'safe' | 'vulnerable') {
  const dir = path.join(FIXTURES, kind);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ file: f, code: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

describe('SQL safe look-alike corpus', () => {
  const files = corpus('safe');

  it('has files to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files.map((f) => [f.file, f] as const))('%s parses cleanly and yields no findings at all', (_name, { file, code }) => {
    const result = analyzeSqlText(code, file);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} L${f.location.startLine}: ${f.message}`)).toEqual([]);
  });
});

describe('SQL vulnerable corpus', () => {
  const results = corpus('vulnerable').map(({ file, code }) => ({ file, code, result: analyzeSqlText(code, file) }));

  it.each(results.map((r) => [r.file, r] as const))('%s yields exactly the findings its `-- expect:` comments name', (_name, { code, result }) => {
    const expected = code
      .split('\n')
      .flatMap((line, i) => {
        const rule = EXPECT.exec(line)?.[1];
        return rule ? [`${rule} L${i + 1}`] : [];
      })
      .sort();
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} L${f.location.startLine}`).sort()).toEqual(expected);
  });

  it('makes every rule fire somewhere', () => {
    const fired = new Set(results.flatMap((r) => r.result.findings.map((f) => f.ruleId)));
    expect(sqlRules.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});
