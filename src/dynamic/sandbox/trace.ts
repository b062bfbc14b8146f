import type { NetworkAttempt, SpawnedProcess } from './types.js';

/** System calls the tracer stops on: process starts, connections, and writes that can be refused. */
export const TRACED_SYSCALLS = [
  'execve',
  'connect',
  'sendto',
  'sendmsg',
  'open',
  'openat',
  'creat',
  'mkdir',
  'mkdirat',
  'rename',
  'renameat',
  'renameat2',
  'unlink',
  'unlinkat',
  'symlink',
  'symlinkat',
  'link',
  'linkat',
  'truncate',
].join(',');

/**
 * strace starts ahead of the run on a waiter, which opens this (missing) path just before it
 * becomes the command: what the trace shows before it is the sandbox's own doing.
 */
export const WAITER_MARK = '/pipewarden-sandbox/command-starts-here';

export interface TraceSummary {
  processesSpawned: SpawnedProcess[];
  networkAttempts: NetworkAttempt[];
  blockedWrites: string[];
}

interface Call {
  pid: number;
  name: string;
  args: string;
  result: string;
}

const CALL = /^(\d+)\s+(\w+)\((.*)\)\s+=\s+(.*)$/;
const UNFINISHED = /^(\d+)\s+(\w+)\((.*?)\s*<unfinished \.\.\.>$/;
const RESUMED = /^(\d+)\s+<\.\.\. (\w+) resumed>(.*)\)\s+=\s+(.*)$/;

/** Joins `<unfinished ...>` / `<... resumed>` pairs (two processes interleaving) into whole calls. */
function calls(lines: string[]): Call[] {
  const pending = new Map<string, string>();
  const out: Call[] = [];
  for (const line of lines) {
    let m = CALL.exec(line);
    if (m) {
      out.push({ pid: Number(m[1]), name: m[2]!, args: m[3]!, result: m[4]! });
      continue;
    }
    m = UNFINISHED.exec(line);
    if (m) {
      pending.set(`${m[1]}:${m[2]}`, m[3]!);
      continue;
    }
    m = RESUMED.exec(line);
    if (m) {
      const key = `${m[1]}:${m[2]}`;
      out.push({ pid: Number(m[1]), name: m[2]!, args: (pending.get(key) ?? '') + m[3]!, result: m[4]! });
      pending.delete(key);
    }
  }
  return out;
}

const C_STRING = /"((?:[^"\\]|\\.)*)"(\.\.\.)?/g;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f', '"': '"', '\\': '\\' };

function unescapeC(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch));
      continue;
    }
    const next = text[i + 1] ?? '';
    const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1))?.[0];
    if (next === 'x') {
      bytes.push(parseInt(text.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (octal) {
      bytes.push(parseInt(octal, 8));
      i += octal.length;
    } else {
      bytes.push(...Buffer.from(ESCAPES[next] ?? next));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function strings(args: string): string[] {
  return [...args.matchAll(C_STRING)].map((m) => unescapeC(m[1]!));
}

function networkAttempt(call: Call): NetworkAttempt | undefined {
  const family = /sa_family=(AF_INET6?)\b/.exec(call.args)?.[1] as NetworkAttempt['family'] | undefined;
  if (!family) return undefined;
  const port = Number(/sin6?_port=htons\((\d+)\)/.exec(call.args)?.[1] ?? 0);
  const address = /inet_addr\("([^"]+)"\)/.exec(call.args)?.[1] ?? /inet_pton\(AF_INET6, "([^"]+)"/.exec(call.args)?.[1] ?? '';
  return { syscall: call.name, family, address, port, error: errorOf(call.result) };
}

function errorOf(result: string): string {
  return /^-1 (E[A-Z0-9]+)/.exec(result)?.[1] ?? '';
}

const WRITE_CALLS = new Set(['creat', 'mkdir', 'mkdirat', 'rename', 'renameat', 'renameat2', 'unlink', 'unlinkat', 'symlink', 'symlinkat', 'link', 'linkat', 'truncate']);
const WRITE_FLAGS = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/;

/** The path a refused write aimed at, for write-like calls the read-only mounts turned away. */
function blockedWrite(call: Call): string | undefined {
  if (errorOf(call.result) !== 'EROFS') return undefined;
  const isWrite = WRITE_CALLS.has(call.name) || ((call.name === 'open' || call.name === 'openat') && WRITE_FLAGS.test(call.args));
  return isWrite ? strings(call.args)[0] : undefined;
}

/**
 * The lines after the waiter's mark: the first one only, so that the command cannot hide what it
 * did by opening the path again.
 */
function afterMark(lines: string[]): string[] {
  return lines.slice(lines.findIndex((line) => line.includes(`"${WAITER_MARK}"`)) + 1);
}

/**
 * What strace saw the command do: programs started, connections tried, writes refused.
 * `fromWaiter`: strace started on the waiter (only then is a mark the waiter's).
 */
export function summariseTrace(lines: string[], fromWaiter = false): TraceSummary {
  const summary: TraceSummary = { processesSpawned: [], networkAttempts: [], blockedWrites: [] };
  for (const call of calls(fromWaiter ? afterMark(lines) : lines)) {
    if (call.name === 'execve' && call.result.startsWith('0')) {
      const [file, ...argv] = strings(call.args.replace(/\], 0x[0-9a-f]+.*$/, ']'));
      summary.processesSpawned.push({ pid: call.pid, path: file ?? '', argv });
    } else if (call.name === 'connect' || call.name === 'sendto' || call.name === 'sendmsg') {
      const attempt = networkAttempt(call);
      if (attempt) summary.networkAttempts.push(attempt);
    } else {
      const target = blockedWrite(call);
      if (target !== undefined && !summary.blockedWrites.includes(target)) summary.blockedWrites.push(target);
    }
  }
  return summary;
}
