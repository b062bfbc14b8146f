import { valid as validVersion } from '@renovatebot/pep440';
import { normalizePyPIName } from '../model.js';
import { ManifestError, excerpt } from './errors.js';
import { validateMarker } from './markers.js';

/** A PEP 508 requirement string, taken apart. */
export interface Pep508Requirement {
  /** Normalised (PEP 503). */
  name: string;
  /** Normalised too: PEP 685 compares extras the way PEP 503 compares names. */
  extras: string[];
  /** Clauses without whitespace, joined by ",": ">=2,<3"; "" for none. */
  specifier: string;
  marker?: string;
  /** The URL of a `name @ url` requirement, as written. */
  url?: string;
}

// Names and versions are matched as runs of allowed characters and checked afterwards, so no
// pattern here can backtrack over a long line.
const NAME = /[A-Za-z0-9._-]+/y;
const EDGE_OK = /^[A-Za-z0-9]$/;
const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>)\s*([A-Za-z0-9_.*+!-]+)$/;
const ARBITRARY_CLAUSE = /^===\s*[^\s,;]+$/;
/** Longer "versions" are no version; keeps the PEP 440 pattern off hostile strings. */
const MAX_VERSION_LENGTH = 128;

/** Reads a PEP 508 name at the start of `text` (after whitespace); undefined when there is none. */
export function leadingName(text: string): { name: string; end: number } | undefined {
  NAME.lastIndex = skipSpace(text, 0);
  const m = NAME.exec(text);
  if (!m || !EDGE_OK.test(m[0][0]!) || !EDGE_OK.test(m[0].at(-1)!)) return undefined;
  return { name: m[0], end: NAME.lastIndex };
}

/** Parses one PEP 508 requirement; throws a ManifestError (without a line) when it is not one. */
export function parsePep508(text: string): Pep508Requirement {
  const head = leadingName(text);
  if (!head) throw new ManifestError(`invalid requirement ${excerpt(text.trim())}: expected a package name`);
  let at = skipSpace(text, head.end);
  let extras: string[] = [];
  if (text[at] === '[') {
    const close = text.indexOf(']', at);
    if (close < 0) throw new ManifestError(`invalid requirement ${excerpt(text.trim())}: "[" of the extras is never closed`);
    extras = parseExtras(text.slice(at + 1, close), text);
    at = skipSpace(text, close + 1);
  }
  const requirement: Pep508Requirement = { name: normalizePyPIName(head.name), extras, specifier: '' };
  let rest: string;
  if (text[at] === '@') {
    const urlStart = skipSpace(text, at + 1);
    let urlEnd = urlStart;
    while (urlEnd < text.length && !/\s/.test(text[urlEnd]!)) urlEnd++;
    if (urlEnd === urlStart) throw new ManifestError(`invalid requirement ${excerpt(text.trim())}: expected a URL after "@"`);
    requirement.url = text.slice(urlStart, urlEnd);
    rest = text.slice(urlEnd);
  } else {
    const semicolon = text.indexOf(';', at);
    const spec = text.slice(at, semicolon < 0 ? undefined : semicolon).trim();
    requirement.specifier = parseSpecifier(spec.startsWith('(') && spec.endsWith(')') ? spec.slice(1, -1) : spec, text);
    rest = semicolon < 0 ? '' : text.slice(semicolon);
  }
  const marker = parseMarkerPart(rest, text);
  if (marker !== undefined) requirement.marker = marker;
  return requirement;
}

/** The ` ; marker` that may follow a requirement: undefined for none, an error for anything else. */
export function parseMarkerPart(rest: string, whole: string): string | undefined {
  const trimmed = rest.trim();
  if (trimmed === '') return undefined;
  if (!trimmed.startsWith(';')) throw new ManifestError(`invalid requirement ${excerpt(whole.trim())}: unexpected ${excerpt(trimmed)}`);
  const marker = trimmed.slice(1).trim();
  validateMarker(marker);
  return marker;
}

/** Checks comma-separated PEP 440 clauses and returns them compacted: ">= 2, <3" → ">=2,<3". */
export function parseSpecifier(spec: string, whole: string): string {
  if (spec === '') return '';
  const clauses = spec.split(',').map((c) => c.trim());
  for (const clause of clauses) {
    if (!CLAUSE.test(clause) && !ARBITRARY_CLAUSE.test(clause)) {
      throw new ManifestError(`invalid requirement ${excerpt(whole.trim())}: ${excerpt(clause)} is not a version specifier`);
    }
  }
  return clauses.map((c) => c.replace(/\s+/g, '')).join(',');
}

/**
 * The version a PEP 440 specifier pins: the operand of `===`, or of `==` without a wildcard.
 * Other clauses beside an exact one can only narrow it further, so the pin still holds.
 */
export function exactPin(specifier: string): string | undefined {
  for (const clause of specifier.split(',')) {
    const c = clause.trim();
    if (c.startsWith('===')) return c.slice(3).trim() || undefined;
    if (c.startsWith('==')) {
      const version = c.slice(2).trim();
      if (isVersion(version)) return version;
    }
  }
  return undefined;
}

/** A PEP 440 version (no wildcard, no operator). */
export function isVersion(text: string): boolean {
  return text.length > 0 && text.length <= MAX_VERSION_LENGTH && !text.includes('*') && validVersion(text) !== null;
}

/** The comma-separated extras between `[` and `]`, normalised; `whole` is quoted in errors. */
export function parseExtras(list: string, whole: string): string[] {
  if (list.trim() === '') return [];
  return list.split(',').map((part) => {
    const extra = leadingName(part);
    if (!extra || part.slice(extra.end).trim() !== '') {
      throw new ManifestError(`invalid requirement ${excerpt(whole.trim())}: bad extra ${excerpt(part.trim())}`);
    }
    return normalizePyPIName(extra.name);
  });
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}
