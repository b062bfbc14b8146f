import { normalizePackageName } from './names.js';
import type { OsvAdvisory } from './types.js';

export interface SourceDescription {
  kind: 'directory' | 'local-db' | 'osv-api';
  /** Directory, database file or API base URL. */
  location: string;
  /** When the data was built (local database only), ISO 8601. */
  builtAt?: string;
  /** Advisories per ecosystem. */
  counts: Record<string, number>;
}

/** Where advisories come from; the matcher only ever asks for one package's advisories at a time. */
export interface AdvisorySource {
  /** Every advisory with an `affected` entry for this package (name compared normalised); withdrawn ones included. */
  lookup(ecosystem: string, name: string): OsvAdvisory[];
  readonly description: SourceDescription;
}

function indexKey(ecosystem: string, name: string): string {
  return `${ecosystem}\u0000${normalizePackageName(ecosystem, name)}`;
}

/**
 * The packages an advisory is filed under: each (ecosystem, normalised name) of its `affected`
 * entries once, even when it lists a package in several entries.
 */
export function packagesOf(advisory: OsvAdvisory): Array<{ ecosystem: string; name: string }> {
  const seen = new Map<string, { ecosystem: string; name: string }>();
  for (const { package: pkg } of advisory.affected ?? []) {
    if (pkg) seen.set(indexKey(pkg.ecosystem, pkg.name), { ecosystem: pkg.ecosystem, name: normalizePackageName(pkg.ecosystem, pkg.name) });
  }
  return [...seen.values()];
}

/** Advisories held in memory, indexed by package. */
export function memorySource(advisories: readonly OsvAdvisory[], description: Omit<SourceDescription, 'counts'>): AdvisorySource {
  const index = new Map<string, OsvAdvisory[]>();
  for (const advisory of advisories) {
    for (const { ecosystem, name } of packagesOf(advisory)) {
      const key = indexKey(ecosystem, name);
      const list = index.get(key);
      if (list) list.push(advisory);
      else index.set(key, [advisory]);
    }
  }
  return {
    lookup: (ecosystem, name) => index.get(indexKey(ecosystem, name)) ?? [],
    description: { ...description, counts: countByEcosystem(advisories) },
  };
}

/** Advisories per ecosystem: each advisory counted once in every ecosystem it names. */
function countByEcosystem(advisories: Iterable<OsvAdvisory>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const advisory of advisories) {
    for (const ecosystem of new Set(packagesOf(advisory).map((p) => p.ecosystem))) counts[ecosystem] = (counts[ecosystem] ?? 0) + 1;
  }
  return counts;
}
