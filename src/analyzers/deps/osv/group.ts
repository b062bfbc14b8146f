/**
 * One vulnerability is often published by several databases (a CVE, its GHSA, a PYSEC record),
 * each naming the others in `aliases`. The schema makes aliases symmetric and transitive, so
 * the advisories matching a package version are merged into groups — connected components of
 * the alias graph — and each group is reported once.
 */
import { affectedVersions, smallestFixedAtOrAbove } from './match.js';
import { advisorySeverity, compareRatings, type SeverityRating } from './severity.js';
import type { AdvisorySource } from './source.js';
import type { OsvAdvisory, OsvReference } from './types.js';

export interface AdvisoryGroup {
  /** Every id of the vulnerability (the records' ids and all their aliases): CVE first, then GHSA, PYSEC, others. */
  ids: string[];
  /** Ids of the advisory records that matched, in the same order (a subset of `ids`). */
  records: string[];
  /** One line: a record's `summary`, else the first sentence of its `details` (PYSEC records have only details). */
  summary: string;
  details?: string;
  /** The worst rating among the records; undefined when none is rated. */
  severity?: SeverityRating;
  /** The smallest version at or above the installed one that no record of the group calls affected. */
  fixed?: string;
  /** The records' references, each URL once. */
  references: OsvReference[];
  /** CWE ids the records carry (GHSA's `database_specific.cwe_ids`), sorted. */
  cwes: string[];
  /** An id starts with MAL-: the OpenSSF malicious-packages database, so the package itself is malware. */
  malicious: boolean;
}

const ID_PREFIX_ORDER = ['CVE-', 'GHSA-', 'PYSEC-'];
const collator = new Intl.Collator('en', { numeric: true });

/** CVE first (the id most tools and people know), then GHSA, PYSEC, the rest; numerically within a prefix. */
export function compareIds(a: string, b: string): number {
  const rank = (id: string) => {
    const i = ID_PREFIX_ORDER.findIndex((p) => id.startsWith(p));
    return i === -1 ? ID_PREFIX_ORDER.length : i;
  };
  return rank(a) - rank(b) || collator.compare(a, b);
}

/** Union-find over ids, with path halving: a chain of aliases of any length costs near-constant time per id. */
class IdSets {
  private readonly parent = new Map<string, string>();

  find(id: string): string {
    let node = id;
    if (!this.parent.has(node)) this.parent.set(node, node);
    while (this.parent.get(node) !== node) {
      const grand = this.parent.get(this.parent.get(node)!)!;
      this.parent.set(node, grand);
      node = grand;
    }
    return node;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }

  members(): Map<string, string[]> {
    const sets = new Map<string, string[]>();
    for (const id of this.parent.keys()) {
      const root = this.find(id);
      const set = sets.get(root);
      if (set) set.push(id);
      else sets.set(root, [id]);
    }
    return sets;
  }
}

/**
 * Merges advisories that all affect `version` of one package into alias groups, worst first
 * (unrated groups last). The package is needed for the fixed version and for a severity the
 * advisory gives per package.
 */
export function groupAdvisories(advisories: readonly OsvAdvisory[], ecosystem: string, name: string, version: string): AdvisoryGroup[] {
  const sets = new IdSets();
  const byId = new Map<string, OsvAdvisory>();
  for (const advisory of advisories) {
    byId.set(advisory.id, advisory);
    sets.find(advisory.id);
    for (const alias of advisory.aliases ?? []) sets.union(advisory.id, alias);
  }
  const groups = [...sets.members().values()].map((ids) => {
    ids.sort(compareIds);
    const records = ids.filter((id) => byId.has(id));
    const members = records.map((id) => byId.get(id)!);
    const ratings = members.map((m) => advisorySeverity(m, ecosystem, name)).filter((r): r is SeverityRating => r !== undefined);
    const described = members.find((m) => m.summary?.trim()) ?? members.find((m) => m.details?.trim());
    const group: AdvisoryGroup = {
      ids,
      records,
      summary: described?.summary?.trim() || firstSentence(described?.details ?? '') || 'no description given',
      details: members.find((m) => m.details?.trim())?.details,
      severity: ratings.sort(compareRatings)[0],
      fixed: smallestFixedAtOrAbove(members, ecosystem, name, version),
      references: uniqueReferences(members),
      cwes: [...new Set(members.flatMap(cweIds))].sort(collator.compare),
      malicious: ids.some((id) => id.startsWith('MAL-')),
    };
    return group;
  });
  return groups.sort((a, b) => compareGroupSeverity(a, b) || compareIds(a.ids[0]!, b.ids[0]!));
}

/** The advisories of `source` that affect this package version, merged into alias groups. */
export function findVulnerabilities(source: AdvisorySource, ecosystem: string, name: string, version: string): AdvisoryGroup[] {
  const affecting = source.lookup(ecosystem, name).filter((a) => affectedVersions(a, ecosystem, name, version));
  return affecting.length === 0 ? [] : groupAdvisories(affecting, ecosystem, name, version);
}

function compareGroupSeverity(a: AdvisoryGroup, b: AdvisoryGroup): number {
  if (a.severity && b.severity) return compareRatings(a.severity, b.severity);
  return (a.severity ? 0 : 1) - (b.severity ? 0 : 1);
}

/** The first sentence (or line) of markdown details, kept to one display line. */
function firstSentence(details: string): string {
  const text = details.trim().split(/\n\s*\n/)[0]!.replace(/\s+/g, ' ');
  const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length > 200 ? `${sentence.slice(0, 199).trimEnd()}…` : sentence;
}

function uniqueReferences(members: OsvAdvisory[]): OsvReference[] {
  const seen = new Set<string>();
  return members.flatMap((m) => m.references ?? []).filter((r) => !seen.has(r.url) && seen.add(r.url));
}

function cweIds(advisory: OsvAdvisory): string[] {
  const ids = advisory.database_specific?.cwe_ids;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string' && /^CWE-\d+$/.test(id)) : [];
}
