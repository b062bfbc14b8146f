import type { DatasetProfile } from '../profile/types.js';
import { cusum, ewma, type DetectorRun } from './detectors.js';
import { columnMetrics, labelConditionalMetrics, type MetricObservation } from './metrics.js';

export interface MonitorSettings {
  cusum: { k: number; h: number };
  ewma: { lambda: number; L: number };
  /** Batches in the rolling window the newest batch is also compared with. */
  window: number;
}

export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = { cusum: { k: 0.5, h: 8 }, ewma: { lambda: 0.2, L: 3.5 }, window: 10 };

export const DETECTORS = ['cusum vs golden', 'ewma vs golden', 'cusum vs rolling window', 'ewma vs rolling window'] as const;
export type DetectorName = (typeof DETECTORS)[number];

export interface DetectorState {
  detector: DetectorName;
  /** Statistic after the newest batch, in units of its threshold (above 1 is an alarm). */
  level: number;
  alarm: boolean;
  /** Index (0 = oldest) of the batch where the detector first signalled, or null. */
  firstAlarmBatch: number | null;
}

export interface MetricSeries {
  column: string;
  metric: string;
  golden: number;
  latest: number;
  /** Newest batch's deviation from the golden value, in standard errors. */
  latestZ: number;
  detectors: DetectorState[];
  alarm: boolean;
}

export interface SlowDriftReport {
  dataset: string;
  golden: string;
  batches: number;
  settings: MonitorSettings;
  series: MetricSeries[];
  alarm: boolean;
}

/**
 * CUSUM and EWMA over the batch series of every column metric, each twice: against the frozen
 * golden baseline (catches a slow walk away from what the data once was) and against the mean of
 * the previous `window` batches (catches a change relative to recent data even where the golden
 * baseline has gone stale). Both are measured in standard errors under the golden baseline.
 */
export function monitorSeries(dataset: string, golden: DatasetProfile, batches: DatasetProfile[], settings: MonitorSettings = DEFAULT_MONITOR_SETTINGS): SlowDriftReport {
  const byKey = new Map<string, { column: string; metric: string; observations: Array<MetricObservation | undefined> }>();
  batches.forEach((batch, t) => {
    const observe = (column: string, o: MetricObservation): void => {
      const key = `${column}\u0000${o.metric}`;
      const entry = byKey.get(key) ?? { column, metric: o.metric, observations: new Array(batches.length).fill(undefined) };
      entry.observations[t] = o;
      byKey.set(key, entry);
    };
    const columns = new Map(batch.columns.map((c) => [c.name, c]));
    for (const g of golden.columns) {
      const column = columns.get(g.name);
      if (column) for (const o of columnMetrics(g, column)) observe(g.name, o);
    }
    // Conditional means belong to the label column: a flip of its labels is what moves them.
    for (const o of labelConditionalMetrics(golden.labelConditional, batch.labelConditional)) observe(golden.labelConditional!.column, o);
  });
  const series = [...byKey.values()].flatMap((entry) => {
    const observed = entry.observations.flatMap((o, t) => (o ? [{ o, t }] : []));
    const last = observed.at(-1);
    return last ? [analyse(entry.column, entry.metric, observed, last.o, settings)] : [];
  });
  return { dataset, golden: golden.source, batches: batches.length, settings, series, alarm: series.some((s) => s.alarm) };
}

function analyse(column: string, metric: string, observed: Array<{ o: MetricObservation; t: number }>, last: MetricObservation, settings: MonitorSettings): MetricSeries {
  const golden = observed.map(({ o }) => beyondGoldenNoise(standardised(o.value - o.target, o.standardError), o.goldenShare));
  const rolling = rollingDeviations(observed.map(({ o }) => o), settings.window);
  const sides = last.sides ?? 'both';
  const runs: Array<[DetectorName, DetectorRun, number, number]> = [
    ['cusum vs golden', cusum(golden, settings.cusum.k, settings.cusum.h, sides), settings.cusum.h, 0],
    ['ewma vs golden', ewma(golden, settings.ewma.lambda, settings.ewma.L, sides), 1, 0],
    ['cusum vs rolling window', cusum(rolling, settings.cusum.k, settings.cusum.h, sides), settings.cusum.h, settings.window],
    ['ewma vs rolling window', ewma(rolling, settings.ewma.lambda, settings.ewma.L, sides), 1, settings.window],
  ];
  const detectors = runs.map(([detector, run, threshold, offset]): DetectorState => {
    const level = (run.statistics.at(-1) ?? 0) / threshold;
    return { detector, level, alarm: level > 1, firstAlarmBatch: run.firstAlarm === -1 ? null : observed[run.firstAlarm + offset]!.t };
  });
  return { column, metric, golden: last.target, latest: last.value, latestZ: golden.at(-1) ?? 0, detectors, alarm: detectors.some((d) => d.alarm) };
}

/**
 * Deviation of each batch from the mean of the `window` batches before it, in standard errors
 * (widened by √(1 + 1/window) for the noise of that mean); starts once a full window exists.
 */
function rollingDeviations(observations: MetricObservation[], window: number): number[] {
  const out: number[] = [];
  for (let t = window; t < observations.length; t++) {
    const previous = observations.slice(t - window, t);
    const mean = previous.reduce((s, o) => s + o.value, 0) / window;
    out.push(standardised(observations[t]!.value - mean, observations[t]!.standardError * Math.sqrt(1 + 1 / window)));
  }
  return out;
}

/**
 * The golden baseline's sampling error is the same in every batch, so a detector would add it up
 * as if it were drift. Deviations are shrunk towards zero by twice that error (in the same units,
 * 2√share): only what the golden baseline's own uncertainty cannot explain accumulates.
 */
function beyondGoldenNoise(z: number, goldenShare: number): number {
  const allowance = 2 * Math.sqrt(goldenShare);
  return Math.sign(z) * Math.max(0, Math.abs(z) - allowance);
}

function standardised(deviation: number, standardError: number): number {
  if (standardError > 0) return deviation / standardError;
  return deviation === 0 ? 0 : Math.sign(deviation) * 1e6;
}
