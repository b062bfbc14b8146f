import { clean as cleanPep440, compare as comparePep440, valid as validPep440 } from '@renovatebot/pep440';
import semver from 'semver';
import { APK_ORDER, DPKG_ORDER } from './os-versions.js';

/** A total order over one ecosystem's version strings. */
export interface VersionOrder {
  /** False when the string is not a version in this order (it then cannot be placed in a range). */
  valid(version: string): boolean;
  /** Negative, zero or positive; both arguments must be valid. */
  compare(a: string, b: string): number;
  /** Equal for exactly the valid versions `compare` calls equal ("1.0" and "1.0.0" in PEP 440); undefined when invalid. */
  key(version: string): string | undefined;
}

/**
 * Matching one lockfile checks the same few thousand version strings again and again (every
 * advisory of a package lists its versions), so parse results are kept, up to a bound that
 * covers a whole advisory database without letting a hostile input grow the cache forever.
 */
function memo<T>(fn: (version: string) => T, limit = 200_000): (version: string) => T {
  const cache = new Map<string, T>();
  return (version) => {
    let value = cache.get(version);
    if (value === undefined && !cache.has(version)) {
      if (cache.size >= limit) cache.clear();
      value = fn(version);
      cache.set(version, value);
    }
    return value as T;
  };
}

/** PEP 440 release segments compare as if padded with zeros, so "1.0" == "1.0.0": drop trailing zeros from the key. */
function pep440Key(version: string): string | undefined {
  const cleaned = validPep440(version) === null ? null : cleanPep440(version);
  if (cleaned === null) return undefined;
  const m = /^(\d+!)?([\d.]+)(.*)$/.exec(cleaned);
  return m ? `${m[1] ?? ''}${m[2]!.replace(/(?:\.0+)+$/, '')}${m[3]}` : cleaned;
}

const PEP440: VersionOrder = {
  valid: memo((v) => validPep440(v) !== null),
  compare: comparePep440,
  key: memo(pep440Key),
};

/** SemVer 2.0 precedence; build metadata does not take part, so it is left out of the key too. */
export const SEMVER_ORDER: VersionOrder = {
  valid: memo((v) => semver.valid(v) !== null),
  compare: (a, b) => semver.compare(a, b),
  key: memo((v) => semver.parse(v)?.version),
};

/** Orders of the ecosystems pipewarden understands, keyed by OSV ecosystem name (without a distribution release). */
const ECOSYSTEM_ORDERS: Record<string, VersionOrder> = { PyPI: PEP440, npm: SEMVER_ORDER, Debian: DPKG_ORDER, Ubuntu: DPKG_ORDER, Alpine: APK_ORDER };

/**
 * The order a package's own versions follow, used for its `versions` list; undefined for an ecosystem pipewarden cannot order.
 * Distribution ecosystems carry their release after a colon ("Debian:12", "Alpine:v3.20"); the order is the same for all.
 */
export function ecosystemOrder(ecosystem: string): VersionOrder | undefined {
  const base = ecosystem.split(':')[0]!;
  return Object.hasOwn(ECOSYSTEM_ORDERS, base) ? ECOSYSTEM_ORDERS[base] : undefined;
}

/**
 * The order a range's events follow: SEMVER ranges are SemVer whatever the ecosystem, ECOSYSTEM
 * ranges follow the ecosystem, and GIT ranges (commit hashes) need a repository's commit graph,
 * which a lockfile does not give — they have no order here and are not evaluated.
 */
export function rangeOrder(rangeType: string, ecosystem: string): VersionOrder | undefined {
  if (rangeType === 'SEMVER') return SEMVER_ORDER;
  if (rangeType === 'ECOSYSTEM') return ecosystemOrder(ecosystem);
  return undefined;
}
