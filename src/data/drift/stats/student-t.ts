import { EPS, Lentz, MAX_ITERATIONS, nonZero } from './continued-fraction.js';
import { lnGamma } from './gamma.js';

/**
 * I_x(a, b), the regularised incomplete beta function, by its continued fraction (modified Lentz),
 * evaluated on whichever side of the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) converges fast.
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const first = 1 / nonZero(1 - ((a + b) * x) / (a + 1));
  const lentz = new Lentz(1, first);
  let h = first;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    h *= lentz.step((m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), 1);
    const delta = lentz.step((-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)), 1);
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** Two-sided p-value of Student's t with `df` degrees of freedom: P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2). */
export function studentTTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  if (df <= 0) return 1;
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

export interface SampleMoments {
  count: number;
  mean: number;
  stddev: number;
}

export interface WelchResult {
  /** Difference of the means, b − a. */
  difference: number;
  statistic: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  pValue: number;
}

/**
 * Welch's two-sample t-test on summary statistics (it does not assume equal variances): t is the
 * difference of the means over √(s₁²/n₁ + s₂²/n₂). Undefined when either side has fewer than two
 * values or both have no spread.
 */
export function welchTTest(a: SampleMoments, b: SampleMoments): WelchResult | undefined {
  if (a.count < 2 || b.count < 2) return undefined;
  const va = a.stddev ** 2 / a.count;
  const vb = b.stddev ** 2 / b.count;
  if (!(va + vb > 0)) return undefined;
  const difference = b.mean - a.mean;
  const statistic = difference / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.count - 1) + vb ** 2 / (b.count - 1));
  return { difference, statistic, df, pValue: studentTTwoSided(statistic, df) };
}
