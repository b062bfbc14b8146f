import fs from 'node:fs';
import path from 'node:path';
import { memorySource, type AdvisorySource } from './source.js';
import { parseAdvisory, type OsvAdvisory } from './types.js';

export interface LoadProblem {
  /** Path relative to the loaded directory. */
  file: string;
  message: string;
}

/** One advisory is a few KiB to a few hundred; anything this large is not an advisory and is not read into memory. */
const MAX_ADVISORY_BYTES = 16 * 1024 * 1024;

/**
 * Loads every `*.json` file below `dir` (one OSV advisory per file, as in the OSV exports and
 * advisory-database repositories) into an in-memory source; the advisories themselves come
 * back too, to build a local database from. A file that cannot be read or is
 * not an advisory is recorded as a problem and skipped. When two files carry the same id, the
 * one modified later wins, as the schema says. Throws only when `dir` itself cannot be listed.
 */
export function loadOsvDirectory(dir: string): { source: AdvisorySource; advisories: OsvAdvisory[]; problems: LoadProblem[] } {
  const root = path.resolve(dir);
  const files = fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
  const problems: LoadProblem[] = [];
  const byId = new Map<string, OsvAdvisory>();
  for (const file of files) {
    try {
      const full = path.join(root, file);
      if (fs.statSync(full).size > MAX_ADVISORY_BYTES) throw new Error(`larger than ${MAX_ADVISORY_BYTES} bytes`);
      const advisory = parseAdvisory(JSON.parse(fs.readFileSync(full, 'utf8')));
      const earlier = byId.get(advisory.id);
      if (!earlier || (advisory.modified ?? '') > (earlier.modified ?? '')) byId.set(advisory.id, advisory);
    } catch (err) {
      problems.push({ file: file.split(path.sep).join('/'), message: err instanceof Error ? err.message : String(err) });
    }
  }
  const advisories = [...byId.values()];
  return { source: memorySource(advisories, { kind: 'directory', location: root }), advisories, problems };
}
