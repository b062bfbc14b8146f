import type { QuantileFunction } from './quantile-function.js';

/** Wasserstein-1 distance between two raw samples: ∫ |F(x) − G(x)| dx over the merged sample. */
export function wassersteinSamples(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  const points = [...x, ...y].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let total = 0;
  for (let k = 0; k < points.length - 1; k++) {
    const v = points[k]!;
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    total += Math.abs(i / x.length - j / y.length) * (points[k + 1]! - v);
  }
  return total;
}

/**
 * Wasserstein-1 distance from quantile functions: ∫₀¹ |Q_F(p) − Q_G(p)| dp. Both are linear on
 * the same grid, so each segment integrates exactly, including one where the difference changes sign.
 */
export function wassersteinFromQuantiles(f: QuantileFunction, g: QuantileFunction): number {
  const grid = Math.max(f.quantiles.length, g.quantiles.length) - 1;
  let total = 0;
  let before = f.at(0) - g.at(0);
  for (let k = 1; k <= grid; k++) {
    const after = f.at(k / grid) - g.at(k / grid);
    total += segmentArea(before, after) / grid;
    before = after;
  }
  return total;
}

/** ∫₀¹ |d0 + (d1 − d0)t| dt. */
function segmentArea(d0: number, d1: number): number {
  if (d0 * d1 >= 0) return (Math.abs(d0) + Math.abs(d1)) / 2;
  return (d0 * d0 + d1 * d1) / (2 * (Math.abs(d0) + Math.abs(d1)));
}

/**
 * Wasserstein-1 divided by the reference standard deviation (Evidently's normalisation), so that
 * 0.1 means "the distribution moved by a tenth of its usual spread" whatever the unit.
 */
export function normalizedWasserstein(distance: number, referenceStd: number): number {
  if (referenceStd > 0) return distance / referenceStd;
  return distance === 0 ? 0 : Number.POSITIVE_INFINITY;
}
