import { describe, expect, it } from 'vitest';
import { parsePackageJson } from '../../../../src/analyzers/deps/manifests/package-json.js';
import { fixture, manifestError, named, skippedEntry, summary } from './helpers.js';

const parse = (text: string) => parsePackageJson(text, 'dashboard/package.json');

describe('package.json', () => {
  const manifest = parse(fixture('package.json'));

  it('reads every dependency section with specifiers as written, exact versions as pins, and lines', () => {
    expect(manifest).toMatchObject({ ecosystem: 'npm', format: 'package.json', isLibrary: false, indexes: [], includes: [] });
    expect(summary(manifest.requirements)).toEqual([
      ['express', '4.18.2', '4.18.2', 8],
      ['@duckdb/duckdb-wasm', '^1.28.0', undefined, 9],
      ['apache-arrow', '~14.0.1', undefined, 10],
      ['lodash-es', '4.17.21', '4.17.21', 11],
      ['@observablehq/d3', '^7.8.5', undefined, 12],
      ['csv-parse', 'github:adaltas/node-csv#csv-parse@5.5.2', undefined, 13],
      ['internal-charts', 'git+ssh://git@github.com/example/internal-charts.git#v2.0.0', undefined, 14],
      ['schema-registry', 'file:../schema-registry', undefined, 15],
      ['vendored-pako', 'https://registry.example.com/pako/-/pako-2.1.0.tgz', undefined, 16],
      ['parquet-wasm', 'example/parquet-wasm', undefined, 17],
      ['kafkajs', 'latest', undefined, 18],
      ['vitest', '=1.0.4', '1.0.4', 21],
      ['typescript', '>=5.2 <5.4', undefined, 22],
      ['fsevents', '2.3.3', '2.3.3', 25],
      ['react', '^18.0.0', undefined, 28],
    ]);
    expect([...new Set(manifest.requirements.map((r) => r.group))]).toEqual(['main', 'dev', 'optional', 'peer']);
  });

  it('records git, GitHub shorthand, tarball URL and local specifiers as sources', () => {
    expect(named(manifest.requirements, 'csv-parse').source).toEqual({ kind: 'vcs', url: 'github:adaltas/node-csv', ref: 'csv-parse@5.5.2' });
    expect(named(manifest.requirements, 'internal-charts').source).toEqual({
      kind: 'vcs',
      url: 'git+ssh://git@github.com/example/internal-charts.git',
      ref: 'v2.0.0',
    });
    expect(named(manifest.requirements, 'parquet-wasm').source).toEqual({ kind: 'vcs', url: 'example/parquet-wasm' });
    expect(named(manifest.requirements, 'vendored-pako').source).toEqual({ kind: 'url', url: 'https://registry.example.com/pako/-/pako-2.1.0.tgz' });
    expect(named(manifest.requirements, 'schema-registry').source).toEqual({ kind: 'path', path: 'file:../schema-registry' });
    const local = parse('{"dependencies": {"a": "../a", "b": "link:../b", "c": "workspace:*", "d": "~/d", "e": "1.x"}}');
    expect(local.requirements.map((r) => r.source?.kind)).toEqual(['path', 'path', 'path', 'path', undefined]);
  });

  it('records an npm: alias under the real package name, scoped or not', () => {
    expect(named(manifest.requirements, 'lodash-es')).toMatchObject({ specifier: '4.17.21', pinnedVersion: '4.17.21' });
    expect(named(manifest.requirements, '@observablehq/d3').specifier).toBe('^7.8.5');
    expect(parse('{"dependencies": {"x": "npm:left-pad"}}').requirements[0]).toMatchObject({ name: 'left-pad', specifier: '' });
  });

  it.each([
    ['a private application', { private: true, name: 'a', version: '1.0.0', exports: './index.js' }, false],
    ['what npm init writes', { name: 'a', version: '1.0.0', main: 'index.js' }, false],
    ['a published package with exports', { name: 'a', version: '1.0.0', exports: './index.js' }, true],
    ['a published package with files', { name: 'a', version: '1.0.0', files: ['dist'] }, true],
    ['a package with types but no version', { name: 'a', types: 'index.d.ts' }, false],
  ])('%s → isLibrary %s', (_label, doc, expected) => {
    expect(parse(JSON.stringify(doc)).isLibrary).toBe(expected);
  });

  it.each([
    ['invalid JSON', '{\n  "dependencies": {\n    "a": "1",\n  }\n}\n', 4, /^invalid JSON/],
    ['truncated JSON', '{\n  "dependencies": {\n', 3, /^invalid JSON/],
    ['a document that is no object', '[1, 2]', 1, /must hold a JSON object/],
    ['a section that is no object', '{\n  "name": "a",\n  "dependencies": ["express"]\n}', 3, /dependencies must be an object/],
  ])('reports %s at its line', (_label, text, line, message) => {
    const error = manifestError(() => parse(text));
    expect(error.message).toMatch(message);
    expect(error.line).toBe(line);
  });

  it.each([
    ['a specifier that is no string', '{\n  "devDependencies": {\n    "vitest": 1,\n    "tsx": "4.7.0"\n  }\n}', 3, /devDependencies\.vitest must be a version string/, ['tsx']],
    ['an alias naming nothing', '{"dependencies": {"x": "npm:", "express": "4.18.2"}}', 1, /names no package/, ['express']],
  ])('leaves out %s, noting its line, and reads the rest', (_label, text, line, reason, names) => {
    const manifest = parse(text);
    expect(skippedEntry(manifest)).toEqual({ line, reason: expect.stringMatching(reason) });
    expect(manifest.requirements.map((r) => r.name)).toEqual(names);
  });

  it('places keys by their own line even with escapes, nested objects and repeated keys', () => {
    const text = [
      '{',
      '  "scripts": {"dependencies": {"x": "1"}},',
      '  "dependencies": {',
      '    "we\\"ird": "1.0.0",',
      '    "dup": "1.0.0",',
      '    "dup": "2.0.0"',
      '  }',
      '}',
    ].join('\n');
    expect(summary(parse(text).requirements)).toEqual([
      ['we"ird', '1.0.0', '1.0.0', 4],
      ['dup', '2.0.0', '2.0.0', 6],
    ]);
  });

  it('handles hostile nesting without trouble', () => {
    const deep = `{"dependencies": {"a": "1.0.0"}, "x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(summary(parse(deep).requirements)).toEqual([['a', '1.0.0', '1.0.0', 1]]);
  });
});
