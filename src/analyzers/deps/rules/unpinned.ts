import { lockedScopes, scopeKey } from '../inventory.js';
import type { DepsRule } from './deps-rule.js';

export const unpinnedRequirement: DepsRule = {
  id: 'deps.unpinned-requirement',
  title: 'Application dependency not pinned to an exact version',
  category: 'dependency',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-1357'],
  what:
    'Finds requirements of an application (not a library) that allow a range of versions, when no lockfile beside the ' +
    'manifest fixes them.',
  why:
    'A range resolves to whatever is newest on the day the image is built, so two builds of the same commit can run different ' +
    'code: a compromised or broken release lands in production without any change in the repository, and a vulnerability ' +
    'scan of the manifest cannot tell which version actually runs.',
  remediation:
    'Pin exact versions (`pandas==2.2.2`), ideally generated with hashes by pip-compile or uv, or commit the lockfile of your ' +
    'package manager (poetry.lock, uv.lock, Pipfile.lock, package-lock.json). Libraries should keep ranges; this rule skips them.',
  bad: [{ file: 'requirements.txt', code: 'pandas>=1.5\nrequests\npyarrow==16.1.0\n' }],
  good: [{ file: 'requirements.txt', code: 'pandas==2.2.2\nrequests==2.32.3\npyarrow==16.1.0\n' }],
  references: ['https://pip.pypa.io/en/stable/topics/repeatable-installs/', 'https://cwe.mitre.org/data/definitions/1357.html'],
  check(project) {
    const lockedDirs = lockedScopes(project.facts);
    return [...project.facts].flatMap(([file, fact]) => {
      if (fact.type !== 'manifest' || fact.isLibrary || lockedDirs.has(scopeKey(fact.ecosystem, file))) return [];
      return fact.requirements
        .filter((r) => !r.pinnedVersion && !r.source)
        .map((r) => ({
          file,
          line: r.line ?? 1,
          key: r.name,
          message: `${r.name}${r.specifier ? ` ${r.specifier}` : ''} is not pinned: each build may install a different version`,
        }));
    });
  },
};
