import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostCapabilities, runAllSandboxed, runSandboxed } from '../../../src/dynamic/sandbox/index.js';
import { LIMITS, PYTHON } from './helpers.js';

const caps = hostCapabilities();
const isolated = caps.namespaces;

describe('runSandboxed', () => {
  it('runs the command on the placed input and reads the output back', async () => {
    const run = await runSandboxed({
      command: `${PYTHON} -c "import sys; open(sys.argv[2], 'w').write(open(sys.argv[1]).read().upper())" {input} {output}`,
      files: [{ path: 'in/data.csv', content: 'a,b\n1,2\n' }],
      input: 'in/data.csv',
      output: 'out/result.csv',
      ...LIMITS,
    });
    expect(run.exitCode).toBe(0);
    expect(run.output).toHaveLength(1);
    expect(run.output[0]!.bytes.toString()).toBe('A,B\n1,2\n');
    expect(run.wallMs).toBeGreaterThan(0);
    expect(run.peakRssBytes).toBeGreaterThan(1024 * 1024);
    // the working directory is gone once the result is in
    expect(fs.existsSync(run.outputPath)).toBe(false);
  });

  it('scrubs the environment: no credentials, HOME and TMPDIR inside the sandbox', async () => {
    process.env.AWS_SECRET_ACCESS_KEY = 'sandbox-test-secret';
    process.env.GITHUB_TOKEN = 'sandbox-test-token';
    try {
      const run = await runSandboxed({ command: [PYTHON, '-c', 'import os, json; print(json.dumps(dict(os.environ)))'], ...LIMITS, seed: 5 });
      const env = JSON.parse(run.stdoutTail) as Record<string, string>;
      expect(env.AWS_SECRET_ACCESS_KEY).toBeUndefined();
      expect(env.GITHUB_TOKEN).toBeUndefined();
      expect(Object.keys(env).filter((k) => /AWS|GOOGLE|AZURE|TOKEN|SECRET/.test(k))).toEqual([]);
      expect(env.HOME).not.toBe(os.homedir());
      expect(env.HOME).toContain('pipewarden-sandbox-');
      expect(env.TMPDIR).toContain('pipewarden-sandbox-');
      expect(env.PYTHONHASHSEED).toBe('5');
    } finally {
      delete process.env.AWS_SECRET_ACCESS_KEY;
      delete process.env.GITHUB_TOKEN;
    }
  });

  it('repeats exactly for a seed (hash randomisation follows it)', async () => {
    const spec = { command: [PYTHON, '-c', 'print(hash("pipewarden"))'], ...LIMITS };
    const [a, b, c] = await runAllSandboxed([7, 7, 8], (seed) => ({ ...spec, seed }));
    expect(a!.stdoutTail).toBe(b!.stdoutTail);
    expect(a!.stdoutTail).not.toBe(c!.stdoutTail);
  });

  it('reports a crash with its exit status and keeps the traceback tail', async () => {
    const run = await runSandboxed({ command: [PYTHON, '-c', 'int("twelve")'], ...LIMITS });
    expect(run.exitCode).toBe(1);
    expect(run.stderrTail).toContain('ValueError');
  });

  it('lists files created in the working directory outside the output', async () => {
    const run = await runSandboxed({ command: 'touch "$HOME/marker" && echo ok > {output}', ...LIMITS });
    expect(run.filesCreated).toEqual(['.home/marker']);
  });

  it.skipIf(!caps.strace)('records every program started (execve)', async () => {
    const run = await runSandboxed({ command: 'ls / > /dev/null; uname > /dev/null', ...LIMITS });
    const programs = run.processesSpawned.map((p) => path.basename(p.path));
    expect(programs).toEqual(expect.arrayContaining(['sh', 'ls', 'uname']));
    expect(run.processesSpawned.find((p) => p.path.endsWith('/uname'))?.argv).toEqual(['uname']);
  });

  it.skipIf(!caps.strace)('records only what the command started, not the waiter strace started on ahead of the run', async () => {
    const run = await runSandboxed({ command: [PYTHON, '-S', '-c', 'pass'], ...LIMITS });
    expect(run.processesSpawned).toEqual([expect.objectContaining({ argv: [PYTHON, '-S', '-c', 'pass'] })]);
    expect(run.networkAttempts).toEqual([]);
  });

  it('starts the command in its cwd with its file-size limit, traced or not', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewarden-cwd-'));
    try {
      for (const trace of [true, false]) {
        const run = await runSandboxed({
          command: [PYTHON, '-c', 'import os, resource; print(os.getcwd(), resource.getrlimit(resource.RLIMIT_FSIZE)[0])'],
          ...LIMITS,
          cwd,
          maxFileBytes: 123_456,
          trace,
        });
        expect(run.stdoutTail).toBe(`${fs.realpathSync(cwd)} 123456\n`);
      }
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });

  it.skipIf(!isolated)('gives the run no network and records the attempt', async () => {
    const run = await runSandboxed({
      command: [PYTHON, '-c', 'import socket\ntry:\n    socket.create_connection(("93.184.216.34", 443), timeout=2)\nexcept OSError as e:\n    print(e.errno)'],
      ...LIMITS,
    });
    expect(run.networkIsolated).toBe(true);
    expect(run.stdoutTail.trim()).toBe('101'); // ENETUNREACH: there is no route at all
    if (caps.strace) expect(run.networkAttempts).toEqual([expect.objectContaining({ address: '93.184.216.34', port: 443, error: 'ENETUNREACH' })]);
  });
});
