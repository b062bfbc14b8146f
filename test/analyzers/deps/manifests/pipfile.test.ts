import { describe, expect, it } from 'vitest';
import { parsePipfile } from '../../../../src/analyzers/deps/manifests/pipfile.js';
import { fixture, manifestError, named, skippedEntry, summary } from './helpers.js';

const parse = (text: string) => parsePipfile(text, 'Pipfile');

describe('Pipfile', () => {
  const manifest = parse(fixture('Pipfile'));

  it('reads packages, dev-packages and custom categories, with specifiers, pins and lines', () => {
    expect(manifest).toMatchObject({ ecosystem: 'PyPI', format: 'Pipfile', isLibrary: false, includes: [] });
    expect(summary(manifest.requirements)).toEqual([
      ['pandas', '', undefined, 12],
      ['pyarrow', '==14.0.1', '14.0.1', 13],
      ['boto3', '>=1.28,<2', undefined, 14],
      ['requests', '==2.31.0', '2.31.0', 15],
      ['apache-airflow', '~=2.7', undefined, 16],
      ['pywin32', '', undefined, 17],
      ['etl-utils', '', undefined, 18],
      ['transforms', '', undefined, 19],
      ['great-expectations', '', '0.17.23', 20],
      ['pytest', '==7.4.3', '7.4.3', 23],
      ['moto', '>=4.2', undefined, 24],
      ['mkdocs', '', undefined, 27],
    ]);
    expect(manifest.requirements.map((r) => r.group)).toEqual([...Array(9).fill('main'), 'dev', 'dev', 'docs']);
  });

  it('reads the table form: extras, markers (also as marker-variable keys), git, path and file sources', () => {
    expect(named(manifest.requirements, 'requests').extras).toEqual(['socks']);
    expect(named(manifest.requirements, 'apache-airflow').marker).toBe("python_version >= '3.8'");
    expect(named(manifest.requirements, 'pywin32').marker).toBe("sys_platform == 'win32'");
    expect(named(manifest.requirements, 'etl-utils').source).toEqual({ kind: 'vcs', url: 'https://github.com/example/etl-utils.git', ref: 'v1.4.2' });
    expect(named(manifest.requirements, 'transforms').source).toEqual({ kind: 'path', path: './libs/transforms' });
    expect(named(manifest.requirements, 'great-expectations').source).toEqual({
      kind: 'url',
      url: 'https://files.example.com/great_expectations-0.17.23-py3-none-any.whl',
    });
  });

  it('joins a markers string and marker-variable keys into one marker', () => {
    const result = parse('[packages]\npyodbc = {version = "*", markers = "python_version >= \'3.9\'", os_name = "== \'nt\'"}\n');
    expect(result.requirements[0]!.marker).toBe("(python_version >= '3.9') and (os_name == 'nt')");
  });

  it('takes the first source as the primary index and the others as extra', () => {
    expect(manifest.indexes).toEqual([
      { url: 'https://pypi.org/simple', kind: 'primary', line: 2 },
      { url: 'https://pypi.internal.example.com/simple', kind: 'extra', line: 7 },
    ]);
    expect(manifest.uncheckedTransport).toEqual([]);
  });

  it('records a source whose certificate goes unchecked', () => {
    const result = parse('[[source]]\nname = "internal"\nurl = "https://pypi.internal/simple"\nverify_ssl = false\n\n[packages]\npandas = "==2.2.2"\n');
    expect(result.uncheckedTransport).toEqual([{ setting: 'verify_ssl = false for https://pypi.internal/simple', line: 4 }]);
  });

  it.each([
    ['invalid TOML', '[packages]\npandas = \n', 2, /^invalid TOML/],
    ['a category that is no table', 'packages = "pandas"\n', 1, /packages must be a table/],
  ])('reports %s at its line', (_label, text, line, message) => {
    const error = manifestError(() => parse(text));
    expect(error.message).toMatch(message);
    expect(error.line).toBe(line);
  });

  it.each([
    ['a bad version', '[packages]\npandas = "latest please"\nnumpy = "*"\n', 2, /is not a version specifier/],
    ['a bad marker key', "[packages]\npywin32 = {version = \"*\", sys_platform = \"=== ===\"}\nnumpy = \"*\"\n", 2, /invalid environment marker/],
    ['a package of the wrong type', '[dev-packages]\npytest = true\nnumpy = "*"\n', 2, /must be a version string or a table/],
    ['extras that are no list of strings', '[packages]\nmoto = {extras = "s3"}\nnumpy = "*"\n', 2, /extras must be an array of strings/],
  ])('leaves out %s, noting its line, and reads the rest', (_label, text, line, reason) => {
    const manifest = parse(text);
    expect(skippedEntry(manifest)).toEqual({ line, reason: expect.stringMatching(reason) });
    expect(manifest.requirements.map((r) => r.name)).toEqual(['numpy']);
  });
});
