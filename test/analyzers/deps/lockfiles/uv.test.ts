import { describe, expect, it } from 'vitest';
import { LockfileError } from '../../../../src/analyzers/deps/lockfiles/errors.js';
import { parseUvLock } from '../../../../src/analyzers/deps/lockfiles/uv.js';
import { fixture, leftOut, names, pathTo, pkg, thrown } from './helpers.js';

describe('uv.lock', () => {
  const lock = parseUvLock(fixture('uv.lock'), 'uv.lock');

  it('leaves the project itself out of the packages', () => {
    expect(lock).toMatchObject({ ecosystem: 'PyPI', format: 'uv.lock' });
    expect(lock.packages.some((p) => p.name === 'feed-pipeline')).toBe(false);
    expect(lock.packages).toHaveLength(18);
  });

  it("takes the roots from the project's dependencies, extras, dev groups, and the workspace members", () => {
    expect(lock.roots).toEqual(['apache-airflow', 'feed-utils', 'local-transforms', 'numpy', 'weather-client', 'pyarrow', 'pytest']);
    expect(pkg(lock, 'pyarrow').direct).toBe(true);
    expect(pkg(lock, 'requests').direct).toBe(false);
  });

  it('marks as dev what only dev roots reach, a member’s own dev group included', () => {
    expect(lock.packages.filter((p) => p.dev).map((p) => p.name)).toEqual(['hypothesis', 'iniconfig', 'pytest']);
  });

  it('keeps both versions of a forked resolution', () => {
    expect(pkg(lock, 'numpy', '1.26.4').line).toBe(135);
    expect(pkg(lock, 'numpy', '2.0.0').line).toBe(144);
    expect(pkg(lock, 'pandas').dependencies).toEqual(['numpy', 'python-dateutil']);
  });

  it('gives a path root → mid → leaf', () => {
    expect(pathTo(lock, 'markupsafe')).toEqual(['apache-airflow', 'jinja2', 'markupsafe']);
  });

  it('collects sdist and wheel hashes', () => {
    expect(pkg(lock, 'apache-airflow').hashes).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/), expect.stringMatching(/^sha256:/)]);
    expect(pkg(lock, 'markupsafe').hashes).toHaveLength(1);
  });

  it('reads git (commit as ref), url and editable sources; registry is none', () => {
    expect(pkg(lock, 'feed-utils').source).toEqual({
      kind: 'vcs',
      url: 'https://github.com/example-data/feed-utils',
      ref: '9f2c1e7b4a6d8c0e5f3a1b2c4d6e8f0a1b3c5d7e',
    });
    expect(pkg(lock, 'weather-client').source).toEqual({ kind: 'url', url: 'https://downloads.example.com/weather_client-1.2.0-py3-none-any.whl' });
    expect(pkg(lock, 'local-transforms').source).toEqual({ kind: 'path', path: 'libs/transforms' });
    expect(pkg(lock, 'jinja2').source).toBeUndefined();
  });

  it('falls back to the asked-for rev when the git source has no commit', () => {
    const lock = parseUvLock('[[package]]\nname = "lib"\nversion = "1.0"\nsource = { git = "https://example.com/lib.git?tag=v1" }\n', 'uv.lock');
    expect(pkg(lock, 'lib').source).toEqual({ kind: 'vcs', url: 'https://example.com/lib.git', ref: 'v1' });
  });

  it('derives the roots when there is no project entry', () => {
    const lock = parseUvLock(
      [
        '[[package]]',
        'name = "jinja2"',
        'version = "3.1.4"',
        'source = { registry = "https://pypi.org/simple" }',
        'dependencies = [{ name = "MarkupSafe" }]',
        '',
        '[[package]]',
        'name = "markupsafe"',
        'version = "2.1.5"',
        'source = { registry = "https://pypi.org/simple" }',
      ].join('\n'),
      'uv.lock',
    );
    expect(lock.roots).toEqual(['jinja2']);
    expect(pkg(lock, 'jinja2')).toMatchObject({ direct: true, dev: false, dependencies: ['markupsafe'] });
  });

  it('leaves out a package with a dependency without a name, at the package’s line', () => {
    const lock = parseUvLock('version = 1\n\n[[package]]\nname = "a"\nversion = "1"\ndependencies = [{ version = "2" }]\n\n[[package]]\nname = "b"\nversion = "2"\n', 'uv.lock');
    expect(leftOut(lock)).toEqual({ message: 'package "a": "dependencies"[0]: "name" is missing', line: 3 });
    expect(names(lock)).toEqual(['b@2']);
  });

  it('reports invalid TOML with its line', () => {
    const err = thrown(() => parseUvLock('version = 1\n[[package]\nname = "a"\n', 'uv.lock'));
    expect(err).toBeInstanceOf(LockfileError);
    expect(err.line).toBe(2);
  });
});
