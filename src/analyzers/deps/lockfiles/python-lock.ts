import { normalizePyPIName } from '../model.js';
import type { SkippedEntries } from '../skipped-entries.js';
import { Fields } from './fields.js';
import { arrayTableLines, decodeToml } from './toml.js';

/** One `[[package]]` table of a TOML lockfile (poetry.lock, uv.lock, pdm.lock). */
export interface PackageTable {
  fields: Fields;
  /** PEP 503-normalised. */
  name: string;
  /** "" where the lock leaves it out (uv's dynamic-version workspace members). */
  version: string;
  line?: number;
}

/**
 * Decodes a TOML lockfile and reads its `[[package]]` array, each table labelled by its name and
 * line; a table without a name is left out and noted.
 */
export function readPackageTables(text: string, file: string, skipped: SkippedEntries): { root: Fields; packages: PackageTable[] } {
  const root = Fields.of(decodeToml(text, file), file, 'lockfile');
  const tables = root.list('package');
  const headers = arrayTableLines(text, 'package');
  const lines = headers.length === tables.length ? headers : [];
  const packages = tables.flatMap((table, i): PackageTable[] => {
    const line = lines[i];
    const read = skipped.read(line, (): PackageTable => {
      const name = normalizePyPIName(Fields.of(table, file, `package #${i + 1}`, line).string('name'));
      const fields = Fields.of(table, file, `package "${name}"`, line);
      return { fields, name, version: fields.optionalString('version') ?? '', line };
    });
    return read ? [read] : [];
  });
  return { root, packages };
}

/** The `hash` of each `{ file = …, hash = "sha256:…" }` (poetry, pdm) or `{ url = …, hash = … }` (uv wheels). */
export function fileHashes(files: Fields[]): string[] {
  return files.flatMap((f) => f.optionalString('hash') ?? []);
}

/**
 * Hashes from `[metadata.files]`, where poetry before 1.2 (keyed "name") and pdm lock 3 (keyed
 * "name version") kept them instead of in each package.
 */
export function legacyFileHashes(root: Fields): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  const files = root.fields('metadata')?.fields('files');
  if (!files) return byKey;
  for (const key of Object.keys(files.table)) {
    const [name = '', version] = key.trim().split(/\s+/);
    const normalized = version === undefined ? normalizePyPIName(name) : `${normalizePyPIName(name)} ${version}`;
    byKey.set(normalized, fileHashes(files.tables(key)));
  }
  return byKey;
}
