import { describe, expect, it } from 'vitest';
import { compareFindings, type Finding } from '../../src/core/finding.js';
import { renderJson } from '../../src/report/json.js';
import { emptyResult, fullResult } from './fixture.js';

const FINDING_KEYS = ['ruleId', 'title', 'message', 'severity', 'confidence', 'cwe', 'category', 'location', 'remediation', 'fingerprint'];

function parse(text: string) {
  return JSON.parse(text) as Record<string, any>;
}

describe('JSON report', () => {
  it('is indented JSON with the top-level keys in a fixed order', () => {
    const text = renderJson(fullResult());
    expect(text).toMatch(/^\{\n {2}"tool": \{\n {4}"name"/);
    expect(Object.keys(parse(text))).toEqual(['tool', 'root', 'startedAt', 'summary', 'findings', 'suppressed', 'errors', 'skipped', 'notices', 'stats', 'history']);
  });

  it('summarises counts by severity, suppressed, errors, new and fixed', () => {
    expect(parse(renderJson(fullResult())).summary).toEqual({
      total: 5,
      critical: 1,
      high: 1,
      medium: 1,
      low: 1,
      info: 1,
      suppressed: 3,
      errors: 2,
      skipped: 2,
      new: 2,
      fixed: 1,
    });
  });

  it('round-trips every finding field, sorted in report order', () => {
    const result = fullResult();
    const findings = parse(renderJson(result)).findings as Finding[];
    expect(findings).toEqual([...result.findings].sort(compareFindings));
    expect(findings.map((f) => f.severity)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(f.trace ? [...FINDING_KEYS.slice(0, 8), 'trace', ...FINDING_KEYS.slice(8)] : FINDING_KEYS);
    }
  });

  it('emits exactly the Finding fields, whatever else an object carries and in whatever order', () => {
    const result = fullResult();
    const { fingerprint, ...rest } = result.findings[0]!;
    result.findings = [{ fingerprint, ...rest, internalScore: 0.7 } as Finding];
    const [finding] = parse(renderJson(result)).findings as Array<Record<string, unknown>>;
    expect(Object.keys(finding!)).toEqual(FINDING_KEYS);
  });

  it('keeps suppressed findings with their suppression', () => {
    const suppressed = parse(renderJson(fullResult())).suppressed as Array<Finding & { suppression: unknown }>;
    expect(suppressed.map((s) => [s.location.file, s.suppression])).toEqual([
      ['jobs/cache.py', { kind: 'inline', reason: 'artifact we sign ourselves' }],
      ['sql/old.py', { kind: 'baseline', reason: 'accepted 2025-01-10' }],
      ['dev-requirements.txt', { kind: 'ignore-file', reason: 'dev only' }],
    ]);
    expect(Object.keys(suppressed[0]!)).toEqual([...FINDING_KEYS, 'suppression']);
  });

  it('carries errors, skipped files, notices, stats and history as they are', () => {
    const result = fullResult();
    const json = parse(renderJson(result));
    expect(json.errors).toEqual(result.errors);
    expect(json.skipped).toEqual(result.skipped);
    expect(json.notices).toEqual(result.notices);
    expect(json.stats).toEqual(result.stats);
    expect(json.history).toEqual(result.history);
  });

  it('writes null, not zero, for new and fixed when no earlier run was compared', () => {
    const none = parse(renderJson(emptyResult()));
    expect(none.history).toBeNull();
    expect([none.summary.new, none.summary.fixed]).toEqual([null, null]);

    const first = fullResult();
    first.history = { runId: 1, previousRunId: undefined, newFingerprints: ['fp-secret'], fixed: [] };
    const json = parse(renderJson(first));
    expect([json.summary.new, json.summary.fixed]).toEqual([null, null]);
    expect(json.history.previousRunId).toBeNull();
  });

  it('keeps a snippet with markup and control characters byte for byte', () => {
    const result = fullResult();
    const sql = result.findings.find((f) => f.fingerprint === 'fp-sql')!;
    const back = (parse(renderJson(result)).findings as Finding[]).find((f) => f.fingerprint === 'fp-sql')!;
    expect(back.location.snippet).toBe(sql.location.snippet);
  });
});
