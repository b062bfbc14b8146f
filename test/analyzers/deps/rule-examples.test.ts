import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depsRules } from '../../../src/analyzers/deps/rules/index.js';
import { assessTree } from '../../helpers/assess-tree.js';
import { startIndexServer, type IndexServer } from '../../helpers/pypi-server.js';

const OSV = path.resolve(import.meta.dirname, '../../fixtures/deps/rule-examples/osv');

let index: IndexServer;
beforeAll(async () => {
  // Metadata for the packages the examples name, so that --resolve can see yanked releases.
  index = await startIndexServer({
    'feedback-schemas': { '1.4.0': { yanked: 'schema drops the consent column' }, '1.4.1': {} },
  });
});
afterAll(() => index.close());

async function ruleFindings(ruleId: string, file: string, code: string) {
  const result = await assessTree({ [file]: code }, { only: ['deps'], deps: { osvDb: OSV, resolve: true, offline: false, indexUrl: index.url } });
  return [...result.findings, ...result.suppressed.map((s) => s.finding)].filter((f) => f.ruleId === ruleId);
}

describe.each(depsRules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has complete docs', () => {
    expect(rule.bad.length).toBeGreaterThan(0);
    expect(rule.good.length).toBeGreaterThan(0);
    for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
    for (const text of [rule.what, rule.why, rule.remediation]) expect(text.length).toBeGreaterThan(20);
  });

  it.each(rule.bad.map((e, i) => [i, e] as const))('finds bad example %i', async (_i, example) => {
    expect(await ruleFindings(rule.id, example.file, example.code)).not.toEqual([]);
  });

  it.each(rule.good.map((e, i) => [i, e] as const))('passes good example %i', async (_i, example) => {
    expect(await ruleFindings(rule.id, example.file, example.code)).toEqual([]);
  });
});
