import path from 'node:path';
import { PackageURL } from 'packageurl-js';
import type { DependencyFacts, DependencyInventory, Ecosystem, InventoryPackage, ParsedLockfile, ParsedManifest } from './model.js';

/** Where a package is declared or locked: the place a finding about it points at. */
export interface PackageSite {
  file: string;
  line: number;
}

export interface BuiltInventory {
  inventory: DependencyInventory;
  /** First declaration of each package, by purl. */
  sites: Map<string, PackageSite>;
}

const MAX_PATHS = 3;

interface Occurrence {
  ecosystem: Ecosystem;
  name: string;
  version: string | undefined;
  direct: boolean;
  dev: boolean;
  hashes: string[];
  file: string;
  line: number;
  path: string[];
  dependencies: string[];
}

/**
 * Merges every manifest and lockfile into one inventory. A lockfile speaks for the manifests of
 * its ecosystem in the same directory (it holds their resolved versions and the transitive tree);
 * a manifest with no lockfile beside it contributes its requirements as direct packages, with a
 * version only where it pins one.
 */
export function buildInventory(facts: Map<string, DependencyFacts>): BuiltInventory {
  const occurrences: Occurrence[] = [];
  const locked = lockedScopes(facts);
  for (const [file, fact] of sorted(facts)) {
    if (fact.type === 'lockfile') occurrences.push(...lockfileOccurrences(file, fact));
  }
  for (const [file, fact] of sorted(facts)) {
    if (fact.type === 'manifest' && !locked.has(scopeKey(fact.ecosystem, file))) occurrences.push(...manifestOccurrences(file, fact));
  }
  return merge(occurrences);
}

function lockfileOccurrences(file: string, lock: ParsedLockfile): Occurrence[] {
  const roots = new Set([...lock.roots, ...lock.packages.filter((p) => p.direct).map((p) => p.name)]);
  const paths = shortestPaths(lock, roots);
  return lock.packages.map((p) => ({
    ecosystem: lock.ecosystem,
    name: p.name,
    version: p.version,
    direct: roots.has(p.name),
    dev: p.dev,
    hashes: p.hashes,
    file,
    line: p.line ?? 1,
    path: paths.get(p.name) ?? [p.name],
    dependencies: p.dependencies,
  }));
}

function manifestOccurrences(file: string, manifest: ParsedManifest): Occurrence[] {
  return manifest.requirements.map((r) => ({
    ecosystem: manifest.ecosystem,
    name: r.name,
    version: r.pinnedVersion,
    direct: true,
    dev: r.group === 'dev',
    hashes: r.hashes,
    file,
    line: r.line ?? 1,
    path: [r.name],
    dependencies: [],
  }));
}

/** Breadth-first from the roots: the first path that reaches a package is a shortest one. */
function shortestPaths(lock: ParsedLockfile, roots: Set<string>): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const p of lock.packages) edges.set(p.name, [...(edges.get(p.name) ?? []), ...p.dependencies]);
  const paths = new Map<string, string[]>();
  const queue: string[] = [];
  for (const root of [...roots].sort()) {
    paths.set(root, [root]);
    queue.push(root);
  }
  for (let i = 0; i < queue.length; i++) {
    const name = queue[i]!;
    for (const dep of edges.get(name) ?? []) {
      if (paths.has(dep)) continue;
      paths.set(dep, [...paths.get(name)!, dep]);
      queue.push(dep);
    }
  }
  return paths;
}

function merge(occurrences: Occurrence[]): BuiltInventory {
  const packages = new Map<string, InventoryPackage>();
  const sites = new Map<string, PackageSite>();
  for (const o of occurrences) {
    const purl = purlOf(o.ecosystem, o.name, o.version);
    const existing = packages.get(purl);
    if (!existing) {
      packages.set(purl, {
        ecosystem: o.ecosystem,
        name: o.name,
        version: o.version,
        purl,
        scope: o.direct ? 'direct' : 'transitive',
        dev: o.dev,
        hashes: [...new Set(o.hashes)],
        declaredIn: [o.file],
        paths: [o.path],
        dependencies: [...new Set(o.dependencies)].sort(),
      });
      sites.set(purl, { file: o.file, line: o.line });
      continue;
    }
    if (o.direct) existing.scope = 'direct';
    existing.dev &&= o.dev;
    existing.hashes = [...new Set([...existing.hashes, ...o.hashes])];
    if (!existing.declaredIn.includes(o.file)) existing.declaredIn.push(o.file);
    if (!existing.paths.some((p) => p.join('\u0000') === o.path.join('\u0000'))) {
      existing.paths = [...existing.paths, o.path].sort((a, b) => a.length - b.length).slice(0, MAX_PATHS);
    }
    existing.dependencies = [...new Set([...existing.dependencies, ...o.dependencies])].sort();
  }
  const list = [...packages.values()].sort((a, b) => a.ecosystem.localeCompare(b.ecosystem) || a.name.localeCompare(b.name) || (a.version ?? '').localeCompare(b.version ?? ''));
  return { inventory: { packages: list, unresolved: [] }, sites };
}

export function purlOf(ecosystem: Ecosystem, name: string, version: string | undefined): string {
  const type = ecosystem === 'PyPI' ? 'pypi' : 'npm';
  const [namespace, bare] = ecosystem === 'npm' && name.startsWith('@') ? splitScope(name) : [undefined, name];
  return new PackageURL(type, namespace, bare, version, undefined, undefined).toString();
}

function splitScope(name: string): [string, string] {
  const slash = name.indexOf('/');
  return [name.slice(0, slash), name.slice(slash + 1)];
}

/** The ecosystems and directories a lockfile speaks for (keys of `scopeKey`). */
export function lockedScopes(facts: Map<string, DependencyFacts>): Set<string> {
  return new Set([...facts].flatMap(([file, fact]) => (fact.type === 'lockfile' ? [scopeKey(fact.ecosystem, file)] : [])));
}

/** A manifest's or lockfile's ecosystem and directory: a lockfile speaks for the manifests of the same scope. */
export function scopeKey(ecosystem: Ecosystem, file: string): string {
  return `${ecosystem}\u0000${path.posix.dirname(file)}`;
}

function sorted<T>(map: Map<string, T>): Array<[string, T]> {
  return [...map].sort(([a], [b]) => a.localeCompare(b));
}
