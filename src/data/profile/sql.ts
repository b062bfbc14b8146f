import type { SqlDialect } from '../engines/dialect.js';
import { suspectCondition, valueExpression, type ColumnPlan } from './plan.js';
import { STRING_FORMATS } from '../schema/formats.js';
import { SIGNAL_DEFINITIONS, signalHint, type SignalOptions } from './signals.js';
import type { SecuritySignal } from './types.js';

export interface MetricOptions extends SignalOptions {
  /** Count the values of string columns that have each known format (for schema inference). */
  detectFormats: boolean;
}

/** p0, p1 ... p100. */
export const QUANTILE_FRACTIONS = Array.from({ length: 101 }, (_, i) => i / 100);

/**
 * The one aggregate query that computes every column's counts, moments, quantiles and lengths in a
 * single scan of the relation, and counts the values that could carry a security signal (pass 2
 * classifies those, usually few, and fetches examples). Per-row values (the parsed value, the
 * signal pre-check) are computed once in inner layers rather than inside each aggregate, where
 * engines would repeat a parse or a regular expression per aggregate.
 */
export function metricsQuery(dialect: SqlDialect, relation: string, plans: ColumnPlan[], options: MetricOptions): string {
  const parsed: string[] = [];
  const derived: string[] = [];
  const aggregates = ['count(*) AS row_count'];
  for (const p of plans) {
    const q = (name: string): string => dialect.quoteIdent(`${p.alias}${name}`);
    const raw = q('raw');
    const text = p.text ? q('text') : null;
    const typed = q('typed');
    parsed.push(`${p.raw} AS ${raw}`, `${p.typed} AS ${typed}`);
    if (p.text) parsed.push(`${p.text} AS ${text}`);
    // Text columns get the cheap pre-check once per row; other columns only look at unparsed values.
    if (p.text && !p.suspect) parsed.push(`${signalHint(dialect, p.text, options)} AS ${q('hint')}`);
    const local = { ...p, raw, text, typed, ...rebased(dialect, p, raw, text, typed) };
    if (p.text && !p.suspect) local.suspect = q('hint');
    derived.push(raw, typed);
    if (text) derived.push(text);
    aggregates.push(`count(${raw}) AS ${q('non_null')}`, `${dialect.approxDistinct(raw)} AS ${q('distinct')}`);
    if (local.mismatch) {
      derived.push(`${local.mismatch} AS ${q('is_mismatch')}`);
      aggregates.push(`${countWhere(q('is_mismatch'))} AS ${q('mismatch')}`);
    }
    if (local.value) {
      derived.push(`${local.value} AS ${q('value')}`);
      const value = q('value');
      aggregates.push(`min(${value}) AS ${q('min')}`, `max(${value}) AS ${q('max')}`);
      if (p.kind !== 'temporal') aggregates.push(`avg(${value}) AS ${q('mean')}`, `${stddev(value)} AS ${q('stddev')}`);
      if (p.kind === 'numeric') aggregates.push(`${dialect.quantiles(value, QUANTILE_FRACTIONS)} AS ${q('quantiles')}`);
    }
    if (text && p.kind !== 'numeric' && p.kind !== 'temporal') {
      derived.push(`${dialect.length(text)} AS ${q('length')}`);
      const length = q('length');
      aggregates.push(`min(${text}) AS ${q('min_text')}`, `max(${text}) AS ${q('max_text')}`);
      aggregates.push(`min(${length}) AS ${q('len_min')}`, `max(${length}) AS ${q('len_max')}`, `avg(${length}) AS ${q('len_mean')}`);
      if (options.detectFormats && p.type === 'string') {
        for (const [format, pattern] of Object.entries(STRING_FORMATS)) aggregates.push(`${countWhere(dialect.matches(text, pattern))} AS ${q(`f_${format}`)}`);
      }
    }
    // Pass 1 only counts the values past the signal gate (usually none); pass 2 classifies those.
    if (text) {
      derived.push(`CASE WHEN ${local.suspect} THEN ${text} END AS ${q('suspect')}`);
      aggregates.push(`count(${q('suspect')}) AS ${q('suspects')}`);
    } else if (p.type === 'number') {
      const finite = dialect.isFinite(raw);
      const nonFinite = `CASE WHEN NOT ${finite} THEN ${raw} END`;
      aggregates.push(`${countWhere(`NOT ${finite}`)} AS ${q('s_nanOrInfinity')}`);
      // The lowest and highest non-finite values (-Infinity, Infinity, NaN) are its examples.
      aggregates.push(`min(${nonFinite}) AS ${q('s_nanOrInfinity_low')}`, `max(${nonFinite}) AS ${q('s_nanOrInfinity_high')}`);
    }
  }
  const list = (items: string[], indent: string): string => items.join(`,\n${indent}`);
  return `SELECT\n  ${list(aggregates, '  ')}\nFROM (\n  SELECT\n    ${list(derived, '    ')}\n  FROM (\n    SELECT\n      ${list(parsed, '      ')}\n    FROM ${relation}\n  ) parsed\n) derived`;
}

