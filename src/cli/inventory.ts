import path from 'node:path';
import { Option, type Command } from 'commander';
import { collectInventory } from '../inventory/collect.js';
import { TOOL } from '../core/tool-info.js';
import { renderCycloneDx } from '../report/cyclonedx.js';
import type { RootfsInventory } from '../analyzers/container/rootfs/scan.js';
import type { CollectedInventory } from '../inventory/collect.js';
import { renderOpenLineage } from '../inventory/lineage/openlineage.js';
import { renderDot, renderMermaid } from '../inventory/lineage/render.js';
import { writeOutput } from './output.js';
import { resolveScanOptions, type ScanFlags } from './scan-options.js';

const FORMATS = ['json', 'cyclonedx', 'mermaid', 'dot', 'openlineage'] as const;

interface InventoryFlags extends Omit<ScanFlags, 'format'> {
  format: (typeof FORMATS)[number];
}

export function registerInventory(program: Command): void {
  program
    .command('inventory')
    .description('map the pipeline: data lineage, packages, base and deployed images and services (json, CycloneDX SBOM, Mermaid, DOT, OpenLineage)')
    .argument('[path]', 'root of the pipeline', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('json'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-c, --config <file>', 'config file (default: pipewarden.yml in the root)')
    .option('--resolve', 'resolve transitive dependencies of requirements without a lockfile from the package index')
    .option('--index-url <url>', 'package index JSON API base for --resolve')
    .option('--offline', 'never use the network')
    .option('--image-rootfs <dir>', 'also list the OS and Python packages installed in an unpacked image filesystem')
    .action(async (root: string, flags: InventoryFlags) => {
      const { format, ...scanFlags } = flags;
      const { assess: options } = resolveScanOptions(root, { ...scanFlags, history: false, cache: false, baseline: false, progress: false });
      const collected = await collectInventory(options.root, {
        maxFileSize: options.maxFileSize,
        exclude: options.exclude,
        deps: options.settings.deps,
        ...(options.settings.image?.rootfs ? { imageRootfs: options.settings.image.rootfs } : {}),
      });
      for (const e of collected.errors) process.stderr.write(`pipewarden: ${e.file}: ${e.message}\n`);
      for (const n of collected.notices) process.stderr.write(`pipewarden: ${n}\n`);
      writeOutput(render(format, collected, options.root), flags.output);
    });
}

function render(format: InventoryFlags['format'], collected: CollectedInventory, root: string): string {
  const now = new Date().toISOString();
  switch (format) {
    case 'cyclonedx':
      return renderCycloneDx({
        inventory: collected.built.inventory,
        images: collected.images,
        services: collected.services,
        ...(collected.rootfs ? { rootfs: collected.rootfs } : {}),
        root,
        toolVersion: TOOL.version,
        timestamp: now,
      });
    case 'mermaid':
      return renderMermaid(collected.lineage);
    case 'dot':
      return renderDot(collected.lineage);
    case 'openlineage':
      return renderOpenLineage(collected.lineage, root, now);
    case 'json':
      return JSON.stringify(
        {
          root: path.basename(root),
          lineage: collected.lineage,
          ...collected.built.inventory,
          images: collected.images,
          ...(collected.rootfs ? { imageRootfs: imageRootfsJson(collected.rootfs) } : {}),
          services: collected.services,
          errors: collected.errors,
        },
        null,
        2,
      );
  }
}

/** The image's distribution and packages; which advisory ecosystems they match under is assess's business. */
function imageRootfsJson({ root, os, packages, runtimes }: RootfsInventory) {
  return {
    root,
    ...(os ? { os: { id: os.id, versionId: os.versionId, prettyName: os.prettyName } } : {}),
    packages: packages.map((p) => ({ type: p.type, name: p.installedName, version: p.installedVersion, purl: p.purl, ...(p.name !== p.installedName && p.type !== 'pypi' ? { sourcePackage: p.name } : {}), file: p.file, line: p.line })),
    runtimes,
  };
}
