import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { compareProfiles, type ColumnDrift } from '../../../src/data/drift/compare.js';
import { driftFindings } from '../../../src/data/drift/findings.js';
import { renderDriftText } from '../../../src/data/drift/render.js';
import { resolveDriftSettings } from '../../../src/data/drift/settings.js';
import type { DatasetProfile } from '../../../src/data/profile/types.js';
import { normal, profileRows, seededRandom, tempDir } from '../monitor/synthetic.js';

let dir: string;
let reference: DatasetProfile;
let same: DatasetProfile;
let shifted: DatasetProfile;
let flipped: DatasetProfile;

const random = seededRandom(7);
const z = normal(random);

/** amount ~ N(50 + shift, 5²); label: 70% "ok", 30% "fraud" unless flipped; note: 2% null unless nulls given. */
function rows(n: number, options: { shift?: number; fraudShare?: number; nullShare?: number } = {}): Array<Array<string | number>> {
  return Array.from({ length: n }, () => [
    (50 + (options.shift ?? 0) + 5 * z()).toFixed(2),
    random() < (options.fraudShare ?? 0.3) ? 'fraud' : 'ok',
    random() < (options.nullShare ?? 0.02) ? '' : 'x',
  ]);
}
const header = ['amount', 'label', 'note'];
const column = (p: ReturnType<typeof compareProfiles>, name: string): ColumnDrift => p.columns.find((c) => c.column === name)!;