/** Rows where a condition holds. A sum rather than FILTER: engines run each FILTER as its own selection pass. */
function countWhere(condition: string): string {
  return `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
}

/** The plan's row-level expressions rewritten over the parsed layer's columns. */
function rebased(dialect: SqlDialect, p: ColumnPlan, raw: string, text: string | null, typed: string): Pick<ColumnPlan, 'value' | 'mismatch' | 'suspect'> {
  return {
    value: valueExpression(dialect, p.type, typed),
    mismatch: p.mismatch ? `(${raw} IS NOT NULL AND ${typed} IS NULL)` : null,
    suspect: suspectCondition(dialect, p.type, text, typed),
  };
}

/**
 * Each signal a text column can carry, for pass 2: `suspect` is the row's text where it passes
 * the column's gate (its suspect condition, or for text columns the cheap pre-check) and NULL
 * elsewhere, computed once per row; `condition` tests one signal on that value. Engines then run
 * the full patterns only on the few rows past the gate.
 */
export function signalTests(
  dialect: SqlDialect,
  p: Pick<ColumnPlan, 'text' | 'suspect'> & { text: string },
  options: SignalOptions,
): { suspect: string; signals: Array<{ name: SecuritySignal; condition: (suspect: string) => string }> } {
  const gate = p.suspect ?? signalHint(dialect, p.text, options);
  return {
    suspect: `CASE WHEN ${gate} THEN ${p.text} END`,
    signals: SIGNAL_DEFINITIONS.map((s) => ({ name: s.name, condition: (suspect: string) => s.condition(dialect, suspect, options) })),
  };
}

/**
 * How pass 2 groups one column: equal-width bins of a numeric column, its most frequent values, or
 * the values that carry one security signal (their total is the signal's count, the most frequent
 * its examples).
 */
export type Bucketing =
  | { kind: 'histogram'; plan: ColumnPlan; min: number; width: number; bins: number }
  | { kind: 'top'; plan: ColumnPlan }
  | { kind: 'signal'; plan: ColumnPlan; signal: SecuritySignal; suspect: string; condition: (suspect: string) => string };

/**
 * One grouped query for every histogram, top-value list and signal count: GROUPING SETS scans the
 * relation once and groups each column on its own. The per-row values the keys read (a parsed
 * number, a gated text) are computed once in an inner layer, however many keys use them. Rows
 * come back as (set, key, count, set total, keys in the set), top `limit` per set.
 */
export function bucketsQuery(dialect: SqlDialect, relation: string, buckets: Bucketing[], limit: number): string {
  const values = new Map<string, string>();
  const value = (expression: string): string => {
    if (!values.has(expression)) values.set(expression, `v${values.size}`);
    return values.get(expression)!;
  };
  const keys = buckets.map((b, i) => `${keyExpression(dialect, b, value)} AS k${i}`);
  const rowValues = [...values].map(([expression, alias]) => `${expression} AS ${alias}`);
  const set = `CASE ${buckets.map((_, i) => `WHEN GROUPING(k${i}) = 0 THEN ${i}`).join(' ')} END`;
  const key = `COALESCE(${buckets.map((_, i) => dialect.text(`k${i}`)).join(', ')})`;
  return `SELECT set_id, bucket, n, total, keys FROM (
  SELECT set_id, bucket, n, sum(n) OVER (PARTITION BY set_id) AS total, count(*) OVER (PARTITION BY set_id) AS keys, row_number() OVER (PARTITION BY set_id ORDER BY n DESC, bucket) AS rank FROM (
    SELECT ${set} AS set_id, ${key} AS bucket, count(*) AS n
    FROM (SELECT ${keys.join(', ')} FROM (SELECT ${rowValues.join(', ')} FROM ${relation}) row_values) keyed
    GROUP BY GROUPING SETS (${buckets.map((_, i) => `(k${i})`).join(', ')})
  ) grouped WHERE bucket IS NOT NULL
) ranked WHERE rank <= ${limit}`;
}

function keyExpression(dialect: SqlDialect, b: Bucketing, value: (expression: string) => string): string {
  if (b.kind === 'signal') {
    const suspect = value(b.suspect);
    return `CASE WHEN ${b.condition(suspect)} THEN ${suspect} END`;
  }
  if (b.kind === 'top') return value(labelText(dialect, b.plan));
  const v = value(b.plan.value!);
  const offset = `(${v} - CAST(${b.min} AS DOUBLE PRECISION)) / CAST(${b.width} AS DOUBLE PRECISION)`;
  // LEAST skips NULLs, so NULL values need their own guard to stay out of the last bin.
  return `CASE WHEN ${v} IS NOT NULL THEN LEAST(CAST(FLOOR(${offset}) AS INTEGER), ${b.bins - 1}) END`;
}

/** A column's values as the text its top values (and labels) are listed under. */
function labelText(dialect: SqlDialect, p: ColumnPlan): string {
  return p.type === 'string' && p.text ? p.text : dialect.text(p.typed);
}

/** Sample standard deviation; squares of values past 1e154 overflow a double and engines raise rather than return infinity. */
function stddev(value: string): string {
  return `stddev_samp(CASE WHEN abs(${value}) < CAST(1e150 AS DOUBLE PRECISION) THEN ${value} END)`;
}

/**
 * The label-conditional moments: one GROUP BY over the declared label column giving, per label,
 * its row count and each numeric column's non-null count, mean and standard deviation. Values are
 * the plans' own parsed doubles, so they agree with the column's overall moments. At most
 * `limit` groups come back, most rows first: a caller asking for one more than it accepts learns
 * that there are too many labels without reading them all.
 */
export function labelConditionalQuery(dialect: SqlDialect, relation: string, label: ColumnPlan, numeric: ColumnPlan[], limit: number): string {
  const values = numeric.map((p, i) => `${p.value} AS v${i}`);
  const aggregates = numeric.flatMap((_, i) => [`count(v${i}) AS v${i}_n`, `avg(v${i}) AS v${i}_mean`, `${stddev(`v${i}`)} AS v${i}_sd`]);
  return `SELECT label_value, count(*) AS label_rows${aggregates.map((a) => `, ${a}`).join('')}
FROM (SELECT ${[`${labelText(dialect, label)} AS label_value`, ...values].join(', ')} FROM ${relation}) row_values
WHERE label_value IS NOT NULL
GROUP BY label_value
ORDER BY label_rows DESC, label_value
LIMIT ${limit}`;
}
