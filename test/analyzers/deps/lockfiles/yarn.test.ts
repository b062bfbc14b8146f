import { describe, expect, it } from 'vitest';
import { LockfileError } from '../../../../src/analyzers/deps/lockfiles/errors.js';
import { parseYarnLock } from '../../../../src/analyzers/deps/lockfiles/yarn.js';
import { fixture, leftOut, names, pathTo, pkg, thrown } from './helpers.js';

describe('yarn.lock v1', () => {
  const lock = parseYarnLock(fixture('yarn-v1.lock'), 'yarn.lock');

  it('reads every entry at its header line', () => {
    expect(lock).toMatchObject({ ecosystem: 'npm', format: 'yarn.lock v1' });
    expect(lock.packages).toHaveLength(23);
    expect(pkg(lock, '@types/node')).toMatchObject({ version: '20.12.7', line: 5, dependencies: ['undici-types'] });
    // One entry for several descriptors.
    expect(pkg(lock, 'csv-parse')).toMatchObject({ version: '5.5.5', line: 33 });
  });

  it('keeps both versions of a package', () => {
    expect(pkg(lock, 'ms', '2.1.2').line).toBe(103);
    expect(pkg(lock, 'ms', '2.1.3').line).toBe(108);
  });

  it('derives the roots and marks nothing dev (the format does not say)', () => {
    expect(lock.roots).toEqual(['@types/node', 'axios', 'feed-tools', 'geo-lookup', 'lodash', 'nock', 'shared-config']);
    expect(lock.packages.some((p) => p.dev)).toBe(false);
  });

  it('gives a path through several levels', () => {
    expect(pathTo(lock, 'delayed-stream')).toEqual(['axios', 'form-data', 'combined-stream', 'delayed-stream']);
  });

  it('reads integrity, aliases and git, url and file: sources', () => {
    expect(pkg(lock, 'axios').hashes).toEqual([expect.stringMatching(/^sha512-/)]);
    expect(pkg(lock, 'axios').source).toBeUndefined();
    expect(pkg(lock, 'lodash')).toMatchObject({ version: '4.17.21', direct: true });
    expect(pkg(lock, 'feed-tools').source).toEqual({
      kind: 'vcs',
      url: 'https://github.com/example-data/feed-tools.git',
      ref: '3b1f0c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c',
    });
    expect(pkg(lock, 'geo-lookup').source).toEqual({ kind: 'url', url: 'https://downloads.example.com/geo-lookup-2.0.1.tgz' });
    expect(pkg(lock, 'shared-config')).toMatchObject({ source: { kind: 'path', path: './packages/shared-config' }, dependencies: ['dotenv'] });
  });

  it('reads an empty lockfile and tolerates CRLF line ends', () => {
    expect(parseYarnLock('# yarn lockfile v1\n', 'yarn.lock').packages).toEqual([]);
    const crlf = parseYarnLock('a@^1:\r\n  version "1.0.0"\r\n  dependencies:\r\n    b "^2"\r\n\r\nb@^2:\r\n  version "2.0.0"\r\n', 'yarn.lock');
    expect(pkg(crlf, 'a')).toMatchObject({ version: '1.0.0', dependencies: ['b'] });
  });

  it.each([
    ['a broken header', 'a@^1:\n  version "1.0.0"\n\nb@^2\n  version "2.0.0"\n', 4, 'expected an entry header: descriptors followed by ":"'],
    ['a header with junk between descriptors', '"a@^1" "a@^2":\n  version "1"\n', 1, 'expected "," between the descriptors of an entry header'],
    ['an empty descriptor', 'a@^1, :\n  version "1"\n', 1, 'expected a descriptor in the entry header'],
    ['a field outside any entry', '  version "1.0.0"\n', 1, 'unexpected indentation of 2 spaces'],
    ['a block member outside a block', 'a@^1:\n  version "1.0.0"\n    b "^2"\n', 3, 'unexpected indentation of 4 spaces'],
    ['odd indentation', 'a@^1:\n   version "1.0.0"\n', 2, 'unexpected indentation of 3 spaces'],
    ['tab indentation', 'a@^1:\n\tversion "1.0.0"\n', 2, 'indentation must be spaces'],
    ['an unterminated string', 'a@^1:\n  version "1.0.0\n', 2, 'unterminated string'],
    ['a bad escape', 'a@^1:\n  version "1.0\\x"\n', 2, 'invalid string "1.0\\x"'],
    ['a field without a value', 'a@^1:\n  version\n', 2, 'expected a value or ":" after "version"'],
    ['text after a value', 'a@^1:\n  version "1.0.0" "2"\n', 2, 'unexpected text after the value of "version"'],
    ['a nested block', 'a@^1:\n  dependencies:\n    b:\n', 3, '"b" opens a block where a value is expected'],
  ])('reports %s with its line', (_, text, line, message) => {
    const err = thrown(() => parseYarnLock(text, 'yarn.lock'));
    expect(err).toBeInstanceOf(LockfileError);
    expect(err.message).toBe(message);
    expect(err.line).toBe(line);
  });

  it.each([
    ['an entry without a version', '\n"a@^1":\n  resolved "https://example.com/a.tgz"\n', 2, 'entry "a@^1": "version" is missing'],
    ['a descriptor without a range', 'lodash:\n  version "1"\n', 1, 'entry "lodash": "lodash" is not name@range'],
  ])('leaves out %s, noting its line, and keeps the other entries', (_, text, line, message) => {
    const lock = parseYarnLock(`${text}\nms@^2.1.3:\n  version "2.1.3"\n`, 'yarn.lock');
    expect(leftOut(lock)).toEqual({ message, line });
    expect(names(lock)).toEqual(['ms@2.1.3']);
  });
});

