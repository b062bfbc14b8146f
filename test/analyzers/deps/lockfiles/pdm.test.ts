import { describe, expect, it } from 'vitest';
import { parsePdmLock } from '../../../../src/analyzers/deps/lockfiles/pdm.js';
import { fixture, leftOut, names, pathTo, pkg } from './helpers.js';

describe('pdm.lock', () => {
  const lock = parsePdmLock(fixture('pdm.lock'), 'pdm.lock');

  it('merges an extras entry into its package, without a self-edge', () => {
    expect(lock).toMatchObject({ ecosystem: 'PyPI', format: 'pdm.lock' });
    expect(lock.packages.filter((p) => p.name === 'apache-airflow')).toHaveLength(1);
    expect(pkg(lock, 'apache-airflow')).toMatchObject({
      line: 10,
      dependencies: ['jinja2', 'requests', 'apache-airflow-providers-postgres'],
    });
    expect(pkg(lock, 'apache-airflow').hashes).toHaveLength(2);
  });

  it('reads names from PEP 508 strings with extras, versions and markers', () => {
    expect(pkg(lock, 'local-transforms').dependencies).toEqual(['pandas']);
    expect(pkg(lock, 'jinja2').dependencies).toEqual(['markupsafe']);
    // colorama (win32 only) is not locked: the edge is dropped.
    expect(pkg(lock, 'pytest').dependencies).toEqual(['iniconfig']);
  });

  it('roots a cycle nothing else depends on at the member first walked into', () => {
    // apache-airflow[postgres] → providers-postgres → apache-airflow
    expect(lock.roots).toEqual(['apache-airflow', 'feed-utils', 'local-transforms', 'pytest', 'weather-client']);
    expect(pathTo(lock, 'psycopg2-binary')).toEqual(['apache-airflow', 'apache-airflow-providers-postgres', 'psycopg2-binary']);
    expect(pathTo(lock, 'markupsafe')).toEqual(['apache-airflow', 'jinja2', 'markupsafe']);
  });

  it('marks packages outside the default group as dev', () => {
    expect(lock.packages.filter((p) => p.dev).map((p) => p.name)).toEqual(['iniconfig', 'pytest']);
  });

  it('reads git (resolved revision), url and path sources', () => {
    expect(pkg(lock, 'feed-utils').source).toEqual({
      kind: 'vcs',
      url: 'https://github.com/example-data/feed-utils.git',
      ref: '9f2c1e7b4a6d8c0e5f3a1b2c4d6e8f0a1b3c5d7e',
    });
    expect(pkg(lock, 'weather-client').source).toEqual({ kind: 'url', url: 'https://downloads.example.com/weather_client-1.2.0-py3-none-any.whl' });
    expect(pkg(lock, 'local-transforms').source).toEqual({ kind: 'path', path: './libs/transforms' });
  });

  it('reads lock 3 hashes from [metadata.files] keyed "name version"', () => {
    const lock = parsePdmLock(
      [
        '[[package]]',
        'name = "PyYAML"',
        'version = "6.0.1"',
        'summary = "YAML parser and emitter for Python"',
        '',
        '[metadata]',
        'lock_version = "3.1"',
        '',
        '[metadata.files]',
        '"pyyaml 6.0.1" = [',
        '    {url = "https://files.pythonhosted.org/packages/PyYAML-6.0.1.tar.gz", hash = "sha256:bfdf460b1736c775f2ba9f6a92bca30bc2095067b8a9d77876d1fad6cc3b4a43"},',
        ']',
      ].join('\n'),
      'pdm.lock',
    );
    expect(pkg(lock, 'pyyaml')).toMatchObject({ dev: false, hashes: ['sha256:bfdf460b1736c775f2ba9f6a92bca30bc2095067b8a9d77876d1fad6cc3b4a43'] });
  });

  it('reports a dependency that is not a requirement', () => {
    const lock = parsePdmLock('[[package]]\nname = "a"\nversion = "1"\ndependencies = [">=2"]\n\n[[package]]\nname = "b"\nversion = "2"\n', 'pdm.lock');
    expect(leftOut(lock)).toEqual({ message: 'package "a": dependency ">=2" does not start with a package name', line: 1 });
    expect(names(lock)).toEqual(['b@2']);
    expect(leftOut(parsePdmLock('[[package]]\nname = "a"\ndependencies = [1]\n', 'pdm.lock')).message).toContain('"dependencies" must hold strings');
  });
});
