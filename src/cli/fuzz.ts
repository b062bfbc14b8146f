import { type Command, Option } from 'commander';
import { UsageError } from '../core/errors.js';
import { REPORT_FORMATS, type ReportFormat } from '../core/config.js';
import { fuzzPipeline, CleanRunFailed, type FuzzProgress } from '../dynamic/fuzz/engine.js';
import { fuzzAssessment } from '../dynamic/fuzz/findings.js';
import { parseDuration, resolvePipeline, type PipelineFlags } from '../dynamic/pipeline.js';
import { renderReport } from '../report/index.js';
import { useColor, writeOutput } from './output.js';
import { addPipelineOptions } from './pipeline-options.js';

interface FuzzFlags extends PipelineFlags {
  seed: string;
  maxExecs: string;
  time: string;
  jobs?: string;
  format: ReportFormat;
  output?: string;
  progress: boolean;
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a non-negative integer, got "${value}"`);
  return n;
}

/** "execs/s, failures" on one redrawn stderr line, only on a terminal. */
function progressBar(enabled: boolean): { update(p: FuzzProgress): void; finish(): void } {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { update: () => {}, finish: () => {} };
  let last = 0;
  return {
    update(p) {
      if (Date.now() - last < 100) return;
      last = Date.now();
      const width = 24;
      const filled = Math.round((p.execs / Math.max(1, p.planned)) * width);
      const rate = p.execs / Math.max(0.001, p.elapsedMs / 1000);
      stream.write(`\r\x1b[2Kfuzz [${'#'.repeat(Math.min(width, filled))}${'.'.repeat(Math.max(0, width - filled))}] ${p.execs}/${p.planned} execs, ${rate.toFixed(1)} execs/s, ${p.failures} failure(s)`);
    },
    finish() {
      stream.write('\r\x1b[2K');
    },
  };
}

export function registerFuzz(program: Command): void {
  addPipelineOptions(
    program
      .command('fuzz')
      .description('run the pipeline in the sandbox on mutated inputs and report crashes, hangs and injections that pass')
      .argument('[path]', 'project root (holds pipewarden.yml)', '.'),
    {
      sample: 'clean, representative input (CSV, JSONL/JSON, pickle, .gz, or a directory)',
      schema: 'JSON Schema of one input record',
    },
  )
    .option('--seed <n>', 'seed: the same seed gives the same mutations', '1')
    .option('--max-execs <n>', 'most mutated runs', '500')
    .option('--time <duration>', 'time budget for the campaign, e.g. 5m', '10m')
    .option('-j, --jobs <n>', 'parallel runs (default: all cores)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--no-progress', 'no progress bar on stderr')
    .action(async (root: string, flags: FuzzFlags) => {
      const pipeline = resolvePipeline(root, flags);
      // exit (not die) on Ctrl-C, so the sandbox's exit hook kills the runs and removes their directories
      process.once('SIGINT', () => process.exit(130));
      const startedAt = new Date().toISOString();
      const progress = progressBar(flags.progress);
      let result;
      try {
        result = await fuzzPipeline(pipeline, {
          seed: positiveInt(flags.seed, '--seed'),
          maxExecs: positiveInt(flags.maxExecs, '--max-execs'),
          timeMs: parseDuration(flags.time),
          ...(flags.jobs ? { concurrency: Math.max(1, positiveInt(flags.jobs, '--jobs')) } : {}),
          onProgress: progress.update,
        });
      } catch (err) {
        if (err instanceof CleanRunFailed) throw new UsageError(err.message);
        throw err;
      } finally {
        progress.finish();
      }
      const assessment = fuzzAssessment(pipeline, result, startedAt);
      writeOutput(renderReport(flags.format, assessment, { color: useColor(flags.output) }), flags.output);
      process.exitCode = assessment.findings.length > 0 ? 1 : 0;
    });
}
