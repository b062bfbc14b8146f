import { describe, expect, it } from 'vitest';
import { githubActionsAnalyzer } from '../../../../src/analyzers/ci/github-actions/index.js';
import { fileAnalyzers } from '../../../../src/analyzers/registry.js';
import type { FileEntry } from '../../../../src/core/analyzer.js';
import { classify } from '../../../../src/inventory/classify.js';
import { analyzeWorkflowText } from './scan.js';

const WORKFLOW = 'name: ci\non: push\npermissions: write-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: make test\n';
/** A deploy workflow whose heredoc makes classification sniff it as a Kubernetes manifest. */
const DEPLOY =
  'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/k8s-deploy@v5\n      - run: |\n          kubectl apply -f - <<EOF\n          apiVersion: v1\n          kind: ConfigMap\n          EOF\n';

function takes(file: string, code: string): boolean {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: code.length };
  return githubActionsAnalyzer.required(entry);
}

describe('github-actions analyzer', () => {
  it('is registered as an iac file analyzer', () => {
    expect(fileAnalyzers).toContain(githubActionsAnalyzer);
    expect(githubActionsAnalyzer.category).toBe('iac');
  });

  it('takes .yml and .yaml files directly in .github/workflows, which classify as config', () => {
    for (const file of ['.github/workflows/ci.yml', '.github/workflows/deploy.YAML', 'repo/.github/workflows/dbt.yaml']) {
      expect(classify(file, WORKFLOW), file).toBe('config');
      expect(takes(file, WORKFLOW), file).toBe(true);
    }
  });

  it('takes a workflow that classification sniffs as Kubernetes for the manifest in its script', () => {
    expect(classify('.github/workflows/deploy.yml', DEPLOY)).toBe('kubernetes');
    expect(takes('.github/workflows/deploy.yml', DEPLOY)).toBe(true);
    expect(analyzeWorkflowText(DEPLOY, '.github/workflows/deploy.yml').findings.map((f) => f.ruleId)).toEqual(['gha.unpinned-action']);
  });

  it('does not take other YAML: other directories, subdirectories GitHub ignores, other extensions', () => {
    for (const file of ['ci.yml', '.github/dependabot.yml', '.github/workflows/templates/ci.yml', 'github/workflows/ci.yml', '.github/workflows/ci.yml.bak', '.github/workflows/README.md']) {
      expect(takes(file, WORKFLOW), file).toBe(false);
    }
  });

  it('places findings on the offending value with 1-based line and column', () => {
    const finding = analyzeWorkflowText(WORKFLOW).findings.find((f) => f.ruleId === 'gha.write-all-permissions')!;
    expect(finding.location).toMatchObject({ file: '.github/workflows/ci.yml', startLine: 3, startColumn: 14, snippet: 'permissions: write-all' });
    expect(finding.category).toBe('iac');
    expect(finding.fingerprint).toMatch(/^[0-9a-f]+$/);
  });

  it('locates findings the same in a CRLF file', () => {
    const code = `${WORKFLOW}      - run: echo "\${{ github.event.head_commit.message }}"\n`;
    const where = (text: string) =>
      analyzeWorkflowText(text)
        .findings.map((f) => `${f.ruleId} ${f.location.startLine}:${f.location.startColumn}`)
        .sort();
    const lf = where(code);
    expect(lf).toEqual(['gha.script-injection 10:20', 'gha.unpinned-action 8:15', 'gha.write-all-permissions 3:14']);
    expect(where(code.replace(/\n/g, '\r\n'))).toEqual(lf);
  });
});

