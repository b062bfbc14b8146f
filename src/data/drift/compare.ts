import { UsageError } from '../../core/errors.js';
import type { ColumnProfile, DatasetProfile } from '../profile/types.js';
import { alignCategories } from './categories.js';
import { compareLabelConditional, type LabelConditionalDrift } from './label-conditional.js';
import { decileShares, quantileFunctionOf, shareOutside } from './numeric.js';
import { CATEGORICAL_METHODS, columnSettings, NUMERIC_METHODS, type DriftMethod, type DriftSettings, type Preset, type ResolvedCheckSettings } from './settings.js';
import { chiSquareHomogeneity, jensenShannonDistance, lInfinityDistance, populationStabilityIndex, type ChiSquareResult } from './stats/binned.js';
import { lowerRegularizedGamma } from './stats/gamma.js';
import { ksFromQuantiles, type KsResult } from './stats/kolmogorov-smirnov.js';
import { normalizedWasserstein, wassersteinFromQuantiles } from './stats/wasserstein.js';

/** Every test value computed for a column's distribution; the decision uses some, all are reported. */
export interface DistributionTests {
  ks?: KsResult;
  wasserstein?: { distance: number; normalized: number };
  chiSquare?: ChiSquareResult;
  psi: number;
  jensenShannon: number;
  lInfinity?: number;
}

export interface DistributionCheck {
  /** The decision rule, e.g. "normalized Wasserstein ≥ 0.1 and KS p < 0.01". */
  rule: string;
  drifted: boolean;
  tests: DistributionTests;
}

export interface RateCheck {
  reference: number;
  current: number;
  delta: number;
  threshold: number;
  /** Two-proportion test of the change, so that a handful of rows does not alert. */
  pValue: number;
  drifted: boolean;
}

export interface RangeCheck {
  referenceMin: number;
  referenceMax: number;
  currentMin: number;
  currentMax: number;
  /** Share of current values outside the reference range widened by the margin. */
  shareOutside: number;
  threshold: number;
  /**
   * Chance of at least this many values outside, had both come from one distribution: a new
   * sample exceeds the reference extremes with probability about 2/(reference rows + 1).
   */
  pValue: number;
  drifted: boolean;
}

export interface ColumnDrift {
  column: string;
  kind: ColumnProfile['kind'];
  drifted: boolean;
  /** Set when the column exists on one side only. */
  missingFrom?: 'reference' | 'current';
  /**
   * Set when one side has no values in the column (no rows, or only nulls): its distribution,
   * range and type cannot be compared. A column that empties in the current data is drift.
   */
  noValues?: 'reference' | 'current';
  /** Set when the two sides disagree on the column's type (a saved baseline against one profiled without it). */
  typeChanged?: { reference: string; current: string };
  distribution?: DistributionCheck;
  nullRate?: RateCheck;
  typeMismatchRate?: RateCheck;
  range?: RangeCheck;
}

export interface DriftReport {
  reference: { source: string; rows: number };
  current: { source: string; rows: number };
  preset: Preset;
  drifted: boolean;
  columns: ColumnDrift[];
  /** Each label's means of the numeric columns, when both profiles have them for one label column. */
  labelConditional?: LabelConditionalDrift;
}

/**
 * Compares two profiles column by column (distribution, null rate, type mismatches and range) and,
 * when both have label-conditional statistics, each label's numeric means.
 */
export function compareProfiles(reference: DatasetProfile, current: DatasetProfile, settings: DriftSettings): DriftReport {
  const currentByName = new Map(current.columns.map((c) => [c.name, c]));
  const referenceNames = new Set(reference.columns.map((c) => c.name));
  const columns: ColumnDrift[] = [];
  for (const ref of reference.columns) {
    const options = columnSettings(settings, ref.name);
    if (options.skip) continue;
    const cur = currentByName.get(ref.name);
    columns.push(cur ? compareColumn(ref, cur, reference.rowCount, options, settings) : { column: ref.name, kind: ref.kind, drifted: true, missingFrom: 'current' });
  }
  for (const cur of current.columns) {
    if (referenceNames.has(cur.name) || columnSettings(settings, cur.name).skip) continue;
    columns.push({ column: cur.name, kind: cur.kind, drifted: true, missingFrom: 'reference' });
  }
  const labelConditional = compareLabelConditional(reference, current, settings);
  return {
    reference: { source: reference.source, rows: reference.rowCount },
    current: { source: current.source, rows: current.rowCount },
    preset: settings.preset,
    drifted: columns.some((c) => c.drifted) || labelConditional?.drifted === true,
    columns,
    ...(labelConditional ? { labelConditional } : {}),
  };
}

