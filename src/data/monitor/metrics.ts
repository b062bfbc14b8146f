import type { ColumnProfile, LabelConditionalStats } from '../profile/types.js';
import { MIN_LABEL_VALUES } from '../drift/label-conditional.js';
import { quantileFunctionOf } from '../drift/numeric.js';
import type { Sides } from './detectors.js';

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
  /** `upper` when `value` is a lower bound of the metric, so that only its increases are evidence. */
  sides?: Sides;
}

const CATEGORY_SHARES = 5;

/**
 * The metrics tracked per column and batch. Each has a standard error derived from the golden
 * baseline and the batch size, so that deviations are in σ units of the batch metric: the mean
 * (σ·√(1/n + 1/N)), and shares (null rate, type mismatches, values below the golden 10th and above the
 * golden 90th percentile, each of the golden's most frequent categories, all values outside the
 * golden's top-value list) with binomial errors. Tail shares catch a shift of spread or a poisoned
 * tail that leaves the mean alone; the share outside the golden's frequent values catches mass
 * moving to rare or unseen labels (random label flips, junk or misspelt labels), which spreads
 * over too many categories for any one share to show it.
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
    const rare = shareOutsideFrequent(golden, batch, nonNull, goldenNonNull);
    if (rare) out.push(rare);
  }
  return out;
}

/**
 * Per label of the declared label column and numeric column: the mean of the column among the
 * label's rows, with standard error σₗ·√(1/nₗ + 1/Nₗ) from the golden baseline's standard deviation
 * among that label's rows. Flipped labels bring other classes' values into each label's rows and
 * move these means even when every label's share stays where it was. Labels with fewer than
 * MIN_LABEL_VALUES values of a column, in the batch or the golden, get no metric for it (their
 * means are too far from normal for the detectors' limits). Empty unless both profiles
 * have statistics for the same label column.
 */
export function labelConditionalMetrics(golden: LabelConditionalStats | undefined, batch: LabelConditionalStats | undefined): MetricObservation[] {
  if (!golden || !batch || golden.column !== batch.column) return [];
  const batchGroups = new Map(batch.groups.map((g) => [g.label, g]));
  return golden.groups.flatMap((g) => {
    const columns = new Map((batchGroups.get(g.label)?.columns ?? []).map((c) => [c.column, c]));
    return g.columns.flatMap((gc): MetricObservation[] => {
      const bc = columns.get(gc.column);
      if (!bc || gc.mean === null || bc.mean === null || !gc.stddev || Math.min(gc.count, bc.count) < MIN_LABEL_VALUES) return [];
      return [{ metric: `mean of "${gc.column}" given "${g.label}"`, value: bc.mean, target: gc.mean, ...errors(gc.stddev ** 2, bc.count, gc.count) }];
    });
  });
}

/** The batch's share outside the golden's frequent values, where it can be measured; only its increases count. */
function shareOutsideFrequent(golden: ColumnProfile, batch: ColumnProfile, nonNull: number, goldenNonNull: number): MetricObservation | undefined {
  const frequent = goldenFrequentValues(golden, goldenNonNull);
  // The normal approximation behind the detectors needs about five expected rows outside on each side.
  if (!frequent || Math.min(nonNull, goldenNonNull) * frequent.outside < 5) return undefined;
  const value = shareOutsideAtLeast(frequent.values, batch, nonNull);
  if (value === undefined) return undefined;
  return { ...share('share outside the golden top values', frequent.outside, value, nonNull, goldenNonNull, frequent.variance), sides: 'upper' };
}

/**
 * The golden values a batch is measured against, and the share of the population outside them.
 * A top-value list holds every value counted more than its smallest count c (values at c may be
 * cut by ties), or, when complete, every value seen (c = 0): those above c are the set. Its
 * golden share over-states the population's, since values whose luck lifted them above c are in
 * and values seen at most c times are out; by Good–Turing, values seen r times hold about
 * (r + 1)·n₍r+1₎/N of the population, so the values seen at most c times (and never) hold about
 * as much as the rows of values seen at most c + 1 times. Whether a value's rows fall in that
 * estimate is itself chance, so each adds its squared share to the estimate's variance.
 */
function goldenFrequentValues(golden: ColumnProfile, nonNull: number): { values: string[]; outside: number; variance: number } | undefined {
  const listed = golden.topValues;
  const listedRows = listed.reduce((sum, t) => sum + t.count, 0);
  if (listed.length === 0 || nonNull <= 0) return undefined;
  const cutoff = listedRows >= nonNull ? 0 : Math.min(...listed.map((t) => t.count));
  const values = listed.filter((t) => t.count > cutoff).map((t) => t.value);
  if (values.length === 0) return undefined;
  const boundary = listed.filter((t) => t.count <= cutoff + 1).map((t) => t.count / nonNull);
  const outside = (nonNull - listedRows) / nonNull + boundary.reduce((sum, x) => sum + x, 0);
  return { values, outside: Math.min(1, outside), variance: boundary.reduce((sum, x) => sum + x * x, 0) };
}

/**
 * The smallest share of the batch that can lie outside `values`, from its top-value list: a value
 * the list leaves out occurs at most as often as the least frequent listed one, and all of them
 * together at most as often as the unlisted remainder. Undefined when the batch has no list.
 */
function shareOutsideAtLeast(values: string[], batch: ColumnProfile, nonNull: number): number | undefined {
  if (batch.topValues.length === 0 || values.length === 0) return undefined;
  const counts = new Map(batch.topValues.map((t) => [t.value, t.count]));
  const remainder = Math.max(0, nonNull - batch.topValues.reduce((sum, t) => sum + t.count, 0));
  const smallest = Math.min(...counts.values());
  const unlisted = values.filter((v) => !counts.has(v)).length;
  const inside = values.reduce((sum, v) => sum + (counts.get(v) ?? 0), 0) + Math.min(remainder, unlisted * smallest);
  return Math.max(0, 1 - inside / nonNull);
}

/**
 * A proportion metric with its binomial standard error (p kept one observation away from 0 and 1).
 * Like the mean's, the error counts the golden baseline's own sampling noise: the target is an
 * estimate too (with `goldenExtra`, one less certain than a plain proportion).
 */
function share(metric: string, target: number, value: number, n: number, goldenN: number, goldenExtra = 0): MetricObservation {
  const p = Math.min(Math.max(target, 1 / n), 1 - 1 / n);
  return { metric, value, target, ...errors(p * (1 - p), n, goldenN, goldenExtra) };
}

/**
 * Standard error of a batch estimate minus the golden estimate of a quantity with unit variance
 * `variance`, the golden estimate's variance raised by `goldenExtra`.
 */
function errors(variance: number, n: number, goldenN: number, goldenExtra = 0): { standardError: number; goldenShare: number } {
  const batch = variance / n;
  const golden = variance / Math.max(goldenN, 1) + goldenExtra;
  return { standardError: Math.sqrt(batch + golden), goldenShare: golden / (batch + golden) };
}