describe('files the rules cannot read', () => {
  it('reports invalid YAML as a scan error of the file, without findings or a crash', () => {
    const result = analyzeWorkflowText('on: push\njobs:\n  build:\n    steps: [{run: "echo ${{ github.head_ref }}"\n  other:\n');
    expect(result.findings).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/^invalid YAML at line \d+, column \d+: /);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++) levels.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10).fill(`*${'abcdefgh'[i - 1]}`).join(',')}]`);
    const result = analyzeWorkflowText(`${levels.join('\n')}\non: push\njobs:\n  j:\n    steps: [{run: "echo"}]\n`);
    expect(result.findings).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/aliases are limited to 100 expansions/);
  });

  it('finds nothing in a workflow without jobs, or with jobs and steps of the wrong shape', () => {
    for (const code of ['on: push\npermissions: write-all\n', 'jobs:\n', 'jobs: [a, b]\n', '', 'on: pull_request_target\njobs:\n  a: 42\n  b:\n    steps: "run: echo ${{ github.head_ref }}"\n  c:\n    uses: [x]\n    steps: [null, 7, {run: 42}, {uses: {a: 1}, with: "ref"}]\n']) {
      const result = analyzeWorkflowText(code);
      expect(result.errors, code).toEqual([]);
      expect(result.findings, code).toEqual([]);
    }
  });
});

describe('run scripts under the shell rules', () => {
  it('reports a download piped into a shell and a privileged docker run on their lines, but not in PowerShell or Python steps', () => {
    const code = [
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - name: Upload coverage',
      '        run: |',
      '          pytest --cov',
      '          curl -s https://codecov.io/bash | bash',
      '      - run: docker run --privileged acme/it:1.0 ./integration.sh',
      '      - shell: pwsh',
      '        run: iwr https://x.example/i.ps1 | iex; curl -k https://x.example',
      '  win:',
      '    runs-on: [self-hosted, windows]',
      '    steps:',
      '      - run: curl -k https://x.example/api',
    ].join('\n');
    const findings = analyzeWorkflowText(code).findings.filter((f) => f.ruleId.startsWith('sh.'));
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.location.startColumn])).toEqual([
      ['sh.curl-pipe-shell', 9, 11],
      ['sh.docker-run-host-access', 10, 25],
    ]);
  });

  it('follows a file one step downloads to a later step of the job that runs it, each step starting in the workspace', () => {
    const code = [
      'on: push',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: wget -q https://repo.example.com/miniconda.sh -O miniconda.sh',
      '      - run: |',
      '          bash miniconda.sh -b -p $HOME/miniconda',
      '          cd /tmp && curl -fsSLO https://x.example/tool.sh',
      '      - run: sh tool.sh',
      '      - run: curl -fsSLO https://x.example/one.sh && sh one.sh',
      '  other:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: sh miniconda.sh',
    ].join('\n');
    const findings = analyzeWorkflowText(code).findings.filter((f) => f.ruleId === 'sh.curl-pipe-shell');
    expect(findings.map((f) => [f.location.startLine, f.location.startColumn, f.message])).toEqual([
      [8, 11, 'miniconda.sh, downloaded by wget, is run by bash without verification'],
      [11, 54, 'one.sh, downloaded by curl, is run by sh without verification'],
    ]);
  });

  it('reads an expression as one word, whatever spaces, quotes or parentheses it holds, as the runner substitutes it first', () => {
    const code = [
      'on: push',
      'jobs:',
      '  it:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      "      - run: docker run -v ${{ github.workspace }}:/w -e MODE=${{ contains(github.ref, 'main') && 'full' || 'fast' }} --privileged acme/it:1.0 make",
    ].join('\n');
    const findings = analyzeWorkflowText(code).findings.filter((f) => f.ruleId.startsWith('sh.'));
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.message])).toEqual([
      ['sh.docker-run-host-access', 6, 'docker run of acme/it:1.0 is privileged (--privileged): root on the host'],
    ]);
  });

  it('reads workflow, job and step env for switches that turn certificate checks off', () => {
    const code = [
      'on: push',
      'env:',
      '  NODE_TLS_REJECT_UNAUTHORIZED: 0',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    env: { PIP_TRUSTED_HOST: pypi.internal.example }',
      '    steps:',
      '      - run: npm ci',
      '        env:',
      '          GIT_SSL_NO_VERIFY: false',
    ].join('\n');
    const findings = analyzeWorkflowText(code).findings.filter((f) => f.ruleId.startsWith('sh.'));
    expect(findings.map((f) => [f.location.startLine, f.message])).toEqual([
      [3, 'NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate verification'],
      [7, 'PIP_TRUSTED_HOST=pypi.internal.example turns off certificate verification'],
    ]);
  });
});
