import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runSandboxed } from '../../../src/dynamic/sandbox/index.js';
import { LIMITS, processesMentioning, PYTHON } from './helpers.js';

/** The sandbox's Python server(s) this test process started. */
function servers(): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('python') && line.includes('def serve('))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

describe('the sandbox server', () => {
  it('serves many runs from one process', async () => {
    await runSandboxed({ command: 'true', ...LIMITS });
    const before = servers();
    await Promise.all([1, 2, 3].map((n) => runSandboxed({ command: `echo ${n}`, ...LIMITS })));
    expect(before).toHaveLength(1);
    expect(servers()).toEqual(before);
  });

  it('fails the run it was serving when it dies, kills that run, and starts again for the next', async () => {
    const marker = `sleep 27.${process.pid}`;
    const inFlight = runSandboxed({ command: marker, ...LIMITS });
    for (let i = 0; i < 100 && processesMentioning(marker).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    for (const pid of servers()) process.kill(pid, 'SIGKILL');
    await expect(inFlight).rejects.toThrow(/sandbox supervisor failed: .*sandbox server exited with SIGKILL/);
    for (let i = 0; i < 40 && processesMentioning(marker).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(processesMentioning(marker)).toEqual([]);
    const next = await runSandboxed({ command: 'echo again', ...LIMITS });
    expect(next.stdoutTail).toBe('again\n');
  });
});

describe('what a run reports back', () => {
  it('keeps the last 64 KiB of a large output', async () => {
    const run = await runSandboxed({ command: [PYTHON, '-c', 'import sys\nsys.stdout.write("x" * 1000000 + "END\\n")'], ...LIMITS });
    expect(run.stdoutTail).toHaveLength(64 * 1024);
    expect(run.stdoutTail.endsWith('xEND\n')).toBe(true);
  });

  it('reports a program that does not exist as exit 127 with the reason, traced or not', async () => {
    for (const trace of [true, false]) {
      const run = await runSandboxed({ command: ['pipewarden-no-such-program'], ...LIMITS, trace });
      expect(run.exitCode).toBe(127);
      expect(run.stderrTail).toContain('cannot run pipewarden-no-such-program');
      expect(run.processesSpawned).toEqual([]);
    }
  });
});
