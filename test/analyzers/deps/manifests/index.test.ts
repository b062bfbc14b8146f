import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../../../src/analyzers/deps/manifests/index.js';
import { fixture } from './helpers.js';

/** Parses or throws a ManifestError; anything else fails the property. */
function parsesOrRefuses(fileName: string, text: string): boolean {
  try {
    parseManifest(fileName, text, `sub/${fileName}`);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
  }
  return true;
}

describe('parseManifest', () => {
  it.each([
    ['requirements.txt', 'requirements.txt'],
    ['requirements-dev.txt', 'requirements.txt'],
    ['requirements_test.in', 'requirements.txt'],
    ['dev-requirements.txt', 'requirements.txt'],
    ['constraints.txt', 'requirements.txt'],
    ['Requirements.TXT', 'requirements.txt'],
    ['pyproject.toml', 'pyproject (PEP 621)'],
    ['Pipfile', 'Pipfile'],
    ['setup.cfg', 'setup.cfg'],
    ['setup.py', 'setup.py'],
    ['environment.yml', 'conda environment'],
    ['environment.yaml', 'conda environment'],
    ['package.json', 'package.json'],
  ])('reads %s as %s', (fileName, format) => {
    const text = fileName === 'package.json' ? '{}' : fileName === 'pyproject.toml' ? '[project]\nname = "x"\n' : '';
    expect(parseManifest(fileName, text, fileName)?.format).toBe(format);
  });

  it('reads any .txt or .in file in a requirements/ directory as requirements', () => {
    expect(parseManifest('prod.txt', 'pandas\n', 'requirements/prod.txt')?.requirements.map((r) => r.name)).toEqual(['pandas']);
    expect(parseManifest('base.in', '', 'services/api/requirements/base.in')?.format).toBe('requirements.txt');
  });

  it('leaves alone files that are no manifest it knows, .in files that are not pip’s among them', () => {
    for (const name of ['MANIFEST.in', 'Makefile.in', 'config.h.in', 'poetry.lock', 'README.md', 'requirements.md', 'tsconfig.json']) {
      expect(parseManifest(name, 'include *.txt\n', name)).toBeUndefined();
    }
  });

  it('ignores a byte order mark', () => {
    expect(parseManifest('package.json', '\uFEFF{"dependencies": {"a": "1.0.0"}}', 'package.json')?.requirements).toHaveLength(1);
    expect(parseManifest('requirements.txt', '\uFEFFpandas==2.1.1\n', 'requirements.txt')?.requirements[0]?.name).toBe('pandas');
  });

  it('parses every fixture through the dispatcher', () => {
    const cases = [
      ['requirements.txt', 'requirements.txt'],
      ['pyproject-pep621.toml', 'pyproject.toml'],
      ['pyproject-poetry.toml', 'pyproject.toml'],
      ['pyproject-pdm.toml', 'pyproject.toml'],
      ['Pipfile', 'Pipfile'],
      ['setup.cfg', 'setup.cfg'],
      ['setup.py', 'setup.py'],
      ['environment.yml', 'environment.yml'],
      ['package.json', 'package.json'],
    ];
    for (const [fixtureName, fileName] of cases) {
      expect(parseManifest(fileName!, fixture(fixtureName!), fileName!)?.requirements.length).toBeGreaterThan(4);
    }
  });

  describe('on hostile input', () => {
    const requirementTokens = fc.constantFrom(
      'pandas', 'apache-airflow', '[', ']', 's3', ',', '==', '>=', '~=', '===', '1.2.3', '1.*', '2.0rc1', ';', ' ', '\t', '\n', '\r\n', '\\',
      '#', '#egg=', '@', 'git+https://', 'git+ssh://git@', 'https://', 'file:', './', '../', '-e', '-r', '-c', '-i', '--hash=', 'sha256:', 'abc',
      '--index-url', '--extra-index-url=', '--trusted-host', '--pre', '"', "'", 'python_version', 'extra', 'and', 'or', 'not in', '(', ')',
      '${TOKEN}', '.whl', '.tar.gz', '-', '_', '.', '\u0000', '\uFFFD', '\u00e9',
    );
    const requirementsText = fc.array(requirementTokens, { maxLength: 60 }).map((parts) => parts.join(''));

    it('either parses random requirements text or refuses it with a ManifestError', () => {
      fc.assert(fc.property(requirementsText, (text) => parsesOrRefuses('requirements.txt', text)), { numRuns: 2_000 });
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => parsesOrRefuses('requirements.txt', text)), { numRuns: 1_000 });
    });

    it('either parses random text of every other format or refuses it with a ManifestError', () => {
      const structuredTokens = fc.constantFrom(
        '[', ']', '{', '}', '"', "'", '=', ':', ',', '-', ' ', '\n', '  ', '#', '*', '&a', '*a', 'true', '1.0', 'project', 'dependencies',
        'tool', 'poetry', 'pip', 'packages', '"pandas"', '"^1.0"', 'install_requires', 'setup(', ')',
      );
      const text = fc.oneof(fc.array(structuredTokens, { maxLength: 40 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 200 }));
      for (const fileName of ['pyproject.toml', 'Pipfile', 'setup.cfg', 'setup.py', 'environment.yml', 'package.json']) {
        fc.assert(fc.property(text, (t) => parsesOrRefuses(fileName, t)), { numRuns: 300 });
      }
    });

    it('finishes quickly on huge lines and long files', () => {
      const started = performance.now();
      const huge = [
        `pandas${'='.repeat(500_000)}`,
        `pandas ; ${'('.repeat(200_000)}`,
        `pandas ; python_version == "${'x'.repeat(500_000)}`,
        `${'a-'.repeat(250_000)}`,
        `https://example.com/${'-1'.repeat(250_000)}.tar.gz`,
        `-r ${'../'.repeat(100_000)}x.txt`,
        `pandas${' \\\n'.repeat(100_000)}`,
        'numpy==1.26.2\n'.repeat(50_000),
        `--hash=${'a'.repeat(500_000)}`,
      ];
      for (const text of huge) parsesOrRefuses('requirements.txt', text);
      expect(performance.now() - started).toBeLessThan(10_000);
    });
  });
});
