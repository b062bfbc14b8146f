import { describe, expect, it } from 'vitest';
import { composeAnalyzer } from '../../../../src/analyzers/iac/compose/index.js';
import type { FileEntry } from '../../../../src/core/analyzer.js';
import { classify } from '../../../../src/inventory/classify.js';
import { analyzeComposeText } from './scan.js';

const COMPOSE = 'services:\n  db:\n    image: postgres:16.4\n    privileged: true\n';
const MANIFEST = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: c:1.0.0\n';

/** Whether the analyzer runs on `file`, classified the way an assessment classifies it. */
function takes(file: string, code: string): boolean {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: code.length };
  return composeAnalyzer.required(entry);
}

describe('compose analyzer', () => {
  it('takes Compose files and their variants, classified as config', () => {
    for (const file of ['docker-compose.yml', 'compose.yaml', 'deploy/docker-compose.override.yml', 'docker-compose-dev.yaml', 'compose.prod.yml', 'deepflow-agent-docker-compose.yaml', 'prod.compose.yml']) {
      expect(classify(file, COMPOSE), file).toBe('config');
      expect(takes(file, COMPOSE), file).toBe(true);
    }
  });

  it('does not take other YAML: Helm values, a Kubernetes manifest, a name that only contains "compose"', () => {
    expect(takes('values.yaml', COMPOSE)).toBe(false);
    expect(classify('k8s/deployment.yaml', MANIFEST)).toBe('kubernetes');
    expect(takes('k8s/deployment.yaml', MANIFEST)).toBe(false);
    expect(takes('compose.yaml', MANIFEST)).toBe(false);
    expect(takes('decompose.yml', COMPOSE)).toBe(false);
    expect(takes('docker-compose.yml.bak', COMPOSE)).toBe(false);
  });

  it('places findings on the offending key with 1-based line and column', () => {
    const finding = analyzeComposeText(COMPOSE).findings.find((f) => f.ruleId === 'compose.privileged')!;
    expect(finding.location).toMatchObject({ file: 'docker-compose.yml', startLine: 4, startColumn: 17, snippet: 'privileged: true' });
    expect(finding.category).toBe('iac');
    expect(finding.fingerprint).toMatch(/^[0-9a-f]+$/);
  });

  it('locates findings the same in a CRLF file', () => {
    const code = `${COMPOSE}    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n`;
    const where = (text: string) =>
      analyzeComposeText(text)
        .findings.map((f) => `${f.ruleId} ${f.location.startLine}:${f.location.startColumn} ${f.location.snippet}`)
        .sort();
    const lf = where(code);
    expect(lf).toEqual(['compose.privileged 4:17 privileged: true', 'compose.runtime-socket 6:9 - /var/run/docker.sock:/var/run/docker.sock']);
    expect(where(code.replace(/\n/g, '\r\n'))).toEqual(lf);
  });
});
