import type { DependencyFacts, PackageSourceConfig } from '../model.js';
import type { DepsRule } from './deps-rule.js';

/** Installers that take the highest version from any of their indexes (npm and Yarn scopes pin a package to one registry; conda channels are ordered). */
const ANY_INDEX_INSTALLERS = new Set<PackageSourceConfig['tool']>(['pip', 'uv']);

export const dependencyConfusion: DepsRule = {
  id: 'deps.dependency-confusion',
  title: 'Extra package index lets a public package shadow a private one',
  category: 'dependency',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-427'],
  what:
    'Finds requirement files, project configs and pip/uv configuration (pip.conf, uv.toml) that add a package index beside ' +
    'the default one (`--extra-index-url`, `extra-index-url =`, Poetry or PDM supplemental sources, Pipfile extra sources). ' +
    'uv’s indexes count only under `index-strategy = "unsafe-…"`: by default uv takes each package from the first index that has it.',
  why:
    'pip treats every index as equal and installs the highest version it finds anywhere. Anyone can publish a package on PyPI ' +
    'under the name of your private one with a higher version; the next image build of the pipeline installs it and runs its ' +
    'code with the job’s credentials. This is how dependency-confusion attacks against internal data tooling work.',
  remediation:
    'Serve public and private packages through one index you control (a proxy such as devpi, Artifactory or CodeArtifact) and ' +
    'point `--index-url` at it; or pin every private package with `--hash` so a look-alike cannot install; or use an installer ' +
    'that restricts packages to one index (uv `explicit` indexes, Poetry `priority = "explicit"`).',
  bad: [
    {
      file: 'requirements.txt',
      code: '--extra-index-url https://pypi.internal.example.com/simple\nfeedback-schemas==1.4.0\npandas==2.2.2\n',
    },
  ],
  good: [{ file: 'requirements.txt', code: '--index-url https://pypi.internal.example.com/simple\nfeedback-schemas==1.4.0\npandas==2.2.2\n' }],
  references: ['https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-extra-index-url', 'https://cwe.mitre.org/data/definitions/427.html'],
  check(project) {
    return [...project.facts].flatMap(([file, fact]) =>
      !choosesAcrossIndexes(fact)
        ? []
        : fact.indexes
            .filter((index) => index.kind === 'extra' && !index.firstMatch)
            .map((index) => ({
              file,
              line: index.line ?? 1,
              key: index.url,
              message: `${file} adds the package index ${index.url} beside the default one: a package of the same name on either index can be installed in place of yours`,
            })),
    );
  },
};

function choosesAcrossIndexes(fact: DependencyFacts): fact is Exclude<DependencyFacts, { type: 'lockfile' }> {
  return fact.type === 'manifest' || (fact.type === 'package-config' && ANY_INDEX_INSTALLERS.has(fact.tool));
}
