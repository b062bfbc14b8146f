import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsRules } from '../../../src/analyzers/javascript/rules/index.js';
import { analyzeScriptText } from './scan.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/javascript');
/** `// expect: rule-a, rule-b` names the findings expected on that line. */
const EXPECT = /\/\/\s*expect:\s*([\w., -]+)$/;

function corpus(kind: 'safe' | 'vulnerable') {
  const dir = path.join(FIXTURES, kind);
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => ({ file: f, code: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

describe('JavaScript/TypeScript safe look-alike corpus', () => {
  const files = corpus('safe');

  it('has files to check, in every dialect', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(new Set(files.map((f) => path.extname(f.file))).size).toBeGreaterThanOrEqual(4);
  });

  it.each(files.map((f) => [f.file, f] as const))('%s parses cleanly and yields no findings at all', (_name, { file, code }) => {
    const result = analyzeScriptText(code, file);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} L${f.location.startLine}: ${f.message}`)).toEqual([]);
  });
});

describe('JavaScript/TypeScript vulnerable corpus', () => {
  const results = corpus('vulnerable').map(({ file, code }) => ({ file, code, result: analyzeScriptText(code, file) }));

  it.each(results.map((r) => [r.file, r] as const))('%s yields exactly the findings its `// expect:` comments name', (_name, { code, result }) => {
    const expected = code
      .split('\n')
      .flatMap((line, i) => (EXPECT.exec(line)?.[1]?.split(',') ?? []).map((rule) => `${rule.trim()} L${i + 1}`))
      .sort();
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} L${f.location.startLine}`).sort()).toEqual(expected);
  });

  it('makes every rule fire somewhere', () => {
    const fired = new Set(results.flatMap((r) => r.result.findings.map((f) => f.ruleId)));
    expect(jsRules.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});
