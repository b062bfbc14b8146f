import { describe, expect, it } from 'vitest';
import { LockfileError } from '../../../../src/analyzers/deps/lockfiles/errors.js';
import { parsePnpmLock } from '../../../../src/analyzers/deps/lockfiles/pnpm.js';
import { fixture, leftOut, names, pathTo, pkg, thrown } from './helpers.js';

describe('pnpm-lock.yaml v9', () => {
  const lock = parsePnpmLock(fixture('pnpm-v9.yaml'), 'pnpm-lock.yaml');

  it('reads every package at the line of its key, dependencies from snapshots', () => {
    expect(lock).toMatchObject({ ecosystem: 'npm', format: 'pnpm-lock.yaml' });
    expect(lock.packages).toHaveLength(35);
    expect(pkg(lock, 'axios')).toMatchObject({ version: '1.6.8', line: 57, dependencies: ['follow-redirects', 'form-data', 'proxy-from-env'] });
    expect(pkg(lock, '@types/node')).toMatchObject({ line: 48, dependencies: ['undici-types'] });
  });

  it('joins a peer-suffixed snapshot to its package', () => {
    expect(lock.packages.filter((p) => p.name === 'pg-pool')).toHaveLength(1);
    expect(pkg(lock, 'pg-pool')).toMatchObject({ version: '3.6.2', line: 139, dependencies: ['pg'] });
    expect(pkg(lock, 'pg').dependencies).toContain('pg-pool');
  });

  it('takes the roots from every importer; a link: dependency is no package', () => {
    expect(lock.roots).toEqual(['axios', 'csv-parse', 'feed-tools', 'geo-lookup', 'lodash', 'pg', 'dotenv', '@types/pg', 'nock']);
    expect(lock.packages.some((p) => p.name === '@orders/shared-config')).toBe(false);
  });

  it('marks as dev what only dev roots reach', () => {
    expect(lock.packages.filter((p) => p.dev).map((p) => p.name)).toEqual([
      '@types/node',
      '@types/pg',
      'debug',
      'json-stringify-safe',
      'nock',
      'propagate',
      'undici-types',
    ]);
    // Edges are by name: ms@2.1.2 (only under debug) shares the name with production ms@2.1.3.
    expect(pkg(lock, 'ms', '2.1.2').dev).toBe(false);
    // Reached from @types/pg (dev) and from pg (production).
    expect(pkg(lock, 'pg-protocol').dev).toBe(false);
  });

  it('gives a path through several levels', () => {
    expect(pathTo(lock, 'delayed-stream')).toEqual(['axios', 'form-data', 'combined-stream', 'delayed-stream']);
  });

  it('reads integrity, aliases, git and tarball resolutions', () => {
    expect(pkg(lock, 'axios').hashes).toEqual([expect.stringMatching(/^sha512-/)]);
    expect(pkg(lock, 'lodash')).toMatchObject({ version: '4.17.21', direct: true });
    expect(pkg(lock, 'feed-tools')).toMatchObject({
      version: '1.2.0',
      dependencies: ['csv-parse', 'ms'],
      source: { kind: 'vcs', url: 'https://gitlab.example.com/data/feed-tools.git', ref: '3b1f0c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c' },
    });
    expect(pkg(lock, 'geo-lookup')).toMatchObject({ version: '2.0.1', source: { kind: 'url', url: 'https://downloads.example.com/geo-lookup-2.0.1.tgz' } });
  });
});

