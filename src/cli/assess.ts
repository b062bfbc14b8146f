import type { Command } from 'commander';
import { assess } from '../core/assess.js';
import { exitCodeFor } from '../core/exit-code.js';
import { renderReport } from '../report/index.js';
import { writeOutput, useColor } from './output.js';
import { progressReporter } from './progress.js';
import { addScanOptions, failOnOption, formatOption, resolveScanOptions, type ScanFlags } from './scan-options.js';

export function registerAssess(program: Command): void {
  addScanOptions(program.command('assess').description('assess a pipeline: discover, analyse, report'))
    .addOption(formatOption())
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(failOnOption())
    .option('--db <file>', 'history database (default <path>/.pipewarden/history.db)')
    .option('--no-history', 'do not record this run in the history')
    .option('--baseline <file>', 'report only findings not in this baseline (default <path>/.pipewarden-baseline.json when present)')
    .option('--no-baseline', 'ignore the baseline file')
    .action(async (root: string, flags: ScanFlags) => {
      const { assess: options, config } = resolveScanOptions(root, flags);
      const progress = progressReporter(flags.progress);
      const result = await assess({ ...options, onProgress: progress.update });
      progress.finish();
      const format = flags.format ?? config.format ?? 'text';
      writeOutput(renderReport(format, result, { color: useColor(flags.output) }), flags.output);
      process.exitCode = exitCodeFor(result.findings, result.failOn);
    });
}
