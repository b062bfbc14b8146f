import { describe, expect, it } from 'vitest';
import { parseCondaEnvironment } from '../../../../src/analyzers/deps/manifests/conda.js';
import { fixture, manifestError, named, skippedEntry, summary } from './helpers.js';

const parse = (text: string, file = 'environment.yml') => parseCondaEnvironment(text, file);

describe('conda environment.yml', () => {
  const manifest = parse(fixture('environment.yml'), 'ml/environment.yml');

  it('reads conda specs and the pip list, skipping python and pip themselves', () => {
    expect(manifest).toMatchObject({ ecosystem: 'PyPI', format: 'conda environment', isLibrary: false });
    expect(summary(manifest.requirements)).toEqual([
      ['numpy', '=1.24.3', '1.24.3', 8],
      ['pandas', '>=1.5,<2.1', undefined, 9],
      ['pyarrow', '==14.0.1', '14.0.1', 10],
      ['scipy', '1.11.4 py310hb13e2d6_0', '1.11.4', 11],
      ['scikit-learn', '=1.3', undefined, 12],
      ['dask', '=2023.10.1=pyhd8ed1ab_0', '2023.10.1', 13],
      ['libgdal', '', undefined, 14],
      ['great-expectations', '==0.17.23', '0.17.23', 18],
      ['apache-airflow', '>=2.7', undefined, 19],
      ['etl-utils', '', undefined, 20],
    ]);
  });

  it('reads pip entries exactly as requirements-file lines: options, markers, extras, VCS', () => {
    expect(named(manifest.requirements, 'apache-airflow')).toMatchObject({ extras: ['amazon'], marker: 'python_version >= "3.9"', group: 'main' });
    expect(named(manifest.requirements, 'etl-utils').source).toEqual({
      kind: 'vcs',
      url: 'git+https://github.com/example/etl-utils.git',
      ref: 'v1.4.2',
    });
    expect(manifest.indexes).toEqual([{ url: 'https://pypi.internal.example.com/simple', kind: 'extra', line: 16 }]);
    expect(manifest.includes).toEqual([{ file: 'ml/requirements/pipeline.txt', kind: 'requirements', line: 17 }]);
  });

  it.each([
    ['numpy=1.24.3', '1.24.3'],
    ['numpy=1.24', undefined],
    ['numpy=1.24.*', undefined],
    ['numpy==1.24', '1.24'],
    ['numpy=1.24=py310_0', '1.24'],
    ['numpy 1.24.3', '1.24.3'],
    ['numpy=1.24.3|1.24.4', undefined],
    ['numpy>=1.24,<2', undefined],
    ["numpy[version='>=1.24']", undefined],
    ["numpy[version='1.26.2', build=py311_0]", '1.26.2'],
    ['conda-forge/linux-64::numpy==1.26.2', '1.26.2'],
  ])('pins %s as %s', (spec, pinned) => {
    const [requirement] = parse(`dependencies:\n  - ${JSON.stringify(spec)}\n`).requirements;
    expect(requirement).toMatchObject({ name: 'numpy', line: 2 });
    expect(requirement!.pinnedVersion).toBe(pinned);
  });

  it('accepts an empty file, a file without dependencies and an empty list', () => {
    expect(parse('').requirements).toEqual([]);
    expect(parse('name: empty\nchannels: [conda-forge]\n').requirements).toEqual([]);
    expect(parse('name: empty\ndependencies:\n').requirements).toEqual([]);
  });

  it('follows aliases without expanding anything large', () => {
    const text = 'common: &np numpy=1.26.2\ndependencies:\n  - *np\n  - pandas\n';
    expect(parse(text).requirements.map((r) => [r.name, r.pinnedVersion])).toEqual([
      ['numpy', '1.26.2'],
      ['pandas', undefined],
    ]);
  });

  it.each([
    ['invalid YAML', 'dependencies:\n  - numpy\n  bad: [\n', 3, /^invalid YAML/],
    ['a top level that is no mapping', '- numpy\n- pandas\n', 1, /must be a mapping/],
    ['dependencies that are no list', 'dependencies: numpy\n', 1, /dependencies must be a list/],
    ['a pip list that is no list', 'dependencies:\n  - pip: pandas\n', 2, /pip must be a list/],
  ])('reports %s at its line', (_label, text, line, message) => {
    const error = manifestError(() => parse(text));
    expect(error.message).toMatch(message);
    expect(error.line).toBe(line);
  });

  it.each([
    ['an entry that is neither spec nor pip list', 'dependencies:\n  - numpy\n  - {channel: x}\n  - scipy\n', 3, /conda package spec or a pip: list/, ['numpy', 'scipy']],
    ['a spec that is garbage', 'dependencies:\n  - "!!!"\n  - numpy\n', 2, /invalid conda package spec/, ['numpy']],
    ['a version that is garbage', 'dependencies:\n  - "numpy=1.2$"\n  - scipy\n', 2, /invalid version/, ['scipy']],
    ['a bad pip line', 'dependencies:\n  - pip:\n      - pandas\n      - --bogus\n      - requests\n', 4, /unknown option/, ['pandas', 'requests']],
    ['a pip entry that is no string', 'dependencies:\n  - pip:\n      - [x]\n      - requests\n', 3, /each pip entry must be a string/, ['requests']],
  ])('leaves out %s, noting its line, and reads the rest', (_label, text, line, reason, names) => {
    const manifest = parse(text);
    expect(skippedEntry(manifest)).toEqual({ line, reason: expect.stringMatching(reason) });
    expect(manifest.requirements.map((r) => r.name)).toEqual(names);
  });

  it('refuses nesting deep enough to exhaust the YAML parser before parsing, quickly', () => {
    const started = performance.now();
    const hostile = [
      `name: x\ndependencies: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
      `name: x\ndependencies:\n  ${'- '.repeat(5_000)}numpy\n`,
      `name: x\ndependencies:\n${Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i + 2)}k:`).join('\n')} v\n`,
    ];
    for (const text of hostile) {
      const error = manifestError(() => parse(text));
      expect(error.message).toMatch(/nesting too deep/);
      expect(error.line).toBeGreaterThanOrEqual(2);
    }
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses more aliases than a real file has', () => {
    const text = `np: &np numpy\ndependencies:\n${'  - *np\n'.repeat(101)}`;
    expect(manifestError(() => parse(text))).toMatchObject({ message: 'more than 100 aliases', line: 103 });
  });

  it('reports duplicate keys at the repeated key', () => {
    expect(manifestError(() => parse('dependencies: []\ndependencies: []\n')).line).toBe(2);
  });
});
