import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnMetrics } from '../../../src/data/monitor/metrics.js';
import { monitorSeries } from '../../../src/data/monitor/monitor.js';
import type { ColumnProfile, DatasetProfile } from '../../../src/data/profile/types.js';
import { profileRows, seededRandom, tempDir } from './synthetic.js';

const METRIC = 'share outside the golden top values';
/** 150 labels with Zipf shares: the top 20 hold about 64% of the rows. */
const LABELS = Array.from({ length: 150 }, (_, i) => `L${i}`);
const WEIGHTS = LABELS.map((_, i) => 1 / (i + 1));
const TOTAL = WEIGHTS.reduce((a, b) => a + b, 0);

function draw(random: () => number): string {
  let u = random() * TOTAL;
  for (let i = 0; i < LABELS.length; i++) {
    u -= WEIGHTS[i]!;
    if (u <= 0) return LABELS[i]!;
  }
  return LABELS.at(-1)!;
}

let dir: string;
let golden: DatasetProfile;
let clean: DatasetProfile[];
let flipped: DatasetProfile[];

/** 300 rows; with `flip`, each row has a 20% chance of a random other label (flips in every direction). */
async function batch(name: string, random: () => number, flip: boolean, rows = 300): Promise<DatasetProfile> {
  const data = Array.from({ length: rows }, () => {
    const label = draw(random);
    if (!flip || random() >= 0.2) return [label];
    const others = LABELS.filter((l) => l !== label);
    return [others[Math.floor(random() * others.length)]!];
  });
  return profileRows(dir, name, ['origin'], data);
}

beforeAll(async () => {
  dir = tempDir();
  const random = seededRandom(6);
  golden = await batch('golden', random, false, 20_000);
  clean = [];
  flipped = [];
  for (let t = 0; t < 20; t++) clean.push(await batch(`clean-${t}`, random, false));
  for (let t = 0; t < 20; t++) flipped.push(t < 10 ? clean[t]! : await batch(`flip-${t}`, random, true));
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('random label flips into a long tail of labels', () => {
  it('are caught by the share outside the golden top values, after the flips begin', () => {
    const report = monitorSeries('synthetic', golden, flipped);
    const outside = report.series.find((s) => s.metric === METRIC)!;
    expect(outside.alarm).toBe(true);
    const first = Math.min(...outside.detectors.flatMap((d) => (d.firstAlarmBatch === null ? [] : [d.firstAlarmBatch])));
    expect(first).toBeGreaterThanOrEqual(10);
    expect(outside.latest).toBeGreaterThan(outside.golden);
  });

  it('raise no alarm on clean batches', () => {
    const report = monitorSeries('synthetic', golden, clean);
    expect(report.series.filter((s) => s.detectors.some((d) => d.firstAlarmBatch !== null)).map((s) => s.metric)).toEqual([]);
  });
});

describe('the share outside the golden top values', () => {
  const column = (count: number, topValues: Array<[string, number]>): ColumnProfile => ({
    ...golden.columns[0]!,
    count,
    nullCount: 0,
    nullRate: 0,
    typeMismatchCount: 0,
    typeMismatchRate: 0,
    topValues: topValues.map(([value, n]) => ({ value, count: n })),
  });
  const outside = (g: ColumnProfile, b: ColumnProfile) => columnMetrics(g, b).find((m) => m.metric === METRIC)!;

  it('bounds a batch value its list leaves out by the least listed count and the unlisted remainder', () => {
    // Listed above the golden cutoff (2): a, b, c, d. Outside: the 148 unlisted rows and e, at the cutoff.
    const g = column(1000, [['a', 500], ['b', 200], ['c', 100], ['d', 50], ['e', 2]]);
    // b, c and d are unlisted: together at most min(10 unlisted rows, 3 × 20); so at least 50% is outside.
    const m = outside(g, column(100, [['a', 40], ['x', 30], ['y', 20]]));
    expect(m.value).toBeCloseTo(0.5, 12);
    expect(m.target).toBeCloseTo(0.15, 12);
    expect(m.sides).toBe('upper');
    // A complete list (every value listed) is exact.
    expect(outside(g, column(100, [['a', 60], ['b', 20], ['c', 10], ['z', 10]])).value).toBeCloseTo(0.1, 12);
  });

  it('expects as much outside a complete golden list as its values seen once (Good–Turing)', () => {
    const singles = Array.from({ length: 10 }, (_, i): [string, number] => [`s${i}`, 1]);
    const g = column(200, [['a', 100], ['b', 60], ['c', 30], ...singles]);
    expect(outside(g, column(100, [['a', 50], ['b', 30], ['c', 20]])).target).toBeCloseTo(0.05, 12);
  });

  it('is not tracked where fewer than five rows are expected outside (no normal approximation)', () => {
    const g = column(200, [['a', 100], ['b', 60], ['c', 40]]);
    expect(columnMetrics(g, column(100, [['a', 50], ['b', 30], ['c', 20]])).map((m) => m.metric)).not.toContain(METRIC);
  });
});
