/**
 * Benchmark: profiling a CSV with pipewarden (DuckDB engine) against pandas, in the same run.
 *
 *   npm run build && node dist/bench/profile-vs-pandas.js [SIZE_MB] [--keep]
 *
 * Writes a CSV of 20 mixed columns of about SIZE_MB megabytes (default 1024) with a streaming
 * generator, then profiles it in a fresh process per tool: pipewarden computes every column
 * metric and security signal; pandas (Debian's /usr/bin/python3 with python3-pandas) computes
 * describe(), null rates and distinct counts. Prints seconds, MB/s and peak RSS of each. It is a
 * benchmark, not a test: it prints a table and exits 0, saying so when pandas is missing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { profileDataset } from '../src/data/profile/index.js';

const THROUGHPUT_GOAL = 5;
const RSS_GOAL_MB = 1024;
const PYTHON = '/usr/bin/python3';

const PANDAS = `
import resource, sys, time
start = time.perf_counter()
import pandas as pd
df = pd.read_csv(sys.argv[1])
df.describe(include="all")
df.isna().mean()
df.nunique()
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
`;

interface Measurement {
  seconds: number;
  /** User + system CPU seconds: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  maxRssMb: number;
}

if (process.argv[2] === '--child') {
  // One profile in this process, so its peak RSS is the profile's alone.
  const start = performance.now();
  await profileDataset({ engine: 'duckdb', file: process.argv[3]! }, { dataset: 'bench' });
  const usage = process.resourceUsage();
  process.stdout.write(`${(performance.now() - start) / 1000} ${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1e6}\n`);
} else {
  await main();
}

async function main(): Promise<void> {
  const sizeMb = Number(process.argv.slice(2).find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 1024);
  const keep = process.argv.includes('--keep');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-bench-profile-'));
  const file = path.join(dir, 'mixed.csv');
  try {
    const generated = await writeCsv(file, sizeMb * 1024 * 1024);
    const mb = fs.statSync(file).size / (1024 * 1024);
    process.stdout.write(`CSV: ${mb.toFixed(0)} MB, ${generated} rows, 20 columns, ${os.availableParallelism()} cores (shared machine: figures vary with load)\n\n`);
    const ours = measure(process.execPath, [fileURLToPath(import.meta.url), '--child', file]);
    const pandas = fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0 ? measure(PYTHON, ['-c', PANDAS, file]) : 'pandas not available';
    const rows = [row('pipewarden (DuckDB)', ours, mb), row('pandas', pandas, mb)];
    process.stdout.write(table(['tool', 'wall s', 'CPU s', 'MB/s (wall)', 'peak RSS MB'], rows));
    if (typeof ours !== 'string' && typeof pandas !== 'string') {
      const speedup = pandas.seconds / ours.seconds;
      const cpuRatio = pandas.cpuSeconds / ours.cpuSeconds;
      process.stdout.write(`\nthroughput ${speedup.toFixed(1)}x pandas by wall time (goal ≥ ${THROUGHPUT_GOAL}x: ${speedup >= THROUGHPUT_GOAL ? 'met' : 'NOT met'}), ${cpuRatio.toFixed(1)}x by CPU time\n`);
    }
    if (typeof ours !== 'string') process.stdout.write(`pipewarden peak RSS ${ours.maxRssMb.toFixed(0)} MB (goal < ${RSS_GOAL_MB} MB: ${ours.maxRssMb < RSS_GOAL_MB ? 'met' : 'NOT met'})\n`);
  } finally {
    if (keep) process.stdout.write(`kept ${file}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

function measure(command: string, args: string[]): Measurement | string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  const [seconds, rssKb, cpuSeconds] = (result.stdout ?? '').trim().split(/\s+/).map(Number);
  if (result.status !== 0 || !seconds || !rssKb || !cpuSeconds) return `failed: ${(result.stderr || String(result.error)).trim().split('\n').pop()}`;
  return { seconds, cpuSeconds, maxRssMb: rssKb / 1024 };
}

function row(tool: string, m: Measurement | string, mb: number): string[] {
  return typeof m === 'string' ? [tool, m, '', '', ''] : [tool, m.seconds.toFixed(1), m.cpuSeconds.toFixed(1), (mb / m.seconds).toFixed(1), m.maxRssMb.toFixed(0)];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, widths.map((w) => '-'.repeat(w)), ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}

/** Streams rows to the file until it reaches `bytes`, honouring back-pressure; returns the row count. */
async function writeCsv(file: string, bytes: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const header = [
    ...Array.from({ length: 6 }, (_, i) => `int_${i}`),
    ...Array.from({ length: 6 }, (_, i) => `float_${i}`),
    'category', 'country', 'user_id', 'email', 'comment', 'day', 'ts', 'flag',
  ];
  out.write(`${header.join(',')}\n`);
  let written = 0;
  let rows = 0;
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
  const categories = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
  const countries = ['DE', 'FR', 'US', 'JP', 'BR', 'IN', 'NG', 'GB', 'CA', 'AU'];
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++, rows++) {
      const cells: string[] = [];
      for (let c = 0; c < 6; c++) cells.push(random() < 0.02 ? '' : String(Math.floor(random() * 10 ** (c + 2))));
      for (let c = 0; c < 6; c++) cells.push(random() < 0.02 ? '' : (random() * 1000 - 500).toFixed(4));
      cells.push(categories[Math.floor(random() * categories.length)]!, countries[Math.floor(random() * countries.length)]!);
      cells.push(`u${Math.floor(random() * 1_000_000)}`, `user${Math.floor(random() * 100_000)}@example.com`);
      cells.push(random() < 0.001 ? '=HYPERLINK("http://x")' : `comment number ${Math.floor(random() * 50_000)} about item`);
      const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 700) * 86_400_000);
      cells.push(day.toISOString().slice(0, 10), day.toISOString().slice(0, 19).replace('T', ' '), random() < 0.5 ? 'true' : 'false');
      lines.push(cells.join(','));
    }
    const chunk = `${lines.join('\n')}\n`;
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return rows;
}
