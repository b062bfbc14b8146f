/**
 * A distribution known only through evenly spaced quantiles q(0) … q(1), as profiles store it
 * (101 of them). Between quantiles the quantile function is linear, which makes the CDF linear
 * too; repeated quantiles (a discrete column) are jumps of the CDF.
 */
export class QuantileFunction {
  readonly quantiles: readonly number[];
  private readonly step: number;

  constructor(quantiles: readonly number[]) {
    if (quantiles.length < 2) throw new Error('a quantile function needs at least two quantiles');
    for (let i = 1; i < quantiles.length; i++) {
      if (!(quantiles[i]! >= quantiles[i - 1]!)) throw new Error('quantiles must be finite and non-decreasing');
    }
    this.quantiles = quantiles;
    this.step = 1 / (quantiles.length - 1);
  }

  /** The quantile at probability p in [0, 1]. */
  at(p: number): number {
    const q = this.quantiles;
    const position = Math.min(Math.max(p, 0), 1) / this.step;
    const i = Math.min(Math.floor(position), q.length - 2);
    return q[i]! + (position - i) * (q[i + 1]! - q[i]!);
  }

  /** F(x) = P(X ≤ x): right-continuous, so at a jump it is the top of the jump. */
  cdf(x: number): number {
    const q = this.quantiles;
    if (x < q[0]!) return 0;
    if (x >= q[q.length - 1]!) return 1;
    const i = lastIndexAtMost(q, x);
    return (i + (x - q[i]!) / (q[i + 1]! - q[i]!)) * this.step;
  }

  /** F(x−) = P(X < x): the bottom of the jump at x, if there is one. */
  cdfBefore(x: number): number {
    const q = this.quantiles;
    if (x <= q[0]!) return 0;
    if (x > q[q.length - 1]!) return 1;
    const i = firstIndexAtLeast(q, x);
    return (i - (q[i]! - x) / (q[i]! - q[i - 1]!)) * this.step;
  }

  /** Probability mass in [lower, upper): what a histogram bin with these edges would hold. */
  massBetween(lower: number, upper: number): number {
    return Math.max(0, this.cdfBefore(upper) - this.cdfBefore(lower));
  }
}

/** Largest i with q[i] ≤ x, for q[0] ≤ x < q[last]. */
function lastIndexAtMost(q: readonly number[], x: number): number {
  let lo = 0;
  let hi = q.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (q[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Smallest i with q[i] ≥ x, for q[0] < x ≤ q[last]. */
function firstIndexAtLeast(q: readonly number[], x: number): number {
  let lo = 0;
  let hi = q.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (q[mid]! >= x) hi = mid;
    else lo = mid;
  }
  return hi;
}
