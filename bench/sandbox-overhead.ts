/**
 * Benchmark: what the sandbox costs per run, and how many sandboxed runs a second the machine does.
 *
 *   npm run build && node dist/bench/sandbox-overhead.js [--runs N]
 *
 * Times a ~50 ms pipeline (a Python busy loop) started bare with spawn, and started through
 * runSandboxed (namespaces, read-only mounts, limits, measuring supervisor) with and without
 * strace, in interleaved rounds after one warm-up run of each (which also starts the sandbox's
 * long-lived server, a cost paid once per pipewarden process); then the throughput of sandboxed
 * runs one at a time and on every core. It is a benchmark, not a test: it prints a table and
 * exits 0.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { table } from '../src/cli/table.js';
import { hostCapabilities, inPool, runSandboxed, sandboxIsolation, type SandboxSpec } from '../src/dynamic/sandbox/index.js';

const OVERHEAD_GOAL = 0.2;
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const COMMAND = [PYTHON, '-S', '-c', 'import time\nt = time.perf_counter()\nwhile time.perf_counter() - t < 0.05: pass'];

function parseArgs(argv: string[]): { runs: number } {
  let runs = 20;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') {
      runs = Number(argv[++i]);
      if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number of at least 1, not "${argv[i]}"`);
    } else {
      throw new Error(`unknown argument ${argv[i]}; usage: sandbox-overhead.js [--runs N]`);
    }
  }
  return { runs };
}

function bare(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(COMMAND[0]!, COMMAND.slice(1), { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
}

const spec = (trace: boolean): SandboxSpec => ({ command: COMMAND, timeoutMs: 10_000, memoryBytes: 512 * 1024 ** 2, maxProcesses: 32, trace });

/**
 * Median wall time of each variant over `runs` rounds, ms. Every round times each variant once,
 * in a rotating order, so a load that comes and goes on a shared machine weighs on all alike.
 */
async function medians(runs: number, variants: (() => Promise<unknown>)[]): Promise<number[]> {
  for (const fn of variants) await fn(); // warm the page cache, the capability probe and the sandbox server
  const times: number[][] = variants.map(() => []);
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < variants.length; k++) {
      const index = (round + k) % variants.length;
      const start = performance.now();
      await variants[index]!();
      times[index]!.push(performance.now() - start);
    }
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!);
}

async function throughput(runs: number, concurrency: number, fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await inPool(Array.from({ length: runs }), fn, concurrency);
  return runs / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const { runs } = parseArgs(process.argv.slice(2));
  const caps = hostCapabilities();
  const isolation = sandboxIsolation(caps);
  console.log(`sandbox: network ${isolation.network ? 'isolated' : 'NOT isolated'}, filesystem ${isolation.filesystem ? 'read-only outside the work dir' : 'not isolated'}, process limit by ${isolation.processLimit}, tracing by ${isolation.tracing}`);
  console.log(`${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${runs} runs per row, median wall time, rows interleaved\n`);
  const traces = caps.strace ? [true, false] : [false];
  const [bareMs, ...sandboxMs] = await medians(runs, [bare, ...traces.map((trace) => () => runSandboxed(spec(trace)))]);
  const rows: string[][] = [['bare spawn', bareMs!.toFixed(1), '', '']];
  for (const [i, trace] of traces.entries()) {
    const overhead = (sandboxMs[i]! - bareMs!) / bareMs!;
    rows.push([`sandbox${trace ? ' + strace' : ', no tracing'}`, sandboxMs[i]!.toFixed(1), `${(overhead * 100).toFixed(0)}%`, overhead <= OVERHEAD_GOAL ? 'yes' : 'no']);
  }
  console.log(table(['50 ms pipeline', 'ms per run', 'overhead', `≤${OVERHEAD_GOAL * 100}%`], rows));
  const cores = os.availableParallelism();
  const rate: string[][] = [];
  for (const concurrency of [1, cores]) {
    rate.push([
      `${concurrency} at a time`,
      (await throughput(runs, concurrency, bare)).toFixed(1),
      (await throughput(runs, concurrency, () => runSandboxed(spec(true)))).toFixed(1),
    ]);
  }
  console.log(table(['parallel runs', 'bare execs/s', 'sandboxed execs/s'], rate));
}

await main();
