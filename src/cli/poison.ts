import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig, type FailOn } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { exitCodeFor } from '../core/exit-code.js';
import { TOOL } from '../core/tool-info.js';
import { isolationNotices } from '../dynamic/fuzz/findings.js';
import { resolvePipeline, type PipelineFlags } from '../dynamic/pipeline.js';
import { ATTACKS } from '../dynamic/poison/attacks/index.js';
import { percent, poisonAssessment, poisonFindings } from '../dynamic/poison/findings.js';
import { renderPoisonJson, renderPoisonText, scoreLine } from '../dynamic/poison/render.js';
import { DEFAULT_RATES, simulatePoisoning, type PoisonReport } from '../dynamic/poison/simulate.js';
import { renderSarif } from '../report/sarif.js';
import { PoisonScoreStore, type ScoreComparison } from '../store/poison-scores.js';
import { failOnOption } from './scan-options.js';
import { writeOutput } from './output.js';
import { addPipelineOptions } from './pipeline-options.js';

interface PoisonFlags extends PipelineFlags {
  rates?: string;
  attacks?: string;
  seed: string;
  quarantine?: string;
  jobs?: string;
  format: 'text' | 'json' | 'sarif';
  output?: string;
  failOn?: FailOn;
  minScore?: string;
  db?: string;
  history: boolean;
  progress: boolean;
}

export function registerPoison(program: Command): void {
  addPipelineOptions(
    program
      .command('poison')
      .description('inject poisoned records into the clean sample at several rates, run the pipeline in the sandbox, and score how it resists')
      .argument('[path]', 'project root (holds pipewarden.yml)', '.'),
    {
      sample: 'clean, representative input: CSV, JSON Lines, a JSON array, or a directory holding one',
      schema: 'JSON Schema of one input record (its bounds shape the out-of-range values)',
    },
  )
    .option('--rates <list>', `poisoning rates in percent (default ${DEFAULT_RATES.map(percent).join(',')})`)
    .option('--attacks <list>', `attacks to run (default all: ${ATTACKS.map((a) => a.id).join(', ')})`)
    .option('--seed <n>', 'seed: the same seed injects the same records', '1')
    .option('--quarantine <regex>', 'names of files in a directory output that hold rejected records (default: reject|quarantine|invalid|errors|dead-letter)')
    .option('-j, --jobs <n>', 'parallel runs (default: all cores)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(failOnOption())
    .option('--min-score <n>', 'also exit 1 when the resistance score is below this (0-100)')
    .option('--db <file>', 'history database (default <path>/.pipewarden/history.db)')
    .option('--no-history', 'do not record the score in the history')
    .option('--no-progress', 'no progress line on stderr')
    .action(async (root: string, flags: PoisonFlags) => {
      const pipeline = resolvePipeline(root, flags);
      const config = loadConfig(pipeline.root, flags.config);
      const minScore = flags.minScore === undefined ? undefined : scoreThreshold(flags.minScore);
      const progress = progressLine(flags.progress);
      let report: PoisonReport;
      try {
        report = await simulatePoisoning({
          pipeline,
          ...(flags.rates ? { rates: parseRates(flags.rates) } : {}),
          ...(flags.attacks ? { attacks: list(flags.attacks) } : {}),
          seed: wholeNumber(flags.seed, '--seed', 0),
          ...(flags.quarantine ? { quarantine: pattern(flags.quarantine) } : {}),
          ...(flags.jobs ? { concurrency: wholeNumber(flags.jobs, '--jobs', 1) } : {}),
          onProgress: progress.update,
        });
      } finally {
        progress.finish();
      }
      const historyEnabled = flags.history && config.history?.enabled !== false;
      const history = historyEnabled ? recordScore(report, path.resolve(flags.db ?? path.join(pipeline.root, config.history?.db ?? '.pipewarden/history.db'))) : undefined;
      const findings = poisonFindings(report, pipeline);
      const failOn = flags.failOn ?? config.failOn ?? 'high';
      const belowMinimum = minScore !== undefined && report.score < minScore;
      const notices = [...isolationNotices(), ...(belowMinimum ? [`the score is below --min-score ${minScore}`] : [])];
      const text =
        flags.format === 'json'
          ? renderPoisonJson(report, findings, history, notices)
          : flags.format === 'sarif'
            ? renderSarif(poisonAssessment(report, findings, [scoreLine(report, history), ...notices], failOn))
            : renderPoisonText(report, findings, history, notices);
      writeOutput(text, flags.output);
      process.exitCode = exitCodeFor(findings, failOn) || (belowMinimum ? 1 : 0);
    });
}

function recordScore(report: PoisonReport, db: string): ScoreComparison {
  const store = new PoisonScoreStore(db);
  try {
    return store.record({
      target: fs.realpathSync(report.root),
      command: report.command,
      startedAt: report.startedAt,
      score: report.score,
      seed: report.seed,
      rates: report.rates,
      attacks: Object.fromEntries(
        report.attacks.filter((a) => !a.skipped).map((a) => [a.id, a.cells.reduce<Record<string, number>>((sum, c) => addCounts(sum, c.counts), {})]),
      ),
      toolVersion: TOOL.version,
    });
  } finally {
    store.close();
  }
}

function addCounts(sum: Record<string, number>, counts: Record<string, number>): Record<string, number> {
  for (const [k, n] of Object.entries(counts)) sum[k] = (sum[k] ?? 0) + n;
  return sum;
}

/** "0.1,1,10" or "0.1%, 1%, 10%": percentages strictly between 0 and 100. */
export function parseRates(value: string): number[] {
  const rates = list(value).map((item) => {
    const n = Number(item.replace(/%$/, ''));
    if (!Number.isFinite(n) || n <= 0 || n >= 100) throw new UsageError(`--rates takes percentages between 0 and 100, like 0.1,1,10; not "${item}"`);
    return n / 100;
  });
  if (rates.length === 0) throw new UsageError('--rates needs at least one rate');
  return [...new Set(rates)].sort((a, b) => a - b);
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function wholeNumber(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number of at least ${min}, not "${value}"`);
  return n;
}

function scoreThreshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`--min-score takes a score from 0 to 100, not "${value}"`);
  return n;
}

function pattern(value: string): RegExp {
  try {
    return new RegExp(value, 'i');
  } catch (err) {
    throw new UsageError(`--quarantine: ${(err as Error).message}`);
  }
}

/** "poison: run 12/36" redrawn on stderr, only on a terminal. */
function progressLine(enabled: boolean): { update(started: number, total: number): void; finish(): void } {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { update: () => {}, finish: () => {} };
  return {
    update: (started, total) => stream.write(`\r\x1b[2Kpoison: run ${started}/${total}`),
    finish: () => stream.write('\r\x1b[2K'),
  };
}
