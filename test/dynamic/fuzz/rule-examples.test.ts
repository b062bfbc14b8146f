import { describe, expect, it } from 'vitest';
import { fuzzPipeline } from '../../../src/dynamic/fuzz/engine.js';
import type { MutationFamily, RegexAttack } from '../../../src/dynamic/fuzz/mutations.js';
import { staticHints } from '../../../src/dynamic/fuzz/static-hints.js';
import { dynamicRules } from '../../../src/dynamic/rules/index.js';
import { EXAMPLE_COMMAND, EXAMPLE_SAMPLE } from '../../../src/dynamic/rules/dynamic-rule.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';
import { PYTHON } from '../sandbox/helpers.js';
import { testPipeline } from './helpers.js';

/** The attacks each oracle's examples are fuzzed with: enough to trip the bad one, the same for the good one. */
const FAMILIES: Record<string, MutationFamily[]> = {
  'dyn.crash': ['type-confusion'],
  'dyn.hang': ['redos'],
  'dyn.memory-spike': ['numeric-boundary'],
  'dyn.process-spawn': ['command-injection'],
  'dyn.network-attempt': ['ssrf'],
  'dyn.code-execution': ['code-injection'],
  'dyn.payload-propagated': ['formula'],
  'dyn.rows-lost': ['type-confusion'],
};

async function fuzzExample(code: string, ruleId: string, regexAttacks: RegexAttack[] = []) {
  const root = tempTree({ 'jobs/clean.py': code, 'data/sample.csv': EXAMPLE_SAMPLE });
  try {
    const pipeline = testPipeline(root, EXAMPLE_COMMAND.replace('python3', PYTHON).replace('{script}', 'jobs/clean.py'), 'data/sample.csv');
    return await fuzzPipeline(pipeline, { seed: 1, maxExecs: 40, timeMs: 120_000, families: FAMILIES[ruleId]!, regexAttacks, minimiseBudget: 4 });
  } finally {
    removeTree(root);
  }
}

describe('dynamic rules: every oracle trips on its bad example and not on its good one', () => {
  it('has a fuzz family for every dynamic rule', () => {
    expect(Object.keys(FAMILIES).sort()).toEqual(dynamicRules.map((r) => r.id).sort());
  });

  describe.each(dynamicRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    it('has complete docs', () => {
      expect(rule.category).toBe('dynamic');
      for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
      for (const text of [rule.title, rule.what, rule.why, rule.remediation]) expect(text.trim()).not.toBe('');
      for (const ref of rule.references) expect(ref).toMatch(/^https:\/\//);
    });

    it('fires on the bad example', async () => {
      const result = await fuzzExample(rule.bad[0]!.code, id);
      expect(result.failures.map((f) => f.verdict.ruleId)).toContain(id);
    });

    it('stays quiet on the good example (fuzzed with the same attacks)', async () => {
      // the good example has no vulnerable regex of its own: give it the bad one's attack strings
      const root = tempTree({ 'jobs/clean.py': rule.bad[0]!.code });
      const attacks = staticHints({ root, run: 'python3 jobs/clean.py' }).redos;
      removeTree(root);
      const result = await fuzzExample(rule.good[0]!.code, id, attacks);
      expect(result.execs).toBeGreaterThan(0);
      expect(result.failures.filter((f) => f.verdict.ruleId === id).map((f) => f.verdict.message)).toEqual([]);
    });
  });
});