function compareColumn(ref: ColumnProfile, cur: ColumnProfile, referenceRows: number, options: ResolvedCheckSettings, settings: DriftSettings): ColumnDrift {
  const nonNull = (c: ColumnProfile) => Math.max(0, c.count - c.nullCount);
  // An empty side's statistics describe nothing (its type is only the default), so only the null rate compares.
  const noValues = nonNull(ref) === 0 ? 'reference' : nonNull(cur) === 0 ? 'current' : undefined;
  const distribution = noValues === undefined ? distributionCheck(ref, cur, referenceRows, options, settings) : undefined;
  const nullRate = rateCheck(ref.nullCount, ref.count, cur.nullCount, cur.count, options.nullRate, options.alpha);
  const typeMismatchRate = rateCheck(ref.typeMismatchCount, nonNull(ref), cur.typeMismatchCount, nonNull(cur), options.typeMismatchRate, options.alpha);
  const range = ref.kind === 'numeric' && noValues === undefined ? rangeCheck(ref, cur, options) : undefined;
  // Integer and number are one kind: a column of whole numbers may gain a fraction without changing type.
  const typeChanged = ref.kind !== cur.kind && noValues === undefined ? { reference: ref.type, current: cur.type } : undefined;
  const drifted = noValues === 'current' || typeChanged !== undefined || [distribution, nullRate, typeMismatchRate, range].some((c) => c?.drifted === true);
  return {
    column: ref.name,
    kind: ref.kind,
    drifted,
    ...(noValues ? { noValues } : {}),
    ...(typeChanged ? { typeChanged } : {}),
    ...(distribution ? { distribution } : {}),
    ...(nullRate ? { nullRate } : {}),
    ...(typeMismatchRate ? { typeMismatchRate } : {}),
    ...(range ? { range } : {}),
  };
}

function distributionCheck(ref: ColumnProfile, cur: ColumnProfile, referenceRows: number, options: ResolvedCheckSettings, settings: DriftSettings): DistributionCheck | undefined {
  if (ref.kind === 'numeric') return numericDistribution(ref, cur, referenceRows, options, settings);
  return ref.kind === 'categorical' ? categoricalDistribution(ref, cur, referenceRows, options, settings) : undefined;
}

function numericDistribution(ref: ColumnProfile, cur: ColumnProfile, referenceRows: number, options: ResolvedCheckSettings, settings: DriftSettings): DistributionCheck | undefined {
  const f = quantileFunctionOf(ref);
  const g = quantileFunctionOf(cur);
  if (!f || !g) return undefined;
  const method = checkMethod(options.method, NUMERIC_METHODS, ref);
  const ks = ksFromQuantiles(f, g, ref.count - ref.nullCount, cur.count - cur.nullCount);
  const distance = wassersteinFromQuantiles(f, g);
  const bins = decileShares(f, g);
  const tests: DistributionTests = {
    ks,
    wasserstein: { distance, normalized: normalizedWasserstein(distance, ref.stddev ?? 0) },
    psi: populationStabilityIndex(bins.reference, bins.current),
    jensenShannon: jensenShannonDistance(bins.reference, bins.current),
  };
  return decide(method, options, settings.preset, {
    tests,
    values: { ks: ks.pValue, wasserstein: tests.wasserstein!.normalized, psi: tests.psi, 'jensen-shannon': tests.jensenShannon },
    significance: 'ks',
    auto: { pipewarden: 'wasserstein', evidently: referenceRows <= settings.smallReferenceRows ? 'ks' : 'wasserstein', tfdv: 'jensen-shannon' },
  });
}

