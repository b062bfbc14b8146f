import { UsageError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import type { DataProfileStore } from '../../store/data-profiles.js';
import { dataFinding } from '../alerts/finding.js';
import type { DataConfig } from '../alerts/config.js';
import { slowDrift } from '../rules/slow-drift.js';
import { DEFAULT_MONITOR_SETTINGS, monitorSeries, type MonitorSettings, type SlowDriftReport } from './monitor.js';

export function monitorSettings(config: DataConfig['monitor'] = {}): MonitorSettings {
  const d = DEFAULT_MONITOR_SETTINGS;
  return {
    window: config.window ?? d.window,
    cusum: { k: config.cusum?.k ?? d.cusum.k, h: config.cusum?.h ?? d.cusum.h },
    ewma: { lambda: config.ewma?.lambda ?? d.ewma.lambda, L: config.ewma?.L ?? d.ewma.L },
  };
}

/**
 * Runs the slow-drift detectors over a dataset's stored batches. The golden baseline is the saved
 * baseline `golden` names (default: one named after the dataset) or else the dataset's first
 * batch, frozen; the series is every batch stored after it. Undefined when there is nothing to compare yet.
 */
export function checkStoredSeries(store: DataProfileStore, dataset: string, config: DataConfig['monitor'] = {}, golden?: string): SlowDriftReport | undefined {
  const name = golden ?? config.golden;
  const saved = store.baseline(name ?? dataset);
  if (name && !saved) throw new UsageError(`no saved baseline "${name}" (save one with \`pipewarden profile FILE --save-baseline ${name}\`)`);
  const batches = store.batches(dataset);
  if (saved) {
    const after = batches.filter((b) => saved.batchId === null || b.id > saved.batchId);
    return after.length === 0 ? undefined : monitorSeries(dataset, saved.profile, after.map((b) => b.profile), monitorSettings(config));
  }
  if (batches.length < 2) return undefined;
  return monitorSeries(dataset, batches[0]!.profile, batches.slice(1).map((b) => b.profile), monitorSettings(config));
}

/** One finding per column with a metric in alarm after the newest batch. */
export function slowDriftFindings(report: SlowDriftReport): Finding[] {
  const byColumn = new Map<string, string[]>();
  for (const s of report.series) {
    if (!s.alarm) continue;
    const detectors = s.detectors.filter((d) => d.alarm).map((d) => `${d.detector} since batch ${(d.firstAlarmBatch ?? 0) + 1}`);
    const line = `${s.metric} ${format(s.golden)} → ${format(s.latest)} (${s.latestZ >= 0 ? '+' : ''}${s.latestZ.toFixed(1)} standard errors; ${detectors.join(', ')})`;
    byColumn.set(s.column, [...(byColumn.get(s.column) ?? []), line]);
  }
  return [...byColumn].map(([column, lines]) =>
    dataFinding({ rule: slowDrift, target: `dataset:${report.dataset}`, subject: column, message: `column "${column}" over ${report.batches} batches: ${lines.join('; ')}` }),
  );
}

function format(x: number): string {
  return Number.isInteger(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(4);
}
