import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolvePipeline } from '../../src/dynamic/pipeline.js';
import { poisonFindings } from '../../src/dynamic/poison/findings.js';
import { simulatePoisoning, type PoisonReport } from '../../src/dynamic/poison/simulate.js';

const PIPELINE = fileURLToPath(new URL('../../examples/feedback-pipeline/', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) console.warn('example poisoning tests skipped: python3 is not on PATH, and the example jobs are Python scripts');

const ATTACKS = ['out-of-range', 'duplicate', 'category-injection', 'formula', 'sql'];

function outcomes(report: PoisonReport): Record<string, string> {
  return Object.fromEntries(
    report.attacks.map((a) => [
      a.id,
      Object.entries(a.cells[0]!.counts)
        .filter(([, n]) => n > 0)
        .map(([o]) => o)
        .join('+'),
    ]),
  );
}

describe.skipIf(!hasPython)('examples/feedback-pipeline under poisoning (pipewarden.yml and pipewarden.hardened.yml)', () => {
  it('the production job lets formulas, SQL text, impossible ratings and unknown channels through, and drops re-sends without a word', async () => {
    const pipeline = resolvePipeline(PIPELINE, {});
    expect(pipeline.run).toContain('jobs/clean_feedback.py');
    const report = await simulatePoisoning({ pipeline, attacks: ATTACKS, rates: [0.1] });
    expect(report.tracking).toBe('id');
    expect(outcomes(report)).toEqual({ 'out-of-range': 'propagated', duplicate: 'dropped', 'category-injection': 'propagated', formula: 'propagated', sql: 'propagated' });
    const severities = poisonFindings(report, pipeline).map((f) => `${f.ruleId}:${f.severity}`);
    expect(severities).toContain('dyn.poison-propagated:high');
    expect(poisonFindings(report, pipeline)[0]!.location.file).toBe('jobs/clean_feedback.py');
  });

  it('the hardened job rejects or neutralises the same records, with a logged reason for each rejection', async () => {
    const pipeline = resolvePipeline(PIPELINE, { config: path.join(PIPELINE, 'pipewarden.hardened.yml') });
    expect(pipeline.run).toContain('jobs/clean_feedback_hardened.py');
    const report = await simulatePoisoning({ pipeline, attacks: ATTACKS, rates: [0.1] });
    expect(outcomes(report)).toEqual({ 'out-of-range': 'rejected', duplicate: 'rejected', 'category-injection': 'neutralised', formula: 'neutralised', sql: 'neutralised' });
    const details = report.attacks.flatMap((a) => a.cells[0]!.records.map((r) => r.detail));
    expect(details.filter((d) => d.includes('feedback_sample.csv:')).length).toBeGreaterThan(0);
    expect(details).toEqual(
      expect.arrayContaining([expect.stringMatching(/^reached the output as "other"$/), expect.stringMatching(/^reached the output as "'[=+\-@]/), 'reached the output as an empty value']),
    );
    expect(poisonFindings(report, pipeline)).toEqual([]);
    expect(report.score).toBe(100);
  });
});
