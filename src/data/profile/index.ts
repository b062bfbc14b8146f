import { UsageError } from '../../core/errors.js';
import { oneLine } from '../engines/dialect.js';
import type { DataEngine, Row } from '../engines/engine.js';
import { defaultDatasetName, withEngine, type DataSource } from '../engines/open.js';
import { parsedThroughout, planColumn, type ColumnPlan } from './plan.js';
import { STRING_FORMATS } from '../schema/formats.js';
import { redact } from './redact.js';
import { bucketsQuery, labelConditionalQuery, metricsQuery, signalTests, type Bucketing } from './sql.js';
import {
  SECURITY_SIGNALS,
  type ColumnProfile,
  type DatasetProfile,
  type HistogramBin,
  type LabelConditionalStats,
  type LogicalType,
  type SignalStats,
  type TopValue,
} from './types.js';

export type { ColumnProfile, DatasetProfile } from './types.js';

export interface ProfileOptions {
  /** Name the batch is stored under; defaults to the file's base name or the table name. */
  dataset?: string;
  /** Types a schema declares, by column name; other columns get their inferred type. */
  declaredTypes?: Record<string, LogicalType>;
  histogramBins?: number;
  topValues?: number;
  /** Categorical columns with more distinct values than this get no top-value list (it would cost a big hash table). */
  topValuesMaxDistinct?: number;
  /** Integer columns with at most this many distinct values also get top values (labels, codes). */
  integerTopValuesMaxDistinct?: number;
  longStringLength?: number;
  /** Count how many values of each string column have each known format (schema inference needs it). */
  detectFormats?: boolean;
  /**
   * A label (target) column: each numeric column's count, mean and standard deviation are also
   * computed per label, in one more grouped query. None by default (no extra query).
   */
  label?: string;
  /** A label column with more distinct labels than this gets no label-conditional statistics. */
  maxLabels?: number;
  /** Clock for `profiledAt`, so tests and replays can pin it. */
  now?: () => Date;
}

const MAX_EXAMPLES = 3;

const DEFAULTS = {
  histogramBins: 20,
  topValues: 20,
  topValuesMaxDistinct: 10_000,
  integerTopValuesMaxDistinct: 50,
  longStringLength: 4096,
  detectFormats: false,
};

export const DEFAULT_MAX_LABELS = 50;

/**
 * Columns one aggregate scan computes, and grouping sets one grouped scan groups. DuckDB keeps every
 * row-level layer of every column (raw, parsed, text, value) for a vector of rows per thread, and a
 * hash table per grouping set: one scan of 500 integer columns, or of 200 grouping sets, ran out of
 * the default 512 MB. PostgreSQL takes at most 1,664 items in a select list, and a text column
 * checked for formats has 13 aggregates. A wider table takes one scan per chunk.
 */
export const COLUMNS_PER_SCAN = 100;
export const GROUPING_SETS_PER_SCAN = 64;

/** Profiles a file (DuckDB) or a table (PostgreSQL) in two scans: one aggregate, one grouped. */
export async function profileDataset(source: DataSource, options: ProfileOptions = {}): Promise<DatasetProfile> {
  return withEngine(source, (engine) => profileEngine(engine, { ...options, dataset: options.dataset ?? defaultDatasetName(source) }));
}

/** The SQL a profile of `source` starts with (pass 2 depends on pass 1's results). */
export async function profileSql(source: DataSource, options: ProfileOptions = {}): Promise<string> {
  return withEngine(source, async (engine) => {
    const plans = planColumns(engine, options);
    const label =
      options.label === undefined
        ? ''
        : `-- pass 3: numeric moments per label of ${oneLine(options.label)}\n${labelQueries(engine, plans, options.label, maxLabels(options)).map(([, sql]) => `${sql};\n`).join('')}`;
    const pass1 = columnChunks(plans).map((chunk) => `${metricsQuery(engine.dialect, engine.relation, chunk, settings(options))};\n`);
    return `-- pass 1: every column metric, one aggregate scan per ${COLUMNS_PER_SCAN} columns\n${pass1.join('')}` +
      `-- pass 2: one GROUP BY GROUPING SETS scan per ${GROUPING_SETS_PER_SCAN} sets for histograms, top values, and the signal counts and examples of pre-checked values; its bin edges come from pass 1\n` +
      label;
  });
}

