import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PIPELINE_DEFAULTS } from '../../../src/dynamic/pipeline.js';
import { poisonFindings } from '../../../src/dynamic/poison/findings.js';
import { simulatePoisoning } from '../../../src/dynamic/poison/simulate.js';
import { EXAMPLE_COMMAND, EXAMPLE_SAMPLE } from '../../../src/dynamic/rules/dynamic-rule.js';
import { poisonRules } from '../../../src/dynamic/rules/poison-rules.js';

/** The attacks each rule's examples are built to show (all twelve would only repeat the point, slower). */
const ATTACKS_FOR: Record<string, string[]> = {
  'dyn.poison-propagated': ['formula', 'sql', 'script', 'traversal', 'template'],
  'dyn.poison-crashed': ['duplicate'],
  'dyn.poison-silent-drop': ['duplicate'],
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Runs one example pipeline through the simulation, as `pipewarden poison` would. */
async function findingsOf(code: string, file: string, attacks: string[]): Promise<string[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-poison-rule-'));
  dirs.push(root);
  fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), code);
  fs.writeFileSync(path.join(root, 'sample.csv'), EXAMPLE_SAMPLE);
  const pipeline = { ...PIPELINE_DEFAULTS, root, run: EXAMPLE_COMMAND.replace('{script}', file), sample: path.join(root, 'sample.csv'), format: 'csv' as const, outputIsDir: false };
  const report = await simulatePoisoning({ pipeline, attacks, rates: [0.01] });
  return poisonFindings(report, pipeline).map((f) => f.ruleId);
}

describe('poisoning rule metadata', () => {
  it.each(poisonRules.map((r) => [r.id, r] as const))('%s has complete docs', (_id, rule) => {
    expect(rule.id).toMatch(/^dyn\.poison-[a-z-]+$/);
    expect(rule.category).toBe('dynamic');
    expect(rule.cwe.length).toBeGreaterThan(0);
    for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
    for (const text of [rule.title, rule.what, rule.why, rule.remediation]) expect(text.trim()).not.toBe('');
    for (const ref of rule.references) expect(ref).toMatch(/^https:\/\//);
    expect(rule.bad.length).toBeGreaterThan(0);
    expect(rule.good.length).toBeGreaterThan(0);
    expect(ATTACKS_FOR[rule.id]).toBeDefined();
  });
});

describe.each(poisonRules.map((r) => [r.id, r] as const))('%s examples, run in the sandbox', (id, rule) => {
  it.each(rule.bad.map((e, i) => [i, e] as const))('bad example %i is reported', async (_i, example) => {
    expect(await findingsOf(example.code, example.file, ATTACKS_FOR[id]!)).toContain(id);
  });

  it.each(rule.good.map((e, i) => [i, e] as const))('good example %i is not reported', async (_i, example) => {
    expect(await findingsOf(example.code, example.file, ATTACKS_FOR[id]!)).not.toContain(id);
  });
});