describe('pnpm-lock.yaml v6', () => {
  const lock = parsePnpmLock(fixture('pnpm-v6.yaml'), 'pnpm-lock.yaml');

  it('reads /name@version keys, top-level importers and dev flags', () => {
    expect(lock.roots).toEqual(['axios', 'feed-tools', 'lodash', 'pg-pool', 'nock']);
    expect(pkg(lock, 'pg-pool')).toMatchObject({ version: '3.6.2', line: 124, dependencies: ['pg'], direct: true });
    expect(lock.packages.filter((p) => p.dev).map((p) => p.name)).toEqual(['debug', 'json-stringify-safe', 'ms', 'nock', 'propagate']);
    expect(pkg(lock, 'ms', '2.1.3').dev).toBe(false);
  });

  it('reads a git package by its own name and version fields', () => {
    expect(pkg(lock, 'feed-tools')).toMatchObject({
      version: '1.2.0',
      line: 153,
      source: { kind: 'url', url: 'https://codeload.github.com/example-data/feed-tools/tar.gz/3b1f0c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c' },
    });
    expect(pkg(lock, 'lodash').direct).toBe(true);
    expect(pathTo(lock, 'delayed-stream')).toEqual(['axios', 'form-data', 'combined-stream', 'delayed-stream']);
  });
});

describe('pnpm-lock.yaml v5', () => {
  const lock = parsePnpmLock(fixture('pnpm-v5.yaml'), 'pnpm-lock.yaml');

  it('reads /name/version_peer keys, scoped names, aliases and dev flags', () => {
    expect(lock.roots).toEqual(['axios', 'lodash', 'pg-pool', '@types/node']);
    expect(pkg(lock, 'pg-pool')).toMatchObject({ version: '3.6.2', dependencies: ['pg'] });
    expect(pkg(lock, '@types/node')).toMatchObject({ version: '20.12.7', line: 19, dev: true, dependencies: ['undici-types'] });
    expect(pkg(lock, 'lodash')).toMatchObject({ version: '4.17.21', direct: true });
    expect(pathTo(lock, 'mime-db')).toEqual(['axios', 'form-data', 'mime-types', 'mime-db']);
  });

  it('reads v5 workspace importers', () => {
    const lock = parsePnpmLock(
      "lockfileVersion: 5.4\nimporters:\n  .:\n    specifiers:\n      a: ^1\n    dependencies:\n      a: 1.0.0\n  packages/x:\n    devDependencies:\n      b: 2.0.0\npackages:\n  /a/1.0.0:\n    dev: false\n  /b/2.0.0:\n    dev: true\n",
      'pnpm-lock.yaml',
    );
    expect(lock.roots).toEqual(['a', 'b']);
  });
});

describe('pnpm-lock.yaml errors', () => {
  it('refuses a missing or unknown lockfileVersion', () => {
    expect(() => parsePnpmLock('packages: {}\n', 'pnpm-lock.yaml')).toThrow('"lockfileVersion" is missing');
    expect(() => parsePnpmLock("lockfileVersion: '4.0'\n", 'pnpm-lock.yaml')).toThrow('lockfileVersion "4.0" is not supported');
    expect(() => parsePnpmLock('lockfileVersion: next\n', 'pnpm-lock.yaml')).toThrow(LockfileError);
  });

  it('leaves out a package whose key and fields give no name, noting its line', () => {
    const lock = parsePnpmLock("lockfileVersion: '9.0'\npackages:\n  'https://example.com/x.tgz':\n    resolution: {tarball: x}\n  ms@2.1.3:\n    resolution: {integrity: sha512-x}\n", 'pnpm-lock.yaml');
    expect(leftOut(lock)).toEqual({ message: 'package "https://example.com/x.tgz": cannot tell the package name from the key', line: 3 });
    expect(names(lock)).toEqual(['ms@2.1.3']);
  });

  it('reports an importer dependency without a version', () => {
    expect(() => parsePnpmLock("lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      a:\n        specifier: ^1\n", 'pnpm-lock.yaml')).toThrow(
      '"version" is missing',
    );
  });

  it('reports invalid YAML with its line', () => {
    const err = thrown(() => parsePnpmLock("lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: x\n", 'pnpm-lock.yaml'));
    expect(err).toBeInstanceOf(LockfileError);
    expect(err.line).toBeGreaterThanOrEqual(4);
  });
});
