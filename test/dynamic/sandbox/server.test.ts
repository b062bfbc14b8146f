import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostCapabilities, runSandboxed } from '../../../src/dynamic/sandbox/index.js';
import { REPO } from '../../helpers/cli.js';
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

const cgroups = hostCapabilities().pidsCgroup;

describe.skipIf(!cgroups)('the pids cgroups of runs', () => {
  const sandbox = path.join(REPO, 'dist', 'src', 'dynamic', 'sandbox', 'index.js');

  /** Runs `body` in a separate pipewarden process; returns its output lines and a wait for its cgroups to be gone. */
  async function inPipewarden(body: string): Promise<{ lines: string[]; owner: string; leftAfterwards: () => Promise<string[]> }> {
    const script = `const { runSandboxed } = await import(${JSON.stringify(sandbox)});\nconst limits = ${JSON.stringify(LIMITS)};\nconsole.log('pid', process.pid);\n${body}`;
    const [first, ...lines] = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim().split('\n');
    const owner = first!.split(' ')[1]!;
    const left = (): string[] => fs.readdirSync(cgroups!).filter((name) => name.startsWith(`run-${owner}-`));
    const leftAfterwards = async () => {
      // the server lets them go once their processes are reaped, which takes a moment on a busy machine
      for (let i = 0; i < 200 && left().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
      return left();
    };
    return { lines, owner, leftAfterwards };
  }

  it('puts each run in a cgroup of its own, made ahead, and removes them all once pipewarden ends', async () => {
    const { lines, owner, leftAfterwards } = await inPipewarden(`
      for (let i = 0; i < 3; i++) {
        const run = await runSandboxed({ command: 'cat /proc/self/cgroup', ...limits });
        console.log(run.stdoutTail.split('\\n').find((line) => /:pids:|^0::/.test(line)));
      }`);
    const groups = lines.map((line) => path.basename(line));
    expect(new Set(groups).size).toBe(3);
    for (const group of groups) expect(group).toMatch(new RegExp(`^run-${owner}-\\d+-\\d+$`));
    expect(await leftAfterwards()).toEqual([]);
  });

  it('removes them too when pipewarden exits mid-run', async () => {
    // the run is killed at exit; the server reaps it and the spare after pipewarden is gone
    // (an odd duration, so that no other process on the host matches the check below)
    const sleep = 'sleep 29.731';
    const { leftAfterwards } = await inPipewarden(`
      runSandboxed({ command: '${sleep}', ...limits }).catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 1500));
      process.exit(0);`);
    expect(await leftAfterwards()).toEqual([]);
    expect(processesMentioning(sleep)).toEqual([]);
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