export async function profileEngine(engine: DataEngine, options: ProfileOptions & { dataset: string }): Promise<DatasetProfile> {
  const config = settings(options);
  const plans = planColumns(engine, options);
  const row = await metricsRow(engine, plans, config);
  const columns = plans.map((p) => columnProfile(p, row));
  const rowCount = number(row['row_count']) ?? 0;
  const later = plans.map((p, i) => (columns[i]!.typeMismatchCount === 0 ? parsedThroughout(engine.dialect, p) : p));
  const buckets = later.flatMap((p, i): Bucketing[] => [...bucketing(p, columns[i]!, config), ...signalBuckets(engine, p, row, config)]);
  for (const chunk of chunked(buckets, GROUPING_SETS_PER_SCAN)) {
    const rows = await engine.query(bucketsQuery(engine.dialect, engine.relation, chunk, Math.max(config.topValues, config.histogramBins)));
    fillBuckets(chunk, columns, later, rows, config.topValues);
  }
  const labelConditional = options.label === undefined ? undefined : await labelConditionalStats(engine, later, columns, options.label, maxLabels(options));
  const issues = await engine.readIssues();
  const rejects = issues.rejectedRows > 0 ? [`${issues.rejectedRows} rows could not be read and were skipped`, ...issues.messages.map(redactLine)] : [];
  const warnings = [...issues.notes, ...rejects];
  if (labelConditional?.skipped) warnings.push(labelConditional.skipped);
  return {
    version: 1,
    dataset: options.dataset,
    source: engine.source,
    engine: engine.dialect.name,
    profiledAt: (options.now ?? (() => new Date()))().toISOString(),
    rowCount,
    columns,
    warnings,
    rejectedRows: issues.rejectedRows,
    ...(labelConditional ? { labelConditional } : {}),
  };
}

/** Pass 1's one row of metrics, from one aggregate scan per chunk of columns (aliases differ per column). */
async function metricsRow(engine: DataEngine, plans: ColumnPlan[], config: typeof DEFAULTS): Promise<Row> {
  const row: Row = {};
  for (const chunk of columnChunks(plans)) {
    const [part] = await engine.query(metricsQuery(engine.dialect, engine.relation, chunk, config));
    if (!part) throw new Error('the metrics query returned no row');
    Object.assign(row, part);
  }
  return row;
}

/** The columns of each scan, at least one scan: a table without columns still has its rows counted. */
function columnChunks(plans: ColumnPlan[]): ColumnPlan[][] {
  return plans.length > 0 ? chunked(plans, COLUMNS_PER_SCAN) : [[]];
}

function chunked<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function maxLabels(options: ProfileOptions): number {
  return options.maxLabels ?? DEFAULT_MAX_LABELS;
}

function labelPlan(plans: ColumnPlan[], label: string): ColumnPlan {
  const plan = plans.find((p) => p.column.name === label);
  if (!plan) throw new UsageError(`no column "${oneLine(label)}" to use as the label (columns: ${plans.map((p) => oneLine(p.column.name)).join(', ')})`);
  return plan;
}

/** The numeric columns whose moments are computed per label: every one but the label itself. */
function numericPlans(plans: ColumnPlan[], label: string): ColumnPlan[] {
  return plans.filter((p) => p.kind === 'numeric' && p.value !== null && p.column.name !== label);
}

/**
 * Per-label moments of the numeric columns. A label column whose approximate distinct count is far
 * past the limit is skipped without a query; otherwise the query returns at most one group more
 * than the limit, which tells exactly whether there are too many.
 */
