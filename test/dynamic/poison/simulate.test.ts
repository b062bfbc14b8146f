import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PIPELINE_DEFAULTS, type Pipeline } from '../../../src/dynamic/pipeline.js';
import { poisonFindings } from '../../../src/dynamic/poison/findings.js';
import { simulatePoisoning, type PoisonReport } from '../../../src/dynamic/poison/simulate.js';

const ROOT = fileURLToPath(new URL('../../fixtures/dynamic/poison/', import.meta.url)).replace(/\/$/, '');

function pipeline(run: string, extra: Partial<Pipeline> = {}): Pipeline {
  return { ...PIPELINE_DEFAULTS, root: ROOT, run, sample: `${ROOT}/orders.csv`, format: 'csv', schema: `${ROOT}/orders.schema.json`, timeoutMs: 20_000, outputIsDir: false, ...extra };
}

/** attack → the outcomes of its cells, e.g. { formula: ['propagated 4'] } */
function matrix(report: PoisonReport): Record<string, string[]> {
  return Object.fromEntries(
    report.attacks.map((a) => [
      a.id,
      a.cells.map((c) =>
        Object.entries(c.counts)
          .filter(([, n]) => n > 0)
          .map(([o, n]) => `${o} ${n}`)
          .join(', '),
      ),
    ]),
  );
}

