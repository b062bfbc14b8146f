import type { DeclaredRequirement } from '../model.js';
import { describeReference, isUrl, looksLikePath } from './direct-reference.js';
import { atLine } from './errors.js';
import { validateMarker } from './markers.js';
import { exactPin, parseExtras, parseMarkerPart, parsePep508 } from './pep508.js';

/** Where a requirement sits: its dependency group and 1-based line. */
export interface RequirementPlace {
  group: string;
  line?: number;
}

/** `name [extras] @` — a PEP 508 direct reference, told apart from a bare URL or path. */
const NAMED_REFERENCE = /^\s*[A-Za-z0-9._-]+\s*(?:\[[^\]]*\])?\s*@/;

/**
 * Reads what pip accepts as one requirement: a PEP 508 string, or a bare URL, VCS URL or local
 * path (with `#egg=` naming it). Undefined for a reference nothing names (`-e .`): it is the
 * project itself or a directory whose own manifest declares it. Throws a ManifestError at the
 * place's line for anything else.
 */
export function declareRequirement(text: string, place: RequirementPlace): DeclaredRequirement | undefined {
  return atLine(place.line, () => {
    const trimmed = text.trim();
    const semicolon = trimmed.indexOf(';');
    const beforeMarker = semicolon < 0 ? trimmed : trimmed.slice(0, semicolon);
    if (NAMED_REFERENCE.test(trimmed) || !(isUrl(trimmed) || looksLikePath(beforeMarker))) {
      return fromPep508(trimmed, place);
    }
    return fromBareReference(trimmed, place);
  });
}

/** Builds a requirement, leaving out what is not known so objects compare cleanly. */
export function requirementOf(fields: Omit<DeclaredRequirement, 'extras' | 'hashes'> & Partial<DeclaredRequirement>): DeclaredRequirement {
  const requirement: DeclaredRequirement = {
    name: fields.name,
    specifier: fields.specifier,
    extras: fields.extras ?? [],
    hashes: fields.hashes ?? [],
    group: fields.group,
  };
  if (fields.pinnedVersion !== undefined) requirement.pinnedVersion = fields.pinnedVersion;
  if (fields.marker !== undefined) requirement.marker = fields.marker;
  if (fields.source !== undefined) requirement.source = fields.source;
  if (fields.line !== undefined) requirement.line = fields.line;
  return requirement;
}

/** Checks a marker written apart from its requirement (Poetry `markers`, Pipfile keys); undefined stays undefined. */
export function checkedMarker(marker: string | undefined): string | undefined {
  if (marker === undefined || marker.trim() === '') return undefined;
  validateMarker(marker);
  return marker.trim();
}

function fromPep508(text: string, place: RequirementPlace): DeclaredRequirement {
  const parsed = parsePep508(text);
  if (parsed.url === undefined) {
    const { name, specifier, extras, marker } = parsed;
    return requirementOf({ ...place, name, specifier, pinnedVersion: exactPin(specifier), extras, marker });
  }
  const reference = describeReference(parsed.url, !isUrl(parsed.url));
  return requirementOf({
    ...place,
    name: parsed.name,
    specifier: '',
    // A wheel or sdist URL names its version; a VCS ref or a directory does not.
    pinnedVersion: reference.name === parsed.name ? reference.version : undefined,
    extras: parsed.extras,
    marker: parsed.marker,
    source: reference.source,
    hashes: reference.hashes,
  });
}

/** `https://…/pkg-1.0.tar.gz#egg=pkg ; marker`, `./libs/etl[s3]`, `git+https://…@v1#egg=x`. */
function fromBareReference(text: string, place: RequirementPlace): DeclaredRequirement | undefined {
  // The reference ends at whitespace; pip also takes "url; marker" with the ";" glued on.
  const end = text.search(/\s|;\s/);
  let target = end < 0 ? text : text.slice(0, end);
  const marker = parseMarkerPart(text.slice(target.length), text);
  let extras: string[] = [];
  const bracket = /\[([^\]]*)\]$/.exec(target);
  if (bracket && !isUrl(target)) {
    extras = parseExtras(bracket[1]!, text);
    target = target.slice(0, bracket.index);
  }
  const reference = describeReference(target, !isUrl(target));
  if (reference.name === undefined) return undefined;
  const { name, version, source, hashes } = reference;
  return requirementOf({ ...place, name, specifier: '', pinnedVersion: version, extras, marker, source, hashes });
}