describe('yarn.lock berry', () => {
  const lock = parseYarnLock(fixture('yarn-berry.lock'), 'yarn.lock');

  it('reads every resolution, leaving out the project workspace', () => {
    expect(lock).toMatchObject({ ecosystem: 'npm', format: 'yarn.lock berry' });
    expect(lock.packages.some((p) => p.name === 'orders-ingest')).toBe(false);
    expect(pkg(lock, 'axios')).toMatchObject({ version: '1.6.8', line: 23, dependencies: ['follow-redirects', 'form-data', 'proxy-from-env'] });
  });

  it("takes the roots from the project workspace's dependencies and the other workspaces", () => {
    expect(lock.roots).toEqual(['@orders/shared-config', 'axios', 'csv-parse', 'feed-tools', 'geo-lookup', 'lodash', 'nock', 'resolve']);
    expect(pkg(lock, '@orders/shared-config')).toMatchObject({
      version: '0.0.0-use.local',
      source: { kind: 'path', path: 'packages/shared-config' },
      dependencies: ['dotenv'],
    });
    expect(lock.packages.some((p) => p.dev)).toBe(false);
  });

  it('gives a path through several levels', () => {
    expect(pathTo(lock, 'delayed-stream')).toEqual(['axios', 'form-data', 'combined-stream', 'delayed-stream']);
  });

  it('merges a builtin patch with the package it patches', () => {
    expect(pkg(lock, 'resolve')).toMatchObject({ version: '1.22.8', line: 198, dependencies: ['path-parse'] });
    expect(pkg(lock, 'resolve').hashes).toHaveLength(2);
    expect(pkg(lock, 'resolve').source).toBeUndefined();
  });

  it('keeps checksums as written and reads aliases, git and url resolutions', () => {
    expect(pkg(lock, 'axios').hashes).toEqual([expect.stringMatching(/^10c0\/[0-9a-f]+$/)]);
    expect(pkg(lock, 'lodash')).toMatchObject({ version: '4.17.21', direct: true });
    expect(pkg(lock, 'feed-tools').source).toEqual({
      kind: 'vcs',
      url: 'https://github.com/example-data/feed-tools.git',
      ref: '3b1f0c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c',
    });
    expect(pkg(lock, 'geo-lookup').source).toEqual({ kind: 'url', url: 'https://downloads.example.com/geo-lookup-2.0.1.tgz' });
  });

  it('reads link: and portal: as path sources', () => {
    const lock = parseYarnLock(
      '__metadata:\n  version: 8\n\n"cfg@portal:../cfg::locator=app%40workspace%3A.":\n  version: 0.0.0-use.local\n  resolution: "cfg@portal:../cfg::locator=app%40workspace%3A."\n',
      'yarn.lock',
    );
    expect(pkg(lock, 'cfg')).toMatchObject({ source: { kind: 'path', path: '../cfg' }, line: 4, direct: true });
  });

  it('reports invalid YAML with its line', () => {
    const err = thrown(() => parseYarnLock('__metadata:\n  version: 8\n\n"a@npm:^1":\n  version: [1\n', 'yarn.lock'));
    expect(err).toBeInstanceOf(LockfileError);
    expect(err.message).toMatch(/^invalid YAML/);
    expect(err.line).toBeGreaterThanOrEqual(5);
  });

  it('reports an entry without a usable resolution', () => {
    const lock = parseYarnLock('__metadata:\n  version: 8\n\n"a@npm:^1":\n  version: 1.0.0\n\n"ms@npm:^2":\n  version: 2.1.3\n  resolution: "ms@npm:2.1.3"\n', 'yarn.lock');
    expect(leftOut(lock)).toEqual({ message: 'entry "a@npm:^1": "resolution" is missing', line: 4 });
    expect(names(lock)).toEqual(['ms@2.1.3']);
    expect(leftOut(parseYarnLock('__metadata:\n  version: 8\n"a":\n  resolution: a\n', 'yarn.lock')).message).toContain('resolution "a" is not name@reference');
    expect(leftOut(parseYarnLock('__metadata:\n  version: 8\n"a@npm:^1":\n  - 1\n', 'yarn.lock')).message).toContain('entry "a@npm:^1" must be a mapping');
  });
});
