import { describe, expect, it } from 'vitest';
import { buildInventory, purlOf } from '../../../src/analyzers/deps/inventory.js';
import type { DependencyFacts, ParsedLockfile, ParsedManifest } from '../../../src/analyzers/deps/model.js';

const lock: ParsedLockfile = {
  type: 'lockfile',
  ecosystem: 'PyPI',
  format: 'poetry.lock',
  roots: ['apache-airflow', 'pytest'],
  packages: [
    { name: 'apache-airflow', version: '2.2.3', dependencies: ['jinja2'], direct: true, dev: false, hashes: ['sha256:aa'], line: 1 },
    { name: 'jinja2', version: '2.11.2', dependencies: ['markupsafe'], direct: false, dev: false, hashes: [], line: 9 },
    { name: 'markupsafe', version: '1.1.1', dependencies: [], direct: false, dev: false, hashes: [], line: 17 },
    { name: 'pytest', version: '8.0.0', dependencies: [], direct: true, dev: true, hashes: [], line: 25 },
  ],
};

const manifest = (requirements: ParsedManifest['requirements']): ParsedManifest => ({
  type: 'manifest',
  ecosystem: 'PyPI',
  format: 'requirements.txt',
  requirements,
  indexes: [],
  includes: [],
  isLibrary: false,
});

describe('buildInventory', () => {
  it('gives every locked package its shortest dependency path from a root', () => {
    const { inventory, sites } = buildInventory(new Map<string, DependencyFacts>([['poetry.lock', lock]]));
    const byName = Object.fromEntries(inventory.packages.map((p) => [p.name, p]));
    expect(byName['markupsafe']).toMatchObject({ scope: 'transitive', version: '1.1.1', paths: [['apache-airflow', 'jinja2', 'markupsafe']] });
    expect(byName['apache-airflow']).toMatchObject({ scope: 'direct', hashes: ['sha256:aa'], purl: 'pkg:pypi/apache-airflow@2.2.3' });
    expect(byName['pytest']!.dev).toBe(true);
    expect(sites.get('pkg:pypi/markupsafe@1.1.1')).toEqual({ file: 'poetry.lock', line: 17 });
  });

  it('lets a lockfile speak for the manifest beside it, and keeps other manifests', () => {
    const facts = new Map<string, DependencyFacts>([
      ['poetry.lock', lock],
      ['requirements.txt', manifest([{ name: 'apache-airflow', specifier: '>=2', extras: [], hashes: [], group: 'main', line: 1 }])],
      ['tools/requirements.txt', manifest([{ name: 'pyyaml', specifier: '==5.3.1', pinnedVersion: '5.3.1', extras: [], hashes: [], group: 'main', line: 3 }])],
    ]);
    const { inventory, sites } = buildInventory(facts);
    expect(inventory.packages.filter((p) => p.name === 'apache-airflow').map((p) => p.version)).toEqual(['2.2.3']);
    expect(inventory.packages.find((p) => p.name === 'pyyaml')).toMatchObject({ version: '5.3.1', scope: 'direct', declaredIn: ['tools/requirements.txt'] });
    expect(sites.get('pkg:pypi/pyyaml@5.3.1')).toEqual({ file: 'tools/requirements.txt', line: 3 });
  });

  it('merges the same package version seen in several files', () => {
    const a = manifest([{ name: 'requests', specifier: '==2.25.0', pinnedVersion: '2.25.0', extras: [], hashes: [], group: 'main', line: 1 }]);
    const { inventory } = buildInventory(new Map<string, DependencyFacts>([['a/requirements.txt', a], ['b/requirements.txt', a]]));
    expect(inventory.packages).toHaveLength(1);
    expect(inventory.packages[0]!.declaredIn).toEqual(['a/requirements.txt', 'b/requirements.txt']);
  });

  it('builds purls for scoped npm packages', () => {
    expect(purlOf('npm', '@aws-sdk/client-s3', '3.600.0')).toBe('pkg:npm/%40aws-sdk/client-s3@3.600.0');
    expect(purlOf('PyPI', 'pyyaml', undefined)).toBe('pkg:pypi/pyyaml');
  });
});
