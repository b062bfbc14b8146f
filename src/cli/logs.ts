import type { Command } from 'commander';
import { loadConfig } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { DataInputError } from '../data/engines/engine.js';
import { readDecompressed } from '../data/input/compression.js';
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

/** What a string can hold, about: longer logs are refused rather than failing halfway. */
const MAX_LOG_BYTES = 512 * 1024 * 1024;
/** How much of a log is looked at for the NUL bytes text never has. */
const BINARY_SNIFF_BYTES = 64 * 1024;

function readRecords(file: string): LogRecord[] {
  let bytes: Buffer;
  try {
    // Rotated logs are often gzipped (`app.log.1.gz`).
    bytes = readDecompressed(file, MAX_LOG_BYTES, (size) => `${file} is ${size}; split logs over ${MAX_LOG_BYTES} bytes`);
  } catch (err) {
    if (err instanceof DataInputError) throw new UsageError(err.message);
    throw new UsageError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul >= 0) throw new UsageError(`${file}: not a text log (a NUL byte at offset ${nul}: binary data, or text in UTF-16)`);
  return parseLog(bytes.toString('utf8'), file);
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
