import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareHomogeneity, jensenShannonDistance, lInfinityDistance, populationStabilityIndex } from '../../../src/data/drift/stats/binned.js';
import { chiSquareSurvival, lnGamma, lowerRegularizedGamma, upperRegularizedGamma } from '../../../src/data/drift/stats/gamma.js';
import { kolmogorovSurvival, ksFromQuantiles, ksPValue, ksTwoSample } from '../../../src/data/drift/stats/kolmogorov-smirnov.js';
import { QuantileFunction } from '../../../src/data/drift/stats/quantile-function.js';
import { normalizedWasserstein, wassersteinFromQuantiles, wassersteinSamples } from '../../../src/data/drift/stats/wasserstein.js';

const grid = (f: (p: number) => number) => Array.from({ length: 101 }, (_, i) => f(i / 100));

describe('gamma functions', () => {
  it('matches ln Γ at known points: Γ(1/2) = √π, Γ(5) = 24, Γ(1) = 1', () => {
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(101)).toBeCloseTo(363.73937555556347, 8); // ln(100!)
  });

  it('P(1, x) = 1 − e^(−x), and P + Q = 1 on both sides of a + 1', () => {
    for (const x of [0.1, 1, 2.5, 7, 30]) {
      expect(lowerRegularizedGamma(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
      for (const a of [0.5, 3, 12]) expect(lowerRegularizedGamma(a, x) + upperRegularizedGamma(a, x)).toBeCloseTo(1, 12);
    }
  });

  it('gives the textbook chi-square critical values', () => {
    expect(chiSquareSurvival(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(6.634897, 1)).toBeCloseTo(0.01, 6);
    expect(chiSquareSurvival(18.307038, 10)).toBeCloseTo(0.05, 6);
    expect(chiSquareSurvival(11.344867, 3)).toBeCloseTo(0.01, 6);
    // df = 2 is the exponential distribution with mean 2.
    expect(chiSquareSurvival(9, 2)).toBeCloseTo(Math.exp(-4.5), 14);
  });
});

describe('chi-square homogeneity', () => {
  it('reproduces the hand-computed 2×3 table (expected 12,12,16 / 18,18,24)', () => {
    const r = chiSquareHomogeneity([10, 10, 20], [20, 20, 20]);
    expect(r.statistic).toBeCloseTo(25 / 9, 12);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(Math.exp(-25 / 18), 12);
  });

  it('ignores categories empty on both sides and is 0 for proportional rows', () => {
    const r = chiSquareHomogeneity([10, 0, 30], [20, 0, 60]);
    expect(r.df).toBe(1);
    expect(r.statistic).toBeCloseTo(0, 12);
    expect(r.pValue).toBeCloseTo(1, 12);
  });
});

describe('Jensen–Shannon, L-infinity and PSI', () => {
  it('JS distance of [1,0] and [½,½] is √(½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2)', () => {
    const expected = Math.sqrt(0.5 * Math.log(4 / 3) + 0.25 * Math.log(2 / 3) + 0.25 * Math.log(2));
    expect(jensenShannonDistance([1, 0], [0.5, 0.5])).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.4645014, 6);
  });

  it('JS distance of disjoint distributions is √ln 2, of identical ones 0, and it takes raw counts', () => {
    expect(jensenShannonDistance([1, 0, 0], [0, 1, 0])).toBeCloseTo(Math.sqrt(Math.LN2), 12);
    expect(jensenShannonDistance([3, 5, 2], [30, 50, 20])).toBeCloseTo(0, 12);
  });

  it('JS distance is symmetric and bounded (property)', () => {
    const dist = fc.array(fc.nat(1000), { minLength: 3, maxLength: 3 }).filter((a) => a.some((x) => x > 0));
    fc.assert(
      fc.property(dist, dist, (p, q) => {
        const d = jensenShannonDistance(p, q);
        expect(d).toBeCloseTo(jensenShannonDistance(q, p), 12);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.sqrt(Math.LN2) + 1e-12);
      }),
    );
  });

  it('L-infinity is the largest change of one share', () => {
    expect(lInfinityDistance([50, 30, 20], [40, 30, 30])).toBeCloseTo(0.1, 12);
  });

  it('PSI of 50/50 → 25/75 is 0.25·ln 2 + 0.25·ln 1.5', () => {
    expect(populationStabilityIndex([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(1.5), 12);
  });

  it('PSI floors an empty bin at epsilon instead of going infinite', () => {
    const expected = 0.5 * Math.log(2) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5);
    expect(populationStabilityIndex([1, 1], [2, 0])).toBeCloseTo(expected, 12);
  });
});

describe('Kolmogorov–Smirnov', () => {
  it('matches the Smirnov table: P(K > 1.2239) = 0.10, P(K > 1.3581) = 0.05, P(K > 1.6276) = 0.01, P(K > 1) = 0.27', () => {
    expect(kolmogorovSurvival(1.2239)).toBeCloseTo(0.1, 4);
    expect(kolmogorovSurvival(1.3581)).toBeCloseTo(0.05, 4);
    expect(kolmogorovSurvival(1.6276)).toBeCloseTo(0.01, 4);
    expect(kolmogorovSurvival(1)).toBeCloseTo(0.27, 4);
  });

  it('is continuous where it switches series, and monotone', () => {
    expect(kolmogorovSurvival(1.18 - 1e-9)).toBeCloseTo(kolmogorovSurvival(1.18), 7);
    let last = 1;
    for (let l = 0.05; l < 3; l += 0.05) {
      const p = kolmogorovSurvival(l);
      expect(p).toBeLessThanOrEqual(last + 1e-12);
      last = p;
    }
  });

  it('finds D = 0.5 for 1..5 against 3..8 and scales λ by √(nm/(n+m))', () => {
    const r = ksTwoSample([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]);
    expect(r.statistic).toBeCloseTo(0.5, 12);
    expect(r.pValue).toBeCloseTo(kolmogorovSurvival(Math.sqrt(30 / 11) * 0.5), 12);
    expect(ksPValue(0.5, 5, 6)).toBe(r.pValue);
  });

  it('from quantiles: U(0,1) against U(c,1+c) has D = c; against itself D = 0', () => {
    const f = new QuantileFunction(grid((p) => p));
    const g = new QuantileFunction(grid((p) => p + 0.25));
    expect(ksFromQuantiles(f, g, 1000, 1000).statistic).toBeCloseTo(0.25, 12);
    expect(ksFromQuantiles(f, f, 1000, 1000).statistic).toBe(0);
  });

  it('from quantiles of 0/1 columns: 30% ones against 50% ones gives D = 0.2 (the jump at 0)', () => {
    const f = new QuantileFunction(grid((p) => (p <= 0.7 ? 0 : 1)));
    const g = new QuantileFunction(grid((p) => (p <= 0.5 ? 0 : 1)));
    expect(ksFromQuantiles(f, g, 500, 500).statistic).toBeCloseTo(0.2, 12);
  });
});

describe('Wasserstein-1', () => {
  it('matches hand-integrated sample values', () => {
    expect(wassersteinSamples([0, 1, 3], [5, 6, 8])).toBeCloseTo(5, 12);
    // ∫|F − G| = ¼ + ⅙ + 1/12 + ⅓ over [1,2), [2,3), [3,4), [4,5).
    expect(wassersteinSamples([1, 2, 3, 4], [2, 2, 5])).toBeCloseTo(5 / 6, 12);
  });

  it('from quantiles equals the shift for a shifted distribution (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 101, maxLength: 101 }), fc.double({ min: -50, max: 50, noNaN: true }), (raw, shift) => {
        const q = [...raw].sort((a, b) => a - b);
        const w = wassersteinFromQuantiles(new QuantileFunction(q), new QuantileFunction(q.map((x) => x + shift)));
        expect(w).toBeCloseTo(Math.abs(shift), 6);
      }),
    );
  });

  it('from quantiles integrates a sign change exactly', () => {
    // |p − 0.5| integrates to ¼ over [0,1].
    const w = wassersteinFromQuantiles(new QuantileFunction(grid((p) => p)), new QuantileFunction(grid(() => 0.5)));
    expect(w).toBeCloseTo(0.25, 12);
  });

  it('normalises by the reference standard deviation', () => {
    expect(normalizedWasserstein(0.5, 5)).toBeCloseTo(0.1, 12);
    expect(normalizedWasserstein(0, 0)).toBe(0);
    expect(normalizedWasserstein(1, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('QuantileFunction', () => {
  it('inverts itself on a continuous part and reports jumps on repeated quantiles', () => {
    const f = new QuantileFunction(grid((p) => 10 * p));
    expect(f.cdf(2.5)).toBeCloseTo(0.25, 12);
    expect(f.at(0.25)).toBeCloseTo(2.5, 12);
    const steps = new QuantileFunction(grid((p) => (p < 0.4 ? 1 : 2)));
    // q0…q39 = 1 and q40 = 2: P(X ≤ 1) = 0.39, P(X < 2) = 0.40 (the step q39 → q40 is interpolated).
    expect(steps.cdf(1)).toBeCloseTo(0.39, 12);
    expect(steps.cdfBefore(1)).toBe(0);
    expect(steps.cdfBefore(2)).toBeCloseTo(0.4, 12);
    expect(steps.cdf(2)).toBe(1);
    expect(steps.massBetween(1, 2)).toBeCloseTo(0.4, 12);
  });

  it('rejects quantiles that go down', () => {
    expect(() => new QuantileFunction([1, 0])).toThrow(/non-decreasing/);
  });
});
