import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareProfiles, type DriftReport } from '../../../src/data/drift/compare.js';
import { driftFindings } from '../../../src/data/drift/findings.js';
import { LABEL_SHIFT } from '../../../src/data/drift/label-conditional.js';
import { renderDriftText } from '../../../src/data/drift/render.js';
import { resolveDriftSettings } from '../../../src/data/drift/settings.js';
import { profileSides } from '../../../src/data/drift/sides.js';
import { regularizedBeta, studentTTwoSided, welchTTest } from '../../../src/data/drift/stats/student-t.js';
import type { DatasetProfile } from '../../../src/data/profile/types.js';
import { labelledBatch, labelledPopulation, writeLabelled, type LabelledRow } from '../labelled-data.js';
import { normal, seededRandom, tempDir } from '../monitor/synthetic.js';

describe("Student's t and Welch's test", () => {
  it('matches t tables: t(0.975) is 12.706 at 1 df, 2.228 at 10, 1.960 for large df', () => {
    expect(studentTTwoSided(12.706, 1)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSided(2.228, 10)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSided(3.169, 10)).toBeCloseTo(0.01, 4);
    expect(studentTTwoSided(1.96, 1e7)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSided(0, 5)).toBe(1);
    expect(studentTTwoSided(-2.228, 10)).toBeCloseTo(studentTTwoSided(2.228, 10), 12);
  });

  it('has the incomplete beta function\'s closed forms: I_x(1,1) = x, I_x(a,1) = x^a, I_½(a,a) = ½', () => {
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedBeta(0.7, 3, 1)).toBeCloseTo(0.343, 12);
    expect(regularizedBeta(0.5, 4.5, 4.5)).toBeCloseTo(0.5, 12);
  });

  it('computes t and the Welch–Satterthwaite degrees of freedom from summary statistics', () => {
    // v₁ = 4/10 = 0.4, v₂ = 9/20 = 0.45: t = 1/√0.85, df = 0.85² / (0.4²/9 + 0.45²/19).
    const r = welchTTest({ count: 10, mean: 5, stddev: 2 }, { count: 20, mean: 6, stddev: 3 })!;
    expect(r.difference).toBe(1);
    expect(r.statistic).toBeCloseTo(1 / Math.sqrt(0.85), 12);
    expect(r.df).toBeCloseTo(0.85 ** 2 / (0.16 / 9 + 0.2025 / 19), 10);
    expect(r.pValue).toBeCloseTo(studentTTwoSided(r.statistic, r.df), 12);
    expect(welchTTest({ count: 1, mean: 5, stddev: 0 }, { count: 20, mean: 6, stddev: 3 })).toBeUndefined();
  });
});

describe('label-conditional drift', () => {
  let dir: string;
  const files: Record<string, string> = {};
  const settings = resolveDriftSettings();
  const side = (name: string) => ({ kind: 'data' as const, name, source: { engine: 'duckdb' as const, file: files[name]!, threads: 1 } });
  let reference: DatasetProfile;
  let clean: DriftReport;
  let flipped: DriftReport;

  beforeAll(async () => {
    dir = tempDir();
    const random = seededRandom(23);
    const golden = labelledPopulation(900, random, normal(random));
    const write = (name: string, rows: LabelledRow[]) => (files[name] = writeLabelled(path.join(dir, `${name}.csv`), rows));
    write('reference', golden);
    write('clean', labelledBatch(golden, 600, random));
    write('flipped', labelledBatch(golden, 600, random, 0.2));
    const cleanSides = await profileSides(side('reference'), side('clean'), { label: 'species' });
    reference = cleanSides.reference;
    clean = compareProfiles(cleanSides.reference, cleanSides.current, settings);
    const flippedSides = await profileSides(side('reference'), side('flipped'), { label: 'species' });
    flipped = compareProfiles(flippedSides.reference, flippedSides.current, settings);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('tests every label × numeric column, Bonferroni-corrected, and finds nothing in a clean bootstrap batch', () => {
    const drift = clean.labelConditional!;
    expect(drift.column).toBe('species');
    expect(drift.tests).toBe(6);
    expect(drift.alpha).toBeCloseTo(0.001 / 6, 15);
    expect(drift.minEffect).toBe(LABEL_SHIFT);
    expect(drift.drifted).toBe(false);
    expect(clean.drifted).toBe(false);
    expect(driftFindings(clean)).toEqual([]);
  });

  it('flags random flips among evenly spread labels that no per-column check sees', () => {
    expect(flipped.columns.filter((c) => c.drifted)).toEqual([]);
    expect(flipped.drifted).toBe(true);
    const drift = flipped.labelConditional!;
    // Flipped-in rows pull the outer classes' means towards the middle one: adelie up, chinstrap down.
    const mass = (label: string) => drift.checks.find((c) => c.label === label && c.column === 'mass')!;
    expect(mass('adelie').drifted).toBe(true);
    expect(mass('adelie').effect).toBeGreaterThan(0.5);
    expect(mass('chinstrap').drifted).toBe(true);
    expect(mass('chinstrap').effect).toBeLessThan(-0.5);
    const findings = driftFindings(flipped, 'flipped.csv');
    expect(new Set(findings.map((f) => f.ruleId))).toEqual(new Set(['data.drift.label-conditional']));
    expect(findings.map((f) => f.location.snippet)).toContain('species=adelie:mass');
    expect(findings.find((f) => f.location.snippet === 'species=adelie:mass')!.message).toMatch(/^column "mass" among rows with species = "adelie": mean .* reference σ.*Welch t .*Bonferroni level 1\.7e-4 over 6 tests/);
    const text = renderDriftText(flipped);
    expect(text).toMatch(/DRIFT {2}given label species: \d of 6 label × column means moved\n {3}! mass \| species = adelie: mean/);
    expect(text).toMatch(/No drift in 4 columns\. Means given label species drifted\.\n$/);
  });

  it('profiles the current side with a saved reference\'s label column when none is given', async () => {
    const sides = await profileSides({ kind: 'saved', name: 'baseline:golden', profile: reference }, side('flipped'));
    expect(sides.current.labelConditional!.column).toBe('species');
    expect(compareProfiles(sides.reference, sides.current, settings).labelConditional!.drifted).toBe(true);
  });

  it('compares nothing when only one side has label-conditional statistics, or the label column is skipped', async () => {
    const unlabelled = await profileSides(side('reference'), side('flipped'));
    expect(unlabelled.current.labelConditional).toBeUndefined();
    expect(compareProfiles(reference, unlabelled.current, settings).labelConditional).toBeUndefined();
    const skipped = resolveDriftSettings({ columns: { species: { skip: true } } });
    const sides = await profileSides(side('reference'), side('flipped'), { label: 'species' });
    expect(compareProfiles(sides.reference, sides.current, skipped).labelConditional).toBeUndefined();
  });
});
