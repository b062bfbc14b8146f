/**
 * Benchmark: pipewarden against Bandit on the Python standard library.
 *
 *   npm run build && node dist/bench/stdlib-vs-bandit.js [--runs N] [STDLIB_DIR]
 *
 * Measures wall time, throughput and peak RSS of a cold pipewarden run, of a run against
 * a warm content-hash cache, and of Debian's `bandit -r` on the same tree, and counts the
 * findings each reports. It is a benchmark, not a test: it prints a table and exits 0 even
 * when a tool is missing or fails, saying so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_EXCLUDED_DIRS } from '../src/inventory/walk.js';

const CLI = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
/** Cache speed-up the design aims for: a warm run at least 10× faster than a cold one. */
const CACHE_GOAL = 10;
/** A tool that takes longer than this on the stdlib is broken, not slow. */
const RUN_TIMEOUT_MS = 60 * 60 * 1000;
/**
 * Third-party code some interpreters install inside the stdlib directory (pyenv, python.org
 * builds); leaving it out keeps the tree the same standard library everywhere.
 */
const THIRD_PARTY_DIRS = ['site-packages', 'dist-packages'];

/**
 * Runs the command in argv[2:] and writes its wall time, exit code and peak RSS to the
 * file in argv[1]. A fresh interpreter per measurement, so RUSAGE_CHILDREN covers exactly
 * that one command and its descendants (ru_maxrss is in KiB on Linux).
 */
const MEASURE = `
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[2:]).returncode
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as fh:
    json.dump({"seconds": seconds, "code": code,
               "maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}, fh)
`;

interface Tree {
  dir: string;
  files: number;
  lines: number;
}

interface Measurement {
  seconds: number;
  code: number;
  maxRssKb: number;
  stderr: string;
}

interface Row {
  tool: string;
  /** Median of the runs; undefined when the tool could not run. */
  seconds?: number;
  /** Highest peak RSS over the runs. */
  maxRssKb?: number;
  findings?: number;
  note?: string;
}

interface Args {
  runs: number;
  stdlib?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--runs takes a whole number of at least 1, not "${argv[i]}"`);
      args.runs = n;
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}; usage: stdlib-vs-bandit.js [--runs N] [STDLIB_DIR]`);
    } else {
      args.stdlib = arg;
    }
  }
  return args;
}

function commandOutput(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * Copies the .py files of the stdlib into `dest`, leaving out third-party packages and the
 * directories pipewarden never walks (`venv/`, `__pycache__/`…), so both tools see exactly
 * the same files; the copy also keeps the real stdlib untouched.
 */
function snapshotPythonTree(source: string, dest: string): Tree {
  const skip = new Set([...DEFAULT_EXCLUDED_DIRS, ...THIRD_PARTY_DIRS]);
  const tree: Tree = { dir: dest, files: 0, lines: 0 };
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    for (const entry of fs.readdirSync(path.join(source, rel), { withFileTypes: true })) {
      const entryRel = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) pending.push(entryRel);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        const text = fs.readFileSync(path.join(source, entryRel));
        fs.mkdirSync(path.join(dest, rel), { recursive: true });
        fs.writeFileSync(path.join(dest, entryRel), text);
        tree.files++;
        tree.lines += countLines(text);
      }
    }
  }
  return tree;
}

function countLines(text: Buffer): number {
  let lines = 0;
  for (const byte of text) if (byte === 0x0a) lines++;
  return text.length > 0 && text[text.length - 1] !== 0x0a ? lines + 1 : lines;
}

function measure(python: string, scratch: string, command: string[]): Measurement {
  const resultFile = path.join(scratch, 'measure.json');
  fs.rmSync(resultFile, { force: true });
  const run = spawnSync(python, ['-c', MEASURE, resultFile, ...command], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: RUN_TIMEOUT_MS,
  });
  if (!fs.existsSync(resultFile)) {
    // The wrapper itself failed (or timed out), so nothing was measured.
    return { seconds: NaN, code: -1, maxRssKb: NaN, stderr: `${run.error?.message ?? ''}${run.stderr}` };
  }
  const raw = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { seconds: number; code: number; maxrss_kb: number };
  return { seconds: raw.seconds, code: raw.code, maxRssKb: raw.maxrss_kb, stderr: run.stderr };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function arrayLength(report: unknown, key: string): number | undefined {
  const value = report !== null && typeof report === 'object' ? (report as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value.length : undefined;
}

function lastLines(text: string, n = 5): string {
  return text.trim().split('\n').slice(-n).join('\n    ');
}

/**
 * Runs one configuration `runs` times. `okCodes` are the exit codes of a completed scan
 * (Bandit exits 1 when it found something); any other code marks the row as failed.
 */
function runTool(
  python: string,
  scratch: string,
  tool: string,
  runs: number,
  command: string[],
  report: string,
  okCodes: number[],
  countFindings: (json: unknown) => number | undefined,
): { row: Row; json: unknown } {
  const measurements: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    fs.rmSync(report, { force: true });
    const m = measure(python, scratch, command);
    if (!Number.isFinite(m.seconds) || !okCodes.includes(m.code)) {
      console.log(`  ${tool}: exited with code ${m.code}; last lines of stderr:\n    ${lastLines(m.stderr)}`);
      return { row: { tool, note: `failed (exit ${m.code})` }, json: undefined };
    }
    measurements.push(m);
  }
  const json = readJson(report);
  const findings = countFindings(json);
  return {
    row: {
      tool,
      seconds: median(measurements.map((m) => m.seconds)),
      maxRssKb: Math.max(...measurements.map((m) => m.maxRssKb)),
      findings,
      note: findings === undefined ? 'no findings list in the JSON report' : undefined,
    },
    json,
  };
}

