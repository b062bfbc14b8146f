import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

function readVersion(): string {
  // dist/src/core/tool-info.js and src/core/tool-info.ts both sit below the package root.
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const manifest = JSON.parse(fs.readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'pipewarden' && manifest.version) return manifest.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
}

export const TOOL = { name: 'pipewarden', version: readVersion() } as const;
