import type { ColumnProfile } from '../profile/types.js';
import { QuantileFunction } from './stats/quantile-function.js';

/** The quantile function of a numeric column, or undefined when it has no usable quantiles. */
export function quantileFunctionOf(column: ColumnProfile): QuantileFunction | undefined {
  const q = column.quantiles;
  if (q.length < 2 || !q.every(Number.isFinite)) return undefined;
  for (let i = 1; i < q.length; i++) if (q[i]! < q[i - 1]!) return undefined;
  return new QuantileFunction(q);
}

/**
 * Shares of both distributions in bins bounded by the reference deciles (open at both ends), the
 * usual binning for PSI: every bin holds a tenth of the reference, so no reference bin is empty.
 */
export function decileShares(reference: QuantileFunction, current: QuantileFunction): { reference: number[]; current: number[] } {
  const inner = [...new Set(Array.from({ length: 9 }, (_, k) => reference.at((k + 1) / 10)))];
  const edges = [Number.NEGATIVE_INFINITY, ...inner, Number.POSITIVE_INFINITY];
  const shares = (f: QuantileFunction) => edges.slice(1).map((upper, k) => f.massBetween(edges[k]!, upper));
  return { reference: shares(reference), current: shares(current) };
}

/** Share of the current distribution outside [lower, upper]. */
export function shareOutside(current: QuantileFunction, lower: number, upper: number): number {
  return current.cdfBefore(lower) + (1 - current.cdf(upper));
}
