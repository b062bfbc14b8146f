import type { DepsRule } from './deps-rule.js';

export const missingHashes: DepsRule = {
  id: 'deps.missing-hashes',
  title: 'Requirement without a hash where the others have one',
  category: 'dependency',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-353'],
  what: 'Finds requirements without `--hash` in a requirements file where other requirements carry hashes.',
  why:
    'Hashes make pip refuse any archive other than the one reviewed, which stops a tampered mirror or a re-uploaded release. ' +
    'One requirement without a hash is the gap an attacker uses, and in hash-checking mode pip also refuses to install at all, ' +
    'which tempts people to switch the check off.',
  remediation: 'Regenerate the file with hashes for every requirement (`pip-compile --generate-hashes`, `uv pip compile --generate-hashes`).',
  bad: [
    {
      file: 'requirements.txt',
      code:
        'pandas==2.2.2 \\\n    --hash=sha256:5b5cd2e9c1d3c8f1a6e4a0b4a5d9d0c3e3a58f4b7c1e2d3f4a5b6c7d8e9f0a1b\n' +
        'pyarrow==16.1.0\n',
    },
  ],
  good: [
    {
      file: 'requirements.txt',
      code:
        'pandas==2.2.2 \\\n    --hash=sha256:5b5cd2e9c1d3c8f1a6e4a0b4a5d9d0c3e3a58f4b7c1e2d3f4a5b6c7d8e9f0a1b\n' +
        'pyarrow==16.1.0 \\\n    --hash=sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9\n',
    },
  ],
  references: ['https://pip.pypa.io/en/stable/topics/secure-installs/#hash-checking-mode', 'https://cwe.mitre.org/data/definitions/353.html'],
  check(project) {
    return [...project.facts].flatMap(([file, fact]) => {
      if (fact.type !== 'manifest' || fact.format !== 'requirements.txt') return [];
      const indexed = fact.requirements.filter((r) => !r.source || r.source.kind !== 'path');
      if (!indexed.some((r) => r.hashes.length > 0)) return [];
      return indexed
        .filter((r) => r.hashes.length === 0)
        .map((r) => ({ file, line: r.line ?? 1, key: r.name, message: `${r.name} has no --hash while other requirements in ${file} do` }));
    });
  },
};