async function labelConditionalStats(engine: DataEngine, plans: ColumnPlan[], columns: ColumnProfile[], label: string, limit: number): Promise<LabelConditionalStats> {
  const plan = labelPlan(plans, label);
  const skip = (count: string): LabelConditionalStats => ({
    column: label,
    maxLabels: limit,
    skipped: `label column "${oneLine(label)}" has ${count} distinct values, more than ${limit}: no label-conditional statistics`,
    groups: [],
  });
  const approxDistinct = columns[plans.indexOf(plan)]!.approxDistinct;
  if (approxDistinct > 2 * limit) return skip(`about ${approxDistinct}`);
  const groups = new Map<string, LabelConditionalStats['groups'][number]>();
  for (const [chunk, sql] of labelQueries(engine, plans, label, limit)) {
    const rows = await engine.query(sql);
    if (rows.length > limit) return skip(`at least ${rows.length}`);
    // Every chunk groups the same rows by the same label, so each returns the same labels.
    for (const r of rows) {
      const key = String(r['label_value']);
      const group = groups.get(key) ?? { label: key, rows: number(r['label_rows']) ?? 0, columns: [] };
      group.columns.push(...chunk.map((p, i) => ({ column: p.column.name, count: number(r[`v${i}_n`]) ?? 0, mean: number(r[`v${i}_mean`]), stddev: number(r[`v${i}_sd`]) })));
      groups.set(key, group);
    }
  }
  return { column: label, maxLabels: limit, groups: [...groups.values()] };
}

/**
 * The grouped queries, one per chunk of numeric columns, each asking for one label more than
 * `limit` so that too many labels show.
 */
function labelQueries(engine: DataEngine, plans: ColumnPlan[], label: string, limit: number): Array<[ColumnPlan[], string]> {
  const numeric = numericPlans(plans, label);
  return columnChunks(numeric).map((chunk) => [
    chunk,
    labelConditionalQuery(engine.dialect, engine.relation, labelPlan(plans, label), chunk, limit + 1),
  ]);
}

function settings(options: ProfileOptions): typeof DEFAULTS {
  return {
    histogramBins: options.histogramBins ?? DEFAULTS.histogramBins,
    topValues: options.topValues ?? DEFAULTS.topValues,
    topValuesMaxDistinct: options.topValuesMaxDistinct ?? DEFAULTS.topValuesMaxDistinct,
    integerTopValuesMaxDistinct: options.integerTopValuesMaxDistinct ?? DEFAULTS.integerTopValuesMaxDistinct,
    longStringLength: options.longStringLength ?? DEFAULTS.longStringLength,
    detectFormats: options.detectFormats ?? DEFAULTS.detectFormats,
  };
}

function planColumns(engine: DataEngine, options: ProfileOptions): ColumnPlan[] {
  return engine.columns.map((c, i) => planColumn(engine.dialect, c, i, options.declaredTypes?.[c.name]));
}

function columnProfile(p: ColumnPlan, row: Row): ColumnProfile {
  const get = (metric: string): unknown => row[`${p.alias}${metric}`];
  const count = number(row['row_count']) ?? 0;
  const nonNull = number(get('non_null')) ?? 0;
  const mismatches = number(get('mismatch')) ?? 0;
  const textual = p.kind === 'categorical' || p.kind === 'other';
  const formats = Object.keys(STRING_FORMATS).filter((f) => get(`f_${f}`) !== undefined);
  return {
    name: p.column.name,
    physicalType: p.column.physicalType,
    type: p.type,
    typeSource: p.typeSource,
    kind: p.kind,
    count,
    nullCount: count - nonNull,
    nullRate: rate(count - nonNull, count),
    typeMismatchCount: mismatches,
    typeMismatchRate: rate(mismatches, nonNull),
    // HyperLogLog can overshoot (3,758 for 3,376 rows): no column has more distinct values than values.
    approxDistinct: Math.min(number(get('distinct')) ?? 0, nonNull),
    min: textual ? text(get('min_text')) : number(get('min')),
    max: textual ? text(get('max_text')) : number(get('max')),
    mean: number(get('mean')),
    stddev: number(get('stddev')),
    quantiles: numberList(get('quantiles')),
    histogram: [],
    topValues: [],
    length: { min: number(get('len_min')), max: number(get('len_max')), mean: number(get('len_mean')) },
    signals: Object.fromEntries(
      SECURITY_SIGNALS.map((name): [string, SignalStats] => {
        const n = number(get(`s_${name}`)) ?? 0;
        const examples = [get(`s_${name}_low`), get(`s_${name}_high`)].flatMap((v) => (v === null || v === undefined ? [] : [String(Number(v))]));
        return [name, { count: n, rate: rate(n, nonNull), examples: [...new Set(examples)] }];
      }),
    ) as ColumnProfile['signals'],
    ...(formats.length > 0 ? { formats: Object.fromEntries(formats.map((f) => [f, number(get(`f_${f}`)) ?? 0])) } : {}),
  };
}

