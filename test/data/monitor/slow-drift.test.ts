import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { compareProfiles } from '../../../src/data/drift/compare.js';
import { resolveDriftSettings } from '../../../src/data/drift/settings.js';
import { monitorSeries } from '../../../src/data/monitor/monitor.js';
import type { DatasetProfile } from '../../../src/data/profile/types.js';
import { normal, profileRows, seededRandom, tempDir } from './synthetic.js';

const BATCHES = 30;
const ROWS = 400;
const SIGMA = 10;
const MEAN = 100;

let dir: string;
let golden: DatasetProfile;
let drifting: DatasetProfile[];
let clean: DatasetProfile[];

/** Batch t of amount ~ N(100 + shift·σ·t, σ²) and a label column with stable shares. */
async function batch(name: string, random: () => number, shiftPerBatch: number, t: number, rows = ROWS): Promise<DatasetProfile> {
  const z = normal(random);
  const labels = ['a', 'b', 'c'];
  const data = Array.from({ length: rows }, () => [(MEAN + SIGMA * (z() + shiftPerBatch * t)).toFixed(3), labels[Math.floor(random() * 3)]!]);
  return profileRows(dir, name, ['amount', 'label'], data);
}

beforeAll(async () => {
  dir = tempDir();
  // One random stream for all batches: streams from neighbouring seeds need not be independent.
  const random = seededRandom(20261125);
  golden = await batch('golden', random, 0, 0, 20_000);
  drifting = [];
  clean = [];
  for (let t = 1; t <= BATCHES; t++) {
    drifting.push(await batch(`drift-${t}`, random, 0.05, t));
    clean.push(await batch(`clean-${t}`, random, 0, t));
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('slow poisoning: +0.05σ per batch over 30 batches', () => {
  it('never trips the per-batch drift test between consecutive batches', () => {
    const settings = resolveDriftSettings();
    for (let t = 1; t < BATCHES; t++) {
      const report = compareProfiles(drifting[t - 1]!, drifting[t]!, settings);
      if (report.drifted) console.log(JSON.stringify(report.columns.filter((c) => c.drifted)));
      expect(report.columns.filter((c) => c.drifted).map((c) => `${t}:${c.column}`)).toEqual([]);
    }
  });

  it('is caught by CUSUM against the golden baseline within the 30 batches', () => {
    const report = monitorSeries('synthetic', golden, drifting);
    const mean = report.series.find((s) => s.column === 'amount' && s.metric === 'mean')!;
    const detector = mean.detectors.find((d) => d.detector === 'cusum vs golden')!;
    expect(detector.alarm).toBe(true);
    expect(detector.firstAlarmBatch).not.toBeNull();
    expect(detector.firstAlarmBatch!).toBeLessThan(BATCHES);
    expect(report.alarm).toBe(true);
    // The label column did not move.
    expect(report.series.filter((s) => s.column === 'label' && s.alarm)).toEqual([]);
  });

  it('is also caught against the rolling window', () => {
    const report = monitorSeries('synthetic', golden, drifting);
    const mean = report.series.find((s) => s.column === 'amount' && s.metric === 'mean')!;
    expect(mean.detectors.find((d) => d.detector === 'cusum vs rolling window')!.firstAlarmBatch).not.toBeNull();
  });

  it('raises no alarm on 30 clean batches', () => {
    const report = monitorSeries('synthetic', golden, clean);
    expect(report.series.filter((s) => s.detectors.some((d) => d.firstAlarmBatch !== null)).map((s) => `${s.column}/${s.metric}`)).toEqual([]);
    expect(report.alarm).toBe(false);
  });
});
