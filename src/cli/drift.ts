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
import { driftSql, profileSides } from '../data/drift/sides.js';
import { parsePreset, resolveDriftSettings } from '../data/drift/settings.js';
import { renderSlowDriftText } from '../data/monitor/render.js';
import { checkStoredSeries, slowDriftFindings } from '../data/monitor/slow-drift.js';
import { DataProfileStore } from '../store/data-profiles.js';
import { addDriftSourceOptions, driftSides, hasSideFlags, type DriftSourceFlags } from './drift-sources.js';
import { writeOutput } from './output.js';

export interface AlertFlags {
  format: 'text' | 'json';
  output?: string;
  config?: string;
  webhook?: string[];
  webhookFormat: WebhookFormat;
}

interface DriftFlags extends AlertFlags, DriftSourceFlags {
  dataset?: string;
  golden?: string;
  preset?: string;
  dryRun?: boolean;
  label?: string;
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
    addDriftSourceOptions(
      program
        .command('drift')
        .description('compare a data set with a reference (files, tables or saved baselines), or check a stored batch series for slow drift'),
    )
      .option('--dataset <name>', 'instead: run the slow-drift detectors over the batches stored for this dataset')
      .option('--golden <name>', 'with --dataset: the saved baseline to measure against (default: the dataset name, else its first batch)')
      .option('--preset <preset>', 'default decision rules: pipewarden, evidently or tfdv')
      .option('--label <column>', 'label (target) column: also compare each label\'s mean of every numeric column (default: a saved reference\'s label)')
      .option('--db <file>', 'history database holding batches and baselines', path.join('.pipewarden', 'history.db'))
      .option('--dry-run', 'print the SQL each side would run to profile itself, and run nothing'),
  ).action(async (flags: DriftFlags) => {
    const config = loadConfig(process.cwd(), flags.config).data ?? {};
    if (flags.dataset) {
      if (hasSideFlags(flags)) throw new UsageError('--dataset checks the stored series; drop --reference/--current and the --*-table options');
      if (flags.dryRun) throw new UsageError('--dataset reads stored profiles and runs no SQL; --dry-run goes with a comparison');
      if (flags.label !== undefined) throw new UsageError('--dataset reads stored profiles; declare the label when profiling them (`pipewarden profile FILE --label COLUMN`)');
      await slowDriftCommand(flags, config);
      return;
    }
    const settings = resolveDriftSettings(config.drift, flags.preset ? { preset: parsePreset(flags.preset) } : {});
    const sides = driftSides(flags);
    const sideOptions = flags.label !== undefined ? { label: flags.label } : {};
    if (flags.dryRun) {
      writeOutput(await driftSql(sides.reference, sides.current, sideOptions), flags.output);
      return;
    }
    const { reference, current } = await profileSides(sides.reference, sides.current, sideOptions);
    const report = compareProfiles(reference, current, settings);
    const findings = driftFindings(report, sides.current.name);
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