function bucketing(p: ColumnPlan, profile: ColumnProfile, config: typeof DEFAULTS): Bucketing[] {
  const lowCardinalityInteger = p.type === 'integer' && profile.approxDistinct <= config.integerTopValuesMaxDistinct;
  const buckets: Bucketing[] = [];
  if (p.kind === 'numeric' && typeof profile.min === 'number' && typeof profile.max === 'number') {
    const unitBins = p.type === 'integer' && profile.max - profile.min < config.histogramBins;
    const bins = unitBins ? profile.max - profile.min + 1 : config.histogramBins;
    const width = unitBins ? 1 : (profile.max - profile.min) / bins;
    if (width > 0 && Number.isFinite(width)) buckets.push({ kind: 'histogram', plan: p, min: profile.min, width, bins });
  }
  const categorical = p.kind === 'categorical' || lowCardinalityInteger;
  if (categorical && profile.approxDistinct > 0 && profile.approxDistinct <= config.topValuesMaxDistinct) buckets.push({ kind: 'top', plan: p });
  return buckets;
}

/** Columns with values past the signal gate in pass 1 get each signal counted, with examples, in pass 2. */
function signalBuckets(engine: DataEngine, p: ColumnPlan, row: Row, config: typeof DEFAULTS): Bucketing[] {
  if (!p.text || !number(row[`${p.alias}suspects`])) return [];
  const { suspect, signals } = signalTests(engine.dialect, { text: p.text, suspect: p.suspect }, config);
  return signals.map(({ name, condition }) => ({ kind: 'signal', plan: p, signal: name, suspect, condition }));
}

function fillBuckets(buckets: Bucketing[], columns: ColumnProfile[], plans: ColumnPlan[], rows: Row[], topValues: number): void {
  const bySet = new Map<number, Array<{ key: string; n: number; total: number; keys: number }>>();
  for (const r of rows) {
    const set = number(r['set_id']);
    if (set === null) continue;
    const list = bySet.get(set) ?? [];
    list.push({ key: String(r['bucket']), n: number(r['n']) ?? 0, total: number(r['total']) ?? 0, keys: number(r['keys']) ?? 0 });
    bySet.set(set, list);
  }
  buckets.forEach((b, i) => {
    const column = columns[plans.indexOf(b.plan)]!;
    const groups = bySet.get(i) ?? [];
    if (b.kind === 'histogram') column.histogram = histogramBins(b, groups);
    else if (b.kind === 'top') {
      column.topValues = groups.slice(0, topValues).map((g): TopValue => ({ value: g.key, count: g.n }));
      // Grouping by value counted every distinct value: the sketch's estimate gives way to the count.
      column.approxDistinct = groups[0]?.keys ?? 0;
      column.distinctExact = true;
    }
    else {
      const count = groups[0]?.total ?? 0;
      column.signals[b.signal] = { count, rate: rate(count, column.count - column.nullCount), examples: [...new Set(groups.slice(0, MAX_EXAMPLES).map((g) => redact(g.key)))] };
    }
  });
}

function histogramBins(h: { min: number; width: number; bins: number }, groups: Array<{ key: string; n: number }>): HistogramBin[] {
  const counts = new Array<number>(h.bins).fill(0);
  for (const g of groups) {
    const index = Number(g.key);
    if (Number.isInteger(index) && index >= 0 && index < h.bins) counts[index] = g.n;
  }
  return counts.map((count, i) => ({ lower: h.min + i * h.width, upper: h.min + (i + 1) * h.width, count }));
}

function redactLine(message: string): string {
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}

function rate(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function number(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isNaN(n) ? null : n;
}

function numberList(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => number(v) ?? Number.NaN).filter((v) => !Number.isNaN(v));
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
