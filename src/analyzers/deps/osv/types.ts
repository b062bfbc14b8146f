/**
 * The parts of the OSV schema (https://ossf.github.io/osv-schema/) pipewarden reads, and a
 * structural check that every advisory passes before the matcher sees it.
 */

export interface OsvSeverityEntry {
  /** CVSS_V2, CVSS_V3, CVSS_V4, Ubuntu, … */
  type: string;
  /** A CVSS vector string for the CVSS types. */
  score: string;
}

/** Exactly one of the four keys is set in a valid event. */
export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  /** SEMVER, ECOSYSTEM or GIT. */
  type: string;
  repo?: string;
  events: OsvEvent[];
  database_specific?: Record<string, unknown>;
}

export interface OsvPackage {
  ecosystem: string;
  name: string;
  purl?: string;
}

export interface OsvAffected {
  package?: OsvPackage;
  severity?: OsvSeverityEntry[];
  ranges?: OsvRange[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export interface OsvReference {
  type: string;
  url: string;
}

export interface OsvAdvisory {
  id: string;
  modified?: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverityEntry[];
  affected?: OsvAffected[];
  references?: OsvReference[];
  /** GHSA records carry `severity: LOW | MODERATE | HIGH | CRITICAL` here. */
  database_specific?: Record<string, unknown>;
}

export const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;
export type EventKind = (typeof EVENT_KEYS)[number];

/**
 * Returns the value as an advisory when it has the shape the matcher relies on, or throws an
 * Error naming the first field that is wrong. Unknown fields are kept; known ones must have
 * their schema types, so a hostile or broken record cannot crash matching later.
 */
export function parseAdvisory(value: unknown): OsvAdvisory {
  if (!isObject(value)) throw new Error('not a JSON object');
  if (typeof value.id !== 'string' || value.id === '') throw new Error('no "id" string');
  for (const key of ['modified', 'published', 'withdrawn', 'summary', 'details'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') throw new Error(`"${key}" is not a string`);
  }
  for (const key of ['aliases', 'related'] as const) {
    if (value[key] !== undefined && !isStringArray(value[key])) throw new Error(`"${key}" is not a list of strings`);
  }
  checkSeverity(value.severity, 'severity');
  if (value.references !== undefined) {
    if (!Array.isArray(value.references) || !value.references.every((r) => isObject(r) && typeof r.url === 'string' && typeof r.type === 'string')) {
      throw new Error('"references" entries need "type" and "url" strings');
    }
  }
  if (value.database_specific !== undefined && !isObject(value.database_specific)) throw new Error('"database_specific" is not an object');
  if (value.affected !== undefined) {
    if (!Array.isArray(value.affected)) throw new Error('"affected" is not a list');
    value.affected.forEach((affected, i) => checkAffected(affected, `affected[${i}]`));
  }
  return value as unknown as OsvAdvisory;
}

function checkAffected(value: unknown, where: string): void {
  if (!isObject(value)) throw new Error(`${where} is not an object`);
  const pkg = value.package;
  if (pkg !== undefined && !(isObject(pkg) && typeof pkg.ecosystem === 'string' && typeof pkg.name === 'string')) {
    throw new Error(`${where}.package needs "ecosystem" and "name" strings`);
  }
  checkSeverity(value.severity, `${where}.severity`);
  if (value.versions !== undefined && !isStringArray(value.versions)) throw new Error(`${where}.versions is not a list of strings`);
  if (value.ranges === undefined) return;
  if (!Array.isArray(value.ranges)) throw new Error(`${where}.ranges is not a list`);
  value.ranges.forEach((range, r) => {
    const at = `${where}.ranges[${r}]`;
    if (!isObject(range) || typeof range.type !== 'string' || !Array.isArray(range.events)) throw new Error(`${at} needs a "type" string and an "events" list`);
    range.events.forEach((event, e) => {
      const keys = isObject(event) ? Object.keys(event).filter((k) => (EVENT_KEYS as readonly string[]).includes(k)) : [];
      if (keys.length !== 1 || typeof (event as Record<string, unknown>)[keys[0]!] !== 'string') {
        throw new Error(`${at}.events[${e}] must set exactly one of ${EVENT_KEYS.join(', ')} to a string`);
      }
    });
  });
}

function checkSeverity(value: unknown, where: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every((s) => isObject(s) && typeof s.type === 'string' && typeof s.score === 'string')) {
    throw new Error(`"${where}" entries need "type" and "score" strings`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
