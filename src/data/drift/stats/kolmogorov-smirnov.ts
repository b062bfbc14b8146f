import type { QuantileFunction } from './quantile-function.js';

export interface KsResult {
  /** sup |F − G|, in [0, 1]. */
  statistic: number;
  /** Asymptotic two-sided p-value. */
  pValue: number;
}

/**
 * Survival function of the Kolmogorov distribution, P(K > λ) (scipy's kstwobign.sf). The
 * alternating series converges fast for large λ; for small λ the Jacobi theta form does.
 */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    const k = (Math.PI * Math.PI) / (8 * lambda * lambda);
    let sum = 0;
    for (let j = 1; j <= 50; j += 2) sum += Math.exp(-j * j * k);
    return 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum;
  }
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += (j % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** The asymptotic p-value of statistic D for samples of sizes n and m: P(K > √(nm/(n+m))·D). */
export function ksPValue(statistic: number, n: number, m: number): number {
  if (n <= 0 || m <= 0) return 1;
  return kolmogorovSurvival(Math.sqrt((n * m) / (n + m)) * statistic);
}

/** Two-sample KS test on raw samples. */
export function ksTwoSample(a: readonly number[], b: readonly number[]): KsResult {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i]!, y[j]!);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return { statistic: d, pValue: ksPValue(d, x.length, y.length) };
}

/**
 * KS statistic between two distributions given by their quantile functions. Both CDFs are linear
 * between quantiles and jump only at repeated ones, so the supremum of |F − G| is reached at a
 * quantile of one of them, either at it or just before it.
 */
export function ksFromQuantiles(f: QuantileFunction, g: QuantileFunction, n: number, m: number): KsResult {
  let d = 0;
  for (const x of new Set([...f.quantiles, ...g.quantiles])) {
    d = Math.max(d, Math.abs(f.cdf(x) - g.cdf(x)), Math.abs(f.cdfBefore(x) - g.cdfBefore(x)));
  }
  return { statistic: d, pValue: ksPValue(d, n, m) };
}
