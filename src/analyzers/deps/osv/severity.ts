import calc from 'ae-cvss-calculator';
import { severityRank, type Severity } from '../../../core/finding.js';
import { normalizePackageName } from './names.js';
import type { OsvAdvisory, OsvSeverityEntry } from './types.js';

export type SeverityBasis = 'cvss-v4' | 'cvss-v3' | 'cvss-v2' | 'advisory-rating';

export interface SeverityRating {
  severity: Severity;
  /** CVSS base score, when computed from a vector. */
  score?: number;
  vector?: string;
  basis: SeverityBasis;
}

/** CVSS v3.x/v4.0 qualitative ratings (v2 has no "critical", but its scores map the same way here). */
export function severityOfScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

/** GHSA's ratings in `database_specific.severity`. */
const ADVISORY_RATINGS: Record<string, Severity> = { CRITICAL: 'critical', HIGH: 'high', MODERATE: 'medium', MEDIUM: 'medium', LOW: 'low' };

/** Severity types in order of preference: the newest CVSS version describes the flaw best. */
const CVSS_TYPES = [
  { type: 'CVSS_V4', basis: 'cvss-v4' },
  { type: 'CVSS_V3', basis: 'cvss-v3' },
  { type: 'CVSS_V2', basis: 'cvss-v2' },
] as const;

/**
 * The advisory's severity for one package: from its CVSS vector (v4, else v3.1/3.0, else v2;
 * the package's own `affected[].severity` when the advisory sets one there, as the schema
 * allows instead of the top-level list), else the database's own rating (GHSA), else
 * undefined — an unrated advisory, which the caller presents as it sees fit.
 */
export function advisorySeverity(advisory: OsvAdvisory, ecosystem?: string, name?: string): SeverityRating | undefined {
  const entries = [...(advisory.severity ?? []), ...packageSeverities(advisory, ecosystem, name)];
  for (const { type, basis } of CVSS_TYPES) {
    for (const entry of entries.filter((e) => e.type === type)) {
      const score = cvssBaseScore(type, entry.score);
      if (score !== undefined) return { severity: severityOfScore(score), score, vector: entry.score, basis };
    }
  }
  const rating = advisory.database_specific?.severity;
  const severity = typeof rating === 'string' ? ADVISORY_RATINGS[rating.toUpperCase()] : undefined;
  return severity ? { severity, basis: 'advisory-rating' } : undefined;
}

function packageSeverities(advisory: OsvAdvisory, ecosystem?: string, name?: string): OsvSeverityEntry[] {
  if (ecosystem === undefined || name === undefined) return [];
  const wanted = normalizePackageName(ecosystem, name);
  return (advisory.affected ?? [])
    .filter((a) => a.package?.ecosystem === ecosystem && normalizePackageName(ecosystem, a.package.name) === wanted)
    .flatMap((a) => a.severity ?? []);
}

/**
 * The base score of a vector, or undefined when it is malformed (the calculator throws) or
 * lacks a base metric (the calculator would then score the missing metrics as 0).
 */
export function cvssBaseScore(type: string, vector: string): number | undefined {
  try {
    const v = vector.trim();
    const parsed =
      type === 'CVSS_V4' && v.startsWith('CVSS:4.0/')
        ? new calc.Cvss4P0(v)
        : type === 'CVSS_V3' && v.startsWith('CVSS:3.1/')
          ? new calc.Cvss3P1(v)
          : type === 'CVSS_V3' && v.startsWith('CVSS:3.0/')
            ? new calc.Cvss3P0(v)
            : type === 'CVSS_V2' && !v.startsWith('CVSS:')
              ? new calc.Cvss2(v.replace(/^\((.*)\)$/, '$1'))
              : undefined;
    if (!parsed?.isBaseFullyDefined()) return undefined;
    const base = parsed.calculateScores().base;
    return typeof base === 'number' && Number.isFinite(base) ? base : undefined;
  } catch {
    return undefined;
  }
}

/** Orders ratings worst first: by severity, then by score (an unscored rating ranks below a scored one of the same severity). */
export function compareRatings(a: SeverityRating, b: SeverityRating): number {
  return severityRank(b.severity) - severityRank(a.severity) || (b.score ?? -1) - (a.score ?? -1);
}
