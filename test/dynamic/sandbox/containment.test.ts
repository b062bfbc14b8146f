import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostCapabilities, runSandboxed } from '../../../src/dynamic/sandbox/index.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';
import { LIMITS, PIPELINES, processesMentioning, PYTHON } from './helpers.js';

const caps = hostCapabilities();
const script = (name: string): string => path.join(PIPELINES, 'containment', name);

describe('containment of a pipeline that escapes its limits', () => {
  const cleanups: string[] = [];
  afterEach(() => {
    for (const dir of cleanups.splice(0)) removeTree(dir);
  });

  it('stops a fork bomb at the process limit and leaves no process behind', async () => {
    const started = Date.now();
    const run = await runSandboxed({ command: [PYTHON, script('fork_bomb.py')], ...LIMITS, maxProcesses: 16, timeoutMs: 20_000 });
    expect(run.processLimitHit).toBe(true);
    expect(run.timedOut).toBe(false);
    expect(run.exitCode).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(processesMentioning(script('fork_bomb.py'))).toEqual([]);
  });

  it('refuses a 10 GB allocation at the memory limit', async () => {
    const run = await runSandboxed({ command: [PYTHON, script('allocate_10g.py')], ...LIMITS, memoryBytes: 256 * 1024 ** 2 });
    expect(run.memoryExceeded).toBe(true);
    expect(run.exitCode).not.toBe(0);
    expect(run.stdoutTail).not.toContain('allocated');
    expect(run.peakRssBytes).toBeLessThan(1024 ** 3);
  });

  it('kills an infinite loop at the wall-time limit, with every process of the run', async () => {
    const run = await runSandboxed({ command: `${PYTHON} ${script('infinite_loop.py')} & ${PYTHON} ${script('infinite_loop.py')}`, ...LIMITS, timeoutMs: 1500 });
    expect(run.timedOut).toBe(true);
    expect(run.signal).toBe('SIGKILL');
    expect(run.wallMs).toBeGreaterThanOrEqual(1400);
    expect(run.wallMs).toBeLessThan(6000);
    expect(processesMentioning(script('infinite_loop.py'))).toEqual([]);
  });

  it.skipIf(!caps.namespaces)('refuses writes to $HOME, /tmp and the project, and reports them', async () => {
    const project = tempTree({ 'jobs/keep.txt': 'unchanged\n' });
    cleanups.push(project);
    const outside = tempTree();
    cleanups.push(outside);
    const targets = [os.homedir(), outside, project, os.tmpdir()];
    const before = targets.map((t) => fs.readdirSync(t).sort());
    const run = await runSandboxed({ command: [PYTHON, script('escape_writes.py'), ...targets], cwd: project, ...LIMITS });
    expect(run.exitCode).toBe(0);
    expect(run.stdoutTail).not.toMatch(/^wrote/m);
    for (const target of targets) expect(run.stdoutTail).toContain(`refused ${target}`);
    if (caps.strace) expect(run.blockedWrites).toEqual(expect.arrayContaining(targets.map((t) => path.join(t, 'pipewarden-escape-canary'))));
    expect(run.isolation.filesystem).toBe(true);
    for (const [i, target] of targets.entries()) {
      expect(fs.existsSync(path.join(target, 'pipewarden-escape-canary'))).toBe(false);
      // /tmp is shared with other processes of the machine: only the canary is checked there
      if (target !== os.tmpdir()) expect(fs.readdirSync(target).sort()).toEqual(before[i]);
    }
    expect(fs.readFileSync(path.join(project, 'jobs/keep.txt'), 'utf8')).toBe('unchanged\n');
  });
});

describe.skipIf(!caps.namespaces)('privileges inside the sandbox', () => {
  it('runs the command with no capabilities and no way to regain them', async () => {
    const run = await runSandboxed({ command: 'grep -E "^(CapEff|CapPrm|CapBnd|CapAmb|CapInh|NoNewPrivs)" /proc/self/status; mount -o remount,rw / 2>&1; echo remount=$?', ...LIMITS });
    for (const field of ['CapEff', 'CapPrm', 'CapBnd', 'CapAmb', 'CapInh']) expect(run.stdoutTail).toMatch(new RegExp(`^${field}:\\s+0+$`, 'm'));
    expect(run.stdoutTail).toMatch(/^NoNewPrivs:\s+1$/m);
    expect(run.stdoutTail).toMatch(/remount=[1-9]/);
  });

  it('hides daemon sockets under /run', async () => {
    const run = await runSandboxed({ command: 'ls -A /run | wc -l', ...LIMITS });
    expect(run.stdoutTail.trim()).toBe('0');
  });
});