function categoricalDistribution(ref: ColumnProfile, cur: ColumnProfile, referenceRows: number, options: ResolvedCheckSettings, settings: DriftSettings): DistributionCheck | undefined {
  const table = alignCategories(ref, cur);
  if (table.labels.length === 0) return undefined;
  const method = checkMethod(options.method, CATEGORICAL_METHODS, ref);
  const chiSquare = chiSquareHomogeneity(table.reference, table.current);
  const tests: DistributionTests = {
    chiSquare,
    psi: populationStabilityIndex(table.reference, table.current),
    jensenShannon: jensenShannonDistance(table.reference, table.current),
    lInfinity: lInfinityDistance(table.reference, table.current),
  };
  return decide(method, options, settings.preset, {
    tests,
    values: { 'chi-square': chiSquare.pValue, psi: tests.psi, 'jensen-shannon': tests.jensenShannon, 'l-infinity': tests.lInfinity! },
    significance: 'chi-square',
    auto: { pipewarden: 'jensen-shannon', evidently: referenceRows <= settings.smallReferenceRows ? 'chi-square' : 'jensen-shannon', tfdv: 'l-infinity' },
  });
}

const P_VALUE_METHODS = new Set<DriftMethod>(['ks', 'chi-square']);
const LABELS: Record<string, string> = { ks: 'KS p', 'chi-square': 'chi-square p', wasserstein: 'normalized Wasserstein', psi: 'PSI', 'jensen-shannon': 'Jensen–Shannon distance', 'l-infinity': 'L-infinity distance' };

/** What was measured on a column's distribution, and which method decides under each preset. */
interface Measured {
  tests: DistributionTests;
  /** The value each applicable method decides on: a p-value or a distance. */
  values: Partial<Record<DriftMethod, number>>;
  /** The test whose p-value backs an effect size under the pipewarden preset. */
  significance: 'ks' | 'chi-square';
  /** The method `auto` stands for under each preset. */
  auto: Record<Preset, DriftMethod>;
}

/**
 * Applies one decision rule. P-value methods drift below their threshold (default 0.05), distances
 * at or above theirs (default 0.1). The pipewarden preset's automatic choice also asks that the
 * effect be significant (p < alpha): a material effect that a small batch could show by chance
 * does not alert, and neither does a significant but immaterial one in a big batch.
 */
function decide(requested: DriftMethod, options: ResolvedCheckSettings, preset: Preset, measured: Measured): DistributionCheck {
  const method = requested === 'auto' ? measured.auto[preset] : requested;
  const value = measured.values[method]!;
  const byPValue = P_VALUE_METHODS.has(method);
  const threshold = options.threshold ?? (byPValue ? 0.05 : 0.1);
  let drifted = byPValue ? value < threshold : value >= threshold;
  let rule = `${LABELS[method]} ${byPValue ? '<' : '≥'} ${threshold}`;
  if (requested === 'auto' && preset === 'pipewarden') {
    drifted &&= measured.values[measured.significance]! < options.alpha;
    rule += ` and ${LABELS[measured.significance]} < ${options.alpha}`;
  }
  return { rule, drifted, tests: measured.tests };
}

function checkMethod(method: DriftMethod, allowed: readonly DriftMethod[], column: ColumnProfile): DriftMethod {
  if (allowed.includes(method)) return method;
  throw new UsageError(`drift method "${method}" does not apply to ${column.kind} column "${column.name}" (use ${allowed.join(', ')})`);
}

function rateCheck(refHits: number, refTotal: number, curHits: number, curTotal: number, threshold: number, alpha: number): RateCheck | undefined {
  if (refTotal <= 0 || curTotal <= 0) return undefined;
  const reference = refHits / refTotal;
  const current = curHits / curTotal;
  const delta = current - reference;
  const { pValue } = chiSquareHomogeneity([refHits, refTotal - refHits], [curHits, curTotal - curHits]);
  return { reference, current, delta, threshold, pValue, drifted: Math.abs(delta) > threshold && pValue < alpha };
}

function rangeCheck(ref: ColumnProfile, cur: ColumnProfile, options: ResolvedCheckSettings): RangeCheck | undefined {
  const g = quantileFunctionOf(cur);
  if (!g || typeof ref.min !== 'number' || typeof ref.max !== 'number') return undefined;
  const margin = (ref.max - ref.min) * options.rangeMargin;
  const share = shareOutside(g, ref.min - margin, ref.max + margin);
  const outside = share * (cur.count - cur.nullCount);
  const expected = (2 * (cur.count - cur.nullCount)) / (ref.count - ref.nullCount + 1);
  const pValue = outside > 0 ? lowerRegularizedGamma(outside, expected) : 1;
  return {
    referenceMin: ref.min,
    referenceMax: ref.max,
    currentMin: g.at(0),
    currentMax: g.at(1),
    shareOutside: share,
    threshold: options.rangeShare,
    pValue,
    drifted: share > options.rangeShare && pValue < options.alpha,
  };
}
