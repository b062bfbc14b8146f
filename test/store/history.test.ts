import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryStore, type RunRecord } from '../../src/store/history.js';
import { finding } from '../helpers/findings.js';
import { removeTree, tempTree } from '../helpers/temp-tree.js';

let roots: string[] = [];
afterEach(() => {
  roots.forEach(removeTree);
  roots = [];
});

function store(): HistoryStore {
  const root = tempTree();
  roots.push(root);
  return new HistoryStore(path.join(root, 'nested', 'history.db'));
}

function run(findings = [finding()], overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    target: '/srv/pipeline',
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:00:01.000Z',
    durationMs: 1000,
    toolVersion: '0.1.0',
    filesAnalyzed: 3,
    errors: 0,
    findings,
    suppressed: [],
    ...overrides,
  };
}

describe('HistoryStore', () => {
  it('reports nothing new on the first run of a target', () => {
    const s = store();
    const comparison = s.record(run([finding({ line: 1 }), finding({ line: 2 })]));
    expect(comparison.previousRunId).toBeUndefined();
    expect(comparison.newFingerprints).toEqual([]);
    expect(comparison.fixed).toEqual([]);
    s.close();
  });

  it('compares with the previous run of the same target only', () => {
    const s = store();
    const a = finding({ line: 1 });
    const b = finding({ line: 2 });
    const c = finding({ line: 3, severity: 'critical' });
    const first = s.record(run([a, b]));
    s.record(run([c], { target: '/srv/other' }));
    const second = s.record(run([b, c]));
    expect(second.previousRunId).toBe(first.runId);
    expect(second.newFingerprints).toEqual([c.fingerprint]);
    expect(second.fixed.map((f) => [f.fingerprint, f.file, f.line])).toEqual([[a.fingerprint, 'jobs/clean.py', 1]]);

    const runs = s.runs('/srv/pipeline');
    expect(runs.map((r) => [r.id, r.newCount, r.fixedCount, r.counts.high, r.counts.critical])).toEqual([
      [second.runId, 1, 1, 1, 1],
      [first.runId, 0, 0, 2, 0],
    ]);
    expect(s.runs().length).toBe(3);
    s.close();
  });

  it('does not count a finding that became suppressed as fixed', () => {
    const s = store();
    const a = finding({ line: 1 });
    s.record(run([a]));
    const next = s.record(run([], { suppressed: [a] }));
    expect(next.fixed).toEqual([]);
    expect(next.newFingerprints).toEqual([]);
    expect(s.runs()[0]!.suppressed).toBe(1);
    s.close();
  });

  it('verifies as consistent after writes', () => {
    const s = store();
    for (let i = 0; i < 5; i++) s.record(run([finding({ line: i }), finding({ line: i + 10 })]));
    expect(s.verify()).toEqual([]);
    s.close();
  });
});
