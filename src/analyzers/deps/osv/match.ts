/**
 * Whether a package version is affected by an OSV advisory, following the schema's evaluation
 * algorithm (https://ossf.github.io/osv-schema/#evaluation): a version is affected when the
 * advisory's `versions` list names it or it lies in one of its SEMVER/ECOSYSTEM ranges.
 */
import { normalizePackageName } from './names.js';
import { EVENT_KEYS, type EventKind, type OsvAdvisory, type OsvAffected, type OsvRange } from './types.js';
import { ecosystemOrder, rangeOrder, SEMVER_ORDER, type VersionOrder } from './versions.js';

interface PlacedEvent {
  kind: EventKind;
  version: string;
  /** -1 for `introduced: "0"` (before every version), 1 for a `limit` containing "*" (after every version). */
  extreme: -1 | 0 | 1;
}

/** The `affected` entries of the advisory that name this package (ecosystem equal, name normalised). */
function entriesFor(advisory: OsvAdvisory, ecosystem: string, name: string): OsvAffected[] {
  const wanted = normalizePackageName(ecosystem, name);
  return (advisory.affected ?? []).filter((a) => a.package?.ecosystem === ecosystem && normalizePackageName(ecosystem, a.package.name) === wanted);
}

/**
 * True when `version` of the package is affected. Withdrawn advisories affect nothing. GIT
 * ranges are skipped (they need the commit graph), and so is a range whose bounds do not parse
 * in its order (e.g. a date as `fixed`): it cannot be placed, so only the `versions` list
 * speaks for it.
 */
export function affectedVersions(advisory: OsvAdvisory, ecosystem: string, name: string, version: string): boolean {
  if (advisory.withdrawn !== undefined) return false;
  return entriesFor(advisory, ecosystem, name).some(
    (entry) => listed(entry.versions ?? [], ecosystem, version) || (entry.ranges ?? []).some((range) => inRange(range, ecosystem, version)),
  );
}

/**
 * An exact entry of the `versions` list counts whatever the ranges say. Version strings in
 * advisories may be normalised ("1.0.0rc1" for "1.0.0-rc1"), so two strings the ecosystem's
 * order calls equal match too.
 */
function listed(versions: string[], ecosystem: string, version: string): boolean {
  if (versions.includes(version)) return true;
  const order = ecosystemOrder(ecosystem);
  const key = order?.key(version);
  return key !== undefined && versions.some((v) => order!.key(v) === key);
}

function inRange(range: OsvRange, ecosystem: string, version: string): boolean {
  const order = rangeOrder(range.type, ecosystem);
  if (!order?.valid(version)) return false;
  const events = sortedEvents(range, order);
  if (!events || !beforeLimits(events, order, version)) return false;
  let vulnerable = false;
  for (const event of events) {
    const cmp = compareToEvent(order, version, event);
    if (event.kind === 'introduced' && cmp >= 0) vulnerable = true;
    else if (event.kind === 'fixed' && cmp >= 0) vulnerable = false;
    else if (event.kind === 'last_affected' && cmp > 0) vulnerable = false;
  }
  return vulnerable;
}

/** No `limit` events means an implicit `limit: "*"`; otherwise the version must be below at least one limit. */
function beforeLimits(events: PlacedEvent[], order: VersionOrder, version: string): boolean {
  const limits = events.filter((e) => e.kind === 'limit');
  return limits.length === 0 || limits.some((limit) => compareToEvent(order, version, limit) < 0);
}

/**
 * The range's events in version order, or undefined when a bound is not a version in `order`.
 * The sort is stable, so events at the same version keep the order the advisory wrote them in
 * (`fixed: 1.0` then `introduced: 1.0` re-opens the range at 1.0, as its author meant).
 */
function sortedEvents(range: OsvRange, order: VersionOrder): PlacedEvent[] | undefined {
  const events: PlacedEvent[] = [];
  for (const event of range.events) {
    // parseAdvisory let through only events with exactly one of the four keys.
    const kind = EVENT_KEYS.find((k) => event[k] !== undefined)!;
    const version = event[kind]!;
    const extreme = kind === 'introduced' && version === '0' ? -1 : kind === 'limit' && version.includes('*') ? 1 : 0;
    if (extreme === 0 && !order.valid(version)) return undefined;
    events.push({ kind, version, extreme });
  }
  return events.sort((a, b) => a.extreme - b.extreme || (a.extreme === 0 && b.extreme === 0 ? order.compare(a.version, b.version) : 0));
}

function compareToEvent(order: VersionOrder, version: string, event: PlacedEvent): number {
  return event.extreme !== 0 ? -event.extreme : order.compare(version, event.version);
}

/**
 * The smallest `fixed` version at or above `version`, among the ranges of the advisories that
 * name this package, that none of them still calls affected. Several advisories are one
 * vulnerability told by several databases (an alias group): the fix to recommend is the first
 * version every one of them agrees is clean; for ranges that overlap, a `fixed` that lands in
 * another range is passed over for the same reason. Undefined when no such version exists
 * (no fix published, or the installed version does not parse).
 */
export function smallestFixedAtOrAbove(advisories: OsvAdvisory | readonly OsvAdvisory[], ecosystem: string, name: string, version: string): string | undefined {
  const list = Array.isArray(advisories) ? advisories : [advisories as OsvAdvisory];
  const order = ecosystemOrder(ecosystem) ?? SEMVER_ORDER;
  if (!order.valid(version)) return undefined;
  const candidates = new Map<string, string>();
  for (const advisory of list) {
    if (advisory.withdrawn !== undefined) continue;
    for (const entry of entriesFor(advisory, ecosystem, name)) {
      for (const range of entry.ranges ?? []) {
        const ordered = rangeOrder(range.type, ecosystem);
        for (const event of (ordered && sortedEvents(range, ordered)) || []) {
          if (event.kind === 'fixed' && order.valid(event.version) && order.compare(event.version, version) >= 0) {
            candidates.set(order.key(event.version)!, event.version);
          }
        }
      }
    }
  }
  return [...candidates.values()]
    .sort((a, b) => order.compare(a, b))
    .find((fix) => !list.some((advisory) => affectedVersions(advisory, ecosystem, name, fix)));
}
