import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleMeta } from '../../src/core/rule.js';

interface ScanResult {
  findings: Array<{ ruleId: string; confidence: string; message: string; location: { startLine: number } }>;
  errors: unknown[];
}

interface CorpusSpec {
  language: string;
  /** Folder holding `safe/` and `vulnerable/`. */
  fixtures: string;
  /** Which fixture files belong to the corpus. */
  include: (file: string) => boolean;
  /** Captures the comma-separated rule ids a line's `expect:` comment names. */
  expectComment: RegExp;
  rules: RuleMeta[];
  scan: (code: string, file: string) => ScanResult;
  /** Checks of the safe files as a whole (enough of them, every dialect present). */
  checkSafeFiles?: (files: string[]) => void;
}

/**
 * The precision and recall contract of an analyzer: safe look-alikes yield no findings at all,
 * and each vulnerable file yields exactly the findings its `expect:` comments name, with every
 * rule firing somewhere.
 */
export function describeCorpus(spec: CorpusSpec): void {
  const corpus = (kind: 'safe' | 'vulnerable') => {
    const dir = path.join(spec.fixtures, kind);
    return fs
      .readdirSync(dir)
      .filter(spec.include)
      .sort()
      .map((f) => ({ file: f, code: fs.readFileSync(path.join(dir, f), 'utf8') }));
  };

  describe(`${spec.language} safe look-alike corpus`, () => {
    const files = corpus('safe');

    it('has files to check', () => {
      expect(files.length).toBeGreaterThanOrEqual(5);
      spec.checkSafeFiles?.(files.map((f) => f.file));
    });

    it.each(files.map((f) => [f.file, f] as const))('%s parses cleanly and yields no findings at all', (_name, { file, code }) => {
      const result = spec.scan(code, file);
      expect(result.errors).toEqual([]);
      expect(result.findings.filter((f) => f.confidence === 'high')).toEqual([]);
      expect(result.findings.map((f) => `${f.ruleId} L${f.location.startLine}: ${f.message}`)).toEqual([]);
    });
  });

  describe(`${spec.language} vulnerable corpus`, () => {
    const results = corpus('vulnerable').map(({ file, code }) => ({ file, code, result: spec.scan(code, file) }));

    it.each(results.map((r) => [r.file, r] as const))('%s yields exactly the findings its `expect:` comments name', (_name, { code, result }) => {
      const expected = code
        .split('\n')
        .flatMap((line, i) => (spec.expectComment.exec(line)?.[1]?.split(',') ?? []).map((rule) => `${rule.trim()} L${i + 1}`))
        .sort();
      expect(result.errors).toEqual([]);
      expect(result.findings.map((f) => `${f.ruleId} L${f.location.startLine}`).sort()).toEqual(expected);
    });

    it('makes every rule fire somewhere', () => {
      const fired = new Set(results.flatMap((r) => r.result.findings.map((f) => f.ruleId)));
      expect(spec.rules.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
    });
  });
}
