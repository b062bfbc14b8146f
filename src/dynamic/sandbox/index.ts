import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostCapabilities, type HostCapabilities } from './capabilities.js';
import { HELPER_PROCESSES } from './cgroup.js';
import { inPool } from './pool.js';
import { summariseTrace, TRACED_SYSCALLS, WAITER_MARK } from './trace.js';
import type { SandboxIsolation, SandboxRun, SandboxSpec } from './types.js';
import { changedSince, createWorkDir, insideWork, listFiles, placeFiles, readOutput, removeWorkDir, snapshot, type WorkDir } from './workdir.js';
import { supervise } from './server.js';

export type * from './types.js';
export { hostCapabilities } from './capabilities.js';
export { inPool } from './pool.js';

const DEFAULT_MAX_FILE_BYTES = 1024 ** 3;
const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 ** 2;

/** How runs are confined on this machine, for reports ("network not isolated"). */
export function sandboxIsolation(caps: HostCapabilities = hostCapabilities()): SandboxIsolation {
  return {
    network: caps.namespaces,
    filesystem: caps.namespaces,
    processLimit: caps.pidsCgroup ? 'cgroup' : caps.root ? 'poll' : 'rlimit',
    tracing: caps.strace ? 'strace' : 'proc-poll',
  };
}

export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The command with `{input}`, `{output}`, `{workdir}` replaced, as argv. */
export function commandArgv(command: string | string[], values: Record<string, string>): { argv: string[]; display: string } {
  const fill = (text: string, quote: (v: string) => string): string =>
    text.replace(/\{(input|output|workdir)\}/g, (whole, key: string) => (values[key] !== undefined ? quote(values[key]!) : whole));
  if (typeof command === 'string') {
    const line = fill(command, shellQuote);
    return { argv: ['sh', '-c', line], display: line };
  }
  const argv = command.map((part) => fill(part, (v) => v));
  return { argv, display: argv.map(shellQuote).join(' ') };
}

function scrubbedEnv(spec: SandboxSpec, dirs: WorkDir): Record<string, string> {
  const seed = spec.seed ?? 0;
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONHASHSEED: String(seed),
    PIPEWARDEN_SEED: String(seed),
    ...spec.env,
  };
}

const MEMORY_ERRORS = /MemoryError|heap out of memory|Cannot allocate memory|std::bad_alloc|Killed/;

/**
 * Runs one command in the sandbox: a fresh working directory holding `spec.files`, a scrubbed
 * environment, fresh namespaces (no network, read-only filesystem outside the working directory)
 * when the kernel allows, and limits on time, memory and processes. Measures the run, reads the
 * output back, and removes every trace of it from disk.
 */
export async function runSandboxed(spec: SandboxSpec): Promise<SandboxRun> {
  const host = hostCapabilities();
  const caps = spec.trace === false ? { ...host, strace: null } : host;
  const isolation = sandboxIsolation(caps);
  const dirs = createWorkDir();
  try {
    placeFiles(dirs.work, spec.files ?? []);
    const outputPath = insideWork(dirs.work, spec.output ?? 'output');
    fs.mkdirSync(spec.outputIsDir ? outputPath : path.dirname(outputPath), { recursive: true });
    const placed = new Set(listFiles(dirs.work));
    const values: Record<string, string> = { output: outputPath, workdir: dirs.work };
    if (spec.input !== undefined) values.input = insideWork(dirs.work, spec.input);
    const { argv, display } = commandArgv(spec.command, values);
    const watched = [os.homedir(), os.tmpdir()];
    const before = isolation.filesystem ? null : snapshot(watched, dirs.root);
    const config = {
      argv,
      cwd: spec.cwd ?? dirs.work,
      workDir: dirs.work,
      env: scrubbedEnv(spec, dirs),
      timeoutMs: spec.timeoutMs,
      memoryBytes: spec.memoryBytes,
      maxProcesses: spec.maxProcesses,
      helperProcesses: HELPER_PROCESSES,
      maxFileBytes: spec.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      rlimitNproc: isolation.processLimit === 'rlimit',
      isolateFs: caps.namespaces,
      strace: caps.strace,
      traceSyscalls: TRACED_SYSCALLS,
      pollExecs: !caps.strace,
      pollMs: 10,
      maxTraceLines: 20_000,
    };
    const settings = {
      python: caps.python,
      namespaces: caps.namespaces,
      tracing: host.strace ? ([host.strace, TRACED_SYSCALLS, WAITER_MARK] as [string, string, string]) : null,
      cgroups: caps.pidsCgroup,
    };
    const { report, problem } = await supervise(settings, config, spec.timeoutMs, dirs.root);
    if (!report) throw new Error(`sandbox supervisor failed: ${problem}`);
    const stdout = Buffer.from(report.stdout, 'base64').toString('utf8');
    const stderr = Buffer.from(report.stderr, 'base64').toString('utf8');
    const trace = caps.strace ? summariseTrace(report.traceLines, report.tracedFromWaiter) : { processesSpawned: report.polledExecs, networkAttempts: [], blockedWrites: [] };
    const filesystem = isolation.filesystem && report.fsIsolated;
    const { files, truncated } = readOutput(outputPath, spec.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES);
    const outputRel = path.relative(dirs.work, outputPath);
    const filesCreated = listFiles(dirs.work).filter((f) => !placed.has(f) && f !== outputRel && !f.startsWith(outputRel + '/'));
    const failed = report.exitCode !== 0;
    return {
      command: display,
      exitCode: report.exitCode,
      signal: report.signal,
      timedOut: report.timedOut,
      memoryExceeded: report.memoryExceeded || (failed && !report.timedOut && MEMORY_ERRORS.test(stderr)),
      processLimitHit: report.processLimitHit,
      wallMs: report.wallMs,
      cpuMs: report.cpuMs,
      peakRssBytes: report.peakRss,
      ...trace,
      filesWrittenOutside: before ? changedSince(before, snapshot(watched, dirs.root)) : [],
      filesCreated,
      outputPath,
      output: files,
      outputTruncated: truncated,
      stdoutTail: stdout,
      stderrTail: stderr,
      networkIsolated: isolation.network,
      isolation: { ...isolation, filesystem },
    };
  } finally {
    removeWorkDir(dirs.root);
  }
}

/** Runs many specs, `concurrency` at a time (default: every core); results keep the input order. */
export function runAllSandboxed<T>(items: T[], toSpec: (item: T, index: number) => SandboxSpec, concurrency?: number): Promise<SandboxRun[]> {
  return inPool(items, (item, index) => runSandboxed(toSpec(item, index)), concurrency);
}
