import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NAMESPACE_FLAGS, hostCapabilities, type HostCapabilities } from './capabilities.js';
import { inPool } from './pool.js';
import { SUPERVISOR_SOURCE } from './supervisor.js';
import { summariseTrace, TRACED_SYSCALLS } from './trace.js';
import type { SandboxIsolation, SandboxRun, SandboxSpec } from './types.js';
import { changedSince, createWorkDir, insideWork, listFiles, placeFiles, readOutput, snapshot, type WorkDir } from './workdir.js';

export type * from './types.js';
export { hostCapabilities } from './capabilities.js';
export { inPool } from './pool.js';

const TAIL_BYTES = 64 * 1024;
const DEFAULT_MAX_FILE_BYTES = 1024 ** 3;
const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 ** 2;
/** The supervisor and the tracer count against the process limit too. */
const HELPER_PROCESSES = 2;
/** Grace beyond the run's own timeout before the host side kills the whole sandbox. */
const BACKSTOP_MS = 10_000;

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

function makeCgroup(caps: HostCapabilities, maxProcesses: number): string | null {
  if (!caps.pidsCgroup) return null;
  const dir = fs.mkdtempSync(path.join(caps.pidsCgroup, `run-${process.pid}-`));
  fs.writeFileSync(path.join(dir, 'pids.max'), String(maxProcesses + HELPER_PROCESSES));
  return dir;
}

/** Reads whether the cgroup refused a fork, then removes it (the kernel empties it once all exit). */
async function closeCgroup(dir: string | null): Promise<boolean> {
  if (!dir) return false;
  let refused = false;
  try {
    refused = /max\s+[1-9]/.test(fs.readFileSync(path.join(dir, 'pids.events'), 'utf8'));
  } catch {
    // v1 kernels before 4.x lack pids.events: the poll still notices a runaway count
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      fs.rmdirSync(dir);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return refused;
}

class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - this.chunks[0]!.length >= TAIL_BYTES) this.size -= this.chunks.shift()!.length;
  }
  text(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - TAIL_BYTES)).toString('utf8');
  }
}

interface SupervisorReport {
  exitCode: number | null;
  signal: string | null;
  wallMs: number;
  cpuMs: number;
  peakRss: number;
  timedOut: boolean;
  memoryExceeded: boolean;
  processLimitHit: boolean;
  fsIsolated: boolean;
  notes: string[];
  traceLines: string[];
  polledExecs: { pid: number; path: string; argv: string[] }[];
}

/** Sandboxes still running, killed and removed if pipewarden exits mid-run (Ctrl-C, a crash). */
const live = new Map<number, string>();
let exitHookInstalled = false;

function track(pid: number, root: string): void {
  live.set(pid, root);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [group, dir] of live) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // already gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

function supervise(caps: HostCapabilities, config: object, timeoutMs: number, root: string): Promise<{ report: SupervisorReport | null; stdout: string; stderr: string }> {
  const args = [caps.python, '-S', '-I', '-c', SUPERVISOR_SOURCE, JSON.stringify(config)];
  const [program, ...rest] = caps.namespaces ? ['unshare', ...NAMESPACE_FLAGS, ...args] : args;
  const child = spawn(program!, rest, { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], detached: true });
  if (child.pid !== undefined) track(child.pid, root);
  const stdout = new Tail();
  const stderr = new Tail();
  const report: Buffer[] = [];
  child.stdout!.on('data', (c: Buffer) => stdout.push(c));
  child.stderr!.on('data', (c: Buffer) => stderr.push(c));
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => report.push(c));
  const backstop = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, timeoutMs + BACKSTOP_MS);
  return new Promise((resolve, reject) => {
    child.on('error', (err) => {
      clearTimeout(backstop);
      live.delete(child.pid!);
      reject(err);
    });
    child.on('close', () => {
      clearTimeout(backstop);
      live.delete(child.pid!);
      const text = Buffer.concat(report).toString('utf8');
      let parsed: SupervisorReport | null = null;
      try {
        parsed = text ? (JSON.parse(text) as SupervisorReport) : null;
      } catch {
        parsed = null;
      }
      resolve({ report: parsed, stdout: stdout.text(), stderr: stderr.text() });
    });
  });
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
  let cgroup: string | null = null;
  try {
    cgroup = makeCgroup(caps, spec.maxProcesses);
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
      cgroupProcs: cgroup ? path.join(cgroup, 'cgroup.procs') : null,
      rlimitNproc: isolation.processLimit === 'rlimit',
      isolateFs: caps.namespaces,
      strace: caps.strace,
      traceSyscalls: TRACED_SYSCALLS,
      pollExecs: !caps.strace,
      pollMs: 10,
      maxTraceLines: 20_000,
    };
    const { report, stdout, stderr } = await supervise(caps, config, spec.timeoutMs, dirs.root);
    const cgroupRefused = await closeCgroup(cgroup);
    cgroup = null;
    if (!report) throw new Error(`sandbox supervisor failed: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    const trace = caps.strace ? summariseTrace(report.traceLines) : { processesSpawned: report.polledExecs, networkAttempts: [], blockedWrites: [] };
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
      processLimitHit: report.processLimitHit || cgroupRefused,
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
    fs.rmSync(dirs.root, { recursive: true, force: true });
    // a run that failed before its result still leaves no cgroup behind
    if (cgroup) await closeCgroup(cgroup);
  }
}

/** Runs many specs, `concurrency` at a time (default: every core); results keep the input order. */
export function runAllSandboxed<T>(items: T[], toSpec: (item: T, index: number) => SandboxSpec, concurrency?: number): Promise<SandboxRun[]> {
  return inPool(items, (item, index) => runSandboxed(toSpec(item, index)), concurrency);
}
