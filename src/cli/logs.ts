import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { analyzeLogs, DEFAULT_LOG_SETTINGS, learnBaseline, type LogSettings } from '../data/logs/analyze.js';
import { readLogBaseline, writeLogBaseline, type LogBaseline } from '../data/logs/baseline.js';
import { logFindings } from '../data/logs/findings.js';
import { parseLog, type LogRecord } from '../data/logs/parse.js';
import { renderLogsJson, renderLogsText } from '../data/logs/render.js';
import { addAlertOptions, finishAlerts, type AlertFlags } from './drift.js';
import { writeOutput } from './output.js';

interface LogsFlags extends AlertFlags {
  baseline?: string;
  saveBaseline?: string;
  baselineFraction?: string;
}

export function registerLogs(program: Command): void {
  addAlertOptions(
    program
      .command('logs')
      .description('learn message templates and rates from pipeline logs and flag error, warning and null/type-mismatch spikes and new exception classes')
      .argument('<files...>', 'log files: JSON lines, Python logging, Airflow task logs, syslog')
      .option('--baseline <file>', 'baseline: a file from --save-baseline, or a known-good log to learn from (default: the first part of the logs)')
      .option('--baseline-fraction <share>', 'without --baseline, the share of records that forms the baseline', String(DEFAULT_LOG_SETTINGS.baselineFraction))
      .option('--save-baseline <file>', 'learn a baseline from all the given logs, write it here and stop'),
  ).action(async (files: string[], flags: LogsFlags) => {
    const config = loadConfig(process.cwd(), flags.config).data ?? {};
    const records = files.flatMap(readRecords);
    if (flags.saveBaseline) {
      const baseline = learnBaseline(records);
      writeLogBaseline(flags.saveBaseline, baseline);
      writeOutput(`baseline of ${baseline.records} records and ${baseline.templates.length} templates written to ${flags.saveBaseline}`, flags.output);
      return;
    }
    const settings: LogSettings = { ...DEFAULT_LOG_SETTINGS, ...config.logs, ...(flags.baselineFraction ? { baselineFraction: fraction(flags.baselineFraction) } : {}) };
    const analysis = flags.baseline ? analyzeLogs(records, settings, baselineFrom(flags.baseline)) : analyzeLogs(records, settings);
    const findings = logFindings(analysis);
    const report = flags.format === 'json' ? renderLogsJson(analysis, findings) : renderLogsText(analysis, findings);
    await finishAlerts('logs', files.join(', '), report, findings, flags, config);
  });
}

function readRecords(file: string): LogRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return parseLog(text, file);
}

/** A saved baseline as is, or one learnt from a known-good log. */
function baselineFrom(file: string): { baseline: LogBaseline; source: string } {
  return { baseline: readLogBaseline(file) ?? learnBaseline(readRecords(file)), source: file };
}

function fraction(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new UsageError(`--baseline-fraction takes a share between 0 and 1, not "${value}"`);
  return n;
}