describe('poisoning simulation on real pipelines in the sandbox', () => {
  it('a naive copy job lets every poisoned record through', async () => {
    const report = await simulatePoisoning({ pipeline: pipeline('python3 naive.py {input} {output}'), attacks: ['out-of-range', 'duplicate', 'formula', 'sql'], rates: [0.1] });
    expect(matrix(report)).toEqual({ 'out-of-range': ['propagated 4'], duplicate: ['propagated 4'], formula: ['propagated 4'], sql: ['propagated 4'] });
    expect(report.score).toBe(0);
    expect(report.tracking).toBe('id');
    const findings = poisonFindings(report, pipeline('python3 naive.py {input} {output}'));
    const formula = findings.find((f) => f.message.startsWith('Spreadsheet formulas'))!;
    expect(formula).toMatchObject({ ruleId: 'dyn.poison-propagated', severity: 'high', cwe: ['CWE-1236'], location: { file: 'naive.py' } });
  });

  it('a validating job rejects each poisoned record, and the reason it logged is the evidence', async () => {
    const report = await simulatePoisoning({
      pipeline: pipeline('python3 rejecting.py {input} {output}'),
      attacks: ['out-of-range', 'implausible', 'duplicate', 'near-duplicate', 'category-injection', 'formula', 'template'],
      rates: [0.1],
    });
    for (const [attack, cells] of Object.entries(matrix(report))) expect(cells, attack).toEqual(['rejected 4']);
    expect(report.score).toBe(100);
    const details = report.attacks.flatMap((a) => a.cells.flatMap((c) => c.records.map((r) => r.detail)));
    expect(details.every((d) => /: rejected: /.test(d))).toBe(true);
    expect(details).toContain(details.find((d) => d.includes('created_at is in the future')));
    expect(poisonFindings(report, pipeline('python3 rejecting.py {input} {output}'))).toEqual([]);
  });

  it('a job that prefixes formulas with a quote neutralises them, but passes script tags on', async () => {
    const report = await simulatePoisoning({ pipeline: pipeline('node neutralising.mjs {input} {output}'), attacks: ['formula', 'script'], rates: [0.01, 0.1] });
    expect(matrix(report)).toEqual({ formula: ['neutralised 1', 'neutralised 4'], script: ['propagated 1', 'propagated 4'] });
    const record = report.attacks[0]!.cells[1]!.records[0]!;
    expect(record.detail).toMatch(/^reached the output as "'[=+\-@]/);
    expect(report.score).toBe(50);
  });

  it('a job that raises on a repeated id or a non-positive amount crashes, and the exception is named', async () => {
    const report = await simulatePoisoning({ pipeline: pipeline('python3 crashing.py {input} {output}'), attacks: ['duplicate', 'out-of-range', 'label-flip'], rates: [0.001, 0.1] });
    // At 0.1% the single out-of-range record is the high one (log of a big number works);
    // at 10% every other record is below zero.
    expect(matrix(report)).toEqual({
      duplicate: ['crashed 1', 'crashed 4'],
      'out-of-range': ['propagated 1', 'crashed 4'],
      'label-flip': ['propagated 1', 'propagated 4'],
    });
    expect(report.attacks.find((a) => a.id === 'duplicate')!.cells[0]!.failure).toBe('exit 1: ValueError');
    const findings = poisonFindings(report, pipeline('python3 crashing.py {input} {output}'));
    expect(findings.filter((f) => f.ruleId === 'dyn.poison-crashed').map((f) => f.message.split(':')[0])).toEqual(['Out-of-range values in amount', 'Exact duplicates']);
  });

  it('finds rejected records in a quarantine file of a directory output, and calls a silent drop a drop', async () => {
    const report = await simulatePoisoning({ pipeline: pipeline('python3 quarantining.py {input} {output}', { outputIsDir: true }), attacks: ['out-of-range', 'duplicate'], rates: [0.1] });
    expect(matrix(report)).toEqual({ 'out-of-range': ['rejected 4'], duplicate: ['dropped 4'] });
    expect(report.attacks[0]!.cells[0]!.records[0]!.detail).toMatch(/^amount out of range,ORD-/);
    expect(report.score).toBe(75);
    const drop = poisonFindings(report, pipeline('python3 quarantining.py {input} {output}')).find((f) => f.ruleId === 'dyn.poison-silent-drop');
    expect(drop?.message).toMatch(/^Exact duplicates: 4 of 4 poisoned records vanished without a logged reason/);
  });

  it('follows JSON Lines records without ids by position, and sees a clamped value as neutralised', async () => {
    const report = await simulatePoisoning({
      pipeline: pipeline('node clamping.mjs {input} {output}', { sample: `${ROOT}/readings.jsonl`, format: 'jsonl', schema: undefined }),
      attacks: ['out-of-range', 'category-injection'],
      rates: [0.1],
    });
    expect(report.tracking).toBe('position');
    expect(matrix(report)).toEqual({ 'out-of-range': ['neutralised 3'], 'category-injection': ['propagated 3'] });
    expect(report.attacks[0]!.cells[0]!.records.map((r) => r.detail)).toEqual(expect.arrayContaining([expect.stringMatching(/^reached the output as "(0|500)"$/)]));
  });

  it('poisons the data file of a directory sample and hands the pipeline the rest of the directory unchanged', async () => {
    const report = await simulatePoisoning({
      pipeline: pipeline('python3 directory_job.py {input} {output}', { sample: `${ROOT}/orders-dir`, format: 'dir' }),
      attacks: ['category-injection', 'formula'],
      rates: [0.1],
    });
    expect(report.sample).toBe('orders-dir/orders.csv');
    expect(matrix(report)).toEqual({ 'category-injection': ['rejected 4'], formula: ['propagated 4'] });
  });

  it('injects the same records for the same seed', async () => {
    const options = { pipeline: pipeline('python3 naive.py {input} {output}'), attacks: ['gradual-shift'], rates: [0.1], seed: 5 };
    const [a, b] = [await simulatePoisoning(options), await simulatePoisoning(options)];
    expect(a.attacks[0]!.cells[0]!.records).toEqual(b.attacks[0]!.cells[0]!.records);
  });

  it('refuses to compare against a clean run that fails', async () => {
    await expect(simulatePoisoning({ pipeline: pipeline('python3 -c "raise SystemExit(3)" {input} {output}'), attacks: ['formula'] })).rejects.toThrow(/fails on its clean sample \(exit 3\)/);
  });
});
