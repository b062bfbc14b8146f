import { describe, expect, it } from 'vitest';
import { LockfileError } from '../../../../src/analyzers/deps/lockfiles/errors.js';
import { parsePipfileLock } from '../../../../src/analyzers/deps/lockfiles/pipfile.js';
import { fixture, leftOut, names, pkg, thrown } from './helpers.js';

describe('Pipfile.lock', () => {
  const lock = parsePipfileLock(fixture('Pipfile.lock'), 'Pipfile.lock');

  it('reads both sections, every entry a root without dependencies', () => {
    expect(lock).toMatchObject({ ecosystem: 'PyPI', format: 'Pipfile.lock' });
    expect(lock.packages.map((p) => p.name)).toEqual([
      'certifi',
      'feed-utils',
      'local-transforms',
      'numpy',
      'packaging',
      'pandas',
      'pyyaml',
      'requests',
      'urllib3',
      'weather-client',
      'iniconfig',
      'pytest',
    ]);
    expect(lock.roots).toEqual(lock.packages.map((p) => p.name));
    expect(lock.packages.every((p) => p.direct && p.dependencies.length === 0)).toBe(true);
  });

  it('strips "==" from versions and normalises names', () => {
    expect(pkg(lock, 'pyyaml')).toMatchObject({ version: '6.0.1', line: 59 });
    expect(pkg(lock, 'requests').hashes).toEqual([expect.stringMatching(/^sha256:/), expect.stringMatching(/^sha256:/)]);
  });

  it('marks develop-only entries dev; one in both sections is kept once, not dev', () => {
    expect(pkg(lock, 'pytest')).toMatchObject({ dev: true, line: 104 });
    expect(pkg(lock, 'packaging')).toMatchObject({ dev: false, line: 45 });
  });

  it('reads git, path and file sources (no version for VCS and path entries)', () => {
    expect(pkg(lock, 'feed-utils')).toMatchObject({
      version: '',
      source: { kind: 'vcs', url: 'https://github.com/example-data/feed-utils.git', ref: '9f2c1e7b4a6d8c0e5f3a1b2c4d6e8f0a1b3c5d7e' },
    });
    expect(pkg(lock, 'local-transforms').source).toEqual({ kind: 'path', path: './libs/transforms' });
    expect(pkg(lock, 'weather-client').source).toEqual({ kind: 'url', url: 'https://downloads.example.com/weather_client-1.2.0-py3-none-any.whl' });
    expect(pkg(lock, 'pandas').source).toBeUndefined();
  });

  it('keeps credentials out of source URLs', () => {
    const lock = parsePipfileLock(JSON.stringify({ default: { lib: { git: 'https://ci:ghp_secret@github.com/org/lib.git', ref: 'abc' } } }), 'Pipfile.lock');
    expect(pkg(lock, 'lib').source).toEqual({ kind: 'vcs', url: 'https://***@github.com/org/lib.git', ref: 'abc' });
  });

  it('reports truncated JSON with a line', () => {
    const text = fixture('Pipfile.lock');
    const err = thrown(() => parsePipfileLock(text.slice(0, text.indexOf('"pandas"')), 'Pipfile.lock'));
    expect(err).toBeInstanceOf(LockfileError);
    expect(err.message).toMatch(/^invalid JSON/);
    expect(err.line).toBe(52);
  });

  it('leaves out a wrongly typed entry, noting its line, and keeps the others', () => {
    const lock = parsePipfileLock('{\n  "default": {\n    "six": {"version": "==1.16.0", "hashes": "sha256:x"},\n    "idna": {"version": "==3.7"}\n  }\n}', 'Pipfile.lock');
    expect(leftOut(lock)).toEqual({ message: 'default "six": "hashes" must be a list', line: 3 });
    expect(names(lock)).toEqual(['idna@3.7']);
    expect(() => parsePipfileLock('[]', 'Pipfile.lock')).toThrow('Pipfile.lock must be a mapping');
  });
});
