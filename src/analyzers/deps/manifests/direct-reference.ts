import type { DirectSource } from '../model.js';
import { normalizePyPIName } from '../model.js';
import { isVersion, leadingName } from './pep508.js';

/** What a direct reference (URL, VCS URL or local path) tells about the package behind it. */
export interface DirectReference {
  source: DirectSource;
  /**
   * From `#egg=name`, else from an sdist or wheel file name, else the last segment of the URL
   * or path without its extension (a repository, directory or oddly named archive) — a guess,
   * but the best the text offers. Normalised; undefined when nothing names it (`-e .`).
   */
  name?: string;
  /** From an sdist or wheel file name. */
  version?: string;
  /** From `#sha256=…` style fragments, as `sha256:…`. */
  hashes: string[];
}

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const VCS_SCHEME = /^(?:git|hg|svn|bzr)\+|^git:\/\//i;
const HASH_NAMES = new Set(['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'md5']);
const SDIST_SUFFIX = /\.(?:tar\.gz|tar\.bz2|tar\.xz|tgz|tar|zip)$/i;
const ARCHIVE_SUFFIX = /\.(?:git|whl|tar\.gz|tar\.bz2|tar\.xz|tgz|tar|zip)$/i;

/** `scheme://…` or `file:…`: pip's test for a URL rather than a path or a PEP 508 string. */
export function isUrl(text: string): boolean {
  return SCHEME.test(text) || /^file:/i.test(text) || VCS_SCHEME.test(text);
}

/** pip reads a requirement as a local path when it starts with . or ~ or has a path separator. */
export function looksLikePath(text: string): boolean {
  return /^[.~]/.test(text) || text.includes('/') || text.includes('\\');
}

/** Describes a URL (`https://…`, `git+ssh://…@ref`, `file:…`) or a local path. */
export function describeReference(target: string, isPath: boolean): DirectReference {
  const hashIndex = target.indexOf('#');
  const location = hashIndex < 0 ? target : target.slice(0, hashIndex);
  const fragment = new Map<string, string>();
  for (const pair of hashIndex < 0 ? [] : target.slice(hashIndex + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) fragment.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const hashes = [...fragment].filter(([key]) => HASH_NAMES.has(key)).map(([key, value]) => `${key}:${value}`);
  const reference: DirectReference = { source: sourceOf(location, isPath), hashes };
  const archive = archiveName(lastSegment(location));
  const egg = fragment.get('egg');
  const eggName = egg === undefined ? undefined : leadingName(egg);
  if (eggName) reference.name = normalizePyPIName(eggName.name);
  else if (archive) reference.name = archive.name;
  else reference.name = plainName(lastSegment(reference.source.kind === 'vcs' ? reference.source.url : location).replace(ARCHIVE_SUFFIX, ''));
  if (archive && archive.name === reference.name) reference.version = archive.version;
  return reference;
}

function sourceOf(location: string, isPath: boolean): DirectSource {
  if (isPath || /^file:/i.test(location)) return { kind: 'path', path: location };
  if (!VCS_SCHEME.test(location)) return { kind: 'url', url: location };
  // A revision follows the last "@" of the path; an "@" in the host part is the user name
  // (git+ssh://git@github.com/…).
  const authority = location.indexOf('://');
  const pathStart = authority < 0 ? location.indexOf(':') + 1 : location.indexOf('/', authority + 3);
  const at = location.lastIndexOf('@');
  if (pathStart > 0 && at > pathStart) return { kind: 'vcs', url: location.slice(0, at), ref: location.slice(at + 1) };
  return { kind: 'vcs', url: location };
}

function lastSegment(location: string): string {
  const trimmed = location.replace(/[/\\]+$/, '');
  const segment = trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `segment` as a normalised package name, when it is one. */
function plainName(segment: string): string | undefined {
  const name = leadingName(segment);
  return name?.end === segment.length ? normalizePyPIName(name.name) : undefined;
}

/** Name and version from `name-1.0.tar.gz` or `name-1.0-py3-none-any.whl`. */
function archiveName(file: string): { name: string; version: string } | undefined {
  let name: string;
  let version: string;
  if (/\.whl$/i.test(file)) {
    const parts = file.slice(0, -4).split('-');
    if (parts.length < 5) return undefined;
    [name, version] = [parts[0]!, parts[1]!];
  } else if (SDIST_SUFFIX.test(file)) {
    const stem = file.replace(SDIST_SUFFIX, '');
    const dash = stem.search(/-\d[^-]*$/);
    if (dash <= 0) return undefined;
    [name, version] = [stem.slice(0, dash), stem.slice(dash + 1)];
  } else {
    return undefined;
  }
  const normalised = plainName(name);
  return normalised && isVersion(version) ? { name: normalised, version } : undefined;
}
