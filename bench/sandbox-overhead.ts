/**
 * Benchmark: what the sandbox costs per run, and how many sandboxed runs a second the machine does.
 *
 *   npm run build && node dist/bench/sandbox-overhead.js [--runs N]
 *
 * Times a ~50 ms pipeline (a Python busy loop) started bare with spawn, and started through
 * runSandboxed (namespaces, read-only mounts, limits, measuring supervisor) with and without
 * strace; then the throughput of sandboxed runs one at a time and on every core. It is a
 * benchmark, not a test: it prints a table and exits 0.
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

/** Median wall time of `runs` sequential calls, ms. */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm the page cache and the capability probe
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
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
  console.log(`${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${runs} runs per row, median wall time\n`);
  const bareMs = await median(runs, bare);
  const rows: string[][] = [['bare spawn', bareMs.toFixed(1), '', '']];
  for (const trace of caps.strace ? [true, false] : [false]) {
    const ms = await median(runs, () => runSandboxed(spec(trace)));
    const overhead = (ms - bareMs) / bareMs;
    rows.push([`sandbox${trace ? ' + strace' : ', no tracing'}`, ms.toFixed(1), `${(overhead * 100).toFixed(0)}%`, overhead <= OVERHEAD_GOAL ? 'yes' : 'no']);
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
