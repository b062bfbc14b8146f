import semver from 'semver';
import type { DeclaredRequirement, DirectSource, ParsedManifest } from '../model.js';
import { excerpt, ManifestError } from './errors.js';
import { SkippedEntries } from '../skipped-entries.js';
import { memberLines } from './json-lines.js';
import { requirementOf } from './requirement.js';
import { isTable, own, type Table } from './shape.js';
import { LineIndex } from './text-lines.js';

const SECTIONS: ReadonlyArray<[section: string, group: string]> = [
  ['dependencies', 'main'],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
];
const GIT = /^(?:git\+[A-Za-z]+:|git:|git@|github:|gitlab:|bitbucket:|gist:)/;
/** npm reads `user/repo` (optionally `#ref`) as a GitHub repository. */
const GITHUB_SHORTHAND = /^[^./@~\s:#][^/\s:#]*\/[^/\s]+$/;
/** Local packages: directories and tarballs, yarn's link:, and pnpm/yarn workspace siblings. */
const LOCAL = /^(?:file:|link:|workspace:|\.\.?(?:\/|$)|\/|~\/)/;

/**
 * package.json: `dependencies` (main), `devDependencies` (dev), `optionalDependencies`
 * ("optional") and `peerDependencies` ("peer"), with each specifier as written. An
 * `npm:real@range` alias is recorded under the real package's name; git, GitHub, tarball-URL
 * and local specifiers become the requirement's source.
 */
export function parsePackageJson(text: string, _file: string): ParsedManifest {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`invalid JSON: ${(error as Error).message}`, jsonErrorLine(text, (error as Error).message));
  }
  if (!isTable(doc)) throw new ManifestError('package.json must hold a JSON object', 1);
  const lines = memberLines(text);
  const requirements: DeclaredRequirement[] = [];
  const skipped = new SkippedEntries();
  for (const [section, group] of SECTIONS) {
    const entries = own(doc, section);
    if (entries === undefined) continue;
    if (!isTable(entries)) throw new ManifestError(`${section} must be an object`, lines.get(section));
    for (const [name, spec] of Object.entries(entries)) {
      const line = lines.get(`${section}\u0000${name}`);
      const requirement = skipped.read(line, () => {
        if (typeof spec !== 'string') throw new ManifestError(`${section}.${name} must be a version string`, line);
        return npmRequirement(name, spec, group, line);
      });
      if (requirement) requirements.push(requirement);
    }
  }
  return { type: 'manifest', ecosystem: 'npm', format: 'package.json', requirements, indexes: [], includes: [], skipped: skipped.entries, isLibrary: isLibrary(doc) };
}

/**
 * A library is a package published for others to install, where ranges are right. Being
 * publishable (not `"private": true`, with a name and a version) is not enough: `npm init`
 * makes every project so, and writes `main` too. So it also takes a field that only matters
 * to consumers of a published package: `exports`, `files`, `types`/`typings` or
 * `publishConfig`. Everything else — the usual dashboard, tooling or pipeline repo — is an
 * application, whose declared ranges the lockfile pins.
 */
function isLibrary(doc: Table): boolean {
  const publishable = own(doc, 'private') !== true && typeof own(doc, 'name') === 'string' && typeof own(doc, 'version') === 'string';
  return publishable && ['exports', 'files', 'types', 'typings', 'publishConfig'].some((field) => own(doc, field) !== undefined);
}

function npmRequirement(key: string, spec: string, group: string, line: number | undefined): DeclaredRequirement {
  let name = key;
  let specifier = spec.trim();
  if (specifier.startsWith('npm:')) {
    // npm:real@range, npm:@scope/real@range; the "@" of a scope is not the separator.
    const target = specifier.slice(4);
    const at = target.indexOf('@', 1);
    name = at < 0 ? target : target.slice(0, at);
    specifier = at < 0 ? '' : target.slice(at + 1);
    if (name === '') throw new ManifestError(`${excerpt(spec)} names no package`, line);
  }
  const source = sourceOf(specifier);
  const pinnedVersion = source ? undefined : (semver.clean(specifier) ?? undefined);
  return requirementOf({ name, specifier, pinnedVersion, source, group, line });
}

function sourceOf(spec: string): DirectSource | undefined {
  if (GIT.test(spec) || GITHUB_SHORTHAND.test(spec)) {
    const hash = spec.indexOf('#');
    return hash < 0 ? { kind: 'vcs', url: spec } : { kind: 'vcs', url: spec.slice(0, hash), ref: spec.slice(hash + 1) };
  }
  if (/^https?:\/\//i.test(spec)) return { kind: 'url', url: spec };
  if (LOCAL.test(spec)) return { kind: 'path', path: spec };
  return undefined;
}

/** V8 names the offset of a JSON syntax error ("… at position 42"); the end of the text otherwise. */
function jsonErrorLine(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  return new LineIndex(text).lineAt(position ? Number(position[1]) : text.length);
}
