import { normalizePyPIName, type DirectSource, type ParsedLockfile } from '../model.js';
import { SkippedEntries } from '../skipped-entries.js';
import { assemble, type RawPackage } from './assemble.js';
import type { Fields } from './fields.js';
import { fileHashes, legacyFileHashes, readPackageTables } from './python-lock.js';
import { pathSource, urlSource, vcsSource } from './sources.js';

/** A PEP 508 requirement starts with the distribution name: "MarkupSafe>=2.0", "pandas[parquet]>=2; python_version>='3.9'". */
const REQUIREMENT_NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/;

/**
 * pdm.lock (lock_version 4.x; 3.x hashes under `[metadata.files]` keyed "name version").
 *
 * pdm does not record the project's own requirements, so roots are derived (see assemble).
 * A package is dev when its `groups` (lock 4.4+) leave out "default". pdm names optional-dependency
 * groups and dev groups alike, so a package only an extra needs also counts as dev; `[metadata]
 * groups` lists the group names without saying which kind either. Extras get their own
 * `[[package]]` entry with the same name and version; assemble merges them.
 */
export function parsePdmLock(text: string, file: string): ParsedLockfile {
  const skipped = new SkippedEntries();
  const { root, packages } = readPackageTables(text, file, skipped);
  const legacy = legacyFileHashes(root);
  const raw = packages.flatMap(({ fields, name, version, line }) =>
    skipped.read(line, (): RawPackage => ({
      name,
      version,
      dependencies: fields.strings('dependencies').map((req) => {
        const match = REQUIREMENT_NAME.exec(req);
        return match ? normalizePyPIName(match[1]) : fields.fail(`dependency "${req}" does not start with a package name`);
      }),
      dev: fields.has('groups') ? !fields.strings('groups').includes('default') : undefined,
      hashes: [...fileHashes(fields.tables('files')), ...(legacy.get(`${name} ${version}`) ?? [])],
      source: source(fields),
      line,
    })) ?? [],
  );
  return { ...assemble('PyPI', 'pdm.lock', raw), skipped: skipped.entries };
}

/** pdm keeps the source in the package table: git (+ the resolved revision), url, or path. */
function source(fields: Fields): DirectSource | undefined {
  const git = fields.optionalString('git');
  if (git !== undefined) return vcsSource(git, fields.optionalString('revision') ?? fields.optionalString('ref'));
  const url = fields.optionalString('url');
  if (url !== undefined) return urlSource(url);
  const path = fields.optionalString('path');
  return path === undefined ? undefined : pathSource(path);
}
