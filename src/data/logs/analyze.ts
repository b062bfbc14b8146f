import { lowerRegularizedGamma } from '../drift/stats/gamma.js';
import type { LogBaseline } from './baseline.js';
import { templateText, TemplateMiner } from './drain.js';
import { LOG_LEVELS, SCANNED_LENGTH, type LogLevel, type LogRecord } from './parse.js';

/**
 * Messages about nulls, missing values and values of the wrong type. Python's `None` counts only
 * as written: the word "none" in prose, or dpkg's `<none>`, is no null.
 */
const PYTHON_NONE = /\bNone\b/;
const DATA_QUALITY =
  /\b(?:nulls?|nan|missing values?|empty values?|not[- ]null|type[- ]mismatch(?:es)?|mismatched types?|could not convert|invalid literal|cannot cast|failed to cast|conversion (?:error|failed)|unexpected type|dtype|not a number|could not parse|unparseable)\b/i;

export interface LogSettings {
  /** Share of the records that form the baseline when no saved baseline is given. */
  baselineFraction: number;
  /** A spike must be this many times the baseline rate… */
  minRatio: number;
  /** …and this unlikely under the baseline rate (one-sided Poisson tail). */
  alpha: number;
}

export const DEFAULT_LOG_SETTINGS: LogSettings = { baselineFraction: 0.5, minRatio: 2, alpha: 0.001 };

export type SpikeKind = 'error' | 'warning' | 'data-quality';

export interface RateComparison {
  kind: SpikeKind;
  baselineCount: number;
  baselineRate: number;
  currentCount: number;
  currentRate: number;
  /** Current rate over the (smoothed) baseline rate. */
  ratio: number;
  pValue: number;
  spike: boolean;
  /** First record of this kind in the current part: where a finding points. */
  first?: LogRecord;
  /** Templates of this kind that grew most, with their counts. */
  drivers: Array<{ template: string; baseline: number; current: number }>;
}

export interface NewErrorClass {
  name: string;
  count: number;
  first: LogRecord;
}

export interface LogAnalysis {
  baseline: { source: string; records: number };
  current: { records: number };
  rates: RateComparison[];
  newErrorClasses: NewErrorClass[];
  templates: Array<{ template: string; level: LogLevel; baseline: number; current: number }>;
}

interface Tally {
  records: number;
  levels: Record<LogLevel, number>;
  dataQuality: number;
  errorClasses: Map<string, { count: number; first?: LogRecord }>;
}

/**
 * Learns template and level rates from the baseline (a saved one, or the first part of the
 * records) and compares the rest with it: spikes of errors, warnings and data-quality messages,
 * and exception classes the baseline never saw.
 */
export function analyzeLogs(records: LogRecord[], settings: LogSettings, saved?: { baseline: LogBaseline; source: string }): LogAnalysis {
  const miner = new TemplateMiner();
  const levelOf = new Map<number, LogLevel>();
  const kindCounts: KindCounts = new Map();
  let baselineTally: Tally;
  let current: LogRecord[];
  if (saved) {
    for (const t of saved.baseline.templates) {
      const { id } = miner.seed(t.key, t.template, t.count);
      levelOf.set(id, t.level);
      // A saved template keeps its worst level, not a count per kind: all of it counts for the kinds that level and text imply.
      for (const kind of kindsOfRecord({ level: t.level, message: t.template })) kindCounts.set(`${kind}:${id}`, [t.count, 0]);
    }
    baselineTally = {
      records: saved.baseline.records,
      levels: saved.baseline.levels,
      dataQuality: saved.baseline.dataQuality,
      errorClasses: new Map(Object.entries(saved.baseline.errorClasses).map(([name, count]) => [name, { count }])),
    };
    current = records;
  } else {
    const split = Math.floor(records.length * settings.baselineFraction);
    baselineTally = tally(records.slice(0, split), miner, 0, levelOf, kindCounts);
    current = records.slice(split);
  }
  const currentTally = tally(current, miner, 1, levelOf, kindCounts);
  const templates = miner.templates().map((t) => ({ id: t.id, template: templateText(t), level: levelOf.get(t.id) ?? 'unknown', baseline: t.counts[0], current: t.counts[1] }));
  // Per kind, the templates whose records of that kind grew, by how much their share grew.
  const growth = (baseline: number, current: number) => current / Math.max(currentTally.records, 1) - baseline / Math.max(baselineTally.records, 1);
  const drivers = (kind: SpikeKind) =>
    templates
      .map(({ id, template }) => {
        const [baseline, current] = kindCounts.get(`${kind}:${id}`) ?? [0, 0];
        return { template, baseline, current };
      })
      .filter((t) => growth(t.baseline, t.current) > 0)
      .sort((a, b) => growth(b.baseline, b.current) - growth(a.baseline, a.current))
      .slice(0, 3);
  const count = (t: Tally, kind: SpikeKind) => (kind === 'error' ? t.levels.error + t.levels.critical : kind === 'warning' ? t.levels.warning : t.dataQuality);
  const firstOf = (kind: SpikeKind) => current.find((r) => kindsOfRecord(r).has(kind));
  const rates = (['error', 'warning', 'data-quality'] as const).map((kind) =>
    compareRate(kind, count(baselineTally, kind), baselineTally.records, count(currentTally, kind), currentTally.records, settings, firstOf(kind), drivers(kind)),
  );
  const newErrorClasses = [...currentTally.errorClasses].flatMap(([name, { count: n, first }]) => (first && !baselineTally.errorClasses.has(name) ? [{ name, count: n, first }] : []));
  return {
    baseline: { source: saved?.source ?? `first ${Math.round(settings.baselineFraction * 100)}% of the records`, records: baselineTally.records },
    current: { records: currentTally.records },
    rates,
    newErrorClasses,
    templates: templates.map(({ template, level, baseline, current: c }) => ({ template, level, baseline, current: c })).sort((a, b) => b.baseline + b.current - (a.baseline + a.current)),
  };
}

