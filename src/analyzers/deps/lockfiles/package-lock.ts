import type { DirectSource, ParsedLockfile } from '../model.js';
import { SkippedEntries } from '../skipped-entries.js';
import { assemble, type RawPackage } from './assemble.js';
import { Fields } from './fields.js';
import { decodeJson, jsonMemberLines } from './json.js';
import { dependencyTarget, npmSource } from './npm-refs.js';
import { pathSource } from './sources.js';

const NODE_MODULES = 'node_modules/';
/** npm 7+ installs peer dependencies, so they are edges like the others. */
const EDGE_KEYS = ['dependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * package-lock.json and npm-shrinkwrap.json, lockfileVersion 2 and 3 (npm 7+), read from the
 * `packages` map keyed by install path. Version 1 (npm 6 and older, a nested `dependencies`
 * tree without the project's own entry) is refused with a LockfileError: it cannot say which
 * packages are direct, and npm itself rewrites it to version 3 on the next install.
 *
 * The `""` entry is the project: its dependencies and optionalDependencies are the production
 * roots, its devDependencies the dev roots. `node_modules/a/node_modules/b` is a second copy of
 * b; copies of one name@version become one package (assemble). A workspace appears twice: a
 * `link: true` entry under node_modules (its installed name) and its folder entry (its
 * contents); it is kept once, under the link's name with a path source, and is a root (see
 * DeclaredRoots).
 */
export function parsePackageLock(text: string, file: string): ParsedLockfile {
  const root = Fields.of(decodeJson(text, file), file, 'package-lock.json');
  const version = root.table['lockfileVersion'];
  if (typeof version !== 'number') return root.fail('"lockfileVersion" must be a number');
  if (version < 2) {
    return root.fail(`lockfileVersion ${version} (npm 6 and older) is not supported; run npm install with npm 7 or later to rewrite it as version 3`);
  }
  const packages = root.fields('packages') ?? root.fail('"packages" is missing');
  const lines = jsonMemberLines(text, ['packages']).get('packages');
  const entry = (key: string) => Fields.of(packages.table[key], file, `package "${key}"`, lines?.get(key));

  const raw: RawPackage[] = [];
  const linkedNames: string[] = [];
  const skipped = new SkippedEntries();
  for (const key of Object.keys(packages.table)) {
    const at = key.lastIndexOf(NODE_MODULES);
    // "" is the project and paths outside node_modules are workspace folders, reached by their links.
    if (at < 0) continue;
    skipped.read(lines?.get(key), () => {
      const installed = entry(key);
      const linked = installed.flag('link') === true;
      const folder = linked ? installed.string('resolved') : undefined;
      const target = folder !== undefined && packages.has(folder) ? entry(folder) : installed;
      // An aliased install ("node_modules/lodash4") names the real package in "name".
      const name = installed.optionalString('name') ?? key.slice(at + NODE_MODULES.length);
      raw.push({
        name,
        version: target.optionalString('version') ?? '',
        dependencies: edges(target, EDGE_KEYS),
        dev: installed.flag('dev') ?? target.flag('dev') ?? false,
        hashes: (installed.optionalString('integrity') ?? '').split(/\s+/).filter(Boolean),
        source: folder !== undefined ? pathSource(folder) : resolvedSource(installed),
        line: lines?.get(key),
      });
      if (linked) linkedNames.push(name);
    });
  }
  const project = packages.has('') ? entry('') : undefined;
  const declared = project && {
    prod: [...edges(project, ['dependencies', 'optionalDependencies']), ...linkedNames],
    dev: edges(project, ['devDependencies']),
  };
  return { ...assemble('npm', 'package-lock.json', raw, declared), skipped: skipped.entries };
}

/** Names a package's dependency maps install, aliases resolved to the real package. */
function edges(fields: Fields, keys: readonly string[]): string[] {
  return keys.flatMap((key) => fields.stringMap(key).map(([name, spec]) => dependencyTarget(name, spec)));
}

function resolvedSource(fields: Fields): DirectSource | undefined {
  const resolved = fields.optionalString('resolved');
  return resolved === undefined ? undefined : npmSource(resolved);
}
