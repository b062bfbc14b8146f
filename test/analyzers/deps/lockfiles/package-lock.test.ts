import { describe, expect, it } from 'vitest';
import { LockfileError } from '../../../../src/analyzers/deps/lockfiles/errors.js';
import { parseLockfile } from '../../../../src/analyzers/deps/lockfiles/index.js';
import { parsePackageLock } from '../../../../src/analyzers/deps/lockfiles/package-lock.js';
import { fixture, leftOut, names, pathTo, pkg, thrown } from './helpers.js';

describe('package-lock.json v3', () => {
  const lock = parsePackageLock(fixture('package-lock.json'), 'ingest/package-lock.json');

  it('reads every installed package with the line of its key', () => {
    expect(lock).toMatchObject({ ecosystem: 'npm', format: 'package-lock.json' });
    expect(lock.packages).toHaveLength(36);
    expect(pkg(lock, 'axios')).toMatchObject({ version: '1.6.8', line: 56, dependencies: ['follow-redirects', 'form-data', 'proxy-from-env'] });
  });

  it('takes the roots from the "" entry and the workspace links', () => {
    expect(lock.roots).toEqual(['axios', 'csv-parse', 'feed-tools', 'geo-lookup', 'lodash', 'pg', '@orders/shared-config', '@types/pg', 'nock']);
    expect(pkg(lock, 'form-data').direct).toBe(false);
  });

  it('keeps each version of a package that is installed twice', () => {
    expect(pkg(lock, 'ms', '2.1.3')).toMatchObject({ dev: false, line: 195 });
    expect(pkg(lock, 'ms', '2.1.2')).toMatchObject({ dev: true, line: 99 });
    expect(pkg(lock, 'debug').dependencies).toEqual(['ms']);
  });

  it('takes dev from the entries', () => {
    expect(lock.packages.filter((p) => p.dev).map((p) => p.name)).toEqual([
      '@types/node',
      '@types/pg',
      'debug',
      'ms',
      'json-stringify-safe',
      'nock',
      'propagate',
      'undici-types',
    ]);
  });

  it('gives a path through several levels', () => {
    expect(pathTo(lock, 'delayed-stream')).toEqual(['axios', 'form-data', 'combined-stream', 'delayed-stream']);
  });

  it('resolves an npm alias to the real package, as package and as edge', () => {
    expect(pkg(lock, 'lodash')).toMatchObject({ version: '4.17.21', direct: true, line: 170 });
    expect(lock.packages.some((p) => p.name === 'lodash4')).toBe(false);
  });

  it('follows optional and peer edges, dropping a peer that is not installed', () => {
    expect(pkg(lock, 'pg').dependencies).toEqual(['pg-connection-string', 'pg-pool', 'pg-protocol', 'pg-types', 'pgpass', 'pg-cloudflare']);
    expect(pkg(lock, 'pg-pool').dependencies).toEqual(['pg']);
  });

  it('keeps integrity as sha512-…', () => {
    expect(pkg(lock, 'axios').hashes).toEqual([expect.stringMatching(/^sha512-[A-Za-z0-9+/]+=*$/)]);
    expect(pkg(lock, 'feed-tools').hashes).toEqual([]);
  });

  it('reads git, tarball-url and workspace-link sources; registry tarballs are none', () => {
    expect(pkg(lock, 'feed-tools').source).toEqual({
      kind: 'vcs',
      url: 'ssh://git@github.com/example-data/feed-tools.git',
      ref: '3b1f0c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c',
    });
    expect(pkg(lock, 'geo-lookup').source).toEqual({ kind: 'url', url: 'https://downloads.example.com/geo-lookup-2.0.1.tgz' });
    expect(pkg(lock, '@orders/shared-config')).toMatchObject({
      version: '0.3.0',
      dependencies: ['dotenv'],
      source: { kind: 'path', path: 'packages/shared-config' },
      line: 27,
    });
    expect(pkg(lock, 'axios').source).toBeUndefined();
  });
});

