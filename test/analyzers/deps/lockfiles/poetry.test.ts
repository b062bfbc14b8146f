import { describe, expect, it } from 'vitest';
import { LockfileError } from '../../../../src/analyzers/deps/lockfiles/errors.js';
import { parsePoetryLock } from '../../../../src/analyzers/deps/lockfiles/poetry.js';
import { fixture, leftOut, names, pathTo, pkg, thrown } from './helpers.js';

describe('poetry.lock (lock-version 2.1, groups)', () => {
  const lock = parsePoetryLock(fixture('poetry.lock'), 'jobs/poetry.lock');

  it('reads every [[package]] with its version and header line', () => {
    expect(lock).toMatchObject({ type: 'lockfile', ecosystem: 'PyPI', format: 'poetry.lock' });
    expect(lock.packages).toHaveLength(23);
    expect(pkg(lock, 'apache-airflow')).toMatchObject({ version: '2.9.1', line: 3 });
    expect(pkg(lock, 'python-dateutil')).toMatchObject({ version: '2.9.0.post0', line: 220 });
  });

  it('lists dependencies by normalised name, whatever the value shape', () => {
    // "Jinja2" and "MarkupSafe" as written; numpy under pandas is a list of marker-split constraints.
    expect(pkg(lock, 'jinja2').dependencies).toEqual(['markupsafe']);
    expect(pkg(lock, 'pandas').dependencies).toEqual(['numpy', 'python-dateutil', 'pytz', 'tzdata']);
    expect(pkg(lock, 'pytest').dependencies).toEqual(['colorama', 'iniconfig', 'packaging', 'pluggy']);
  });

  it('drops an optional dependency the lock does not hold', () => {
    expect(pkg(lock, 'apache-airflow').dependencies).toEqual(['jinja2', 'requests']);
  });

  it('derives the roots as the packages nothing else depends on', () => {
    expect(lock.roots).toEqual(['apache-airflow', 'feed-utils', 'local-transforms', 'pytest', 'weather-client', 'warehouse-hooks']);
    expect(pkg(lock, 'apache-airflow').direct).toBe(true);
    expect(pkg(lock, 'jinja2').direct).toBe(false);
  });

  it('gives a path root → mid → leaf', () => {
    expect(pathTo(lock, 'markupsafe')).toEqual(['apache-airflow', 'jinja2', 'markupsafe']);
    expect(pathTo(lock, 'six')).toEqual(['local-transforms', 'pandas', 'python-dateutil', 'six']);
  });

  it('marks packages outside the "main" group as dev', () => {
    expect(lock.packages.filter((p) => p.dev).map((p) => p.name)).toEqual(['colorama', 'iniconfig', 'packaging', 'pluggy', 'pytest']);
  });

  it('keeps file hashes as sha256:…', () => {
    expect(pkg(lock, 'apache-airflow').hashes).toHaveLength(2);
    expect(pkg(lock, 'apache-airflow').hashes[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(pkg(lock, 'feed-utils').hashes).toEqual([]);
  });

  it('reads git, url and directory sources; a legacy index is no direct source', () => {
    expect(pkg(lock, 'feed-utils').source).toEqual({
      kind: 'vcs',
      url: 'https://github.com/example-data/feed-utils.git',
      ref: '9f2c1e7b4a6d8c0e5f3a1b2c4d6e8f0a1b3c5d7e',
    });
    expect(pkg(lock, 'weather-client').source).toEqual({ kind: 'url', url: 'https://downloads.example.com/weather_client-1.2.0-py3-none-any.whl' });
    expect(pkg(lock, 'local-transforms').source).toEqual({ kind: 'path', path: 'libs/transforms' });
    expect(pkg(lock, 'warehouse-hooks').source).toBeUndefined();
    expect(pkg(lock, 'requests').source).toBeUndefined();
  });
});

describe('poetry.lock (lock-version 1.1, category and [metadata.files])', () => {
  const lock = parsePoetryLock(fixture('poetry-1.1.lock'), 'poetry.lock');

  it('takes dev from category and hashes from [metadata.files], matching names normalised', () => {
    expect(pkg(lock, 'toml').dev).toBe(true);
    expect(pkg(lock, 'requests').dev).toBe(false);
    expect(pkg(lock, 'pyyaml').hashes).toHaveLength(2);
    expect(pkg(lock, 'certifi').hashes[0]).toMatch(/^sha256:/);
    expect(lock.roots).toEqual(['pyyaml', 'requests', 'toml']);
  });
});

describe('poetry.lock (lock-version 2.0, no group information)', () => {
  it('marks nothing dev', () => {
    const lock = parsePoetryLock(
      [
        '[[package]]',
        'name = "pytest"',
        'version = "8.2.0"',
        'optional = false',
        'files = []',
        '',
        '[metadata]',
        'lock-version = "2.0"',
      ].join('\n'),
      'poetry.lock',
    );
    expect(pkg(lock, 'pytest')).toMatchObject({ dev: false, direct: true, line: 1 });
  });
});

describe('poetry.lock file sources', () => {
  it('reads a local archive as a path source', () => {
    const lock = parsePoetryLock(
      '[[package]]\nname = "vendored"\nversion = "1.0"\n\n[package.source]\ntype = "file"\nurl = "vendor/vendored-1.0.tar.gz"\n',
      'poetry.lock',
    );
    expect(pkg(lock, 'vendored').source).toEqual({ kind: 'path', path: 'vendor/vendored-1.0.tar.gz' });
  });
});

describe('poetry.lock errors', () => {
  it('reports invalid TOML with its line', () => {
    const err = thrown(() => parsePoetryLock('[[package]]\nname = "a"\nversion = "1.0\n', 'poetry.lock'));
    expect(err).toBeInstanceOf(LockfileError);
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^invalid TOML/);
    expect((err as LockfileError).file).toBe('poetry.lock');
  });

  it('leaves out a package with a wrongly typed field, naming it and its line, and keeps the others', () => {
    const lock = parsePoetryLock('[[package]]\nname = "a"\nversion = "1"\n\n[[package]]\nname = "B_c"\nversion = 2\n', 'poetry.lock');
    expect(leftOut(lock)).toEqual({ message: 'package "b-c": "version" must be a string', line: 5 });
    expect(names(lock)).toEqual(['a@1']);
  });

  it('leaves out a package without a name', () => {
    expect(leftOut(parsePoetryLock('[[package]]\nversion = "1"\n', 'poetry.lock')).message).toBe('package #1: "name" is missing');
  });

  it('reports "package" that is not an array of tables; leaves out an element that is no table', () => {
    expect(() => parsePoetryLock('package = "x"\n', 'poetry.lock')).toThrow(LockfileError);
    expect(leftOut(parsePoetryLock('package = ["x"]\n', 'poetry.lock')).message).toBe('package #1 must be a mapping');
  });

  it('parses an empty lock', () => {
    expect(parsePoetryLock('', 'poetry.lock')).toEqual({ type: 'lockfile', ecosystem: 'PyPI', format: 'poetry.lock', packages: [], roots: [], skipped: [] });
  });
});