beforeAll(async () => {
  dir = tempDir();
  reference = await profileRows(dir, 'reference', header, rows(3000));
  same = await profileRows(dir, 'same', header, rows(3000));
  shifted = await profileRows(dir, 'shifted', header, rows(3000, { shift: 2, nullShare: 0.2 }));
  flipped = await profileRows(dir, 'flipped', header, rows(3000, { fraudShare: 0.5 }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('compareProfiles', () => {
  it('finds no drift between two samples of one distribution, and reports the test values anyway', () => {
    const report = compareProfiles(reference, same, resolveDriftSettings());
    expect(report.drifted).toBe(false);
    const amount = column(report, 'amount');
    expect(amount.distribution!.tests.ks!.pValue).toBeGreaterThan(0.001);
    expect(amount.distribution!.tests.wasserstein!.normalized).toBeLessThan(0.1);
    expect(amount.distribution!.rule).toBe('normalized Wasserstein ≥ 0.1 and KS p < 0.001');
    expect(column(report, 'label').distribution!.tests.chiSquare!.df).toBe(1);
    expect(driftFindings(report)).toEqual([]);
  });

  it('measures a 0.4σ shift as a normalised Wasserstein distance near 0.4 and flags it', () => {
    const amount = column(compareProfiles(reference, shifted, resolveDriftSettings()), 'amount');
    expect(amount.drifted).toBe(true);
    expect(amount.distribution!.drifted).toBe(true);
    expect(amount.distribution!.tests.wasserstein!.normalized).toBeGreaterThan(0.3);
    expect(amount.distribution!.tests.wasserstein!.normalized).toBeLessThan(0.5);
    // For two normals 0.4σ apart, sup|F − G| = 2Φ(0.2) − 1 ≈ 0.159.
    expect(amount.distribution!.tests.ks!.statistic).toBeGreaterThan(0.12);
    expect(amount.distribution!.tests.ks!.statistic).toBeLessThan(0.2);
  });

  it('flags a null rate from 2% to 20% with the rates behind it', () => {
    const note = column(compareProfiles(reference, shifted, resolveDriftSettings()), 'note');
    expect(note.nullRate!.drifted).toBe(true);
    expect(note.nullRate!.reference).toBeCloseTo(0.02, 1);
    expect(note.nullRate!.current).toBeCloseTo(0.2, 1);
  });

  it('flags label flips (30% → 50% fraud) with chi-square, Jensen–Shannon and L-infinity', () => {
    const report = compareProfiles(reference, flipped, resolveDriftSettings());
    const label = column(report, 'label');
    expect(label.distribution!.drifted).toBe(true);
    expect(label.distribution!.tests.lInfinity).toBeCloseTo(0.2, 1);
    expect(label.distribution!.tests.chiSquare!.pValue).toBeLessThan(1e-6);
    expect(driftFindings(report).map((f) => f.ruleId)).toEqual(['data.drift.categorical']);
  });

  it('lets a column threshold or skip override the defaults', () => {
    const loose = resolveDriftSettings({ columns: { amount: { threshold: 0.6 }, note: { skip: true } } });
    const report = compareProfiles(reference, shifted, loose);
    expect(column(report, 'amount').distribution!.drifted).toBe(false);
    expect(report.columns.map((c) => c.column)).not.toContain('note');
  });

  it('uses Evidently’s rule under its preset: KS p < 0.05 up to 1,000 reference rows, Wasserstein above', () => {
    const evidently = resolveDriftSettings({ preset: 'evidently' });
    expect(column(compareProfiles(reference, shifted, evidently), 'amount').distribution!.rule).toBe('normalized Wasserstein ≥ 0.1');
    const small = resolveDriftSettings({ preset: 'evidently', smallReferenceRows: 5000 });
    expect(column(compareProfiles(reference, shifted, small), 'amount').distribution!.rule).toBe('KS p < 0.05');
    expect(column(compareProfiles(reference, flipped, small), 'label').distribution!.rule).toBe('chi-square p < 0.05');
  });

  it('uses TFDV’s measures under its preset: Jensen–Shannon for numeric, L-infinity for categorical', () => {
    const report = compareProfiles(reference, flipped, resolveDriftSettings({ preset: 'tfdv' }));
    expect(column(report, 'amount').distribution!.rule).toBe('Jensen–Shannon distance ≥ 0.1');
    expect(column(report, 'label').distribution!.rule).toBe('L-infinity distance ≥ 0.1');
    expect(column(report, 'label').distribution!.drifted).toBe(true);
  });

  it('reports columns that appear or disappear', () => {
    const renamed: DatasetProfile = { ...same, columns: same.columns.map((c) => (c.name === 'note' ? { ...c, name: 'remark' } : c)) };
    const report = compareProfiles(reference, renamed, resolveDriftSettings());
    expect(column(report, 'note').missingFrom).toBe('current');
    expect(column(report, 'remark').missingFrom).toBe('reference');
    expect(report.drifted).toBe(true);
  });

  it('reports a column whose type changed kind (a number column turned to text)', () => {
    const texty: DatasetProfile = { ...same, columns: same.columns.map((c) => (c.name === 'amount' ? { ...c, type: 'string', kind: 'categorical', quantiles: [] } : c)) };
    const report = compareProfiles(reference, texty, resolveDriftSettings());
    expect(column(report, 'amount')).toMatchObject({ drifted: true, typeChanged: { reference: 'number', current: 'string' } });
    expect(driftFindings(report).map((f) => f.message)).toEqual(['column "amount": type changed from number to string']);
  });

  it('does not compare distributions against an empty side, and calls a column that empties drift', async () => {
    const empty = await profileRows(dir, 'empty', header, []);
    const againstEmpty = compareProfiles(empty, same, resolveDriftSettings());
    expect(againstEmpty.columns.map((c) => [c.column, c.drifted, c.noValues, c.distribution, c.typeChanged])).toEqual([
      ['amount', false, 'reference', undefined, undefined],
      ['label', false, 'reference', undefined, undefined],
      ['note', false, 'reference', undefined, undefined],
    ]);
    expect(driftFindings(againstEmpty)).toEqual([]);
    expect(renderDriftText(againstEmpty)).toContain('ok     amount (categorical)\n     distribution not compared: the reference has no values in this column\n');
    const emptied = compareProfiles(same, empty, resolveDriftSettings());
    expect(emptied.columns.map((c) => [c.column, c.drifted, c.noValues])).toEqual([
      ['amount', true, 'current'],
      ['label', true, 'current'],
      ['note', true, 'current'],
    ]);
    expect(driftFindings(emptied).map((f) => f.message)).toEqual([
      'column "amount": no values in the current data; the reference has some',
      'column "label": no values in the current data; the reference has some',
      'column "note": no values in the current data; the reference has some',
    ]);
  });

  it('rejects a method that does not fit the column kind', () => {
    expect(() => compareProfiles(reference, same, resolveDriftSettings({ columns: { label: { method: 'ks' } } }))).toThrow(UsageError);
  });
});