describe('package-lock.json v2', () => {
  const lock = parsePackageLock(fixture('package-lock-v2.json'), 'package-lock.json');

  it('reads "packages", ignoring the v1 "dependencies" tree beside it', () => {
    expect(names(lock)).toEqual(['@babel/core@7.24.4', 'semver@6.3.1', 'csv-stringify@6.4.6', 'make-dir@3.1.0', 'semver@7.6.0']);
    expect(lock.roots).toEqual(['csv-stringify', 'make-dir', 'semver', '@babel/core']);
  });

  it('keeps copies of one name@version once, dev only if every copy is', () => {
    expect(pkg(lock, 'semver', '6.3.1')).toMatchObject({ dev: false, line: 31 });
    expect(pkg(lock, 'semver', '6.3.1').hashes).toHaveLength(1);
  });
});

describe('package-lock.json edge cases', () => {
  const lockOf = (packages: object) => parsePackageLock(JSON.stringify({ lockfileVersion: 3, packages }), 'package-lock.json');

  it('refuses v1 with a clear message', () => {
    const err = thrown(() => parsePackageLock('{"lockfileVersion": 1, "dependencies": {}}', 'package-lock.json'));
    expect(err).toBeInstanceOf(LockfileError);
    expect(err.message).toMatch(/lockfileVersion 1 \(npm 6 and older\) is not supported/);
  });

  it('is also the npm-shrinkwrap.json parser', () => {
    const lock = parseLockfile('npm-shrinkwrap.json', fixture('package-lock-v2.json'), 'npm-shrinkwrap.json');
    expect(lock?.packages).toHaveLength(5);
  });

  it('splits several integrity values and marks what no root reaches as not dev when npm says so', () => {
    const lock = lockOf({ '': {}, 'node_modules/a': { version: '1.0.0', integrity: 'sha512-AAA= sha1-BBB=' } });
    expect(pkg(lock, 'a')).toMatchObject({ hashes: ['sha512-AAA=', 'sha1-BBB='], dev: false, direct: false });
  });

  it('derives roots when the "" entry is missing', () => {
    const lock = lockOf({ 'node_modules/a': { version: '1.0.0', dependencies: { b: '^1' } }, 'node_modules/b': { version: '1.0.0' } });
    expect(lock.roots).toEqual(['a']);
  });

  it('keeps a file: tarball as a path source and a link without its folder entry', () => {
    const lock = lockOf({
      'node_modules/vendored': { version: '1.0.0', resolved: 'file:vendor/vendored-1.0.0.tgz' },
      'node_modules/linked': { resolved: '../linked', link: true },
    });
    expect(pkg(lock, 'vendored').source).toEqual({ kind: 'path', path: 'vendor/vendored-1.0.0.tgz' });
    expect(pkg(lock, 'linked')).toMatchObject({ version: '', source: { kind: 'path', path: '../linked' } });
  });

  it('reports truncated JSON with a line', () => {
    const text = fixture('package-lock.json');
    const err = thrown(() => parsePackageLock(text.slice(0, text.indexOf('"node_modules/csv-parse"') + 10), 'package-lock.json'));
    expect(err).toBeInstanceOf(LockfileError);
    expect(err.line).toBe(77);
  });

  it('reports a missing lockfileVersion and a missing "packages"; leaves out a package of the wrong shape, keeping the others', () => {
    expect(() => parsePackageLock('{}', 'package-lock.json')).toThrow('"lockfileVersion" must be a number');
    expect(() => parsePackageLock('{"lockfileVersion": 3}', 'package-lock.json')).toThrow('"packages" is missing');
    const lock = parsePackageLock('{"lockfileVersion": 3,\n"packages": {\n"node_modules/a": {"version": 1},\n"node_modules/c": {"version": "2.0.0"}}}', 'package-lock.json');
    expect(leftOut(lock)).toEqual({ message: 'package "node_modules/a": "version" must be a string', line: 3 });
    expect(names(lock)).toEqual(['c@2.0.0']);
    expect(leftOut(lockOf({ 'node_modules/a': { dependencies: { b: 1 } } })).message).toContain('"b" must be a string');
  });
});
