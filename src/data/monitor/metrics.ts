import type { ColumnProfile } from '../profile/types.js';
import { quantileFunctionOf } from '../drift/numeric.js';

/** One batch's value of a column metric, with the standard error that value has under the golden baseline. */
export interface MetricObservation {
  metric: string;
  value: number;
  /** The metric's value in the golden baseline, its target. */
  target: number;
  /** Standard error of `value − target`: the batch's sampling noise and the golden baseline's own. */
  standardError: number;
  /** Share of that variance that is the golden baseline's: noise that stays the same in every batch. */
  goldenShare: number;
}

const CATEGORY_SHARES = 5;

/**
 * The metrics tracked per column and batch. Each has a standard error derived from the golden
 * baseline and the batch size, so that deviations are in σ units of the batch metric: the mean
 * (σ·√(1/n + 1/N)), and shares (null rate, type mismatches, values below the golden 10th and above the
 * golden 90th percentile, each of the golden's most frequent categories) with binomial errors.
 * Tail shares catch a shift of spread or a poisoned tail that leaves the mean alone.
 */
export function columnMetrics(golden: ColumnProfile, batch: ColumnProfile): MetricObservation[] {
  const n = batch.count;
  const nonNull = Math.max(0, batch.count - batch.nullCount);
  const goldenNonNull = Math.max(0, golden.count - golden.nullCount);
  if (n === 0) return [];
  const out: MetricObservation[] = [share('null rate', golden.nullRate, batch.nullRate, n, golden.count)];
  if (nonNull === 0) return out;
  out.push(share('type-mismatch rate', golden.typeMismatchRate, batch.typeMismatchRate, nonNull, goldenNonNull));
  if (golden.kind === 'numeric' && golden.mean !== null && batch.mean !== null && golden.stddev) {
    out.push({ metric: 'mean', value: batch.mean, target: golden.mean, ...errors(golden.stddev ** 2, nonNull, goldenNonNull) });
    const g = quantileFunctionOf(golden);
    const b = quantileFunctionOf(batch);
    if (g && b) {
      const low = g.at(0.1);
      const high = g.at(0.9);
      out.push(share('share below golden p10', g.cdfBefore(low), b.cdfBefore(low), nonNull, goldenNonNull));
      out.push(share('share above golden p90', 1 - g.cdf(high), 1 - b.cdf(high), nonNull, goldenNonNull));
    }
  }
  if (golden.kind === 'categorical' && goldenNonNull > 0) {
    const counts = new Map(batch.topValues.map((t) => [t.value, t.count]));
    for (const top of golden.topValues.slice(0, CATEGORY_SHARES)) {
      out.push(share(`share of "${top.value}"`, top.count / goldenNonNull, (counts.get(top.value) ?? 0) / nonNull, nonNull, goldenNonNull));
    }
  }
  return out;
}

/**
 * A proportion metric with its binomial standard error (p kept one observation away from 0 and 1).
 * Like the mean's, the error counts the golden baseline's own sampling noise: the target is an estimate too.
 */
function share(metric: string, target: number, value: number, n: number, goldenN: number): MetricObservation {
  const p = Math.min(Math.max(target, 1 / n), 1 - 1 / n);
  return { metric, value, target, ...errors(p * (1 - p), n, goldenN) };
}

/** Standard error of a batch estimate minus the golden estimate of a quantity with unit variance `variance`. */
function errors(variance: number, n: number, goldenN: number): { standardError: number; goldenShare: number } {
  const batch = 1 / n;
  const golden = 1 / Math.max(goldenN, 1);
  return { standardError: Math.sqrt(variance * (batch + golden)), goldenShare: golden / (batch + golden) };
}
