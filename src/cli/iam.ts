import type { Command } from 'commander';
import { s3NeedsOf, suggestPolicy } from '../analyzers/iam/s3-needs.js';
import { collectInventory } from '../inventory/collect.js';
import { writeOutput } from './output.js';
import { resolveScanOptions } from './scan-options.js';

export function registerIam(program: Command): void {
  const iam = program.command('iam').description('permissions against what the pipeline\'s code touches');
  iam
    .command('suggest')
    .description('print a minimal IAM policy for the S3 locations the code reads and writes (from its lineage)')
    .argument('[path]', 'root of the pipeline', '.')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-c, --config <file>', 'config file (default: pipewarden.yml in the root)')
    .action(async (root: string, flags: { output?: string; config?: string }) => {
      const { assess: options } = resolveScanOptions(root, { config: flags.config, history: false, cache: false, baseline: false, foreignMarkers: true, progress: false, offline: true });
      const collected = await collectInventory(options.root, { maxFileSize: options.maxFileSize, exclude: options.exclude, deps: options.settings.deps });
      for (const e of collected.errors) process.stderr.write(`pipewarden: ${e.file}: ${e.message}\n`);
      const needs = s3NeedsOf(collected.lineage);
      if (needs.size === 0) process.stderr.write('pipewarden: the code names no s3:// location literally; nothing to grant from its lineage\n');
      writeOutput(`${JSON.stringify(suggestPolicy(needs), null, 2)}\n`, flags.output);
    });
}
