import type { DeclaredRequirement, DirectSource, UncheckedTransport } from '../model.js';
import { describeReference, isUrl } from './direct-reference.js';
import { ManifestError } from './errors.js';
import type { SkippedEntries } from '../skipped-entries.js';
import { declareRequirement } from './requirement.js';
import { isTable, optionalString, own, type Table } from './shape.js';
import type { TomlLines, TomlPath } from './toml.js';

/**
 * The requirements of a TOML array of PEP 508 strings (`[project] dependencies`, an extra, a
 * dependency group). `{ include-group = "…" }` tables (PEP 735) are skipped: the included
 * group is read under its own name. PDM writes editable entries as `-e <url or path>`. An entry
 * that does not read is left out and noted.
 */
export function pep508Array(value: unknown, path: TomlPath, group: string, lines: TomlLines, skipped: SkippedEntries): DeclaredRequirement[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ManifestError(`${dotted(path)} must be an array of requirement strings`, lines.lineOf(path));
  const requirements: DeclaredRequirement[] = [];
  value.forEach((entry: unknown, i) => {
    const line = lines.lineOf([...path, i]);
    if (isTable(entry) && typeof own(entry, 'include-group') === 'string') return;
    const requirement = skipped.read(line, () => {
      if (typeof entry !== 'string') throw new ManifestError(`${dotted([...path, i])} must be a requirement string`, line);
      return declareRequirement(entry.replace(/^\s*-e\s+/, ''), { group, line });
    });
    if (requirement) requirements.push(requirement);
  });
  return requirements;
}

/** Every array in a table of named lists (optional-dependencies, dependency groups), each under its name. */
export function namedPep508Arrays(table: unknown, path: TomlPath, lines: TomlLines, skipped: SkippedEntries): DeclaredRequirement[] {
  if (table === undefined) return [];
  if (!isTable(table)) throw new ManifestError(`${dotted(path)} must be a table`, lines.lineOf(path));
  return Object.entries(table).flatMap(([name, list]) => pep508Array(list, [...path, name], name, lines, skipped));
}

/** A path as a message shows it: tool.poetry.source[0]. */
export function dotted(path: TomlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The tables of an array of tables under `parent`, each with its path and the line of its url. */
export function arrayOfTables(
  parent: Table | undefined,
  path: string[],
  lines: TomlLines,
): Array<{ table: Table; path: TomlPath; line: number | undefined }> {
  const value = own(parent, path.at(-1)!);
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ManifestError(`${path.join('.')} must be an array of tables`, lines.lineOf(path));
  return value.map((table: unknown, i) => {
    const line = lines.lineOf([...path, i, 'url']);
    if (!isTable(table)) throw new ManifestError(`${dotted([...path, i])} must be a table`, line);
    return { table, path: [...path, i], line };
  });
}

/** Sources (Pipfile `[[source]]`, PDM `[[tool.pdm.source]]`) with `verify_ssl = false`: their certificates go unchecked. */
export function unverifiedSources(sources: ReturnType<typeof arrayOfTables>, lines: TomlLines): UncheckedTransport[] {
  return sources
    .filter(({ table }) => own(table, 'verify_ssl') === false)
    .map(({ table, path, line }) => ({ setting: `verify_ssl = false for ${String(own(table, 'url') ?? own(table, 'name'))}`, line: lines.lineOf([...path, 'verify_ssl']) ?? line ?? 1 }));
}

/**
 * The source of a Poetry or Pipfile dependency table: `git` with a ref (the first of
 * `refKeys` present), an archive URL (`urlKey`; its file name may name the version), or `path`.
 */
export function tableSource(
  entry: Table,
  where: string,
  line: number | undefined,
  keys: { refKeys: string[]; urlKey: string },
): { source?: DirectSource; pinnedVersion?: string } {
  const git = optionalString(entry, 'git', where, line);
  if (git !== undefined) {
    const ref = keys.refKeys.map((key) => optionalString(entry, key, where, line)).find((r) => r !== undefined);
    return { source: ref === undefined ? { kind: 'vcs', url: git } : { kind: 'vcs', url: git, ref } };
  }
  const url = optionalString(entry, keys.urlKey, where, line);
  if (url !== undefined) {
    const reference = describeReference(url, !isUrl(url));
    return reference.version === undefined ? { source: reference.source } : { source: reference.source, pinnedVersion: reference.version };
  }
  const path = optionalString(entry, 'path', where, line);
  return path === undefined ? {} : { source: { kind: 'path', path } };
}
