import { describe, expect, it } from 'vitest';
import { assessTree } from '../../helpers/assess-tree.js';

async function sourceFindings(files: Record<string, string>) {
  const result = await assessTree(files, { only: ['deps'], deps: { offline: true } });
  return {
    findings: result.findings
      .filter((f) => f.ruleId === 'deps.insecure-package-source' || f.ruleId === 'deps.dependency-confusion')
      .map((f) => [f.ruleId.slice('deps.'.length), f.location.file, f.location.startLine])
      .sort(),
    errors: result.errors,
  };
}

describe('package sources', () => {
  it('reports plain-HTTP indexes and unchecked certificates wherever they are configured, but not a loopback mirror', async () => {
    const { findings, errors } = await sourceFindings({
      'requirements.txt': '--index-url http://pypi.internal/simple\n--trusted-host pypi.internal\npandas==2.2.2\n',
      'dev/requirements.txt': '--index-url http://localhost:3141/root/pypi/+simple/\n-i http://127.0.0.1:8080/simple\npytest==8.3.3\n',
      'Pipfile': '[[source]]\nname = "internal"\nurl = "https://pypi.internal/simple"\nverify_ssl = false\n\n[packages]\npandas = "==2.2.2"\n',
      'ingest/.npmrc': 'registry=http://npm.internal/\nstrict-ssl=false\n',
      'conda/.condarc': 'channels:\n  - conda-forge\n  - http://conda.internal/main\n',
    });
    expect(errors).toEqual([]);
    expect(findings).toEqual([
      ['insecure-package-source', 'Pipfile', 4],
      ['insecure-package-source', 'conda/.condarc', 3],
      ['insecure-package-source', 'ingest/.npmrc', 1],
      ['insecure-package-source', 'ingest/.npmrc', 2],
      ['insecure-package-source', 'requirements.txt', 1],
      ['insecure-package-source', 'requirements.txt', 2],
    ]);
  });

  it('takes pip.conf’s extra index for dependency confusion, and uv’s only when it picks the best match across indexes', async () => {
    const { findings } = await sourceFindings({
      'pip.conf': '[global]\nextra-index-url = https://pypi.internal/simple\n',
      'pyproject.toml': '[project]\nname = "etl"\nversion = "1"\ndependencies = []\n\n[tool.uv]\nextra-index-url = ["https://pypi.internal/simple"]\n',
      'jobs/uv.toml': 'index-strategy = "unsafe-best-match"\nextra-index-url = ["https://pypi.internal/simple"]\n',
      'web/.npmrc': '@acme:registry=https://npm.acme.internal/\n',
    });
    expect(findings).toEqual([
      ['dependency-confusion', 'jobs/uv.toml', 2],
      ['dependency-confusion', 'pip.conf', 2],
    ]);
  });

  it('reports a configuration file that does not parse as a scan error of that file', async () => {
    const result = await assessTree({ '.condarc': 'channels: [a, b\n', 'requirements.txt': '--index-url http://pypi.internal/simple\n' }, { only: ['deps'], deps: { offline: true } });
    expect(result.errors.map((e) => [e.file, e.message])).toEqual([['.condarc', expect.stringMatching(/^cannot parse \.condarc \(line 2\): invalid YAML/)]]);
    expect(result.findings.map((f) => f.ruleId)).toContain('deps.insecure-package-source');
  });
});
