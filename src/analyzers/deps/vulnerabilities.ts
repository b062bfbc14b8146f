import fs from 'node:fs';
import type { Severity } from '../../core/finding.js';
import type { InventoryPackage } from './model.js';
import {
  dbStatus,
  findVulnerabilities,
  isStale,
  loadOsvDirectory,
  openLocalDb,
  queryOsvApi,
  type AdvisorySource,
  type SeverityBasis,
  type SourceDescription,
} from './osv/index.js';
import type { DepsSettings } from './settings.js';

/** What matching needs of a package: its OSV ecosystem ("PyPI", "Debian:12"), name and exact version when known. */
export interface MatchablePackage {
  ecosystem: string;
  name: string;
  version?: string;
}

/** One package version and one advisory group (aliases merged) that affects it. */
export interface VulnerablePackage<P extends MatchablePackage = InventoryPackage> {
  pkg: P;
  /** Every id of the group, CVE first. */
  ids: string[];
  summary: string;
  severity?: Severity;
  score?: number;
  basis?: string;
  fixed?: string;
  malicious: boolean;
  cwes: string[];
}

export interface VulnerabilityScan<P extends MatchablePackage = InventoryPackage> {
  vulnerable: VulnerablePackage<P>[];
  notices: string[];
  /** The advisory source used, when there was one (its counts say which ecosystems it covers). */
  source?: SourceDescription;
}

const BASIS_LABEL: Record<SeverityBasis, string> = {
  'cvss-v4': 'CVSS v4',
  'cvss-v3': 'CVSS v3',
  'cvss-v2': 'CVSS v2',
  'advisory-rating': 'rated by the advisory',
};

/**
 * Matches every package with a known version against advisories from the best source there is:
 * --osv-db, else the local database from `db update`, else the OSV API unless offline. With none,
 * it says so and the rest of the assessment goes on.
 */
export async function findVulnerable<P extends MatchablePackage = InventoryPackage>(
  inventory: { packages: readonly P[] },
  settings: DepsSettings,
  now: Date,
): Promise<VulnerabilityScan<P>> {
  const versioned = inventory.packages.filter((p): p is P & { version: string } => p.version !== undefined);
  const notices: string[] = [];
  const unversioned = inventory.packages.length - versioned.length;
  if (unversioned > 0) notices.push(`${unversioned} package(s) have no pinned or locked version and were not matched against advisories (pin them, commit a lockfile, or use --resolve)`);
  if (versioned.length === 0) return { vulnerable: [], notices };

  const opened = await openSource(versioned, settings, now);
  notices.push(...opened.notices);
  if (!opened.source) return { vulnerable: [], notices };
  const vulnerable = versioned.flatMap((pkg) =>
    findVulnerabilities(opened.source!, pkg.ecosystem, pkg.name, pkg.version).map(
      (group): VulnerablePackage<P> => ({
        pkg,
        ids: group.ids,
        summary: group.summary,
        severity: group.severity?.severity,
        score: group.severity?.score,
        basis: group.severity ? BASIS_LABEL[group.severity.basis] : undefined,
        fixed: group.fixed,
        malicious: group.malicious,
        cwes: group.cwes,
      }),
    ),
  );
  const source = opened.source.description;
  opened.close();
  return { vulnerable, notices, source };
}

async function openSource(
  packages: Array<{ ecosystem: string; name: string; version: string }>,
  settings: DepsSettings,
  now: Date,
): Promise<{ source?: AdvisorySource; notices: string[]; close: () => void }> {
  const none = () => {};
  if (settings.osvDb && fs.statSync(settings.osvDb).isDirectory()) {
    const { source, problems } = loadOsvDirectory(settings.osvDb);
    const notices = problems.length > 0 ? [`${problems.length} advisory file(s) in ${settings.osvDb} could not be read, e.g. ${problems[0]!.file}: ${problems[0]!.message}`] : [];
    return { source, notices, close: none };
  }
  const dbFile = settings.osvDb ?? (fs.existsSync(settings.localDbFile) ? settings.localDbFile : undefined);
  if (dbFile) {
    const status = dbStatus(dbFile, now);
    const source = openLocalDb(dbFile);
    const notices =
      status && isStale(status.ageDays, settings.maxDbAgeDays)
        ? [`the advisory database ${dbFile} is ${Math.floor(status.ageDays)} days old (over ${settings.maxDbAgeDays}): run \`pipewarden db update\``]
        : [];
    return { source, notices, close: () => source.close() };
  }
  if (settings.offline) {
    return { notices: ['no advisory database (run `pipewarden db update`, or pass --osv-db DIR) and offline: dependencies were not checked for known vulnerabilities'], close: none };
  }
  try {
    const source = await queryOsvApi({ baseUrl: settings.osvApiUrl, packages });
    return { source, notices: [`advisories were fetched from the OSV API (${settings.osvApiUrl}); \`pipewarden db update\` makes runs faster and offline-capable`], close: none };
  } catch (err) {
    return {
      notices: [`no advisory database and the OSV API could not be queried (${(err as Error).message}): dependencies were not checked for known vulnerabilities`],
      close: none,
    };
  }
}
