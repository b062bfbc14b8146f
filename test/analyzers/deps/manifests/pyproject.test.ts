import { describe, expect, it } from 'vitest';
import { parsePyproject } from '../../../../src/analyzers/deps/manifests/pyproject.js';
import { fixture, manifestError, named, skippedEntry, summary } from './helpers.js';

const parse = (text: string) => parsePyproject(text, 'pyproject.toml');

describe('pyproject.toml, PEP 621 and PEP 735 (with uv settings)', () => {
  const manifest = parse(fixture('pyproject-pep621.toml'));

  it('reads dependencies, each extra and each dependency group under its name, one line per array element', () => {
    expect(manifest).toMatchObject({ ecosystem: 'PyPI', format: 'uv', isLibrary: true, includes: [] });
    expect(manifest.requirements.map((r) => [r.name, r.group, r.line])).toEqual([
      ['pandas', 'main', 10],
      ['pyarrow', 'main', 11],
      ['boto3', 'main', 12],
      ['s3fs', 'main', 13],
      ['apache-airflow-providers-amazon', 'main', 14],
      ['pyspark', 'spark', 18],
      ['great-expectations', 'validation', 20],
      ['pandera', 'validation', 21],
      ['pytest', 'test', 25],
      ['moto', 'test', 25],
      ['ruff', 'dev', 26],
      ['mypy', 'dev', 29],
    ]);
  });

  it('reads PEP 508 strings fully: specifiers, pins, extras, markers and direct URLs', () => {
    expect(named(manifest.requirements, 'boto3')).toMatchObject({ specifier: '~=1.28' });
    expect(named(manifest.requirements, 'boto3').pinnedVersion).toBeUndefined();
    expect(named(manifest.requirements, 'pyarrow').pinnedVersion).toBe('14.0.1');
    expect(named(manifest.requirements, 's3fs')).toMatchObject({ extras: ['boto3'], marker: "python_version >= '3.9'" });
    expect(named(manifest.requirements, 'apache-airflow-providers-amazon')).toMatchObject({
      specifier: '',
      pinnedVersion: '8.10.0',
      source: { kind: 'url', url: 'https://files.example.com/apache_airflow_providers_amazon-8.10.0-py3-none-any.whl' },
    });
  });

  it('records uv indexes: the default one replaces PyPI', () => {
    expect(manifest.indexes).toEqual([
      { url: 'https://pypi.internal.example.com/simple', kind: 'primary', line: 33, firstMatch: true },
      { url: 'https://download.pytorch.org/whl/cpu', kind: 'extra', line: 38, firstMatch: true },
    ]);
  });

  it('reads uv’s pip-style index settings too', () => {
    const result = parse('[tool.uv]\nindex-url = "https://a/simple"\nextra-index-url = [\n  "https://b/simple",\n  "https://c/simple",\n]\n');
    expect(result.indexes).toEqual([
      { url: 'https://a/simple', kind: 'primary', line: 2, firstMatch: true },
      { url: 'https://b/simple', kind: 'extra', line: 4, firstMatch: true },
      { url: 'https://c/simple', kind: 'extra', line: 5, firstMatch: true },
    ]);
  });

  it('takes uv’s indexes as searched in order unless index-strategy picks the best match across them', () => {
    const unsafe = parse('[tool.uv]\nindex-strategy = "unsafe-best-match"\nextra-index-url = ["https://b/simple"]\n');
    expect(unsafe.indexes).toEqual([{ url: 'https://b/simple', kind: 'extra', line: 3, firstMatch: false }]);
  });

  it('records the hosts uv may reach without a certificate check, and PDM sources that skip it', () => {
    const result = parse(
      '[tool.uv]\nallow-insecure-host = ["pypi.internal", "files.internal:8443"]\n\n[[tool.pdm.source]]\nname = "internal"\nurl = "https://pdm.internal/simple"\nverify_ssl = false\n',
    );
    expect(result.uncheckedTransport).toEqual([
      { setting: 'verify_ssl = false for https://pdm.internal/simple', line: 7 },
      { setting: 'allow-insecure-host = pypi.internal', line: 2 },
      { setting: 'allow-insecure-host = files.internal:8443', line: 2 },
    ]);
  });
});

