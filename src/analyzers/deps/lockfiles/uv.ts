import { normalizePyPIName, type DirectSource, type ParsedLockfile } from '../model.js';
import { assemble, type DeclaredRoots, type RawPackage } from './assemble.js';
import type { Fields } from './fields.js';
import { fileHashes, readPackageTables } from './python-lock.js';
import { SkippedEntries } from '../skipped-entries.js';
import { pathSource, urlSource, vcsSource } from './sources.js';

const LOCAL_SOURCE_KEYS = ['path', 'directory', 'editable', 'virtual'] as const;

/**
 * uv.lock (version 1). The project is the package whose source is `{ editable = "." }` or
 * `{ virtual = "." }`: its dependencies and optional dependencies are the production roots,
 * its dev-dependencies (dependency groups) the dev roots, and it is not itself a package of the
 * inventory. uv says nothing else about dev, so a package is dev when only dev roots reach it.
 * Other workspace members (editable or virtual sources elsewhere) are roots too (see
 * DeclaredRoots). Without a project entry the roots are derived.
 */
export function parseUvLock(text: string, file: string): ParsedLockfile {
  const skipped = new SkippedEntries();
  const { packages } = readPackageTables(text, file, skipped);
  let declared: DeclaredRoots | undefined;
  const members: string[] = [];
  const raw: RawPackage[] = [];
  for (const { fields, name, version, line } of packages) {
    skipped.read(line, () => {
      const dependencies = [...dependencyNames(fields.tables('dependencies')), ...groupMembers(fields, 'optional-dependencies')];
      const src = fields.fields('source');
      if (isProject(src)) {
        declared = { prod: dependencies, dev: groupMembers(fields, 'dev-dependencies') };
        return;
      }
      if (src?.has('editable') || src?.has('virtual')) members.push(name);
      const sdist = fields.fields('sdist')?.optionalString('hash');
      raw.push({
        name,
        version,
        dependencies,
        hashes: [...(sdist === undefined ? [] : [sdist]), ...fileHashes(fields.tables('wheels'))],
        source: source(src),
        line,
      });
    });
  }
  const roots = declared && { ...declared, prod: [...declared.prod, ...members] };
  return { ...assemble('PyPI', 'uv.lock', raw, roots), skipped: skipped.entries };
}

function isProject(src: Fields | undefined): boolean {
  return src?.optionalString('editable') === '.' || src?.optionalString('virtual') === '.';
}

function dependencyNames(deps: Fields[]): string[] {
  return deps.map((d) => normalizePyPIName(d.string('name')));
}

/** Members of every group of a `{ group = [{ name = … }] }` table (optional-dependencies, dev-dependencies). */
function groupMembers(fields: Fields, key: string): string[] {
  const groups = fields.fields(key);
  return groups ? Object.keys(groups.table).flatMap((group) => dependencyNames(groups.tables(group))) : [];
}

/** `{ registry = … }` is the index; git, url and the local kinds are direct sources. */
function source(src: Fields | undefined): DirectSource | undefined {
  if (!src) return undefined;
  const git = src.optionalString('git');
  if (git !== undefined) return gitSource(git);
  const url = src.optionalString('url');
  if (url !== undefined) return urlSource(url);
  for (const key of LOCAL_SOURCE_KEYS) {
    const path = src.optionalString(key);
    if (path !== undefined) return pathSource(path);
  }
  return undefined;
}

/** uv writes `https://github.com/org/repo?rev=v1#<commit>`: the commit is the ref; the asked-for rev stands in without one. */
function gitSource(value: string): DirectSource {
  const [beforeFragment = '', commit] = value.split('#', 2);
  const [url = '', query = ''] = beforeFragment.split('?', 2);
  const asked = /(?:^|&)(?:rev|tag|branch)=([^&]*)/.exec(query)?.[1];
  return vcsSource(url, commit || asked);
}
