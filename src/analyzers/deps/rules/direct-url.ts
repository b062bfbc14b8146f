import type { DepsRule } from './deps-rule.js';

/** A VCS reference that names a full commit is as fixed as a hash; a branch or tag can move. */
const COMMIT = /^[0-9a-f]{40}$/i;

export const directUrlDependency: DepsRule = {
  id: 'deps.direct-url',
  title: 'Dependency installed from a URL or VCS reference',
  category: 'dependency',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-494'],
  what: 'Finds requirements installed from a direct URL or a version-control reference instead of the package index.',
  why:
    'A URL or a branch name is not a version: whatever the URL serves, or the branch points at, on the day the image is built ' +
    'is what the pipeline runs. Without a hash or a commit id nothing checks that it is the code that was reviewed, and the ' +
    'package gets no vulnerability matching because it has no index version.',
  remediation:
    'Publish the package to your index and pin a version with `--hash`; if it must come from VCS, pin a full commit id ' +
    '(`@<40-hex sha>`); if from a URL, add `--hash=sha256:…` for the archive.',
  bad: [{ file: 'requirements.txt', code: 'pandas==2.2.2\nfeedback-utils @ git+https://github.com/acme/feedback-utils@main\n' }],
  good: [
    {
      file: 'requirements.txt',
      code: 'pandas==2.2.2\nfeedback-utils @ git+https://github.com/acme/feedback-utils@3f6c2d8e9a1b4c5d6e7f8091a2b3c4d5e6f70812\n',
    },
  ],
  references: ['https://pip.pypa.io/en/stable/topics/vcs-support/', 'https://cwe.mitre.org/data/definitions/494.html'],
  check(project) {
    return [...project.facts].flatMap(([file, fact]) =>
      fact.type !== 'manifest'
        ? []
        : fact.requirements.flatMap((r) => {
            const source = r.source;
            if (!source || source.kind === 'path') return [];
            if (source.kind === 'vcs' && source.ref && COMMIT.test(source.ref)) return [];
            if (source.kind === 'url' && r.hashes.length > 0) return [];
            const what = source.kind === 'vcs' ? `the VCS reference ${source.url}${source.ref ? `@${source.ref}` : ''} (no commit pinned)` : `${source.url} with no hash`;
            return [{ file, line: r.line ?? 1, key: r.name, message: `${r.name} is installed from ${what}` }];
          }),
    );
  },
};
