import { describe, expect, it } from 'vitest';
import type { RuleMeta } from '../../src/core/rule.js';

interface ScanResult {
  findings: Array<{ ruleId: string }>;
  errors: unknown[];
}

interface RuleExampleSpec {
  /** Shown in the test names, e.g. "Python". */
  language: string;
  rules: RuleMeta[];
  /** Runs one example through the real analysis path (project analyzers may need to await). */
  scan: (code: string, file: string) => ScanResult | Promise<ScanResult>;
  idPattern: RegExp;
  /** Example file names the analyzer takes. */
  filePattern: RegExp;
  /** Further checks of one rule's metadata, where an analyzer has its own conventions. */
  checkRule?: (rule: RuleMeta) => void;
}

/**
 * The contract every rule module keeps: complete docs with CWE ids, and examples that double as
 * tests — each bad example is reported by that rule, each good one is not.
 */
export function describeRuleExamples(spec: RuleExampleSpec): void {
  describe(`${spec.language} rule metadata`, () => {
    it('gives every rule a unique id', () => {
      const ids = spec.rules.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it.each(spec.rules.map((r) => [r.id, r] as const))('%s has complete docs', (_id, rule) => {
      expect(rule.id).toMatch(spec.idPattern);
      expect(rule.cwe.length).toBeGreaterThan(0);
      for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
      for (const text of [rule.title, rule.what, rule.why, rule.remediation]) expect(text.trim()).not.toBe('');
      expect(rule.bad.length).toBeGreaterThanOrEqual(1);
      expect(rule.good.length).toBeGreaterThanOrEqual(1);
      for (const ref of rule.references) expect(ref).toMatch(/^https:\/\//);
      for (const example of [...rule.bad, ...rule.good]) expect(example.file).toMatch(spec.filePattern);
      spec.checkRule?.(rule);
    });
  });

  describe.each(spec.rules.map((r) => [r.id, r] as const))('%s examples', (id, rule) => {
    it.each(rule.bad.map((e, i) => [i, e] as const))('bad example %i is reported', async (_i, example) => {
      const result = await spec.scan(example.code, example.file);
      expect(result.errors).toEqual([]);
      expect(result.findings.filter((f) => f.ruleId === id).length).toBeGreaterThanOrEqual(1);
    });

    it.each(rule.good.map((e, i) => [i, e] as const))('good example %i is not reported', async (_i, example) => {
      const result = await spec.scan(example.code, example.file);
      expect(result.errors).toEqual([]);
      expect(result.findings.filter((f) => f.ruleId === id)).toEqual([]);
    });
  });
}
