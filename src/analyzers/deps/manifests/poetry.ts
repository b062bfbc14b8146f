import type { DeclaredRequirement, PackageIndex } from '../model.js';
import { normalizePyPIName } from '../model.js';
import { excerpt, ManifestError } from './errors.js';
import type { SkippedEntries } from '../skipped-entries.js';
import { isVersion, leadingName } from './pep508.js';
import { checkedMarker, requirementOf } from './requirement.js';
import { isTable, optionalString, optionalStrings, own, type Table } from './shape.js';
import type { TomlLines } from './toml.js';
import { arrayOfTables, dotted, tableSource } from './toml-fields.js';

const POETRY = ['tool', 'poetry'];
/** Characters of Poetry constraints: versions, wildcards, ^ ~ comparisons, "," and "||". */
const CONSTRAINT = /^[A-Za-z0-9_.*+!<>=~^|,\s-]*$/;

/**
 * `[tool.poetry.dependencies]`: `python` is the interpreter, not a package. A dependency marked
 * `optional` is installed only through the extras of `[tool.poetry.extras]` that name it, so it
 * is recorded once per such extra (under group "optional" when no extra names it).
 */
export function poetryDependencies(poetry: Table, lines: TomlLines, skipped: SkippedEntries): DeclaredRequirement[] {
  const extrasOf = extrasByPackage(poetry, lines);
  return dependencyTable(poetry, ['dependencies'], lines, skipped, (requirement, optional) =>
    optional ? (extrasOf.get(requirement.name) ?? ['optional']) : ['main'],
  );
}

/** Legacy `[tool.poetry.dev-dependencies]` (group "dev") and `[tool.poetry.group.<name>.dependencies]`. */
export function poetryGroups(poetry: Table, lines: TomlLines, skipped: SkippedEntries): DeclaredRequirement[] {
  const requirements = dependencyTable(poetry, ['dev-dependencies'], lines, skipped, () => ['dev']);
  const groups = own(poetry, 'group');
  if (groups !== undefined && !isTable(groups)) throw new ManifestError('tool.poetry.group must be a table', lines.lineOf([...POETRY, 'group']));
  for (const name of Object.keys(groups ?? {})) {
    requirements.push(...dependencyTable(poetry, ['group', name, 'dependencies'], lines, skipped, () => [name]));
  }
  return requirements;
}

/** `[[tool.poetry.source]]`: a primary source (Poetry's default priority) replaces PyPI; the others sit beside it. */
export function poetrySources(poetry: Table, lines: TomlLines): PackageIndex[] {
  return arrayOfTables(poetry, [...POETRY, 'source'], lines).flatMap(({ table, path, line }) => {
    const url = optionalString(table, 'url', dotted(path), line);
    if (url === undefined) return [];
    // "default" (primary) and "secondary" (supplemental) are the spellings of Poetry before 1.5.
    const legacy = own(table, 'secondary') === true ? 'supplemental' : 'primary';
    const priority = own(table, 'priority') ?? legacy;
    return [{ url, kind: priority === 'primary' || priority === 'default' ? 'primary' : 'extra', line }];
  });
}

/**
 * Requirements of one Poetry dependency table; `groupsOf` says under which groups each is
 * recorded. An entry that does not read is left out and noted.
 */
function dependencyTable(
  poetry: Table,
  subPath: string[],
  lines: TomlLines,
  skipped: SkippedEntries,
  groupsOf: (requirement: DeclaredRequirement, optional: boolean) => string[],
): DeclaredRequirement[] {
  const path = [...POETRY, ...subPath];
  let table: unknown = poetry;
  for (const key of subPath) table = isTable(table) ? own(table, key) : undefined;
  if (table === undefined) return [];
  if (!isTable(table)) throw new ManifestError(`${dotted(path)} must be a table`, lines.lineOf(path));
  const requirements: DeclaredRequirement[] = [];
  for (const [name, value] of Object.entries(table)) {
    if (subPath[0] === 'dependencies' && name.toLowerCase() === 'python') continue;
    // A list holds alternative constraints, each for its own markers or Python versions.
    const entries = Array.isArray(value)
      ? value.map((alternative: unknown, i) => ({ value: alternative, path: [...path, name, i] }))
      : [{ value, path: [...path, name] }];
    for (const entry of entries) {
      const line = lines.lineOf(entry.path);
      const read = skipped.read(line, () => poetryEntry(name, entry.value, dotted(entry.path), line));
      if (!read) continue;
      const { requirement, optional } = read;
      for (const group of groupsOf(requirement, optional)) {
        requirements.push({ ...requirement, extras: [...requirement.extras], hashes: [...requirement.hashes], group });
      }
    }
  }
  return requirements;
}

/** One dependency: a constraint string ("^2.0", "2.0.1", "*") or a table with version, extras, markers and a source. */
function poetryEntry(
  rawName: string,
  value: unknown,
  where: string,
  line: number | undefined,
): { requirement: DeclaredRequirement; optional: boolean } {
  const name = leadingName(rawName);
  if (!name || name.end !== rawName.length) throw new ManifestError(`${excerpt(rawName)} is not a package name`);
  const base = { name: normalizePyPIName(rawName), group: 'main', line };
  if (typeof value === 'string') return { requirement: requirementOf({ ...base, ...constraint(value) }), optional: false };
  if (!isTable(value)) throw new ManifestError(`${where} must be a constraint string or a table`);
  const version = optionalString(value, 'version', where, line);
  const source = tableSource(value, where, line, { refKeys: ['tag', 'rev', 'branch'], urlKey: 'url' });
  const requirement = requirementOf({
    ...base,
    ...constraint(version ?? ''),
    ...source,
    extras: optionalStrings(value, 'extras', where, line).map(normalizePyPIName),
    marker: checkedMarker(optionalString(value, 'markers', where, line)),
  });
  return { requirement, optional: own(value, 'optional') === true };
}

/** Poetry's constraint as written ("*" is no constraint); a bare or `==` version is an exact pin. */
function constraint(text: string): { specifier: string; pinnedVersion?: string } {
  const specifier = text.trim() === '*' ? '' : text.trim();
  if (!CONSTRAINT.test(specifier)) throw new ManifestError(`${excerpt(specifier)} is not a version constraint`);
  const exact = specifier.replace(/^==?\s*/, '');
  return isVersion(exact) ? { specifier, pinnedVersion: exact } : { specifier };
}

/** `[tool.poetry.extras]`: for each (normalised) package, the extras that install it. */
function extrasByPackage(poetry: Table, lines: TomlLines): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  const extras = own(poetry, 'extras');
  if (extras === undefined) return byPackage;
  const path = [...POETRY, 'extras'];
  if (!isTable(extras)) throw new ManifestError('tool.poetry.extras must be a table', lines.lineOf(path));
  for (const extra of Object.keys(extras)) {
    for (const name of optionalStrings(extras, extra, dotted(path), lines.lineOf([...path, extra]))) {
      const key = normalizePyPIName(name);
      byPackage.set(key, [...(byPackage.get(key) ?? []), extra]);
    }
  }
  return byPackage;
}
