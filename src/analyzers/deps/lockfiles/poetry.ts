import { normalizePyPIName, type DirectSource, type ParsedLockfile } from '../model.js';
import { SkippedEntries } from '../skipped-entries.js';
import { assemble, type RawPackage } from './assemble.js';
import type { Fields } from './fields.js';
import { fileHashes, legacyFileHashes, readPackageTables } from './python-lock.js';
import { pathSource, urlSource, vcsSource } from './sources.js';

/**
 * poetry.lock, every lock-version: 1.1 (`category`, hashes under `[metadata.files]`), 2.0
 * (`files` per package, no group information) and 2.1 (`groups`).
 *
 * Poetry does not record the project's own requirements, so roots are derived (see assemble).
 * Taking the pyproject's declared names as a second input was considered and left out: the
 * inventory already merges the pyproject manifest, which knows the direct names exactly.
 */
export function parsePoetryLock(text: string, file: string): ParsedLockfile {
  const skipped = new SkippedEntries();
  const { root, packages } = readPackageTables(text, file, skipped);
  const legacy = legacyFileHashes(root);
  const raw = packages.flatMap(({ fields, name, version, line }) =>
    skipped.read(line, (): RawPackage => ({
      name,
      version,
      // Table values ({ version, markers, optional }) and lists of them (one per marker) alike:
      // the key is the dependency. Optional ones count only if the lock holds them (assemble).
      dependencies: fields.entries('dependencies').map(([name]) => normalizePyPIName(name)),
      dev: isDev(fields),
      hashes: [...fileHashes(fields.tables('files')), ...(legacy.get(name) ?? [])],
      source: source(fields),
      line,
    })) ?? [],
  );
  return { ...assemble('PyPI', 'poetry.lock', raw), skipped: skipped.entries };
}

/** lock 1.1 says `category = "dev"`; 2.1 lists `groups`, dev when "main" is not among them; 2.0 says nothing. */
function isDev(fields: Fields): boolean | undefined {
  const category = fields.optionalString('category');
  if (category !== undefined) return category === 'dev';
  return fields.has('groups') ? !fields.strings('groups').includes('main') : undefined;
}

/** `[package.source]`; type "legacy" (or any other) is a package index, not a direct source. */
function source(fields: Fields): DirectSource | undefined {
  const src = fields.fields('source');
  if (!src) return undefined;
  const url = src.optionalString('url');
  if (url === undefined) return undefined;
  switch (src.optionalString('type')) {
    case 'git':
      return vcsSource(url, src.optionalString('resolved_reference') ?? src.optionalString('reference'));
    case 'url':
      return urlSource(url);
    case 'directory':
    case 'file':
      return pathSource(url);
    default:
      return undefined;
  }
}
