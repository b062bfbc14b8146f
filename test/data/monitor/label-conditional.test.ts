import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_LABEL_VALUES } from '../../../src/data/drift/label-conditional.js';
import { labelConditionalMetrics } from '../../../src/data/monitor/metrics.js';
import { monitorSeries } from '../../../src/data/monitor/monitor.js';
import { slowDriftFindings } from '../../../src/data/monitor/slow-drift.js';
import { profileDataset } from '../../../src/data/profile/index.js';
import type { DatasetProfile } from '../../../src/data/profile/types.js';
import { labelledBatch, labelledPopulation, writeLabelled, type LabelledRow } from '../labelled-data.js';
import { normal, seededRandom, tempDir } from './synthetic.js';


describe('label-conditional metrics in the slow-drift monitor', () => {
  let dir: string;
  let golden: DatasetProfile;
  let clean: DatasetProfile[];
  let flipped: DatasetProfile[];
  let files = 0;
  const random = seededRandom(31);
  const z = normal(random);

  const profile = async (rows: LabelledRow[]): Promise<DatasetProfile> => {
    const file = writeLabelled(path.join(dir, `batch-${files++}.csv`), rows);
    return profileDataset({ engine: 'duckdb', file, threads: 1 }, { dataset: 'birds', label: 'species' });
  };
  const population = labelledPopulation(900, random, z);
  const batch = (flip: number): LabelledRow[] => labelledBatch(population, 200, random, flip);

  beforeAll(async () => {
    dir = tempDir();
    golden = await profile(population);
    clean = [];
    for (let t = 0; t < 20; t++) clean.push(await profile(batch(0)));
    flipped = clean.slice(0, 10);
    for (let t = 10; t < 20; t++) flipped.push(await profile(batch(0.2)));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('measures each label\'s mean with standard error σₗ·√(1/nₗ + 1/Nₗ) from the golden', () => {
    const metrics = labelConditionalMetrics(golden.labelConditional, clean[0]!.labelConditional);
    expect(metrics.map((m) => m.metric).sort()).toEqual([
      'mean of "length" given "adelie"',
      'mean of "length" given "chinstrap"',
      'mean of "length" given "gentoo"',
      'mean of "mass" given "adelie"',
      'mean of "mass" given "chinstrap"',
      'mean of "mass" given "gentoo"',
    ]);
    const g = golden.labelConditional!.groups.find((x) => x.label === 'gentoo')!.columns[0]!;
    const b = clean[0]!.labelConditional!.groups.find((x) => x.label === 'gentoo')!.columns[0]!;
    const gentoo = metrics.find((m) => m.metric === 'mean of "mass" given "gentoo"')!;
    expect(gentoo.target).toBe(g.mean);
    expect(gentoo.value).toBe(b.mean);
    expect(gentoo.standardError).toBeCloseTo(g.stddev! * Math.sqrt(1 / b.count + 1 / g.count), 12);
    expect(labelConditionalMetrics(golden.labelConditional, undefined)).toEqual([]);
  });

  it('leaves out labels with too few values to trust their mean', () => {
    const few = structuredClone(clean[0]!.labelConditional!);
    few.groups[0]!.columns[0]!.count = MIN_LABEL_VALUES - 1;
    expect(labelConditionalMetrics(golden.labelConditional, few)).toHaveLength(5);
  });

  it('raises no alarm over twenty clean batches', () => {
    const report = monitorSeries('birds', golden, clean);
    expect(report.series.filter((s) => s.column === 'species' && s.metric.startsWith('mean of'))).toHaveLength(6);
    expect(report.alarm).toBe(false);
  });

  it('moves and alarms under random flips, as a finding on the label column', () => {
    const report = monitorSeries('birds', golden, flipped);
    const adelie = report.series.find((s) => s.metric === 'mean of "mass" given "adelie"')!;
    expect(adelie.column).toBe('species');
    // A fifth of adelie rows flipped in from classes 3 and 6 away: the mean moves by about 0.9.
    expect(adelie.latest - adelie.golden).toBeGreaterThan(0.5);
    expect(adelie.alarm).toBe(true);
    expect(Math.min(...adelie.detectors.flatMap((d) => (d.firstAlarmBatch === null ? [] : [d.firstAlarmBatch])))).toBeGreaterThanOrEqual(10);
    const findings = slowDriftFindings(report);
    expect(findings.map((f) => f.location.snippet)).toEqual(['species']);
    expect(findings[0]!.message).toMatch(/mean of "mass" given "adelie"/);
  });
});
