import type { DirectSource, ParsedLockfile } from '../model.js';
import { SkippedEntries } from '../skipped-entries.js';
import { assemble, type RawPackage } from './assemble.js';
import { Fields } from './fields.js';
import { dependencyTarget, descriptorName, npmSource } from './npm-refs.js';
import { pathSource } from './sources.js';
import { decodeYaml } from './yaml.js';

const WORKSPACE = 'workspace:';

/**
 * yarn.lock of yarn 2+ ("berry"), a YAML document with `__metadata` and one entry per
 * resolution, keyed by the descriptors it satisfies:
 *
 *     "axios@npm:^1.6.0":
 *       version: 1.6.8
 *       resolution: "axios@npm:1.6.8"
 *       dependencies:
 *         follow-redirects: "npm:^1.15.6"
 *       checksum: 10c0/…
 *
 * The `name@workspace:.` entry is the project: its dependencies are the roots and it is not a
 * package. Berry folds devDependencies into that list, so nothing is marked dev. Other
 * workspaces are packages with a path source, and roots too (see DeclaredRoots). `checksum` is
 * yarn's hash of its cache archive, prefixed with the cache key ("10c0/…"), kept as written.
 */
export function parseYarnBerry(text: string, file: string): ParsedLockfile {
  const yaml = decodeYaml(text, file);
  const root = Fields.of(yaml.data, file, 'yarn.lock');
  const lines = yaml.keyLines([]);
  const raw: RawPackage[] = [];
  let projectDependencies: string[] | undefined;
  const members: string[] = [];
  const skipped = new SkippedEntries();
  for (const [key, value] of Object.entries(root.table)) {
    if (key === '__metadata') continue;
    skipped.read(lines.get(key), () => {
      const entry = Fields.of(value, file, `entry "${key}"`, lines.get(key));
      const resolution = entry.string('resolution');
      const name = descriptorName(resolution) ?? entry.fail(`resolution "${resolution}" is not name@reference`);
      const reference = resolution.slice(name.length + 1);
      const dependencies = entry.stringMap('dependencies').map(([dep, spec]) => dependencyTarget(dep, spec));
      if (reference === `${WORKSPACE}.`) {
        projectDependencies = dependencies;
        return;
      }
      if (reference.startsWith(WORKSPACE)) members.push(name);
      const checksum = entry.optionalString('checksum');
      raw.push({
        name,
        version: entry.optionalString('version') ?? '',
        dependencies,
        dev: false,
        hashes: checksum === undefined ? [] : [checksum],
        source: source(reference),
        line: lines.get(key),
      });
    });
  }
  const declared = projectDependencies && { prod: [...projectDependencies, ...members], dev: [] };
  return { ...assemble('npm', 'yarn.lock berry', raw, declared), skipped: skipped.entries };
}

function source(reference: string): DirectSource | undefined {
  return reference.startsWith(WORKSPACE) ? pathSource(reference.slice(WORKSPACE.length)) : npmSource(reference);
}
