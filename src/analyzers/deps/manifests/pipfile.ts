import type { DeclaredRequirement, ParsedManifest } from '../model.js';
import { normalizePyPIName } from '../model.js';
import { excerpt, ManifestError } from './errors.js';
import { SkippedEntries } from '../skipped-entries.js';
import { exactPin, leadingName, parseSpecifier } from './pep508.js';
import { checkedMarker, requirementOf } from './requirement.js';
import { isTable, optionalString, optionalStrings, type Table } from './shape.js';
import { readToml } from './toml.js';
import { arrayOfTables, dotted, unverifiedSources, tableSource } from './toml-fields.js';

/** Top-level tables of a Pipfile that hold no packages; every other table is a package category. */
const NOT_CATEGORIES = new Set(['source', 'requires', 'pipenv', 'scripts']);
/** Marker variables Pipenv accepts as keys of a package table (`sys_platform = "== 'win32'"`). */
const MARKER_KEYS = [
  'os_name',
  'sys_platform',
  'platform_machine',
  'platform_python_implementation',
  'platform_release',
  'platform_system',
  'platform_version',
  'python_version',
  'python_full_version',
  'implementation_name',
  'implementation_version',
];

/**
 * Pipfile: `[packages]` (main), `[dev-packages]` (dev) and any other package category (Pipenv
 * lets projects add them; each is a group under its own name), plus `[[source]]` indexes of
 * which the first replaces PyPI and the others sit beside it.
 */
export function parsePipfile(text: string, _file: string): ParsedManifest {
  const { doc, lines } = readToml(text);
  const requirements: DeclaredRequirement[] = [];
  const skipped = new SkippedEntries();
  for (const [category, packages] of Object.entries(doc)) {
    if (NOT_CATEGORIES.has(category)) continue;
    if (!isTable(packages)) throw new ManifestError(`${category} must be a table of packages`, lines.lineOf([category]));
    const group = category === 'packages' ? 'main' : category === 'dev-packages' ? 'dev' : category;
    for (const [name, value] of Object.entries(packages)) {
      const line = lines.lineOf([category, name]);
      const requirement = skipped.read(line, () => pipfileEntry(name, value, `${category}.${name}`, { group, line }));
      if (requirement) requirements.push(requirement);
    }
  }
  const sources = arrayOfTables(doc, ['source'], lines);
  const indexes = sources.flatMap(({ table, path, line }, i) => {
    const url = optionalString(table, 'url', dotted(path), line);
    return url === undefined ? [] : [{ url, kind: i === 0 ? ('primary' as const) : ('extra' as const), line }];
  });
  return { type: 'manifest', ecosystem: 'PyPI', format: 'Pipfile', requirements, indexes, uncheckedTransport: unverifiedSources(sources, lines), includes: [], skipped: skipped.entries, isLibrary: false };
}

/** `name = "*"`, `name = "==1.0"` or a table with version, extras, markers and a git/path/file source. */
function pipfileEntry(rawName: string, value: unknown, where: string, place: { group: string; line: number | undefined }): DeclaredRequirement {
  const name = leadingName(rawName);
  if (!name || name.end !== rawName.length) throw new ManifestError(`${excerpt(rawName)} is not a package name`);
  const base = { ...place, name: normalizePyPIName(rawName) };
  if (typeof value === 'string') return requirementOf({ ...base, ...versionOf(value) });
  if (!isTable(value)) throw new ManifestError(`${where} must be a version string or a table`);
  const markers = [optionalString(value, 'markers', where, place.line), ...MARKER_KEYS.map((key) => markerFromKey(value, key, where, place.line))];
  const source = tableSource(value, where, place.line, { refKeys: ['ref'], urlKey: 'file' });
  return requirementOf({
    ...base,
    ...versionOf(optionalString(value, 'version', where, place.line) ?? ''),
    ...source,
    extras: optionalStrings(value, 'extras', where, place.line).map(normalizePyPIName),
    marker: checkedMarker(joinMarkers(markers.filter((m): m is string => m !== undefined && m.trim() !== ''))),
  });
}

/** A PEP 440 specifier; "*" (any version) is no specifier. */
function versionOf(text: string): { specifier: string; pinnedVersion?: string } {
  const specifier = text.trim() === '*' ? '' : parseSpecifier(text.trim(), text);
  const pinnedVersion = exactPin(specifier);
  return pinnedVersion === undefined ? { specifier } : { specifier, pinnedVersion };
}

/** `sys_platform = "== 'win32'"` → `sys_platform == 'win32'`. */
function markerFromKey(entry: Table, key: string, where: string, line: number | undefined): string | undefined {
  const condition = optionalString(entry, key, where, line);
  return condition === undefined ? undefined : `${key} ${condition.trim()}`;
}

function joinMarkers(markers: string[]): string | undefined {
  if (markers.length <= 1) return markers[0];
  return markers.map((m) => `(${m})`).join(' and ');
}
