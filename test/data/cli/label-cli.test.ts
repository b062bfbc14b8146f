import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { labelledBatch, labelledPopulation, writeLabelled } from '../labelled-data.js';
import { normal, seededRandom, tempDir } from '../monitor/synthetic.js';

describe('--label on profile and drift', () => {
  let dir: string;
  let db: string;
  const files: Record<string, string> = {};

  beforeAll(() => {
    dir = tempDir();
    db = path.join(dir, 'history.db');
    const random = seededRandom(5);
    const golden = labelledPopulation(900, random, normal(random));
    files['reference'] = writeLabelled(path.join(dir, 'reference.csv'), golden);
    files['clean'] = writeLabelled(path.join(dir, 'clean.csv'), labelledBatch(golden, 600, random));
    files['flipped'] = writeLabelled(path.join(dir, 'flipped.csv'), labelledBatch(golden, 600, random, 0.2));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('profile --label adds per-label moments to the JSON and the saved baseline', async () => {
    const r = await runCli(['profile', files['reference']!, '--label', 'species', '--save-baseline', 'birds', '--no-store', '--db', db, '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout).labelConditional;
    expect(stats.column).toBe('species');
    expect(stats.groups.map((g: { label: string; rows: number }) => [g.label, g.rows]).sort()).toEqual([
      ['adelie', 300],
      ['chinstrap', 300],
      ['gentoo', 300],
    ]);
  });

  it('drift takes the label from a saved baseline and reports flipped labels', async () => {
    const r = await runCli(['drift', '--reference', 'baseline:birds', '--current', files['flipped']!, '--db', db, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.labelConditional.column).toBe('species');
    expect(new Set(report.findings.map((f: { ruleId: string }) => f.ruleId))).toEqual(new Set(['data.drift.label-conditional']));
  });

  it('drift --label compares two files and stays quiet on a clean batch', async () => {
    const r = await runCli(['drift', '--reference', files['reference']!, '--current', files['clean']!, '--label', 'species'], { cwd: dir });
    expect(r.stdout).toMatch(/ok +given label species: 0 of 6 label × column means moved/);
    expect(r.code).toBe(0);
  });

  it('prints the grouped query in a dry run and rejects a missing label column or --label with --dataset', async () => {
    const dry = await runCli(['profile', files['reference']!, '--label', 'species', '--dry-run'], { cwd: dir });
    expect(dry.stdout).toMatch(/-- pass 3: numeric moments per label of species\nSELECT label_value, count\(\*\) AS label_rows/);
    const missing = await runCli(['profile', files['reference']!, '--label', 'kind', '--no-store'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no column "kind" to use as the label/);
    const series = await runCli(['drift', '--dataset', 'birds', '--label', 'species', '--db', db], { cwd: dir });
    expect(series.code).toBe(2);
    expect(series.stderr).toMatch(/declare the label when profiling/);
  });
});
