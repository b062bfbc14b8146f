import { describe, expect, it } from 'vitest';
import { sqlAnalyzer } from '../../../src/analyzers/sql/index.js';
import { sqlRules } from '../../../src/analyzers/sql/rules/index.js';
import { analyzeSqlText } from './scan.js';

describe('SQL rule metadata', () => {
  it('gives every rule a unique id, and the analyzer exposes them all', () => {
    const ids = sqlRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sqlAnalyzer.rules.map((r) => r.id)).toEqual(ids);
  });

  it.each(sqlRules.map((r) => [r.id, r] as const))('%s has complete docs', (_id, rule) => {
    expect(rule.id).toMatch(/^sql\.[a-z-]+$/);
    expect(rule.category).toBe('sast');
    expect(rule.cwe.length).toBeGreaterThan(0);
    for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
    for (const text of [rule.title, rule.what, rule.why, rule.remediation]) expect(text.trim()).not.toBe('');
    expect(rule.bad.length).toBeGreaterThanOrEqual(1);
    expect(rule.good.length).toBeGreaterThanOrEqual(1);
    for (const ref of rule.references) expect(ref).toMatch(/^https:\/\//);
    for (const example of [...rule.bad, ...rule.good]) expect(example.file).toMatch(/\.sql$/);
  });
});

describe.each(sqlRules.map((r) => [r.id, r] as const))('%s examples', (id, rule) => {
  it.each(rule.bad.map((e, i) => [i, e] as const))('bad example %i is reported', (_i, example) => {
    const result = analyzeSqlText(example.code, example.file);
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === id).length).toBeGreaterThanOrEqual(1);
  });

  it.each(rule.good.map((e, i) => [i, e] as const))('good example %i is not reported', (_i, example) => {
    const result = analyzeSqlText(example.code, example.file);
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === id)).toEqual([]);
  });
});
