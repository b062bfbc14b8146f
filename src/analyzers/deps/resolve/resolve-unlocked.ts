import { maxSatisfying, valid } from '@renovatebot/pep440';
import { parsePep508 } from '../manifests/pep508.js';
import { lockedScopes, purlOf, scopeKey, type BuiltInventory } from '../inventory.js';
import type { DependencyFacts, InventoryPackage } from '../model.js';
import type { DepsSettings } from '../settings.js';
import { LINUX_CPYTHON_311, markerHolds } from './markers.js';
import { PyPIIndex } from './pypi-index.js';

export interface Resolution {
  notices: string[];
  /** purl → yank reason ('' when the index gives none). */
  yanked: Map<string, string>;
}

interface Wanted {
  name: string;
  specifier: string;
  pinned?: string;
  extras: string[];
  path: string[];
}

/** Enough for the largest real pipelines; a runaway closure stops here and says so. */
const MAX_PACKAGES = 3000;
const PARALLEL = 8;

/**
 * Resolves the transitive closure of PyPI requirements that no lockfile covers, from the
 * index's metadata, and adds what it finds to the inventory as transitive packages. Like pip's
 * legacy resolver the first version chosen for a name stays (no backtracking); a later
 * requirement it does not satisfy is reported. Everything that could not be resolved is named.
 */
export async function resolveUnlocked(built: BuiltInventory, facts: Map<string, DependencyFacts>, settings: DepsSettings): Promise<Resolution> {
  if (settings.offline) return { notices: ['--resolve was ignored: offline mode allows no package index look-ups'], yanked: new Map() };
  const index = new PyPIIndex(settings.indexUrl);
  const chosen = new Map<string, { version: string; path: string[]; dependencies: Set<string> }>();
  const yanked = new Map<string, string>();
  const unresolved = built.inventory.unresolved;
  const conflicts: string[] = [];

  let frontier = rootsOf(facts);
  while (frontier.length > 0 && chosen.size < MAX_PACKAGES) {
    const next: Wanted[] = [];
    for (let i = 0; i < frontier.length; i += PARALLEL) {
      const batch = frontier.slice(i, i + PARALLEL).filter((w) => {
        if (!chosen.has(w.name)) return true;
        noteConflict(w, chosen.get(w.name)!.version, conflicts);
        return false;
      });
      const unique = [...new Map(batch.map((w) => [w.name, w])).values()];
      await Promise.all(
        unique.map(async (want) => {
          try {
            const project = await index.project(want.name);
            const version = pick(want, [...project.releases.keys()].filter((v) => !project.releases.get(v)!.yanked || v === want.pinned));
            if (!version) throw new Error(`no release matches ${want.specifier || 'any version'}`);
            const release = await index.release(want.name, version);
            const deps = release.requiresDist.flatMap((text) => dependencyOf(text, want));
            chosen.set(want.name, { version, path: want.path, dependencies: new Set(deps.map((d) => d.name)) });
            const status = project.releases.get(version);
            if (status?.yanked) yanked.set(purlOf('PyPI', want.name, version), status.reason);
            next.push(...deps);
          } catch (err) {
            unresolved.push({ name: want.name, reason: (err as Error).message });
          }
        }),
      );
    }
    frontier = next.filter((w) => !chosen.has(w.name));
  }
  addToInventory(built, chosen);
  const notices = [];
  if (unresolved.length > 0) {
    const names = unresolved.slice(0, 8).map((u) => `${u.name} (${u.reason})`);
    notices.push(`--resolve: ${unresolved.length} package(s) could not be resolved, so their dependencies are missing from the assessment: ${names.join('; ')}${unresolved.length > 8 ? '; …' : ''}`);
  }
  if (chosen.size >= MAX_PACKAGES) notices.push(`--resolve stopped at ${MAX_PACKAGES} packages; the rest of the closure is not assessed`);
  if (conflicts.length > 0) notices.push(`--resolve: conflicting requirements (first version kept): ${conflicts.slice(0, 5).join('; ')}`);
  return { notices, yanked };
}

function rootsOf(facts: Map<string, DependencyFacts>): Wanted[] {
  const locked = lockedScopes(facts);
  const roots: Wanted[] = [];
  for (const [file, fact] of facts) {
    if (fact.type !== 'manifest' || fact.ecosystem !== 'PyPI' || locked.has(scopeKey('PyPI', file))) continue;
    for (const r of fact.requirements) {
      if (r.source || (r.marker && !markerHolds(r.marker, LINUX_CPYTHON_311, []))) continue;
      roots.push({ name: r.name, specifier: r.specifier, pinned: r.pinnedVersion, extras: r.extras, path: [r.name] });
    }
  }
  return roots;
}

function pick(want: Wanted, versions: string[]): string | undefined {
  if (want.pinned) return versions.includes(want.pinned) ? want.pinned : undefined;
  const stable = versions.filter((v) => valid(v) && !/(a|b|rc|dev)\d*/i.test(v));
  return maxSatisfying(stable, want.specifier || '>=0') ?? undefined;
}

function dependencyOf(text: string, parent: Wanted): Wanted[] {
  try {
    const req = parsePep508(text);
    if (req.url || (req.marker && !markerHolds(req.marker, LINUX_CPYTHON_311, parent.extras))) return [];
    return [{ name: req.name, specifier: req.specifier, extras: req.extras, path: [...parent.path, req.name] }];
  } catch {
    return [];
  }
}

function noteConflict(want: Wanted, have: string, conflicts: string[]): void {
  if (want.specifier && !maxSatisfying([have], want.specifier)) conflicts.push(`${want.path.join(' → ')} wants ${want.specifier}, ${have} chosen`);
}

function addToInventory(built: BuiltInventory, chosen: Map<string, { version: string; path: string[]; dependencies: Set<string> }>): void {
  const packages = built.inventory.packages;
  for (const [name, choice] of chosen) {
    const purl = purlOf('PyPI', name, choice.version);
    const existing = packages.find((p) => p.ecosystem === 'PyPI' && p.name === name && (p.version === choice.version || p.version === undefined));
    if (existing) {
      // A range-only requirement gets the version the index resolves it to.
      if (existing.version === undefined) {
        const site = built.sites.get(existing.purl);
        built.sites.delete(existing.purl);
        existing.version = choice.version;
        existing.purl = purl;
        if (site) built.sites.set(purl, site);
      }
      existing.dependencies = [...new Set([...existing.dependencies, ...choice.dependencies])].sort();
      continue;
    }
    const rootSite = built.sites.get(packages.find((p) => p.name === choice.path[0])?.purl ?? '');
    const pkg: InventoryPackage = {
      ecosystem: 'PyPI',
      name,
      version: choice.version,
      purl,
      scope: 'transitive',
      dev: false,
      hashes: [],
      declaredIn: rootSite ? [rootSite.file] : [],
      paths: [choice.path],
      dependencies: [...choice.dependencies].sort(),
    };
    packages.push(pkg);
    if (rootSite) built.sites.set(purl, rootSite);
  }
}
