import { describe, expect, it } from 'vitest';
import { parseSetupCfg } from '../../../../src/analyzers/deps/manifests/setup-cfg.js';
import { fixture, manifestError, named, skippedEntry, summary } from './helpers.js';

const parse = (text: string, file = 'setup.cfg') => parseSetupCfg(text, file);

describe('setup.cfg', () => {
  const manifest = parse(fixture('setup.cfg'));

  it('reads install_requires over several lines (comments skipped) and each extra, as a library', () => {
    expect(manifest).toMatchObject({ ecosystem: 'PyPI', format: 'setup.cfg', isLibrary: true, indexes: [] });
    expect(summary(manifest.requirements)).toEqual([
      ['pandas', '>=1.5', undefined, 9],
      ['pyarrow', '==14.0.1', '14.0.1', 10],
      ['boto3', '>=1.28', undefined, 12],
      ['sqlalchemy', '>=1.4,<2', undefined, 13],
      ['pyspark', '==3.5.0', '3.5.0', 17],
      ['gcsfs', '>=2023.6', undefined, 18],
      ['google-cloud-storage', '', undefined, 18],
    ]);
    expect(manifest.requirements.map((r) => r.group)).toEqual(['main', 'main', 'main', 'main', 'spark', 'gcs', 'gcs']);
    expect(named(manifest.requirements, 'boto3').marker).toBe('python_version >= "3.8"');
    expect(named(manifest.requirements, 'sqlalchemy').extras).toEqual(['postgresql-psycopg2binary']);
  });

  it('records `file:` values as includes relative to setup.cfg', () => {
    expect(manifest.includes).toEqual([{ file: 'requirements/test.txt', kind: 'requirements', line: 19 }]);
    const nested = parse('[options]\ninstall_requires = file: requirements.txt, requirements-extra.txt\n', 'libs/loader/setup.cfg');
    expect(nested.includes.map((i) => i.file)).toEqual(['libs/loader/requirements.txt', 'libs/loader/requirements-extra.txt']);
    expect(nested.requirements).toEqual([]);
  });

  it('reads the dashed key spelling and upper-case keys as configparser does', () => {
    const result = parse('[options]\nInstall-Requires =\n  duckdb==0.9.2\n');
    expect(summary(result.requirements)).toEqual([['duckdb', '==0.9.2', '0.9.2', 3]]);
  });

  it('returns no requirements for a setup.cfg that only configures tools', () => {
    expect(parse('[flake8]\nmax-line-length = 100\n\n[tool:pytest]\naddopts = -q\n').requirements).toEqual([]);
  });

  it.each([
    ['a stray line', '[options]\ninstall_requires =\n  pandas\nwhat is this\n', 4, /expected "\[section\]" or "key = value"/],
    ['an option before any section', 'install_requires = pandas\n', 1, /before the first \[section\]/],
    ['a repeated section', '[options]\n[options]\n', 2, /appears twice/],
    ['a repeated option', '[options]\ninstall_requires = a\ninstall_requires = b\n', 3, /appears twice/],
  ])('reports %s at its line', (_label, text, line, message) => {
    const error = manifestError(() => parse(text));
    expect(error.message).toMatch(message);
    expect(error.line).toBe(line);
  });

  it('leaves out an invalid requirement, noting its line, and reads the rest', () => {
    const manifest = parse('[options]\ninstall_requires =\n  pandas\n  numpy >= = 1\n  pyarrow\n');
    expect(skippedEntry(manifest)).toEqual({ line: 4, reason: expect.stringMatching(/invalid requirement/) });
    expect(manifest.requirements.map((r) => r.name)).toEqual(['pandas', 'pyarrow']);
  });
});
