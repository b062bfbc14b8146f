import { describe, expect, it } from 'vitest';
import { parseSetupPy } from '../../../../src/analyzers/deps/manifests/setup-py.js';
import { fixture, manifestError, named, skippedEntry, summary } from './helpers.js';

const parse = (text: string) => parseSetupPy(text, 'setup.py');

describe('setup.py', () => {
  const manifest = parse(fixture('setup.py'));

  it('reads literal install_requires and extras_require statically, as a library', () => {
    expect(manifest).toMatchObject({ ecosystem: 'PyPI', format: 'setup.py', isLibrary: true, indexes: [], includes: [] });
    expect(summary(manifest.requirements)).toEqual([
      ['pandas', '>=1.5,<3', undefined, 15],
      ['sqlalchemy', '==2.0.23', '2.0.23', 16],
      ['snowflake-connector-python', '>=3.5', undefined, 17],
      ['s3fs', '>=2023.6', undefined, 22],
      ['boto3', '', undefined, 22],
      ['pyarrow', '==14.0.1', '14.0.1', 23],
      ['pytest', '>=7', undefined, 25],
      ['moto', '', undefined, 26],
    ]);
    expect(manifest.requirements.map((r) => r.group)).toEqual(['main', 'main', 'main', 's3', 's3', 'parquet', 'dev', 'dev']);
  });

  it('skips what is computed at run time: f-strings, names, subscripts, a non-literal extra', () => {
    expect(manifest.requirements.some((r) => r.name === 'tqdm')).toBe(false);
    expect(manifest.requirements.filter((r) => r.name === 'boto3').map((r) => r.group)).toEqual(['s3']);
  });

  it('applies a marker written after ":" in an extra’s key to its requirements', () => {
    expect(named(manifest.requirements, 'pyarrow').marker).toBe("python_version >= '3.9'");
    const both = parse('from setuptools import setup\nsetup(extras_require={"win:os_name == \'nt\'": ["pywin32 ; python_version < \'3.12\'"]})\n');
    expect(both.requirements[0]).toMatchObject({ group: 'win', marker: "(python_version < '3.12') and (os_name == 'nt')" });
  });

  it('records nothing, without error, when the arguments are not literals', () => {
    const text = [
      'import setuptools',
      'REQS = open("requirements.txt").read().splitlines()',
      'setuptools.setup(install_requires=REQS, extras_require=dict(s3=["s3fs"]), **extra)',
    ].join('\n');
    expect(parse(text).requirements).toEqual([]);
  });

  it('reads setuptools.setup(...) and a string of lines as install_requires', () => {
    const text = [
      'import setuptools',
      'setuptools.setup(',
      '    install_requires="""',
      '        duckdb==0.9.2',
      '        # keep polars optional',
      '        polars>=0.19',
      '    """,',
      ')',
    ].join('\n');
    expect(summary(parse(text).requirements)).toEqual([
      ['duckdb', '==0.9.2', '0.9.2', 4],
      ['polars', '>=0.19', undefined, 6],
    ]);
  });

  it('reads only calls of a function named setup', () => {
    const text = 'def configure(install_requires):\n    pass\nconfigure(install_requires=["pandas"])\napp.setup(install_requires=["numpy"])\n';
    expect(parse(text).requirements.map((r) => r.name)).toEqual(['numpy']);
  });

  it('skips bytes and strings with escapes instead of guessing their value', () => {
    const text = 'setup(install_requires=[b"pandas", "numpy\\x3e=1", r"pyarrow>=12", "boto3"])\n';
    expect(parse(text).requirements.map((r) => r.name)).toEqual(['pyarrow', 'boto3']);
  });

  it('reports a Python syntax error at its line: pip install would fail on it too', () => {
    const error = manifestError(() => parse('from setuptools import setup\nsetup(install_requires=["pandas"])\n\ndef broken(:\n    pass\n'));
    expect(error.message).toMatch(/syntax error/);
    expect(error.line).toBe(4);
  });

  it('leaves out an invalid requirement literal, noting its line, and reads the rest', () => {
    const manifest = parse('setup(\n    install_requires=[\n        "pandas >= >= 1",\n        "numpy",\n    ],\n    extras_require={"s3": ["s3fs >=", "boto3"]},\n)\n');
    expect(manifest.skipped).toEqual([
      { line: 3, reason: expect.stringMatching(/invalid requirement "pandas >= >= 1"/) },
      { line: 6, reason: expect.stringMatching(/invalid requirement "s3fs >="/) },
    ]);
    expect(manifest.requirements.map((r) => r.name)).toEqual(['numpy', 'boto3']);
  });

  it('refuses indentation deep enough to crash the parser, as an error for the file', () => {
    const deep = Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}if x:\n`).join('') + `${' '.repeat(600)}pass\n`;
    expect(manifestError(() => parse(deep)).message).toMatch(/indented/);
  });
});
