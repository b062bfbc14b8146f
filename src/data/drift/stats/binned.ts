import { chiSquareSurvival } from './gamma.js';

export interface ChiSquareResult {
  statistic: number;
  df: number;
  pValue: number;
}

/**
 * Pearson's chi-square test of homogeneity on a 2×k table of counts (reference row, current row).
 * Categories empty on both sides carry no information and are left out of the degrees of freedom.
 */
export function chiSquareHomogeneity(reference: readonly number[], current: readonly number[]): ChiSquareResult {
  const rowA = sum(reference);
  const rowB = sum(current);
  const total = rowA + rowB;
  let statistic = 0;
  let categories = 0;
  for (let k = 0; k < reference.length; k++) {
    const column = reference[k]! + current[k]!;
    if (column === 0) continue;
    categories++;
    const expectedA = (rowA * column) / total;
    const expectedB = (rowB * column) / total;
    statistic += (reference[k]! - expectedA) ** 2 / expectedA + (current[k]! - expectedB) ** 2 / expectedB;
  }
  const df = rowA > 0 && rowB > 0 ? Math.max(categories - 1, 0) : 0;
  return { statistic: df === 0 ? 0 : statistic, df, pValue: df === 0 ? 1 : chiSquareSurvival(statistic, df) };
}

/** Counts (or any non-negative weights) scaled to sum to 1; all zero stays all zero. */
export function proportions(counts: readonly number[]): number[] {
  const total = sum(counts);
  return counts.map((c) => (total > 0 ? c / total : 0));
}

/**
 * Jensen–Shannon distance: the square root of the JS divergence, natural logarithm (scipy's
 * `jensenshannon` default, which Evidently's 0.1 threshold refers to). 0 = identical, √ln 2 = disjoint.
 */
export function jensenShannonDistance(p: readonly number[], q: readonly number[]): number {
  const a = proportions(p);
  const b = proportions(q);
  let divergence = 0;
  for (let k = 0; k < a.length; k++) {
    const m = (a[k]! + b[k]!) / 2;
    if (a[k]! > 0) divergence += (a[k]! * Math.log(a[k]! / m)) / 2;
    if (b[k]! > 0) divergence += (b[k]! * Math.log(b[k]! / m)) / 2;
  }
  return Math.sqrt(Math.max(0, divergence));
}

/** L-infinity distance between two distributions (TFDV's categorical drift measure). */
export function lInfinityDistance(p: readonly number[], q: readonly number[]): number {
  const a = proportions(p);
  const b = proportions(q);
  return a.reduce((max, x, k) => Math.max(max, Math.abs(x - b[k]!)), 0);
}

/** Shares below this are raised to it, so an empty bin gives a large but finite PSI term. */
export const PSI_EPSILON = 1e-4;

/** Population Stability Index Σ (c − r)·ln(c / r) over bins, with empty bins floored at `epsilon`. */
export function populationStabilityIndex(reference: readonly number[], current: readonly number[], epsilon = PSI_EPSILON): number {
  const r = proportions(reference);
  const c = proportions(current);
  let psi = 0;
  for (let k = 0; k < r.length; k++) {
    const rk = Math.max(r[k]!, epsilon);
    const ck = Math.max(c[k]!, epsilon);
    psi += (ck - rk) * Math.log(ck / rk);
  }
  return psi;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