describe('pyproject.toml, Poetry', () => {
  const manifest = parse(fixture('pyproject-poetry.toml'));

  it('converts every dependency table, leaving out python, keeping Poetry’s constraint text', () => {
    expect(manifest).toMatchObject({ format: 'poetry', isLibrary: true });
    expect(summary(manifest.requirements.filter((r) => r.group === 'main'))).toEqual([
      ['pandas', '^2.0', undefined, 9],
      ['pyarrow', '14.0.1', '14.0.1', 10],
      ['boto3', '~1.28', undefined, 11],
      ['sqlalchemy', '', undefined, 12],
      ['ruamel-yaml', '>=0.17,<0.18', undefined, 13],
      ['apache-airflow', '==2.7.3', '2.7.3', 14],
      ['etl-utils', '', undefined, 15],
      ['lake-schemas', '', undefined, 16],
      ['dbt-core', '', '1.7.4', 17],
      ['numpy', '<1.25', undefined, 21],
      ['numpy', '^1.26', undefined, 22],
    ]);
  });

  it('reads the table form: extras, markers, git with a tag, path and url sources', () => {
    expect(named(manifest.requirements, 'apache-airflow')).toMatchObject({ extras: ['amazon', 'postgres'], marker: "sys_platform == 'linux'" });
    expect(named(manifest.requirements, 'etl-utils').source).toEqual({ kind: 'vcs', url: 'https://github.com/example/etl-utils.git', ref: 'v1.4.2' });
    expect(named(manifest.requirements, 'lake-schemas').source).toEqual({ kind: 'path', path: '../lake-schemas' });
    expect(named(manifest.requirements, 'dbt-core').source).toEqual({
      kind: 'url',
      url: 'https://files.example.com/dbt_core-1.7.4-py3-none-any.whl',
    });
  });

  it('records an optional dependency under every extra that installs it', () => {
    expect(manifest.requirements.filter((r) => r.name === 's3fs' || r.name === 'fastparquet').map((r) => [r.name, r.group])).toEqual([
      ['s3fs', 's3'],
      ['s3fs', 'all'],
      ['fastparquet', 'parquet'],
      ['fastparquet', 'all'],
    ]);
    const orphan = parse('[tool.poetry.dependencies]\nduckdb = { version = "^0.9", optional = true }\n');
    expect(orphan.requirements.map((r) => r.group)).toEqual(['optional']);
  });

  it('reads groups and legacy dev-dependencies', () => {
    const groups = manifest.requirements.filter((r) => r.group !== 'main' && r.name !== 's3fs' && r.name !== 'fastparquet');
    expect(groups.map((r) => [r.name, r.group, r.line])).toEqual([
      ['black', 'dev', 41],
      ['pytest', 'dev', 31],
      ['moto', 'dev', 32],
      ['mkdocs-material', 'docs', 38],
    ]);
    expect(named(manifest.requirements, 'moto')).toMatchObject({ specifier: '4.2.7', pinnedVersion: '4.2.7', extras: ['s3'] });
  });

  it('maps source priorities: primary replaces PyPI, explicit and supplemental sit beside it', () => {
    expect(manifest.indexes).toEqual([
      { url: 'https://pypi.internal.example.com/simple/', kind: 'primary', line: 45 },
      { url: 'https://download.pytorch.org/whl/cpu', kind: 'extra', line: 50 },
      { url: 'https://mirror.example.com/simple/', kind: 'extra', line: 55 },
    ]);
  });

  it('reads the pre-1.5 spellings of source priority, and a source without priority as primary', () => {
    const text = [
      '[[tool.poetry.source]]\nname = "a"\nurl = "https://a/simple"\ndefault = true',
      '[[tool.poetry.source]]\nname = "b"\nurl = "https://b/simple"\nsecondary = true',
      '[[tool.poetry.source]]\nname = "c"\nurl = "https://c/simple"',
      '[[tool.poetry.source]]\nname = "PyPI"\npriority = "supplemental"',
    ].join('\n\n');
    expect(parse(text).indexes.map((i) => [i.url, i.kind])).toEqual([
      ['https://a/simple', 'primary'],
      ['https://b/simple', 'extra'],
      ['https://c/simple', 'primary'],
    ]);
  });

  it('with a PEP 621 [project] (Poetry 2), takes main dependencies from it and only sources from tool.poetry', () => {
    const text = `
[project]
name = "lake"
dependencies = ["pandas>=2", "etl-utils"]

[tool.poetry.dependencies]
etl-utils = { git = "https://github.com/example/etl-utils.git", rev = "3f1c9a7" }
pandas = { version = ">=2", source = "internal" }

[tool.poetry.group.dev.dependencies]
pytest = "^7"
`;
    const result = parse(text);
    expect(result.requirements.map((r) => [r.name, r.group, r.line])).toEqual([
      ['pandas', 'main', 4],
      ['etl-utils', 'main', 4],
      ['pytest', 'dev', 11],
    ]);
    expect(named(result.requirements, 'etl-utils').source).toEqual({ kind: 'vcs', url: 'https://github.com/example/etl-utils.git', ref: '3f1c9a7' });
  });
});

describe('pyproject.toml, PDM', () => {
  const manifest = parse(fixture('pyproject-pdm.toml'));

  it('reads dev-dependency groups, editable entries included', () => {
    expect(manifest.requirements.map((r) => [r.name, r.group, r.line])).toEqual([
      ['polars', 'main', 5],
      ['duckdb', 'main', 5],
      ['pytest', 'test', 12],
      ['testkit', 'test', 13],
      ['ruff', 'lint', 15],
    ]);
    expect(named(manifest.requirements, 'testkit').source).toEqual({ kind: 'path', path: 'file:///${PROJECT_ROOT}/libs/testkit' });
  });

  it('records sources: "pypi" replaces PyPI, find-links are no index', () => {
    expect(manifest.format).toBe('pdm');
    expect(manifest.indexes).toEqual([
      { url: 'https://pypi.internal.example.com/simple', kind: 'primary', line: 19 },
      { url: 'https://extra.example.com/simple', kind: 'extra', line: 24 },
    ]);
  });
});

