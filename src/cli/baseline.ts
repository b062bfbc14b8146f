import path from 'node:path';
import type { Command } from 'commander';
import { assess } from '../core/assess.js';
import { BASELINE_FILE, writeBaseline } from '../core/suppress/baseline.js';
import { progressReporter } from './progress.js';
import { addScanOptions, resolveScanOptions, type ScanFlags } from './scan-options.js';

export function registerBaseline(program: Command): void {
  addScanOptions(program.command('baseline').description('record the current findings so that `assess` reports only new ones'))
    .option('-o, --output <file>', `where to write the baseline (default <path>/${BASELINE_FILE})`)
    .action(async (root: string, flags: ScanFlags) => {
      const { assess: options } = resolveScanOptions(root, { ...flags, history: false, baseline: false });
      const progress = progressReporter(flags.progress);
      const result = await assess({ ...options, onProgress: progress.update });
      progress.finish();
      const file = path.resolve(flags.output ?? path.join(options.root, BASELINE_FILE));
      writeBaseline(file, result.findings, new Date());
      process.stdout.write(`pipewarden: baseline of ${result.findings.length} findings written to ${path.relative(process.cwd(), file) || file}\n`);
    });
}
