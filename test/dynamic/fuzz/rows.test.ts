import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fuzzPipeline, runProbe } from '../../../src/dynamic/fuzz/engine.js';
import { baselineOf, judge } from '../../../src/dynamic/fuzz/oracles.js';
import { fullProbe, loadSample, outputRecords } from '../../../src/dynamic/fuzz/sample.js';
import { removeTree } from '../../helpers/temp-tree.js';
import { PIPELINES, PYTHON } from '../sandbox/helpers.js';
import { fixtureProject, testPipeline } from './helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) removeTree(root);
});

const ROWS = path.join(PIPELINES, 'rows');

/**
 * Three jobs applying the same rule (the amount must be a non-negative number) to the same
 * sample, whose third record — with a quoted line break in it — already fails the rule.
 */
async function fuzzRows(script: string, outputIsDir = false) {
  const root = fixtureProject(ROWS);
  roots.push(root);
  const pipeline = testPipeline(root, `${PYTHON} ${script} {input} {output}`, 'orders.csv', { outputIsDir });
  return fuzzPipeline(pipeline, { seed: 1, maxExecs: 48, timeMs: 180_000, families: ['type-confusion', 'empty-null', 'numeric-boundary'], minimiseBudget: 2 });
}

const rowsLost = (result: Awaited<ReturnType<typeof fuzzRows>>) => result.failures.filter((f) => f.verdict.ruleId === 'dyn.rows-lost');

describe('dyn.rows-lost on jobs that hold records back', () => {
  it('reports the job that drops records with only a summary count to show for it', async () => {
    const result = await fuzzRows('drops_silently.py');
    expect(result.baseline.stdoutTail).toContain('"dropped": 1');
    const lost = rowsLost(result);
    expect(lost.map((f) => f.verdict.detail)).toEqual(['lost']);
    expect(lost[0]!.probe.change?.field).toBe('amount');
    // a count is only comparable on the same records, so minimisation keeps them all
    expect(lost[0]!.probe.keep).toHaveLength(6);
  });

  it('stays quiet when every rejected record is logged with its reason', async () => {
    const result = await fuzzRows('rejects_with_reason.py');
    expect(result.baseline.stderrTail).toMatch(/orders\.csv:5: rejected order '3': amount is missing/);
    expect(result.execs).toBeGreaterThanOrEqual(40);
    expect(rowsLost(result).map((f) => f.verdict.message)).toEqual([]);
  });

  it('stays quiet when rejected records go to a quarantine file in the output directory', async () => {
    const result = await fuzzRows('quarantines.py', true);
    expect(result.baseline.output.map((f) => f.path).sort()).toEqual(['clean.csv', 'quarantine.csv']);
    expect(result.baseline.stderrTail).toBe('');
    expect(rowsLost(result).map((f) => f.verdict.message)).toEqual([]);
  });

  it('judges a rejected record and a record let through the same way for every job, but the silent one', async () => {
    const root = fixtureProject(ROWS);
    roots.push(root);
    const verdicts: Record<string, string[]> = {};
    for (const [script, outputIsDir] of [['drops_silently.py', false], ['rejects_with_reason.py', false], ['quarantines.py', true]] as const) {
      const pipeline = testPipeline(root, `${PYTHON} ${script} {input} {output}`, 'orders.csv', { outputIsDir });
      const sample = loadSample(pipeline.sample, pipeline.format);
      const clean = fullProbe(sample);
      const baseline = baselineOf(await runProbe(pipeline, clean, 10_000, 1));
      const judged = async (line: number, value: string) => {
        const probe = { ...clean, change: { line, field: 'amount', value } };
        const run = await runProbe(pipeline, probe, 10_000, 1);
        const records = run.output.reduce((n, f) => n + outputRecords(f.bytes).length, 0);
        const verdict = judge(run, baseline, { id: 'x', family: 'type-confusion', cwe: 'CWE-20', description: '', probe, keepsRecordCount: true }, 4);
        return `${records}:${verdict.map((v) => `${v.ruleId}/${v.detail}`).join(',') || 'ok'}`;
      };
      // record 1 made invalid; record 3 (held back on the clean run) given a valid amount
      verdicts[script] = [await judged(0, 'twelve'), await judged(2, '12')];
    }
    expect(verdicts).toEqual({
      'drops_silently.py': ['4:dyn.rows-lost/lost', '6:ok'],
      'rejects_with_reason.py': ['4:ok', '6:ok'],
      // clean and quarantined records together: nothing is lost
      'quarantines.py': ['6:ok', '6:ok'],
    });
  });
});
