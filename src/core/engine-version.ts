import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let cached: string | undefined;

/**
 * A hash of the code that produces findings (this package's compiled modules and the parser
 * packages it loads), so that cached results are reused only by the exact same engine.
 */
export function engineVersion(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  const sourceRoot = path.resolve(here, '..');
  for (const file of listFiles(sourceRoot)) hash.update(file).update(fs.readFileSync(file));
  for (const pkg of ['tree-sitter', 'tree-sitter-python']) hash.update(pkg).update(packageVersion(pkg));
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function packageVersion(name: string): string {
  try {
    const manifest = path.join(path.dirname(fileURLToPath(import.meta.resolve(name))), 'package.json');
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