/** The baseline a log (all of its records) makes, for `--save-baseline`. */
export function learnBaseline(records: LogRecord[]): LogBaseline {
  const miner = new TemplateMiner();
  const levelOf = new Map<number, LogLevel>();
  const t = tally(records, miner, 0, levelOf, new Map());
  return {
    format: 'pipewarden-log-baseline',
    version: 1,
    records: t.records,
    levels: t.levels,
    dataQuality: t.dataQuality,
    errorClasses: Object.fromEntries([...t.errorClasses].map(([name, v]) => [name, v.count])),
    templates: miner.templates().map((tpl) => ({ key: tpl.key, template: templateText(tpl), level: levelOf.get(tpl.id) ?? 'unknown', count: tpl.counts[0] })),
  };
}

/** Records of each kind per template and phase, keyed `kind:templateId`. */
type KindCounts = Map<string, [number, number]>;

function kindsOfRecord(r: Pick<LogRecord, 'level' | 'message'>): Set<SpikeKind> {
  const kinds = new Set<SpikeKind>();
  if (r.level === 'error' || r.level === 'critical') kinds.add('error');
  if (r.level === 'warning') kinds.add('warning');
  const scanned = r.message.slice(0, SCANNED_LENGTH);
  if (r.level !== 'debug' && (DATA_QUALITY.test(scanned) || PYTHON_NONE.test(scanned))) kinds.add('data-quality');
  return kinds;
}

function tally(records: LogRecord[], miner: TemplateMiner, phase: 0 | 1, levelOf: Map<number, LogLevel>, kindCounts: KindCounts): Tally {
  const t: Tally = { records: records.length, levels: Object.fromEntries(LOG_LEVELS.map((l) => [l, 0])) as Record<LogLevel, number>, dataQuality: 0, errorClasses: new Map() };
  for (const r of records) {
    t.levels[r.level]++;
    const kinds = kindsOfRecord(r);
    if (kinds.has('data-quality')) t.dataQuality++;
    const template = miner.add(r.message, phase);
    const known = levelOf.get(template.id);
    if (!known || LOG_LEVELS.indexOf(r.level) < LOG_LEVELS.indexOf(known)) levelOf.set(template.id, r.level);
    for (const kind of kinds) {
      const counts = kindCounts.get(`${kind}:${template.id}`) ?? [0, 0];
      counts[phase]++;
      kindCounts.set(`${kind}:${template.id}`, counts);
    }
    for (const name of r.exceptions) {
      const seen = t.errorClasses.get(name);
      if (seen) seen.count++;
      else t.errorClasses.set(name, { count: 1, first: r });
    }
  }
  return t;
}

function compareRate(
  kind: SpikeKind,
  baselineCount: number,
  baselineRecords: number,
  currentCount: number,
  currentRecords: number,
  settings: LogSettings,
  first: LogRecord | undefined,
  drivers: RateComparison['drivers'],
): RateComparison {
  // Half a record added to the baseline count: a kind never seen before still has a finite rate.
  const smoothed = (baselineCount + 0.5) / (baselineRecords + 1);
  const currentRate = currentRecords > 0 ? currentCount / currentRecords : 0;
  const expected = currentRecords * smoothed;
  const pValue = currentCount > 0 ? lowerRegularizedGamma(currentCount, expected) : 1;
  const ratio = currentRate / smoothed;
  return {
    kind,
    baselineCount,
    baselineRate: baselineRecords > 0 ? baselineCount / baselineRecords : 0,
    currentCount,
    currentRate,
    ratio,
    pValue,
    spike: ratio >= settings.minRatio && pValue < settings.alpha,
    ...(first ? { first } : {}),
    drivers,
  };
}
