import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../src/store/history.js';
import { CLI, runCli } from '../helpers/cli.js';
import { removeTree, tempTree } from '../helpers/temp-tree.js';

const FILES = 1000;
let root: string;

beforeAll(() => {
  const body = Array.from({ length: 40 }, (_, i) => `    row_${i} = pickle.loads(blobs[${i}])`).join('\n');
  const files: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) files[`jobs/job_${i}.py`] = `import pickle\n\n\ndef step_${i}(blobs):\n${body}\n`;
  root = tempTree(files);
});
afterAll(() => removeTree(root));

function killedRun(delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'assess', root, '--no-cache', '--fail-on', 'none', '--format', 'json'], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

describe('history store under SIGKILL', () => {
  it('holds only whole runs however the process is killed', async () => {
    const finished = await runCli(['assess', root, '--no-cache', '--fail-on', 'none', '--format', 'json']);
    expect(finished.code).toBe(0);
    const findingsPerRun = JSON.parse(finished.stdout).findings.length;
    expect(findingsPerRun).toBe(FILES * 40);

    // Delays spread over the whole run, the final write included, in a fixed order.
    const outcomes: string[] = [];
    for (const delay of [50, 300, 700, 1200, 1800, 2500, 3500, 5000]) outcomes.push(await killedRun(delay));

    const store = new HistoryStore(path.join(root, '.pipewarden', 'history.db'));
    try {
      expect(store.verify()).toEqual([]);
      const runs = store.runs(undefined, 100);
      // A run killed after its transaction committed is stored whole; one killed before is absent.
      expect(runs.length).toBeGreaterThanOrEqual(1 + outcomes.filter((o) => o === 'finished').length);
      expect(runs.length).toBeLessThanOrEqual(1 + outcomes.length);
      for (const run of runs) expect(run.counts.high).toBe(findingsPerRun);
    } finally {
      store.close();
    }
  }, 180_000);
});
