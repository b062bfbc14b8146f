import { ManifestError } from './errors.js';

/** A parsed TOML table or JSON object. */
export type Table = { [key: string]: unknown };

export function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * The table's own entry for `key`: manifests are hostile input, and a plain `t[key]` would
 * find `constructor` or `__proto__` on Object.prototype.
 */
export function own(table: Table | undefined, key: string): unknown {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The sub-table at `path`, undefined when absent; a non-table in the way is the file's error. */
export function tableAt(root: Table, path: readonly string[], lineOf: (path: readonly string[]) => number | undefined): Table | undefined {
  let table: Table = root;
  for (let i = 0; i < path.length; i++) {
    const value = own(table, path[i]!);
    if (value === undefined) return undefined;
    if (!isTable(value)) throw new ManifestError(`${path.slice(0, i + 1).join('.')} must be a table`, lineOf(path.slice(0, i + 1)));
    table = value;
  }
  return table;
}

/** An optional string field, an error when present with another type. */
export function optionalString(table: Table, key: string, where: string, line: number | undefined): string | undefined {
  const value = own(table, key);
  if (value === undefined || typeof value === 'string') return value;
  throw new ManifestError(`${where}.${key} must be a string`, line);
}

/** An optional array of strings, an error when present with another shape. */
export function optionalStrings(table: Table, key: string, where: string, line: number | undefined): string[] {
  const value = own(table, key);
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new ManifestError(`${where}.${key} must be an array of strings`, line);
}
