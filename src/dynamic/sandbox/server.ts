import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { SERVER_SOURCE } from './supervisor.js';

/** Grace beyond the run's own timeout before the host side kills the whole sandbox. */
const BACKSTOP_MS = 10_000;
const SERVER_STDERR_BYTES = 4096;

export interface SupervisorReport {
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
  /** The command's last 64 KiB of each stream, base64. */
  stdout: string;
  stderr: string;
  traceLines: string[];
  /** strace started on the waiter, whose own calls come before the mark in `traceLines`. */
  tracedFromWaiter: boolean;
  polledExecs: { pid: number; path: string; argv: string[] }[];
}

interface Run {
  root: string;
  /** The run's supervisor, leader of its own process group; known once the server answers. */
  pid?: number;
  /** The report so far, base64 frames. */
  parts: string[];
  finished(outcome: Outcome): void;
}

/** How a run ended: its report, or the exit status of a supervisor that died without one (null: the server died). */
type Outcome = { report: string } | { status: number | null };

/** What the server and the supervisors say about a run: its pid, a frame of its report, its end. */
interface Answer {
  id: number;
  pid?: number;
  part?: string;
  reported?: boolean;
  status?: number;
}

/** How the server readies spares (see supervisor.ts); fixed by the run that starts it. */
export interface ServerSettings {
  python: string;
  /** Spares are cloned into fresh namespaces. */
  namespaces: boolean;
  /** How spares start strace ahead of their run: strace, the system calls to trace, and the path the waiter opens just before it becomes the command; null without strace. */
  tracing: [strace: string, syscalls: string, mark: string] | null;
  /** The pids cgroup under which each spare makes its own; null without one. */
  cgroups: string | null;
}

/** Handles that must not keep pipewarden alive once no run is waiting on them. */
type Handle = { ref(): void; unref(): void };

/**
 * One pre-imported Python server per pipewarden process (see supervisor.ts): a run is taken by a
 * supervisor forked into its namespaces ahead of time, instead of starting unshare, Python and
 * the imports every time. Started on the first run, started again if it dies.
 */
class Server {
  readonly child: ChildProcess;
  private readonly runs = new Map<number, Run>();
  private nextId = 1;
  private partial = '';
  private stderr = '';
  exited = false;

  constructor({ python, ...settings }: ServerSettings) {
    const argument = JSON.stringify({ ...settings, owner: process.pid });
    this.child = spawn(python, ['-S', '-I', '-c', SERVER_SOURCE, argument], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) (stream as unknown as Handle).unref();
    this.child.stdin!.on('error', () => {
      // the server died: its exit event settles every run
    });
    this.child.stdout!.setEncoding('utf8').on('data', (text: string) => this.receive(text));
    this.child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-SERVER_STDERR_BYTES);
    });
    this.child.on('error', (err) => this.stop(err.message));
    this.child.on('exit', (code, signal) => this.stop(`exited with ${signal ?? code}`));
  }

  /** Starts a run; resolves with how it ended. */
  start(config: object, root: string): { id: number; finished: Promise<Outcome> } {
    const id = this.nextId++;
    const finished = new Promise<Outcome>((resolve) => {
      this.runs.set(id, { root, parts: [], finished: resolve });
    });
    // a waiting run keeps pipewarden alive; an idle server does not
    if (this.runs.size === 1) (this.child.stdout as unknown as Handle).ref();
    const request = Buffer.from(JSON.stringify({ id, config }));
    this.child.stdin!.write(Buffer.concat([Buffer.from(String(request.length).padStart(10, '0')), request]));
    return { id, finished };
  }

  /** Kills a run's processes: its group, and with it the PID namespace its init leads. */
  kill(id: number): void {
    const pid = this.runs.get(id)?.pid;
    if (pid === undefined) {
      // no supervisor has taken it yet, or the server is stuck: its runs die with it
      this.child.kill('SIGKILL');
      return;
    }
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  /** Why the last failed run failed, when the server itself said something. */
  diagnostics(): string {
    return this.stderr.trim().split('\n').slice(-3).join(' ');
  }

  liveRuns(): Iterable<[number, Run]> {
    return this.runs;
  }

  private receive(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) {
      let answer: Answer;
      try {
        answer = JSON.parse(line) as Answer;
      } catch {
        this.stderr += `\nunexpected output: ${line.slice(0, 200)}`;
        continue;
      }
      const run = this.runs.get(answer.id);
      if (!run) continue;
      if (answer.pid !== undefined) run.pid = answer.pid;
      if (answer.part !== undefined) run.parts.push(answer.part);
      if (answer.reported) this.settle(answer.id, { report: Buffer.concat(run.parts.map((p) => Buffer.from(p, 'base64'))).toString('utf8') });
      else if (answer.status !== undefined) this.settle(answer.id, { status: answer.status });
    }
  }

  private settle(id: number, outcome: Outcome): void {
    const run = this.runs.get(id);
    if (!run) return;
    this.runs.delete(id);
    if (this.runs.size === 0) (this.child.stdout as unknown as Handle).unref();
    run.finished(outcome);
  }

  private stop(reason: string): void {
    if (this.exited) return;
    this.exited = true;
    this.stderr += `\nsandbox server ${reason}`;
    for (const id of [...this.runs.keys()]) this.settle(id, { status: null });
  }
}

let server: Server | undefined;
let exitHookInstalled = false;

/**
 * Runs still going are killed, and their directories removed, if pipewarden exits mid-run (Ctrl-C,
 * a crash). The server itself ends on its own once pipewarden's end closes its stdin, after
 * removing the cgroups it made.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    if (!server || server.exited) return;
    const runs = [...server.liveRuns()];
    for (const [id] of runs) server.kill(id);
    for (const [, run] of runs) fs.rmSync(run.root, { recursive: true, force: true });
  });
}

/**
 * Runs `config` under a measuring supervisor and returns its report (null when it sent none,
 * with the reason). `root` is the run's directory, removed if pipewarden exits mid-run.
 */
export async function supervise(
  settings: ServerSettings,
  config: object,
  timeoutMs: number,
  root: string,
): Promise<{ report: SupervisorReport | null; problem: string }> {
  if (!server || server.exited) server = new Server(settings);
  installExitHook();
  const current = server;
  const { id, finished } = current.start(config, root);
  const backstop = setTimeout(() => current.kill(id), timeoutMs + BACKSTOP_MS);
  const outcome = await finished;
  clearTimeout(backstop);
  if ('status' in outcome) return { report: null, problem: `${current.diagnostics()} (status ${outcome.status})` };
  let parsed: SupervisorReport & { error?: string };
  try {
    parsed = JSON.parse(outcome.report);
  } catch {
    return { report: null, problem: `unreadable report: ${outcome.report.slice(0, 200)}` };
  }
  if (parsed.error) return { report: null, problem: parsed.error.trim().split('\n').slice(-3).join(' ') };
  return { report: parsed, problem: '' };
}