describe('pyproject.toml, library or application', () => {
  it.each([
    ['a PEP 621 package with a build backend', true, '[build-system]\nrequires = ["hatchling"]\n[project]\nname = "x"'],
    ['a Poetry package', true, '[build-system]\nrequires = ["poetry-core"]\n[tool.poetry]\nname = "x"'],
    ['a uv application without [build-system]', false, '[project]\nname = "x"\ndependencies = []'],
    ['Poetry with package-mode = false', false, '[build-system]\nrequires = ["poetry-core"]\n[tool.poetry]\nname = "x"\npackage-mode = false'],
    ['PDM with distribution = false', false, '[build-system]\nrequires = ["pdm-backend"]\n[project]\nname = "x"\n[tool.pdm]\ndistribution = false'],
    ['uv with package = false', false, '[build-system]\nrequires = ["hatchling"]\n[project]\nname = "x"\n[tool.uv]\npackage = false'],
    ['a [build-system] alone (tool configuration only)', false, '[build-system]\nrequires = ["setuptools"]\n[tool.black]\nline-length = 100'],
  ])('%s → isLibrary %s', (_label, expected, text) => {
    expect(parse(text).isLibrary).toBe(expected);
  });
});

describe('pyproject.toml, malformed', () => {
  it('reports invalid TOML with its line', () => {
    const error = manifestError(() => parse('[project]\nname = "x"\ndependencies = [\n  "pandas",\n  oops\n]\n'));
    expect(error.message).toMatch(/^invalid TOML/);
    expect(error.line).toBe(5);
  });

  it.each([
    ['dependencies that are no array', '[project]\nname = "x"\ndependencies = "pandas"\n', 3, /project\.dependencies must be an array/],
    ['a [tool] that is no table', 'tool = 3\n', 1, /tool must be a table/],
  ])('reports %s at its line', (_label, text, line, message) => {
    const error = manifestError(() => parse(text));
    expect(error.message).toMatch(message);
    expect(error.line).toBe(line);
  });

  it.each([
    ['a non-string element', '[project]\ndependencies = [\n  "pandas",\n  42,\n  "numpy",\n]\n', 4, /project\.dependencies\[1\] must be a requirement string/, ['pandas', 'numpy']],
    ['an invalid requirement string', '[project.optional-dependencies]\ns3 = [\n  "s3fs >= >= 1",\n  "boto3",\n]\n', 3, /invalid requirement/, ['boto3']],
    ['a Poetry name that is no package name', '[tool.poetry.dependencies]\n"not a name" = "^1"\nnumpy = "^1"\n', 2, /is not a package name/, ['numpy']],
    ['a Poetry constraint that is garbage', '[tool.poetry.dependencies]\npandas = "^2.0; rm -rf"\nnumpy = "^1"\n', 2, /is not a version constraint/, ['numpy']],
    ['a Poetry marker that is garbage', '[tool.poetry.dependencies]\npandas = { markers = "python_version ~~ 3" }\nnumpy = "^1"\n', 2, /invalid environment marker/, ['numpy']],
    ['a Poetry entry of the wrong type', '[tool.poetry.group.dev.dependencies]\npytest = 7\nruff = "^0.4"\n', 2, /must be a constraint string or a table/, ['ruff']],
  ])('leaves out %s, noting its line, and reads the rest', (_label, text, line, reason, names) => {
    const manifest = parse(text);
    expect(skippedEntry(manifest)).toEqual({ line, reason: expect.stringMatching(reason) });
    expect(manifest.requirements.map((r) => r.name)).toEqual(names);
  });

  it('refuses nesting deep enough to be hostile, quickly', () => {
    const started = performance.now();
    expect(manifestError(() => parse(`x = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)).message).toMatch(/invalid TOML/);
    expect(parse(`[${Array.from({ length: 20_000 }, () => 'a').join('.')}]\n`).requirements).toEqual([]);
    expect(parse(`${Array.from({ length: 20_000 }, () => 'b').join('.')} = 1\n`).requirements).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('does not mistake Object.prototype names for tables', () => {
    const text = '[tool.poetry.dependencies]\nconstructor = "^1"\nhasOwnProperty = { version = "^2" }\n';
    expect(parse(text).requirements.map((r) => [r.name, r.specifier])).toEqual([
      ['constructor', '^1'],
      ['hasownproperty', '^2'],
    ]);
    expect(skippedEntry(parse('[tool.poetry.dependencies]\n__proto__ = "^1"\n')).reason).toMatch(/"__proto__" is not a package name/);
  });
});
