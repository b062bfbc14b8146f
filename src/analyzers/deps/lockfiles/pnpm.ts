import type { DirectSource, ParsedLockfile } from '../model.js';
import { SkippedEntries } from '../skipped-entries.js';
import { assemble, type DeclaredRoots, type RawPackage } from './assemble.js';
import { Fields } from './fields.js';
import { descriptorName, npmSource } from './npm-refs.js';
import { pathSource, vcsSource } from './sources.js';
import { decodeYaml } from './yaml.js';

const EDGE_KEYS = ['dependencies', 'optionalDependencies'] as const;
/** A v6/v9 alias reference names its package: "string-width@4.2.3", "/@scope/x@1.0.0". */
const ALIAS_REFERENCE = /^\/?(?:@[^/@:]+\/)?[^@/:]+@/;

interface Identity {
  name: string;
  version: string;
}

/**
 * pnpm-lock.yaml, lockfileVersion 5.x, 6.x and 9.x.
 *
 * - Roots come from the importers (`importers['.']` and every workspace member, or the top level
 *   of a single-project v5/v6 lock): dependencies and optionalDependencies are production roots,
 *   devDependencies dev roots. Values are "1.6.8" (v5) or `{ specifier, version }` (v6+).
 * - Package keys: `/name/1.0.0_peer@1` (v5), `/name@1.0.0(peer@1)` (v6), `name@1.0.0(peer@1)` (v9);
 *   git and tarball packages carry their own `name` and `version` fields. Peer variants of one
 *   name@version become one package (assemble).
 * - v5/v6 mark dev-only packages with `dev: true` (`false` for production-only, absent for
 *   both). v9 dropped the flag and moved dependencies to `snapshots`; there a package is dev when
 *   only dev roots reach it.
 */
export function parsePnpmLock(text: string, file: string): ParsedLockfile {
  const yaml = decodeYaml(text, file);
  const root = Fields.of(yaml.data, file, 'pnpm-lock.yaml');
  const lockfileVersion = root.string('lockfileVersion');
  const major = Number.parseFloat(lockfileVersion);
  if (!(major >= 5)) root.fail(`lockfileVersion "${lockfileVersion}" is not supported (5.x, 6.x and 9.x are)`);
  const v5 = major < 6;
  const v9 = major >= 9;

  const packageLines = yaml.keyLines(['packages']);
  const byKey = new Map<string, Identity>();
  const raw: RawPackage[] = [];
  const skipped = new SkippedEntries();
  for (const [key, value] of root.entries('packages')) {
    skipped.read(packageLines.get(key), () => {
      const entry = Fields.of(value, file, `package "${key}"`, packageLines.get(key));
      const id = identity(key, entry, v5);
      raw.push({
        ...id,
        dependencies: edges(entry, v5),
        dev: v9 ? undefined : entry.flag('dev') === true,
        ...resolution(entry),
        line: packageLines.get(key),
      });
      byKey.set(withoutPeers(key), id);
    });
  }
  for (const [key, value] of root.entries('snapshots')) {
    skipped.read(undefined, () => {
      const entry = Fields.of(value, file, `snapshot "${key}"`);
      const id = byKey.get(withoutPeers(key)) ?? identity(key, entry, v5);
      raw.push({ ...id, dependencies: edges(entry, v5), hashes: [] });
    });
  }
  return { ...assemble('npm', 'pnpm-lock.yaml', raw, declaredRoots(root, v5)), skipped: skipped.entries };
}

function declaredRoots(root: Fields, v5: boolean): DeclaredRoots {
  const importers = root.fields('importers');
  const projects = importers ? Object.keys(importers.table).flatMap((path) => importers.fields(path) ?? []) : [root];
  const names = (keys: readonly string[]) => projects.flatMap((project) => keys.flatMap((key) => importerDependencies(project, key, v5)));
  return { prod: names(EDGE_KEYS), dev: names(['devDependencies']) };
}

/** An importer's dependency map: name → "1.6.8" (v5) or name → { specifier, version } (v6+). */
function importerDependencies(project: Fields, key: string, v5: boolean): string[] {
  const deps = project.fields(key);
  if (!deps) return [];
  return Object.entries(deps.table).map(([name, value]) => {
    const ref = typeof value === 'string' ? value : (deps.fields(name) ?? deps.fail(`"${name}" has no version`)).string('version');
    return target(name, ref, v5);
  });
}

/** The packages an entry depends on: its maps hold name → reference. */
function edges(entry: Fields, v5: boolean): string[] {
  return EDGE_KEYS.flatMap((key) => entry.stringMap(key).map(([name, ref]) => target(name, ref, v5)));
}

/** A reference is a version (naming the key's package), link:/file:, or an alias naming another package. */
function target(name: string, ref: string, v5: boolean): string {
  const alias = v5 ? ref.startsWith('/') : ALIAS_REFERENCE.test(ref);
  return (alias && parseKey(ref, v5)?.name) || name;
}

function identity(key: string, entry: Fields, v5: boolean): Identity {
  const parsed = parseKey(key, v5);
  const name = entry.optionalString('name') ?? parsed?.name ?? entry.fail('cannot tell the package name from the key');
  return { name, version: entry.optionalString('version') ?? parsed?.version ?? '' };
}

/** name and version from a package key; undefined for keys that are not name + version (git, tarballs). */
function parseKey(key: string, v5: boolean): Identity | undefined {
  const path = key.startsWith('/') ? key.slice(1) : key;
  if (v5) {
    const parts = path.split('/');
    const nameParts = parts[0]?.startsWith('@') ? 2 : 1;
    if (parts.length !== nameParts + 1) return undefined;
    return { name: parts.slice(0, nameParts).join('/'), version: parts[nameParts].split('_')[0] };
  }
  const base = withoutPeers(path);
  const name = descriptorName(base);
  return name ? { name, version: base.slice(name.length + 1) } : undefined;
}

/** v6 and v9 append the resolved peers in parentheses: "vitest@1.5.0(@types/node@20.12.7)". */
function withoutPeers(key: string): string {
  const paren = key.indexOf('(');
  return paren < 0 ? key : key.slice(0, paren);
}

/** `resolution: { integrity }`, `{ tarball }`, `{ type: git, repo, commit }` or `{ type: directory, directory }`. */
function resolution(entry: Fields): { hashes: string[]; source?: DirectSource } {
  const res = entry.fields('resolution');
  const hashes = (res?.optionalString('integrity') ?? '').split(/\s+/).filter(Boolean);
  const source = res && resolutionSource(res);
  return source ? { hashes, source } : { hashes };
}

function resolutionSource(res: Fields): DirectSource | undefined {
  const repo = res.optionalString('repo');
  if (res.optionalString('type') === 'git' && repo !== undefined) return vcsSource(repo, res.optionalString('commit'));
  const directory = res.optionalString('directory');
  if (directory !== undefined) return pathSource(directory);
  const tarball = res.optionalString('tarball');
  return tarball === undefined ? undefined : npmSource(tarball);
}
