import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerRules } from '../../../src/analyzers/container/rules/index.js';
import { analyzeDockerfileText } from './scan.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/container');

function read(kind: 'clean' | 'vulnerable', name: string): string {
  return fs.readFileSync(path.join(FIXTURES, kind, name), 'utf8');
}

/** `# expect-next: a, b` names the findings of the next line that is not a comment (Docker drops comment lines, even inside a RUN). */
function expectations(code: string): string[] {
  const lines = code.split('\n');
  return lines.flatMap((line, i) => {
    const m = /^#\s*expect-next:\s*(.+)$/.exec(line.trim());
    if (!m) return [];
    const next = lines.findIndex((l, j) => j > i && !l.trim().startsWith('#'));
    return m[1]!.split(',').map((id) => `${id.trim()} L${next + 1}`);
  });
}

describe('Dockerfile fixtures', () => {
  it.each(fs.readdirSync(path.join(FIXTURES, 'clean')))('clean/%s yields no findings', (name) => {
    const result = analyzeDockerfileText(read('clean', name), name);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} L${f.location.startLine}: ${f.message}`)).toEqual([]);
  });

  it('vulnerable/Dockerfile yields exactly the expected findings, every rule among them', () => {
    const code = read('vulnerable', 'Dockerfile');
    const result = analyzeDockerfileText(code);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} L${f.location.startLine}`).sort()).toEqual(expectations(code).sort());
    const fired = new Set(result.findings.map((f) => f.ruleId));
    expect(dockerRules.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });

  it('redacts the secret in its message', () => {
    const finding = analyzeDockerfileText(read('vulnerable', 'Dockerfile')).findings.find((f) => f.ruleId === 'docker.secret-in-env')!;
    expect(finding.message).toContain('wJal…');
    expect(finding.message).not.toContain('wJalrXUtnFEMI');
  });
});
