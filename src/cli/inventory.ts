import path from 'node:path';
import { Option, type Command } from 'commander';
import { collectInventory } from '../inventory/collect.js';
import { TOOL } from '../core/tool-info.js';
import { renderCycloneDx } from '../report/cyclonedx.js';
import { writeOutput } from './output.js';
import { resolveScanOptions, type ScanFlags } from './scan-options.js';

interface InventoryFlags extends Omit<ScanFlags, 'format'> {
  format: 'cyclonedx' | 'json';
}

export function registerInventory(program: Command): void {
  program
    .command('inventory')
    .description('list what the pipeline is built from and talks to: packages, base images, services')
    .argument('[path]', 'root of the pipeline', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['cyclonedx', 'json']).default('cyclonedx'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-c, --config <file>', 'config file (default: pipewarden.yml in the root)')
    .option('--resolve', 'resolve transitive dependencies of requirements without a lockfile from the package index')
    .option('--index-url <url>', 'package index JSON API base for --resolve')
    .option('--offline', 'never use the network')
    .action(async (root: string, flags: InventoryFlags) => {
      const { format, ...scanFlags } = flags;
      const { assess: options } = resolveScanOptions(root, { ...scanFlags, history: false, cache: false, baseline: false, progress: false });
      const collected = await collectInventory(options.root, { maxFileSize: options.maxFileSize, exclude: options.exclude, deps: options.settings.deps });
      for (const e of collected.errors) process.stderr.write(`pipewarden: ${e.file}: ${e.message}\n`);
      for (const n of collected.notices) process.stderr.write(`pipewarden: ${n}\n`);
      const text =
        format === 'cyclonedx'
          ? renderCycloneDx({
              inventory: collected.built.inventory,
              images: collected.images,
              services: collected.services,
              root: options.root,
              toolVersion: TOOL.version,
              timestamp: new Date().toISOString(),
            })
          : JSON.stringify(
              { root: path.basename(options.root), ...collected.built.inventory, images: collected.images, services: collected.services, errors: collected.errors },
              null,
              2,
            );
      writeOutput(text, flags.output);
    });
}
