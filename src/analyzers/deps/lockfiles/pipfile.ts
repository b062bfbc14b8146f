import { normalizePyPIName, type DirectSource, type ParsedLockfile } from '../model.js';
import { SkippedEntries } from '../skipped-entries.js';
import { assemble, type RawPackage } from './assemble.js';
import { Fields } from './fields.js';
import { decodeJson, jsonMemberLines } from './json.js';
import { pathSource, urlSource, vcsSource } from './sources.js';

const SECTIONS = ['default', 'develop'] as const;
const VCS_KEYS = ['git', 'hg', 'svn', 'bzr'] as const;

/**
 * Pipfile.lock (pipfile-spec 6). It is flat: transitive packages sit beside direct ones and no
 * entry says what it depends on. So every entry is a root with no dependencies — the lock cannot
 * tell more, and the Pipfile beside it says which names were asked for. A package in both
 * sections is kept once, as not dev.
 */
export function parsePipfileLock(text: string, file: string): ParsedLockfile {
  const root = Fields.of(decodeJson(text, file), file, 'Pipfile.lock');
  const lines = jsonMemberLines(text, SECTIONS);
  const raw: RawPackage[] = [];
  const skipped = new SkippedEntries();
  for (const section of SECTIONS) {
    for (const [key, value] of root.entries(section)) {
      const line = lines.get(section)?.get(key);
      const read = skipped.read(line, (): RawPackage => {
        const entry = Fields.of(value, file, `${section} "${key}"`, line);
        return {
          name: normalizePyPIName(key),
          // "==2.31.0" (or "===…"); VCS and path entries carry no version.
          version: (entry.optionalString('version') ?? '').replace(/^===?/, ''),
          dependencies: [],
          dev: section === 'develop',
          hashes: entry.strings('hashes'),
          source: source(entry),
          line,
        };
      });
      if (read) raw.push(read);
    }
  }
  const namesOf = (dev: boolean) => raw.filter((p) => p.dev === dev).map((p) => p.name);
  return { ...assemble('PyPI', 'Pipfile.lock', raw, { prod: namesOf(false), dev: namesOf(true) }), skipped: skipped.entries };
}

function source(entry: Fields): DirectSource | undefined {
  for (const key of VCS_KEYS) {
    const url = entry.optionalString(key);
    if (url !== undefined) return vcsSource(url, entry.optionalString('ref'));
  }
  const path = entry.optionalString('path');
  if (path !== undefined) return pathSource(path);
  const url = entry.optionalString('file');
  return url === undefined ? undefined : urlSource(url);
}