function formatNumber(value: number | undefined, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function printTable(tree: Tree, rows: Row[]): void {
  const header = ['tool', 'files', 'lines', 'seconds', 'files/s', 'lines/s', 'peak RSS MB', 'findings'];
  const body = rows.map((r) => [
    r.tool,
    formatNumber(tree.files),
    formatNumber(tree.lines),
    formatNumber(r.seconds, 2),
    formatNumber(r.seconds && tree.files / r.seconds),
    formatNumber(r.seconds && tree.lines / r.seconds),
    formatNumber(r.maxRssKb && r.maxRssKb / 1024, 1),
    r.note ?? formatNumber(r.findings),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const cells of body) console.log(line(cells));
}

function ratio(numerator: number | undefined, denominator: number | undefined): string {
  if (!numerator || !denominator || !Number.isFinite(numerator / denominator)) return 'n/a';
  return `${(numerator / denominator).toFixed(2)}×`;
}

function stats(json: unknown): Record<string, unknown> | undefined {
  const value = json !== null && typeof json === 'object' ? (json as Record<string, unknown>).stats : undefined;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const python = 'python3';
  const pythonVersion = commandOutput(python, ['--version']);
  if (pythonVersion === undefined) {
    console.log('python3 is not on PATH: it is needed to find the stdlib and to measure each run; benchmark skipped.');
    return;
  }
  const stdlib = args.stdlib ?? commandOutput(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])']);
  if (stdlib === undefined || !fs.existsSync(stdlib)) {
    console.log(`Python stdlib not found (${stdlib ?? 'sysconfig gave nothing'}); pass its path as an argument.`);
    return;
  }

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewarden-bench-'));
  try {
    const tree = snapshotPythonTree(stdlib, path.join(scratch, 'tree'));
    const banditVersion = commandOutput('bandit', ['--version'])?.split('\n')[0];
    console.log(`stdlib:   ${stdlib} (${python}: ${pythonVersion})`);
    console.log(`tree:     ${tree.files} .py files, ${tree.lines} lines, copied without ${THIRD_PARTY_DIRS.join('/')} and ${DEFAULT_EXCLUDED_DIRS.join(', ')}`);
    console.log(`machine:  ${os.cpus().length} CPUs, node ${process.version}, ${args.runs} run(s) per row, median time shown`);
    console.log('');

    const rows: Row[] = [];
    const notes: string[] = [];
    if (!fs.existsSync(CLI)) {
      console.log(`pipewarden CLI not found at ${CLI}: run \`npm run build\` first; pipewarden rows skipped.`);
    } else {
      const report = path.join(scratch, 'pipewarden.json');
      const cacheDir = path.join(scratch, 'cache');
      const assess = [process.execPath, CLI, 'assess', tree.dir, '--format', 'json', '--output', report, '--no-history', '--fail-on', 'none'];
      const findings = (json: unknown) => arrayLength(json, 'findings');
      const cold = runTool(python, scratch, 'pipewarden (cold, --no-cache)', args.runs, [...assess, '--no-cache'], report, [0], findings);
      // The first cached run analyses everything and fills the cache; only later runs are warm.
      const fill = runTool(python, scratch, 'pipewarden (filling cache)', 1, [...assess, '--cache-dir', cacheDir], report, [0], findings);
      const warm = runTool(python, scratch, 'pipewarden (warm cache)', args.runs, [...assess, '--cache-dir', cacheDir], report, [0], findings);
      rows.push(cold.row, fill.row, warm.row);

      const coldStats = stats(cold.json);
      const warmStats = stats(warm.json);
      if (coldStats) notes.push(`pipewarden cold run: ${coldStats.filesAnalyzed} files analysed, ${arrayLength(cold.json, 'errors')} scan errors, ${arrayLength(cold.json, 'skipped')} skipped`);
      if (warmStats) notes.push(`pipewarden warm run: ${warmStats.filesFromCache} of ${warmStats.filesAnalyzed} files from the cache`);
      const speedup = cold.row.seconds && warm.row.seconds ? cold.row.seconds / warm.row.seconds : undefined;
      notes.push(
        `cache speed-up cold/warm: ${ratio(cold.row.seconds, warm.row.seconds)} (goal ≥${CACHE_GOAL}×: ${speedup === undefined ? 'not measured' : speedup >= CACHE_GOAL ? 'met' : 'NOT met'})`,
      );
    }

    if (banditVersion === undefined) {
      console.log('bandit is not installed (`apt-get install -y bandit`): comparison with Bandit skipped.');
    } else {
      const report = path.join(scratch, 'bandit.json');
      const bandit = runTool(
        python,
        scratch,
        banditVersion,
        args.runs,
        ['bandit', '-r', tree.dir, '-f', 'json', '-o', report, '-q'],
        report,
        [0, 1],
        (json) => arrayLength(json, 'results'),
      );
      rows.push(bandit.row);
      if (bandit.json !== undefined) notes.push(`bandit: ${arrayLength(bandit.json, 'errors')} files it could not scan`);
      const cold = rows.find((r) => r.tool.startsWith('pipewarden (cold'));
      if (cold) {
        const speed = (r: Row) => (r.seconds ? tree.lines / r.seconds : undefined);
        notes.push(`pipewarden (cold) / bandit, lines/s: ${ratio(speed(cold), speed(bandit.row))}`);
        notes.push(`pipewarden (cold) / bandit, peak RSS: ${ratio(cold.maxRssKb, bandit.row.maxRssKb)}`);
      }
    }

    if (rows.length > 0) {
      console.log('');
      printTable(tree, rows);
      console.log('');
    }
    for (const note of notes) console.log(note);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  // A benchmark reports its own trouble and still exits 0, so it never breaks a script that runs it.
  console.log(`benchmark stopped: ${err instanceof Error ? err.message : String(err)}`);
}
