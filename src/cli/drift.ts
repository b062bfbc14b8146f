import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { DataConfig } from '../data/alerts/config.js';
import { sendAlerts, webhookTargets } from '../data/alerts/targets.js';
import { WEBHOOK_FORMATS, type WebhookFormat } from '../data/alerts/webhook.js';
import { compareProfiles } from '../data/drift/compare.js';
import { driftFindings } from '../data/drift/findings.js';
import { renderDriftJson, renderDriftText } from '../data/drift/render.js';
import { parsePreset, resolveDriftSettings } from '../data/drift/settings.js';
import { renderSlowDriftText } from '../data/monitor/render.js';
import { checkStoredSeries, slowDriftFindings } from '../data/monitor/slow-drift.js';
import { profileDataset } from '../data/profile/index.js';
import type { DatasetProfile, LogicalType } from '../data/profile/types.js';
import { DataProfileStore } from '../store/data-profiles.js';
import { writeOutput } from './output.js';

export interface AlertFlags {
  format: 'text' | 'json';
  output?: string;
  config?: string;
  webhook?: string[];
  webhookFormat: WebhookFormat;
}

interface DriftFlags extends AlertFlags {
  reference?: string;
  current?: string;
  dataset?: string;
  golden?: string;
  preset?: string;
  db: string;
}

/** Options every alerting data command shares: output, config file and webhooks. */
export function addAlertOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default ./pipewarden.yml)')
    .option('--webhook <url...>', 'POST alerts to this URL (repeatable); also `data.webhooks` in the config')
    .addOption(new Option('--webhook-format <format>', 'payload of --webhook URLs').choices([...WEBHOOK_FORMATS]).default('json'));
}

/** Writes the report, sends the findings to the webhooks and sets the exit code: 1 when there are findings. */
export async function finishAlerts(command: string, subject: string, report: string, findings: Finding[], flags: AlertFlags, config: DataConfig): Promise<void> {
  writeOutput(report, flags.output);
  for (const failure of await sendAlerts(webhookTargets(flags.webhook, flags.webhookFormat, config), { command, subject, findings })) {
    process.stderr.write(`pipewarden: ${failure}\n`);
  }
  process.exitCode = findings.length > 0 ? 1 : 0;
}

export function registerDrift(program: Command): void {
  addAlertOptions(
    program
      .command('drift')
      .description('compare a data set with a reference (files or saved baselines), or check a stored batch series for slow drift')
      .option('--reference <ref>', 'reference: a data file or baseline:NAME')
      .option('--current <cur>', 'current data: a data file or baseline:NAME')
      .option('--dataset <name>', 'instead: run the slow-drift detectors over the batches stored for this dataset')
      .option('--golden <name>', 'with --dataset: the saved baseline to measure against (default: the dataset name, else its first batch)')
      .option('--preset <preset>', 'default decision rules: pipewarden, evidently or tfdv')
      .option('--db <file>', 'history database holding batches and baselines', path.join('.pipewarden', 'history.db')),
  ).action(async (flags: DriftFlags) => {
    const config = loadConfig(process.cwd(), flags.config).data ?? {};
    if (flags.dataset) {
      if (flags.reference || flags.current) throw new UsageError('--dataset checks the stored series; drop --reference/--current');
      await slowDriftCommand(flags, config);
      return;
    }
    if (!flags.reference || !flags.current) throw new UsageError('drift needs --reference and --current (or --dataset NAME for the stored series)');
    const settings = resolveDriftSettings(config.drift, flags.preset ? { preset: parsePreset(flags.preset) } : {});
    const reference = await loadSide(flags.reference, flags.db);
    const current = await loadSide(flags.current, flags.db, declaredTypesOf(reference));
    const report = compareProfiles(reference, current, settings);
    const findings = driftFindings(report, flags.current);
    const text = flags.format === 'json' ? renderDriftJson(report, findings) : renderDriftText(report);
    await finishAlerts('drift', report.current.source, text, findings, flags, config);
  });
}

async function slowDriftCommand(flags: DriftFlags, config: DataConfig): Promise<void> {
  const store = new DataProfileStore(flags.db);
  let report;
  try {
    report = checkStoredSeries(store, flags.dataset!, config.monitor, flags.golden);
  } finally {
    store.close();
  }
  if (!report) throw new UsageError(`dataset "${flags.dataset}" has no batches to check after its golden baseline in ${flags.db}`);
  const findings = slowDriftFindings(report);
  const text = flags.format === 'json' ? `${JSON.stringify({ ...report, findings }, null, 2)}\n` : renderSlowDriftText(report);
  await finishAlerts('drift', `dataset:${report.dataset}`, text, findings, flags, config);
}

const BASELINE_PREFIX = 'baseline:';

/** A data file, profiled now (judged against `declaredTypes` when given), or a saved baseline. */
async function loadSide(spec: string, db: string, declaredTypes?: Record<string, LogicalType>): Promise<DatasetProfile> {
  if (spec.startsWith(BASELINE_PREFIX)) {
    const name = spec.slice(BASELINE_PREFIX.length);
    const store = new DataProfileStore(db);
    try {
      const saved = store.baseline(name);
      if (!saved) throw new UsageError(`no saved baseline "${name}" in ${db} (save one with \`pipewarden profile FILE --save-baseline ${name}\`)`);
      return saved.profile;
    } finally {
      store.close();
    }
  }
  return profileDataset({ engine: 'duckdb', file: path.resolve(spec) }, declaredTypes ? { declaredTypes } : {});
}

/** The reference's column types: the current data is judged against them, so text in a numeric column counts as a mismatch. */
function declaredTypesOf(reference: DatasetProfile): Record<string, LogicalType> {
  return Object.fromEntries(reference.columns.filter((c) => c.type !== 'other').map((c) => [c.name, c.type]));
}

/**
 * After `profile` stores a batch: runs the slow-drift detectors over the dataset's series, prints
 * alarms to stderr, sends them to the configured webhooks and returns the exit code (1 on alarm).
 */
export async function checkAfterBatch(db: string, dataset: string): Promise<number> {
  const config = loadConfig(process.cwd()).data ?? {};
  if (config.monitor?.enabled === false) return 0;
  const store = new DataProfileStore(db);
  let report;
  try {
    report = checkStoredSeries(store, dataset, config.monitor);
  } finally {
    store.close();
  }
  const findings = report ? slowDriftFindings(report) : [];
  for (const f of findings) process.stderr.write(`pipewarden: ${f.ruleId}: ${f.message}\n`);
  for (const failure of await sendAlerts(webhookTargets([], 'json', config), { command: 'profile', subject: `dataset:${dataset}`, findings })) {
    process.stderr.write(`pipewarden: ${failure}\n`);
  }
  return findings.length > 0 ? 1 : 0;
}
