import { describe, expect, it } from 'vitest';
import { notebookRules } from '../../../src/analyzers/notebook/rules/index.js';
import { scanNotebook } from './scan.js';

describe('notebook rule metadata', () => {
  it('gives every rule a unique id', () => {
    const ids = notebookRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(notebookRules.map((r) => [r.id, r] as const))('%s has complete docs', (_id, rule) => {
    expect(rule.id).toMatch(/^nb\.[a-z-]+$/);
    expect(rule.cwe.length).toBeGreaterThan(0);
    for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
    for (const text of [rule.title, rule.what, rule.why, rule.remediation]) expect(text.trim()).not.toBe('');
    expect(rule.bad.length).toBeGreaterThanOrEqual(1);
    expect(rule.good.length).toBeGreaterThanOrEqual(1);
    for (const ref of rule.references) expect(ref).toMatch(/^https:\/\//);
    for (const example of [...rule.bad, ...rule.good]) {
      expect(example.file).toMatch(/\.ipynb$/);
      expect(() => JSON.parse(example.code)).not.toThrow();
    }
  });
});

describe.each(notebookRules.map((r) => [r.id, r] as const))('%s examples', (id, rule) => {
  it.each(rule.bad.map((e, i) => [i, e] as const))('bad example %i is reported', (_i, example) => {
    const result = scanNotebook(example.code, example.file);
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === id).length).toBeGreaterThanOrEqual(1);
  });

  it.each(rule.good.map((e, i) => [i, e] as const))('good example %i is not reported', (_i, example) => {
    const result = scanNotebook(example.code, example.file);
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === id)).toEqual([]);
  });
});
