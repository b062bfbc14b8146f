import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../src/store/history.js';
import { PoisonScoreStore, type PoisonScoreRecord } from '../../../src/store/poison-scores.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-poison-scores-'));
  dirs.push(dir);
  return path.join(dir, '.pipewarden', 'history.db');
}

const entry = (score: number, command = 'python3 clean.py {input} {output}'): PoisonScoreRecord => ({
  target: '/srv/project',
  command,
  startedAt: new Date().toISOString(),
  score,
  seed: 1,
  rates: [0.001, 0.01, 0.1],
  attacks: { formula: { propagated: 6 } },
  toolVersion: '0.1.0',
});

describe('resistance score history', () => {
  it('compares each score with the previous one of the same pipeline', () => {
    const store = new PoisonScoreStore(dbFile());
    const first = store.record(entry(40));
    expect(first.previous).toBeUndefined();
    expect(first.delta).toBeUndefined();
    const second = store.record(entry(62.5));
    expect(second.previous?.score).toBe(40);
    expect(second.delta).toBe(22.5);
    // Another job of the same project has a history of its own.
    expect(store.record(entry(90, 'python3 other.py {input} {output}')).previous).toBeUndefined();
    expect(store.scores('/srv/project', 'python3 clean.py {input} {output}').map((s) => s.score)).toEqual([62.5, 40]);
    expect(store.scores('/srv/project', 'python3 clean.py {input} {output}')[0]!.attacks).toEqual({ formula: { propagated: 6 } });
    store.close();
  });

  it('lives in the assessment history file without disturbing it, whichever opens it first', () => {
    const file = dbFile();
    const scores = new PoisonScoreStore(file);
    scores.record(entry(10));
    scores.close();
    const history = new HistoryStore(file);
    const run = history.record({ target: '/srv/project', startedAt: '', finishedAt: '', durationMs: 1, toolVersion: '0', filesAnalyzed: 0, errors: 0, findings: [], suppressed: [] });
    expect(run.runId).toBe(1);
    expect(history.verify()).toEqual([]);
    history.close();
    const again = new PoisonScoreStore(file);
    expect(again.record(entry(20)).previous?.score).toBe(10);
    again.close();
  });
});
